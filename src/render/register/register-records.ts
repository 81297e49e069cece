import { pageColumns, statedOnce, type Register, type RegisterCell } from './register-model.js';

/**
 * A record (30(1) or 30(2)) as the pages for people lay it out (register.html, register.md): one block per
 * activity, its name as the heading and each column as a labelled fact, the organisation's details stated once
 * and the columns no activity fills named once for the record, not under every activity.
 */
export interface RegisterRecord {
  kind: RegisterTable['kind'];
  caption: string;
  /** The headers of the columns that no activity fills (unfilledColumns). */
  unfilled: string[];
  activities: ActivityBlock[];
}

export interface ActivityBlock {
  /** The author's id: the HTML block's anchor. */
  id: string;
  name: string;
  facts: Array<{ label: string; values: RegisterCell }>;
}

// Callbacks are module-level functions and hot loops are written out: no closures made per call
// (docs/architecture.md, "No closures made per call").
type RegisterTable = Register['tables'][number];

/** A register table as a record of activity blocks; `notStated` is the register's 'niet vermeld'. */
export function registerRecord(table: RegisterTable, notStated: string): RegisterRecord {
  const unfilled = unfilledColumns(table, notStated);
  return {
    kind: table.kind,
    caption: table.caption,
    unfilled: [...unfilled].map((index) => table.columns[index]!.header),
    activities: activityBlocks(table, unfilled),
  };
}

const isIdColumn = (column: RegisterTable['columns'][number]): boolean => column.key === 'id';

/**
 * The columns that no row fills (a blank, or a required cell's 'niet vermeld' alone), but for those stated for
 * the organisation and those a page leaves out when blank: the record names them once, not as a label and a
 * dash under every activity (Doctolib's printed register had 84 such lines, iPractice's 'Systemen —' under
 * each of its three activities).
 */
function unfilledColumns(table: RegisterTable, notStated: string): Set<number> {
  const unfilled = new Set<number>();
  if (!table.rows.length) return unfilled;
  for (let index = 0; index < table.columns.length; index++) {
    const column = table.columns[index]!;
    // A required element (30(1)(b)–(f)) is a fact of every activity, 'niet vermeld' where it is missing: a
    // hospital's card with no recipients line, the list of missing ones elsewhere, read as complete (officer3 finding 3).
    if (index === table.rowHeader || column.organisationWide || column.omitWhenEmpty || column.required) continue;
    if (table.rows.every((row) => statesNothing(row[index], notStated))) unfilled.add(index);
  }
  return unfilled;
}

const statesNothing = (cell: RegisterCell | undefined, notStated: string): boolean =>
  !cell?.length || (cell.length === 1 && cell[0] === notStated);

/** Each row as a block: the naming column as its heading, every column not stated once for the organisation or the record as a labelled fact. */
function activityBlocks(table: RegisterTable, unfilled: ReadonlySet<number>): ActivityBlock[] {
  const idColumn = table.columns.findIndex(isIdColumn);
  const once = statedOnce(table);
  const shown = pageColumns(table);
  const blocks: ActivityBlock[] = [];
  for (const row of table.rows)
    blocks.push({
      id: row[idColumn]?.[0] ?? '',
      // The naming column's first value; the rest (a processor record's description) is a fact of its own.
      name: row[table.rowHeader]?.[0] ?? '',
      facts: rowFacts(table, shown, row, once, unfilled),
    });
  return blocks;
}

/**
 * A row's columns a page shows (`shown`, pageColumns: not the author's identifiers, which the block's anchor
 * holds) as labelled facts, but for its heading (the naming column's first value), the organisation-wide columns
 * stated once (statedOnce: what the organisation's details state, in every row), the record's unfilled columns and blanks a page leaves out.
 * A column in which a row differs is a fact in every block: the value most rows held, left out as the
 * organisation's, was another controller's when most purposes named it ('Hoofdkantoor B.V.' on no page).
 */
function rowFacts(
  table: RegisterTable,
  shown: readonly number[],
  row: RegisterTable['rows'][number],
  once: ReadonlySet<number>,
  unfilled: ReadonlySet<number>,
): ActivityBlock['facts'] {
  const facts: ActivityBlock['facts'] = [];
  for (const index of shown) {
    const column = table.columns[index]!;
    const values = row[index] ?? [];
    // The heading holds the first value; what follows it keeps the column's label ('Categorieën van verwerkingen', 30(2)(b)).
    if (index === table.rowHeader && values.length > 1) facts.push({ label: column.header, values: values.slice(1) });
    if (
      index !== table.rowHeader &&
      !unfilled.has(index) &&
      !once.has(index) &&
      !(column.omitWhenEmpty && values.length === 0)
    )
      facts.push({ label: column.header, values });
  }
  return facts;
}

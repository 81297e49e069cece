import { compileTemplate, createEnvironment, htmlCompileOptions, type Template } from '../template-compiler.js';
import type { Language } from '../../i18n/messages.js';
import { languageAlternates } from '../render-notice.js';
import { readTemplate } from '../templates.js';
import { pageColumns, type Register, type RegisterCell } from './register-model.js';
import type { RegisterAssessments } from './register-assessments.js';
import { trimLineEnds } from '../text-whitespace.js';

/** Partials defined here rather than in templates/partials/ (precompiled with the rest). */
export const REGISTER_PARTIALS = {
  lines: '{{#each (lines this)}}{{#unless @first}}<br>{{/unless}}{{this}}{{/each}}',
} as const;

let page: Template | undefined;

function template(): Template {
  if (page) return page;
  const env = createEnvironment();
  env.registerHelper('many', (cell: readonly string[]) => cell.length > 1);
  env.registerHelper('lines', (value: string) => value.split('\n'));
  for (const [name, source] of Object.entries(REGISTER_PARTIALS))
    env.registerPartial(name, compileTemplate(env, source, htmlCompileOptions));
  page = compileTemplate(env, readTemplate('register.html.hbs'), htmlCompileOptions);
  return page;
}

interface ActivityBlock {
  id: string;
  name: string;
  facts: Array<{ label: string; values: RegisterCell }>;
}

// Callbacks are module-level functions and hot loops are written out: no closures made per call
// (docs/architecture.md, "No closures made per call").
type RegisterTable = Register['tables'][number];

/**
 * What the organisation's details state for each organisation-wide column (RegisterColumn.stated): a row that holds
 * just that leaves it to them, and a row that differs (a purpose with a controller of its own) shows its own value
 * in its block. Not the value most rows hold: where every purpose was under a head office, that was the head
 * office, which no row then named (second-read review 3, finding 7).
 */
function usualValues(table: RegisterTable): Map<number, string> {
  const usual = new Map<number, string>();
  for (let index = 0; index < table.columns.length; index++) {
    const { stated } = table.columns[index]!;
    if (stated) usual.set(index, JSON.stringify(stated));
  }
  return usual;
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
    if (index === table.rowHeader || column.organisationWide || column.omitWhenEmpty) continue;
    if (table.rows.every((row) => statesNothing(row[index], notStated))) unfilled.add(index);
  }
  return unfilled;
}

const statesNothing = (cell: RegisterCell | undefined, notStated: string): boolean =>
  !cell?.length || (cell.length === 1 && cell[0] === notStated);

/** Each row as a block: the naming column as its heading, every column not stated once for the organisation or the record as a labelled fact. */
function activityBlocks(table: RegisterTable, unfilled: ReadonlySet<number>): ActivityBlock[] {
  const idColumn = table.columns.findIndex(isIdColumn);
  const usual = usualValues(table);
  const shown = pageColumns(table);
  const blocks: ActivityBlock[] = [];
  for (const row of table.rows)
    blocks.push({
      id: row[idColumn]?.[0] ?? '',
      // The naming column's first value; the rest (a processor record's description) is a fact of its own.
      name: row[table.rowHeader]?.[0] ?? '',
      facts: rowFacts(table, shown, row, usual, unfilled),
    });
  return blocks;
}

/**
 * A row's columns a page shows (`shown`, pageColumns: not the author's identifiers, which the block's anchor
 * holds) as labelled facts, but for its heading (the naming column's first value), the organisation's usual
 * values, the record's unfilled columns and blanks a page leaves out.
 */
function rowFacts(
  table: RegisterTable,
  shown: readonly number[],
  row: RegisterTable['rows'][number],
  usual: Map<number, string>,
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
      !(column.organisationWide && usual.get(index) === JSON.stringify(values)) &&
      !(column.omitWhenEmpty && values.length === 0)
    )
      facts.push({ label: column.header, values });
  }
  return facts;
}

/**
 * The register as a standalone, accessible HTML page: the organisation's
 * details once, then each record (30(1), and 30(2) when there is one) as one
 * block per activity with every column's content. Prints on landscape pages;
 * each language version names the others.
 */
export function registerToHtml(register: Register, languages: readonly Language[] = [register.lang]): string {
  const render = template();
  const { alternates, links } = languageAlternates(register.lang, languages, 'register.html', 'layout:registerReadIn');
  const records = register.tables.map((table) => record(table, register.notStated));
  const assessments = register.assessments && assessmentBlocks(register.assessments);
  return trimLineEnds(render({ ...register, records, assessments, alternates, languageLinks: links })).replace(
    /\n{2,}/g,
    '\n',
  );
}

/** The accepted findings as blocks of labelled facts (the finding, where, the reason), one a finding. */
function assessmentBlocks(assessments: RegisterAssessments): {
  caption: string;
  intro: string;
  items: Array<Array<{ label: string; value: string }>>;
} {
  const items = assessments.rows.map((row) =>
    assessments.columns.map((column, i) => ({ label: column.header, value: row[i] ?? '' })),
  );
  return { caption: assessments.caption, intro: assessments.intro, items };
}

function record(
  table: RegisterTable,
  notStated: string,
): {
  kind: RegisterTable['kind'];
  caption: string;
  unfilled: string[];
  activities: ActivityBlock[];
} {
  const unfilled = unfilledColumns(table, notStated);
  return {
    kind: table.kind,
    caption: table.caption,
    unfilled: [...unfilled].map((index) => table.columns[index]!.header),
    activities: activityBlocks(table, unfilled),
  };
}

/**
 * A CSS string: the text with every character but printable ASCII (quotes and backslashes
 * included) as a hexadecimal escape, so that no author text can end the string or the rule.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]/gu, cssEscape)}"`;
}

const cssEscape = (c: string): string => `\\${c.codePointAt(0)!.toString(16)} `;

/**
 * The register page's stylesheet (print: landscape), written beside it as register.css: the
 * template, then the text of the printed pages' header — the register's title at the left, the
 * version it was made from at the right (@page margin boxes; the stylesheet is the register's own), from the
 * second page on: the first has the title and version under its heading.
 */
export function registerStylesheet(register: Pick<Register, 'title' | 'versionLine'>): string {
  return (
    readTemplate('register.css') +
    '@media print {\n' +
    `  @page { @top-left { content: ${cssString(register.title)}; } @top-right { content: ${cssString(register.versionLine)}; } }\n` +
    // The first page shows both under its heading already.
    '  @page :first { @top-left { content: none; } @top-right { content: none; } }\n' +
    '}\n'
  );
}

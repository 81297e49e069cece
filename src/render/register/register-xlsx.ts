import { headerOf, pageColumns, statedOnce, type Register, type RegisterTable } from './register-model.js';
import type { RegisterAssessments } from './register-assessments.js';
import type { RegisterWithoutActivity } from './register-without-activity.js';
import { pagesAcross, printScale, type PrintedColumns } from './print-scale.js';
import { isHighSurrogate, isLowSurrogate } from '../surrogates.js';
import { writeXlsx, XlsxStyle, type ColumnRange, type XlsxSheet } from './xlsx-package.js';

/** Values of a multi-value cell go on lines of their own; cells wrap. */
const XLSX_VALUE_SEPARATOR = '\n';

/**
 * Printing: a register sheet prints landscape, its header row and the activity's name repeated on every
 * page (the author's ids in the sheet, not on paper), at the largest scale that prints it on as few pages
 * as it takes at its least scale (print-scale.ts). A scale worked out here, not a number of pages to fit:
 * LibreOffice fits a width to pages at the largest whole percentage that fills them, so a narrower table
 * printed larger on as many pages, or smaller on fewer (the seeds at 67% when their unfilled columns were
 * narrowed); and fitted to more pages wide than it needed at the size it printed, it printed a blank page.
 */
/** Points per line of 10-point text, and the padding of a row. */
const LINE_HEIGHT = 13;
const ROW_PADDING = 3;
/** Excel's largest row height, in points. */
const MAX_ROW_HEIGHT = 409;

/**
 * Lines a cell's text takes at a column width, wrapping at about the width; a conservative estimate.
 * A column's width counts digits of the body font; text is measured as DejaVu Sans draws it (the
 * widest font LibreOffice puts in Calibri's place where Carlito is missing): an 'i' or a space about
 * half a digit, an 'm' one and a half. Counting every character as a digit, with two spare, made
 * rows up to half as tall again as their text (Doctolib's first activity: 13 lines for the 10 printed),
 * and IES's Dutch workbook 24 printed pages (now 19).
 */
function linesAt(text: string, width: number, bold: boolean): number {
  const perLine = Math.max(1, (width - CELL_PADDING) / (bold ? BOLD_WIDTH : 1));
  let lines = 0;
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    lines += wrappedLines(text, start, end, perLine);
    if (newline < 0) return lines;
    start = newline + 1;
  }
}

/** Of a column's width, what a cell's padding and a line's rounding take (in digits). */
const CELL_PADDING = 1;
/** Bold text is wider than regular by about this much (DejaVu Sans Bold over Book). */
const BOLD_WIDTH = 1.12;

/** Widths in digits of DejaVu Sans's ASCII characters (advance over a digit's, rounded up); any other counts as 1. */
const CHARACTER_WIDTHS = new Float64Array(128).fill(1);
for (const [characters, width] of [
  ["iljIJ.,:;'!|", 0.5],
  ['ftr()[]/- ', 0.67],
  ['sczxyvk"', 0.95],
  ['mwMW@%', 1.55],
  ['ABCDGHKNOQRUVXY&', 1.25],
] as const)
  for (let i = 0; i < characters.length; i++) CHARACTER_WIDTHS[characters.charCodeAt(i)] = width;

const SPACE = 0x20;

/** The width in digits of a character (of its UTF-16 code unit; a surrogate pair's first). */
function characterWidth(code: number): number {
  return code < 128 ? CHARACTER_WIDTHS[code]! : 1;
}

/**
 * Lines text[from, to) (one line of a cell) takes wrapped at word ends, `perLine` digits a line; a word
 * longer than a line takes lines of its own ('Gezamenlijke verwerkingsverantwoordelijken' in a 28-wide
 * column is three lines, not the two its length alone gives: the header was cut off). One line if the
 * whole line's width fits. Words are what lies between single spaces, measured in place and in the same
 * pass as the whole line: no array of words, no strings made (a hot loop of every build). Widths are
 * summed a character at a time, left to right, from the line's start and from each word's.
 */
function wrappedLines(text: string, from: number, to: number, perLine: number): number {
  const space = CHARACTER_WIDTHS[SPACE]!;
  let total = 0;
  let lines = 1;
  let used = 0;
  let width = 0;
  for (let i = from; i <= to; i++) {
    const code = i < to ? text.charCodeAt(i) : SPACE;
    if (code !== SPACE) {
      // A surrogate pair is one character, of one width.
      if (isHighSurrogate(code) && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1))) i++;
      const w = characterWidth(code);
      total += w;
      width += w;
      continue;
    }
    if (i < to) total += space;
    const needed = used === 0 ? width : used + space + width;
    if (needed <= perLine) used = needed;
    else if (width <= perLine) {
      if (used !== 0) lines++;
      used = width;
    } else {
      lines += (used === 0 ? 0 : 1) + Math.ceil(width / perLine) - 1;
      used = width % perLine || perLine;
    }
    width = 0;
  }
  return total <= perLine ? 1 : lines;
}

/** Row heights tall enough for every wrapped cell, so that nothing is cut off on screen or in print; the first row is bold. */
function rowHeights(rows: ReadonlyArray<readonly string[]>, widths: readonly number[]): number[] {
  const heights: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!;
    let lines = 1;
    for (let i = 0; i < cells.length; i++)
      if (cells[i]) lines = Math.max(lines, linesAt(cells[i]!, widths[i]!, r === 0));
    heights.push(Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING));
  }
  return heights;
}

// Callbacks are module-level functions and hot loops are written out: no closures made per call
// (docs/architecture.md, "No closures made per call").
const headerFirst = (index: number): XlsxStyle => (index === 0 ? XlsxStyle.Header : XlsxStyle.Body);
const widthOf = (column: { width: number }): number => column.width;
const cellText = (cell: readonly string[]): string => cell.join(XLSX_VALUE_SEPARATOR);
const factRow = (fact: { label: string; value: string }): string[] => [fact.label, fact.value];

/**
 * The columns' widths, but for a column that no row fills: as narrow as its header's words allow without
 * making the header row taller than the other headers make it. Its full width held a header and blanks on
 * every printed page (Doctolib: the representative and the systems). No narrower: a taller header row,
 * repeated on every page, pushed rows onto pages of their own (narrowed to their longest word, Bib
 * Verloskundigen's 6 pages were 9), nor narrower than `notStated`, which its cells say, on one line.
 */
function columnWidths(table: RegisterTable, notStated: string): number[] {
  const widths = table.columns.map(widthOf);
  const blank: number[] = [];
  let headerLines = 1;
  for (let i = 0; i < widths.length; i++)
    if (table.rows.length && blankIn(table.rows, i)) blank.push(i);
    else headerLines = Math.max(headerLines, linesAt(table.columns[i]!.header, widths[i]!, true));
  for (const i of blank) {
    const column = table.columns[i]!;
    const least = headerWidth(column);
    // Nor narrower than its cells' 'niet vermeld' (sheetRows) on one line: every row would be taller.
    while (
      widths[i]! > least &&
      linesAt(column.header, widths[i]! - 1, true) <= headerLines &&
      linesAt(notStated, widths[i]! - 1, false) <= 1
    )
      widths[i]!--;
  }
  return widths;
}

function blankIn(rows: RegisterTable['rows'], column: number): boolean {
  for (const row of rows) if (row[column]!.length) return false;
  return true;
}

function longestWord(text: string): number {
  let longest = 0;
  for (const word of text.split(' ')) longest = Math.max(longest, word.length);
  return longest;
}

/** Characters beyond its longest word that a header's column keeps (register-model's CELL_MARGIN). */
const HEADER_MARGIN = 2;

/** The least width a column keeps: its header's longest word and HEADER_MARGIN. */
const headerWidth = (column: { header: string }): number => longestWord(column.header) + HEADER_MARGIN;

/**
 * The columns a record prints, after the activity's name that every page repeats: from the first to the last a
 * page shows (pageColumns: not the author's identifiers, which stay in the sheet for sorting and matching the CSV)
 * that is neither stated once for the organisation (statedOnce) nor blank in every row. Those stay in the sheet,
 * and the organisation sheet holds what they state: the first printed page of every record held only the
 * controller, two blank columns and the DPO (register5 finding 8). One run of columns, as a print area with
 * several would print each on pages of its own: such a column between two printed ones is printed.
 */
function printedColumns(table: RegisterTable): ColumnRange | undefined {
  const once = statedOnce(table);
  let from = -1;
  let to = -1;
  for (const i of pageColumns(table))
    if (i > table.rowHeader && !once.has(i) && !(table.rows.length && blankIn(table.rows, i))) {
      if (from < 0) from = i;
      to = i;
    }
  return from < 0 ? undefined : { from, to };
}

/** The printed columns and those repeated on every page: the activity's name (and any shown before it). */
function printSetup(table: RegisterTable): { printColumns: ColumnRange; repeatColumns?: ColumnRange } {
  const named = { from: pageColumns(table)[0] ?? 0, to: table.rowHeader };
  const printed = printedColumns(table);
  return printed ? { printColumns: printed, repeatColumns: named } : { printColumns: named };
}

/** Pages across a record aims at: an activity on two sheets of paper side by side (register5 finding 8). */
const PAGES_ACROSS = 2;
/** The least share of its width a printed column keeps to reach PAGES_ACROSS: past it, more pages across. */
const LEAST_SHARE = 0.6;

/**
 * The printed columns narrowed, each by the same share, the least that takes the record onto PAGES_ACROSS pages
 * across at the least scale — no column narrower than its header's longest word allows, nor than its cells need to
 * stay below Excel's tallest row. A record that does not fit on PAGES_ACROSS at LEAST_SHARE (narrowed further, its
 * rows grew taller than the pages across saved) takes the fewest pages across it fits on (Zorgburo's, whose systems
 * column keeps the security measures in print: three). Three pages across held GP's, Dental's and IES's records at
 * 81% (register5 finding 8).
 */
function narrowedToPages(
  widths: number[],
  table: RegisterTable,
  rows: ReadonlyArray<readonly string[]>,
  columns: PrintedColumns,
): number[] {
  const across = pagesAcross({ ...columns, widths });
  for (let pages = PAGES_ACROSS; pages < across; pages++) {
    const narrowed = narrowedTo(pages, widths, table, rows, columns);
    if (narrowed) return narrowed;
  }
  return widths;
}

/** The printed columns narrowed by the largest share that takes them onto `pages` pages across; none past LEAST_SHARE. */
function narrowedTo(
  pages: number,
  widths: readonly number[],
  table: RegisterTable,
  rows: ReadonlyArray<readonly string[]>,
  columns: PrintedColumns,
): number[] | undefined {
  // The least width of a column whose cell, narrowed further, took its row past Excel's tallest and would be cut
  // off (IES's recipients, Doctolib's data categories).
  const floors = new Map<number, number>();
  // No column narrower than its header's longest word allows: the same at every share.
  const headerLeast = table.columns.map(headerWidth);
  for (let share = 0.99; share >= LEAST_SHARE; share -= 0.01) {
    const narrowed = widths.slice();
    for (let i = columns.printFrom; i < columns.printTo; i++) {
      const least = Math.max(headerLeast[i]!, floors.get(i) ?? 0);
      narrowed[i] = Math.max(Math.min(widths[i]!, least), Math.round(widths[i]! * share));
    }
    if (pagesAcross({ ...columns, widths: narrowed }) > pages) continue;
    const overfull = overfullColumn(rows, narrowed, widths, columns);
    if (overfull === undefined) return narrowed;
    floors.set(overfull, leastFitting(rows, overfull, narrowed[overfull]!, widths[overfull]!));
    share += 0.01; // the same share again, that column no narrower than it fits
  }
  return undefined;
}

/** Whether a cell's text takes its row past Excel's largest row height at a width. */
const overfull = (text: string | undefined, width: number, bold: boolean): boolean =>
  !!text && linesAt(text, width, bold) * LINE_HEIGHT + ROW_PADDING >= MAX_ROW_HEIGHT;

/** A narrowed printed column (narrower than `widths`) with a cell that takes its row past Excel's largest row height. */
function overfullColumn(
  rows: ReadonlyArray<readonly string[]>,
  narrowed: readonly number[],
  widths: readonly number[],
  columns: PrintedColumns,
): number | undefined {
  for (let i = columns.printFrom; i < columns.printTo; i++)
    if (narrowed[i]! < widths[i]!)
      for (let r = 0; r < rows.length; r++) if (overfull(rows[r]![i], narrowed[i]!, r === 0)) return i;
  return undefined;
}

/** The least width from `from` up to `to` at which no cell of the column takes its row past Excel's largest height. */
function leastFitting(rows: ReadonlyArray<readonly string[]>, column: number, from: number, to: number): number {
  for (let width = from + 1; width < to; width++)
    if (rows.every((cells, r) => !overfull(cells[column], width, r === 0))) return width;
  return to;
}

function tableSheets(register: Register): XlsxSheet[] {
  const sheets: XlsxSheet[] = [];
  for (const table of register.tables) sheets.push(tableSheet(table, register.notStated));
  return sheets;
}

/**
 * A record's rows as the sheet's text: a blank cell (no joint controller, representative or systems named) says
 * 'niet vermeld', as the CSV and the pages do — a blank read as 'none' (officer8 R7). Which columns no row fills
 * (the print area, the widths) is still read from the record's own cells.
 */
function sheetRows(table: RegisterTable, notStated: string): string[][] {
  const rows = [table.columns.map(headerOf)];
  for (const row of table.rows) {
    const texts: string[] = [];
    for (const cell of row) texts.push(cell.length ? cellText(cell) : notStated);
    rows.push(texts);
  }
  return rows;
}

function tableSheet(table: RegisterTable, notStated: string): XlsxSheet {
  const rows = sheetRows(table, notStated);
  const { printColumns, repeatColumns } = printSetup(table);
  const columns = {
    repeatFrom: repeatColumns?.from ?? 0,
    repeatTo: repeatColumns ? repeatColumns.to + 1 : 0,
    printFrom: printColumns.from,
    printTo: printColumns.to + 1,
  };
  const widths = narrowedToPages(columnWidths(table, notStated), table, rows, { ...columns, widths: [] });
  const heights = rowHeights(rows, widths);
  return {
    name: table.sheetName,
    widths,
    rows,
    rowStyle: headerFirst,
    heights,
    // Header row and columns up to the activity's name frozen; on every printed page, the header row and the name.
    freeze: { columns: table.rowHeader + 1, rows: 1 },
    autoFilter: true,
    page: {
      orientation: 'landscape',
      size: {
        scale: printScale({ ...columns, widths, heights, rows }),
      },
      printColumns,
      ...(repeatColumns ? { repeatColumns } : {}),
    },
  };
}

/**
 * The organisation's details: label and value, portrait, as many pages tall as
 * they take at full size (fitted to one page, a large organisation's printed small).
 */
function organisationSheet(register: Register): XlsxSheet {
  const { organisation } = register;
  // The version line under a label of its own: the title as a 'Gegeven' read as a fact (officer3 finding 6); the
  // title heads every printed page and names the workbook.
  const rows = [
    [...organisation.head],
    [organisation.versionLabel, register.versionLine],
    ...organisation.facts.map(factRow),
  ];
  return listSheet(organisation.sheetName, [36, 80], rows, 'portrait');
}

/**
 * The findings the organisation accepted, after the records: a header row, then one row a finding (what
 * the check found, where, the reason as written), landscape, one page wide and as many tall as they take.
 */
function assessmentsSheet(assessments: RegisterAssessments): XlsxSheet {
  const rows = [assessments.columns.map(headerOf), ...assessments.rows.map((row) => [...row])];
  return listSheet(assessments.sheetName, assessments.columns.map(widthOf), rows, 'landscape');
}

/**
 * What the notice names that no activity processes, after the records: a header row, then one row a group or data
 * category (its kind, itself, its retention periods, that the register has no activity for it), landscape, one page
 * wide. Each row says the gap: a sheet has no place for a sentence above its table.
 */
function withoutActivitySheet(part: RegisterWithoutActivity): XlsxSheet {
  const rows = [part.columns.map(headerOf), ...part.rows.map(rowTexts)];
  return listSheet(part.sheetName, part.columns.map(widthOf), rows, 'landscape');
}

const rowTexts = (row: ReadonlyArray<readonly string[]>): string[] => row.map(cellText);

/** A sheet of a header row and rows of text, one page wide and as many pages tall as it takes. */
function listSheet(
  name: string,
  widths: number[],
  rows: string[][],
  orientation: XlsxSheet['page']['orientation'],
): XlsxSheet {
  return {
    name,
    widths,
    rows,
    rowStyle: headerFirst,
    heights: rowHeights(rows, widths),
    freeze: { columns: 0, rows: 1 },
    autoFilter: false,
    page: { orientation, size: { fitToWidth: 1, fitToHeight: 0 }, printColumns: { from: 0, to: widths.length - 1 } },
  };
}

/**
 * The register as an Excel workbook: the organisation's details first — the
 * register's title, its version, the controller, read and printed before the
 * activities — then one sheet per record (30(1), 30(2)), what the notice names that no activity processes
 * when it names any, and the findings the organisation accepted when it accepted any. It opens at the
 * first record. Same register, same bytes: the document's date is the
 * policy's effective date; the zip carries no clock.
 */
export function registerToXlsx(register: Register): Uint8Array {
  return writeXlsx({
    title: register.title,
    versionLine: register.versionLine,
    date: register.date,
    sheets: [
      organisationSheet(register),
      ...tableSheets(register),
      ...(register.withoutActivity ? [withoutActivitySheet(register.withoutActivity)] : []),
      ...(register.assessments ? [assessmentsSheet(register.assessments)] : []),
    ],
    activeSheet: 1,
  });
}

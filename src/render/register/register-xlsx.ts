import type { Register, RegisterTable } from './register-model.js';
import { writeXlsx, XlsxStyle, type XlsxSheet } from './xlsx-package.js';

/** Values of a multi-value cell go on lines of their own; cells wrap. */
export const XLSX_VALUE_SEPARATOR = '\n';

/**
 * Printing: a register sheet is fitted to as many landscape A4 pages wide as
 * keep its 10-point text at about 7 points or more (at most about 170
 * characters of column width a page), with the header row and the activity's
 * columns repeated on every page; it runs as many pages tall as it needs.
 * Measured in LibreOffice (pdftotext -bbox, median word height): 240 printed
 * the seeds at about 5.3 points, 180 at 6.3, 170 at 7.9 (Doctolib: 10 pages,
 * 12, 19).
 * (Asking LibreOffice for more pages wide than it needs at full size makes it
 * print a blank page: test/register-print.test.ts.)
 */
const PRINTED_CHARACTERS_PER_PAGE = 170;
/** Points per line of 10-point text, and the padding of a row. */
const LINE_HEIGHT = 13;
const ROW_PADDING = 3;
/** Excel's largest row height, in points. */
const MAX_ROW_HEIGHT = 409;

/** Lines a cell's text takes at a column width (characters), wrapping at about the width; a conservative estimate. */
function linesAt(text: string, width: number): number {
  const perLine = Math.max(1, width - 2);
  let lines = 0;
  for (const line of text.split('\n')) lines += wrappedLines(line, perLine);
  return lines;
}

/**
 * Lines a text takes wrapped at word ends, `perLine` characters a line; a word longer than a
 * line takes lines of its own ('Gezamenlijke verwerkingsverantwoordelijken' in a 28-wide
 * column is three lines, not the two its length alone gives: the header was cut off).
 */
function wrappedLines(line: string, perLine: number): number {
  if (line.length <= perLine) return 1;
  let lines = 1;
  let used = 0;
  for (const word of line.split(' ')) {
    const needed = used === 0 ? word.length : used + 1 + word.length;
    if (needed <= perLine) used = needed;
    else if (word.length <= perLine) [lines, used] = [lines + (used === 0 ? 0 : 1), word.length];
    else {
      lines += (used === 0 ? 0 : 1) + Math.ceil(word.length / perLine) - 1;
      used = word.length % perLine || perLine;
    }
  }
  return lines;
}

/** Row heights tall enough for every wrapped cell, so that nothing is cut off on screen or in print. */
function rowHeights(rows: ReadonlyArray<readonly string[]>, widths: readonly number[]): number[] {
  const heights: number[] = [];
  for (const cells of rows) {
    let lines = 1;
    for (let i = 0; i < cells.length; i++) if (cells[i]) lines = Math.max(lines, linesAt(cells[i]!, widths[i]!));
    heights.push(Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING));
  }
  return heights;
}

// Callbacks are module-level functions and hot loops are written out: no closures made per call
// (docs/architecture.md, "No closures made per call").
const headerFirst = (index: number): XlsxStyle => (index === 0 ? XlsxStyle.Header : XlsxStyle.Body);
const widthOf = (column: RegisterTable['columns'][number]): number => column.width;
const headerOf = (column: RegisterTable['columns'][number]): string => column.header;
const cellText = (cell: readonly string[]): string => cell.join(XLSX_VALUE_SEPARATOR);
const rowTexts = (row: ReadonlyArray<readonly string[]>): string[] => row.map(cellText);
const sum = (a: number, b: number): number => a + b;
const factRow = (fact: { label: string; value: string }): string[] => [fact.label, fact.value];

function tableSheet(table: RegisterTable): XlsxSheet {
  const widths = table.columns.map(widthOf);
  const rows = [table.columns.map(headerOf), ...table.rows.map(rowTexts)];
  const repeatColumns = table.rowHeader + 1;
  const repeatWidth = widths.slice(0, repeatColumns).reduce(sum, 0);
  const restWidth = widths.reduce(sum, 0) - repeatWidth;
  return {
    name: table.sheetName,
    widths,
    rows,
    rowStyle: headerFirst,
    heights: rowHeights(rows, widths),
    // Header row and columns up to the activity's name frozen, and repeated on every printed page.
    freeze: { columns: repeatColumns, rows: 1 },
    autoFilter: true,
    page: {
      orientation: 'landscape',
      fitToWidth: Math.max(1, Math.ceil(restWidth / (PRINTED_CHARACTERS_PER_PAGE - repeatWidth))),
      fitToHeight: 0,
      repeatColumns,
    },
  };
}

/**
 * The organisation's details: label and value, portrait, as many pages tall as
 * they take at full size (fitted to one page, a large organisation's printed small).
 */
function organisationSheet(register: Register): XlsxSheet {
  const { organisation } = register;
  const widths = [36, 80];
  const rows = [[...organisation.head], [register.title, register.versionLine], ...organisation.facts.map(factRow)];
  return {
    name: organisation.sheetName,
    widths,
    rows,
    rowStyle: headerFirst,
    heights: rowHeights(rows, widths),
    freeze: { columns: 0, rows: 1 },
    autoFilter: false,
    page: { orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, repeatColumns: 0 },
  };
}

/**
 * The register as an Excel workbook: the organisation's details first — the
 * register's title, its version, the controller, read and printed before the
 * activities — then one sheet per record (30(1), 30(2)). It opens at the
 * first record. Same register, same bytes: the document's date is the
 * policy's effective date; the zip carries no clock.
 */
export function registerToXlsx(register: Register): Uint8Array {
  return writeXlsx({
    title: register.title,
    versionLine: register.versionLine,
    date: register.date,
    sheets: [organisationSheet(register), ...register.tables.map(tableSheet)],
    activeSheet: 1,
  });
}

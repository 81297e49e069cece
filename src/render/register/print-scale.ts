/**
 * The scale a register sheet prints at, worked out from its column widths, row heights and cells as
 * LibreOffice lays them out on landscape A4 pages (register-xlsx.ts says why a scale).
 */

/** Characters of column width a landscape A4 page holds between its margins at full size: 784 pt at 6.35 pt a character (LibreOffice, measured). */
const PAGE_WIDTH = 123.5;
/** Points of rows a landscape A4 page holds between its top and bottom margins (half an inch each) at full size. */
const PAGE_HEIGHT = 523;
/** The least scale a record prints at, in percent: its 10-point text at 7.7 points, the least any seed printed at before. */
const LEAST_SCALE = 77;

/** What printScale needs of a sheet: its column widths, row heights (the header row first) and cells. */
export interface PrintedSheet {
  widths: readonly number[];
  heights: readonly number[];
  rows: ReadonlyArray<readonly string[]>;
  /** The columns repeated on every page: [from, to). */
  repeatFrom: number;
  repeatTo: number;
  /** The columns printed (the print area's), after the repeated ones: [from, to). */
  printFrom: number;
  printTo: number;
}

/** The columns of a sheet as pagesAcross reads them. */
export type PrintedColumns = Pick<PrintedSheet, 'widths' | 'repeatFrom' | 'repeatTo' | 'printFrom' | 'printTo'>;

/**
 * The scale a record prints at: the largest, up to full size, at which it takes no more pages than at
 * LEAST_SCALE — pages as LibreOffice breaks them (pagesAt).
 */
export function printScale(sheet: PrintedSheet): number {
  const fewest = pagesAt(LEAST_SCALE, sheet);
  for (let scale = 100; scale > LEAST_SCALE; scale--) if (pagesAt(scale, sheet) <= fewest) return scale;
  return LEAST_SCALE;
}

/** Pages a record's printed columns take across, beside the repeated ones, at the least scale. */
export function pagesAcross(sheet: PrintedColumns): number {
  return columnStarts(sheet, LEAST_SCALE).length - 1;
}

/** Where each page across starts: whole columns to a page's width, less the repeated columns. */
function columnStarts(sheet: PrintedColumns, scale: number): number[] {
  const { widths, repeatFrom, repeatTo } = sheet;
  let repeated = 0;
  for (let i = repeatFrom; i < repeatTo; i++) repeated += widths[i]!;
  return wholePieces(widths, sheet.printFrom, sheet.printTo, (PAGE_WIDTH * 100) / scale - repeated);
}

/**
 * Pages a sheet prints on at a scale: whole columns across and whole rows down, the header row and the
 * repeated columns on each page; a page whose own cells are all blank is left out, as LibreOffice does,
 * but for those of the first rows, which hold the header row (Doctolib's 'Systemen' printed alone).
 */
function pagesAt(scale: number, sheet: PrintedSheet): number {
  const { heights } = sheet;
  const across = columnStarts(sheet, scale);
  const down = wholePieces(heights, 1, heights.length, (PAGE_HEIGHT * 100) / scale - heights[0]!);
  let pages = across.length - 1;
  for (let band = 1; band < down.length - 1; band++)
    for (let page = 0; page < across.length - 1; page++)
      if (!blankBlock(sheet.rows, down[band]!, down[band + 1]!, across[page]!, across[page + 1]!)) pages++;
  return pages;
}

/**
 * Where each page starts: indices into sizes, from `from` to `to`, whole ones to a page of `room`, a page started
 * where the next does not fit; the last entry is `to`.
 */
function wholePieces(sizes: readonly number[], from: number, to: number, room: number): number[] {
  const starts = [from];
  let used = 0;
  for (let i = from; i < to; i++)
    if (used === 0 || used + sizes[i]! <= room) used += sizes[i]!;
    else {
      starts.push(i);
      used = sizes[i]!;
    }
  starts.push(to);
  return starts;
}

function blankBlock(rows: PrintedSheet['rows'], top: number, bottom: number, left: number, right: number): boolean {
  for (let r = top; r < bottom; r++) for (let c = left; c < right; c++) if (rows[r]![c]) return false;
  return true;
}

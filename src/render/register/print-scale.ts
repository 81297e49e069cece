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
}

/**
 * The scale a record prints at: the largest, up to full size, at which it takes no more pages than at
 * LEAST_SCALE — pages as LibreOffice breaks them (pagesAt).
 */
export function printScale(sheet: PrintedSheet): number {
  const fewest = pagesAt(LEAST_SCALE, sheet);
  for (let scale = 100; scale > LEAST_SCALE; scale--) if (pagesAt(scale, sheet) <= fewest) return scale;
  return LEAST_SCALE;
}

/**
 * Pages a sheet prints on at a scale: whole columns across and whole rows down, the header row and the
 * repeated columns on each page; a page whose own cells are all blank is left out, as LibreOffice does,
 * but for those of the first rows, which hold the header row (Doctolib's 'Systemen' printed alone).
 */
function pagesAt(scale: number, sheet: PrintedSheet): number {
  const { widths, heights, repeatFrom, repeatTo } = sheet;
  let repeated = 0;
  for (let i = repeatFrom; i < repeatTo; i++) repeated += widths[i]!;
  const across = wholePieces(widths, repeatTo, (PAGE_WIDTH * 100) / scale - repeated);
  const down = wholePieces(heights, 1, (PAGE_HEIGHT * 100) / scale - heights[0]!);
  let pages = across.length - 1;
  for (let band = 1; band < down.length - 1; band++)
    for (let page = 0; page < across.length - 1; page++)
      if (!blankBlock(sheet.rows, down[band]!, down[band + 1]!, across[page]!, across[page + 1]!)) pages++;
  return pages;
}

/**
 * Where each page starts: indices into sizes, from `from`, whole ones to a page of `room`, a page started
 * where the next does not fit; the last entry is sizes.length.
 */
function wholePieces(sizes: readonly number[], from: number, room: number): number[] {
  const starts = [from];
  let used = 0;
  for (let i = from; i < sizes.length; i++)
    if (used === 0 || used + sizes[i]! <= room) used += sizes[i]!;
    else {
      starts.push(i);
      used = sizes[i]!;
    }
  starts.push(sizes.length);
  return starts;
}

function blankBlock(rows: PrintedSheet['rows'], top: number, bottom: number, left: number, right: number): boolean {
  for (let r = top; r < bottom; r++) for (let c = left; c < right; c++) if (rows[r]![c]) return false;
  return true;
}

import type { Inline, Table } from './outline.js';

/**
 * Whether a notice table is a card per row at every width (notice.css, `.policyc-table-cards`),
 * not only on a narrow screen. Cells keep their words whole, so a table is at least as wide as its
 * columns' longest words together; where those cannot fit in the notice's column, it is cards.
 *
 * Measured in Chromium with DejaVu Sans (a wide font) on the nine seeds' 4-column tables: 9–11 px
 * per character of those words, padding included. The column is at most about 45rem and every
 * table is cards below 44rem (704 px), so 64 characters is the most a table may need.
 * Links do not count: an address may break anywhere. More than four columns is always cards:
 * each column would have about 7rem.
 */
const MOST_COLUMNS = 4;
const MOST_WORD_CHARACTERS = 64;

export function isCardTable(table: Table): boolean {
  if (table.head.length > MOST_COLUMNS) return true;
  const longest = table.head.map(longestWord);
  for (const row of table.rows)
    for (let i = 0; i < row.length; i++) longest[i] = Math.max(longest[i]!, cellWord(row[i]!));
  return longest.reduce((sum, n) => sum + n, 0) > MOST_WORD_CHARACTERS;
}

/** The longest word of a cell's text runs, links left out. */
function cellWord(cell: readonly Inline[]): number {
  let most = 0;
  for (const inline of cell) if (!inline.href) most = Math.max(most, longestWord(inline.text));
  return most;
}

/** Characters (code points) in the longest run of non-space characters. */
function longestWord(text: string): number {
  let most = 0;
  for (const word of text.split(/\s+/)) most = Math.max(most, [...word].length);
  return most;
}

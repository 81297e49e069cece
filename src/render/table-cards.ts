import type { Inline, Table } from './outline.js';
import { isHighSurrogate, isLowSurrogate } from './surrogates.js';

/**
 * Whether a notice table is a card per row at every width (notice.css, `.policyc-table-cards`),
 * not only on a narrow screen. Cells keep their words whole, so a table is at least as wide as its
 * columns' longest words together; where those cannot fit in the notice's column, it is cards.
 *
 * Measured in Chromium with DejaVu Sans (a wide font) on the nine seeds' 4-column tables: 9–11 px
 * per character of those words, padding included. The column is at most about 45rem and every
 * table is cards where the notice is narrower than 41.5em of its own text (notice.css's container
 * query; a 44em window where container queries are missing), so 64 characters is the most a table may need.
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

/**
 * Characters (code points) in the longest run of non-space characters (`\s`), counted in place: splitting
 * every cell into words and each word into code points was about 1% of a warm compile.
 */
function longestWord(text: string): number {
  let most = 0;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) length = 0;
    // A surrogate pair is one code point: its second half is not counted.
    else if (!(isLowSurrogate(code) && isHighSurrogate(text.charCodeAt(i - 1)))) most = Math.max(most, ++length);
  }
  return most;
}

/** What `\s` matches: ASCII and Unicode white space, line terminators and U+FEFF. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

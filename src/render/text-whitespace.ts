/**
 * Whitespace handling for author text, in linear time. Regular expressions
 * such as `\s*\n\s*` or `[ \t]+$` backtrack over every run of spaces that is
 * not followed by what they look for: quadratic on a long run (a purpose
 * name of 50,000 spaces took a minute). These loops never look back.
 */

/** The line breaks CommonMark knows (LF, CR, CRLF) and the Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

/** Line breaks, with the whitespace around them, folded into single spaces; the result trimmed. */
export function foldLineBreaks(value: string): string {
  return value
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** The end of `value[from, to)` without trailing spaces and tabs. */
function endWithoutSpaces(value: string, from: number, to: number): number {
  let end = to;
  while (end > from && isSpaceOrTab(value.charCodeAt(end - 1))) end--;
  return end;
}

/** The text without spaces and tabs at either end (other whitespace stays). */
export function trimSpacesAndTabs(value: string): string {
  let start = 0;
  while (start < value.length && isSpaceOrTab(value.charCodeAt(start))) start++;
  return value.slice(start, endWithoutSpaces(value, start, value.length));
}

/**
 * Every line without trailing spaces and tabs. Copies only around the lines it
 * trims: a multi-megabyte document with nothing to trim comes back as it is.
 */
export function trimLineEnds(text: string): string {
  let trimmed = '';
  let copied = 0;
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const kept = endWithoutSpaces(text, start, end);
    if (kept < end) {
      trimmed += text.slice(copied, kept);
      copied = end;
    }
    if (newline < 0) return copied === 0 ? text : trimmed + text.slice(copied);
    start = newline + 1;
  }
}

/** What trimEnd() removes: whitespace and line terminators, the same set as `\s`. */
const TRAILING_SPACE = /\s/;

/**
 * A generated document tidied in one pass: every line without trailing
 * spaces and tabs, no blank lines at the start, at most one blank line in a
 * row, no whitespace at the end, and one final newline. The same as
 * `trimLineEnds` followed by `/\n{3,}/g` → two newlines, `/^\n+/` → nothing
 * and `trimEnd()`, at a fraction of the cost (a notice page is tidied four
 * times per language).
 */
export function tidyDocument(text: string): string {
  // Kept text is copied in runs: a run grows while the source between two kept
  // lines is exactly the separator written (one or two line breaks), so a
  // document with little to tidy costs a few slices, not one per line.
  let tidied = '';
  let runStart = -1;
  let runEnd = 0;
  let breaks = 0;
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const kept = endWithoutSpaces(text, start, end);
    if (kept > start) {
      if (runStart < 0) runStart = start;
      else if (start - runEnd !== Math.min(breaks, 2)) {
        tidied += text.slice(runStart, runEnd) + (breaks >= 2 ? '\n\n' : '\n');
        runStart = start;
      }
      runEnd = kept;
      breaks = 0;
    }
    if (newline < 0) {
      if (runStart < 0) return '\n';
      // trimEnd() copies the whole text even when there is nothing to trim; the last kept line ends
      // without spaces and tabs, so there is something only when it ends in other whitespace.
      const trim = TRAILING_SPACE.test(text.charAt(runEnd - 1));
      // Already tidy (one run, the whole text but its final newline): the text itself, not a copy made
      // of a slice and a newline, which writing it would flatten again (a notice page is a few hundred
      // kilobytes of UTF-16, allocated apart from the young objects, and collected with the old ones).
      if (!trim && tidied === '' && runStart === 0 && runEnd === text.length - 1 && text.charCodeAt(runEnd) === 0x0a)
        return text;
      const tidiedText = tidied + text.slice(runStart, runEnd);
      return (trim ? tidiedText.trimEnd() : tidiedText) + '\n';
    }
    breaks++;
    start = newline + 1;
  }
}

import { closingQuote } from './json-string-end.js';

/** Nesting deeper than this is refused before parsing: no policy needs it, and parsers recurse once per level. */
export const MAX_JSON_DEPTH = 64;

/**
 * The 1-based line and column of the bracket that takes JSON text deeper
 * than `limit`, or undefined. A linear scan that skips strings; it does not
 * validate anything else (the parser does).
 */
export function findTooDeep(text: string, limit = MAX_JSON_DEPTH): { line: number; column: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = closingQuote(text, i); // a string: nothing in it counts, not even a line break
      if (i === -1) return undefined; // it runs to the end
    } else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return { line, column: i - lineStart + 1 };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

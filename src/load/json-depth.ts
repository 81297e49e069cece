import { closingQuote } from './json-string-end.js';

/** Nesting deeper than this is refused before parsing: no policy needs it, and parsers recurse once per level. */
export const MAX_JSON_DEPTH = 64;

/**
 * The 1-based line and column of the bracket that takes JSON text deeper
 * than `limit` (`tooDeep`), and the number of colons outside strings
 * (`colons`: in JSON that JSON.parse accepts, one per object member, so
 * fewer members in the parsed value means a key was written twice). A linear
 * scan that skips strings; it does not validate anything else (the parser does).
 */
export function scanJson(
  text: string,
  limit = MAX_JSON_DEPTH,
): { tooDeep?: { line: number; column: number }; colons: number } {
  let depth = 0;
  let colons = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = closingQuote(text, i); // a string: nothing in it counts, not even a line break
      if (i === -1) return { colons }; // it runs to the end
    } else if (c === 0x3a) colons++;
    else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return { tooDeep: { line, column: i - lineStart + 1 }, colons };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return { colons };
}

/** The members of every object in a value JSON.parse made (their number, compared with scanJson's colons). */
export function memberCount(value: unknown): number {
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) count += nested(value[i]);
    return count;
  }
  const values = Object.values(value as object);
  count = values.length;
  for (let i = 0; i < values.length; i++) count += nested(values[i]);
  return count;
}

const nested = (value: unknown): number => (typeof value === 'object' && value !== null ? memberCount(value) : 0);

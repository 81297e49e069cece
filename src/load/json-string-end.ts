const QUOTE = '"';
const BACKSLASH = 0x5c;

/**
 * The index of the quote that closes the JSON string whose opening quote is
 * at `open`, or -1 when none does: the first quote after it that is not
 * escaped, i.e. not preceded by an odd run of backslashes (each backslash
 * escapes the character after it). It jumps from quote to quote with
 * indexOf instead of stepping through the string's characters, most of a
 * policy's text, which a cold process runs in its interpreter.
 */
export function closingQuote(text: string, open: number): number {
  for (let quote = text.indexOf(QUOTE, open + 1); quote !== -1; quote = text.indexOf(QUOTE, quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return -1;
}

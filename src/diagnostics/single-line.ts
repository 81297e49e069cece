/**
 * Every line break an author's text may hold: CR LF as one, then CR, LF, vertical tab, form feed, NEL (U+0085) and
 * the Unicode line and paragraph separators (U+2028, U+2029).
 */
const LINE_BREAK = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/g;

/**
 * A text for a report that gives one line per item (compact, the text report, diff's text report): each line break
 * in it shown as '↵' (U+21B5), visible where the author broke the line, and no longer a break. Without it a purpose
 * named "X\r\n::error::pwned" gave a line of its own, which a problem matcher reads as another finding and the GitHub
 * Actions runner as a workflow command. No locale message holds a line break, so only author text is changed. JSON
 * and SARIF keep the text as it is: their syntax escapes it.
 */
export function singleLine(text: string): string {
  return text.replace(LINE_BREAK, '↵');
}

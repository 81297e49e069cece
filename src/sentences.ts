/**
 * The sentences of a text: split after '.', '!', '?' or ';' and the whitespace that follows, and where a Markdown
 * block starts: at a blank line, or at a line that opens with a list marker ('-', '*', '+', '1.', '1)'), a heading
 * ('#') or a block quote ('>'). A line break inside a paragraph (a sentence wrapped in an editor or pasted from a
 * word processor) is no split: it is read as a space, so a wrapped sentence is one sentence and its quote one line.
 * An abbreviation only splits one too many. One splitter for the check's wording rules (check/wording-rules.ts,
 * rights-rules.ts, special-category-rules.ts, care-rules.ts) and for the notice's test of whether the author
 * already said something (render/author-mentions.ts), outside both stages as render does not import the checker. A
 * clause after ';' is a sentence of its own: for the notice a split too many only costs a repeated fact, where a
 * sentence too long could find a place or period beside a word that belongs to another clause.
 */
export const sentences = (text: string): string[] =>
  text.split(sentenceBreak).map((sentence) => sentence.replace(softBreak, ' '));

const sentenceBreak = /(?<=[.!?;])\s+|\n(?:[ \t]*\n)+|\n(?=[ \t]*(?:>|(?:[-*+]|#{1,6}|\d{1,9}[.)])[ \t]))/;
// Anchored where a run of blanks starts (the lookbehind): without it, each blank of a long run without a line break
// started a match that scanned the run to its end, quadratic in the run (1 MB of spaces took minutes).
const softBreak = /(?<![ \t])[ \t]*\n[ \t]*/g;

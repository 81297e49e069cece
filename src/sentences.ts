/**
 * The sentences of a text: split after '.', '!', '?' or ';' and the whitespace that follows, and at a line break
 * (a Markdown text's paragraphs and list items are sentences too). An abbreviation only splits one too many. One
 * splitter for the check's wording rules (check/wording-rules.ts, rights-rules.ts, special-category-rules.ts,
 * care-rules.ts) and for the notice's test of whether the author already said something
 * (render/author-mentions.ts), outside both stages as render does not import the checker. A clause after ';' is a
 * sentence of its own: for the notice a split too many only costs a repeated fact, where a sentence too long could
 * find a place or period beside a word that belongs to another clause.
 */
export const sentences = (text: string): string[] => text.split(/(?<=[.!?;])\s+|\n+/);

/**
 * The words that plainly negate a sentence, in Dutch and English: the one list that the patterns reading a negation
 * start from (special-category-words, dutch-care-law, render/author-mentions), each adding the words its reading needs.
 */
const negations = ['geen', 'niet', 'nooit', 'no', 'not', 'never'];

/** The negations and `more` as one alternation, for a pattern to place between its own word boundaries. */
export const negationAlternatives = (...more: string[]): string => [...negations, ...more].join('|');

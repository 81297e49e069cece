/**
 * A value as one run of text, for a format that cannot break a line inside a cell (a GFM table): its own
 * lines (paragraphs, list items) run on, a sentence's end or a lead-in ('Bijvoorbeeld:') followed by a space,
 * any other line by '; '.
 */
export function valueOnOneLine(value: string): string {
  let run = '';
  for (const line of value.split('\n')) {
    const text = line.trim();
    if (text) run += run ? (endsClause(run) ? ' ' : VALUE_SEPARATOR) + text : text;
  }
  return run;
}

/** Between two lines that are phrases: the separator a list of phrases takes. */
const VALUE_SEPARATOR = '; ';

const endsClause = (text: string): boolean => ENDS_CLAUSE.test(text) && !ENDS_IN_ABBREVIATION.test(text);

/** Sentence punctuation (or a colon, semicolon or comma) at the end, perhaps inside a closing quote or bracket. */
const ENDS_CLAUSE = /[.!?…:;,]["'”’)\]]*$/u;

/**
 * A last word that is an abbreviation, not a sentence's end: letters with a stop after each
 * ('B.V.', 'N.V.', 'S.p.A.', 'e.g.'), an initial ('J.') or a company form ('Inc.', 'Ltd.').
 */
const ENDS_IN_ABBREVIATION = /(?:^|[\s(])(?:(?:\p{L}{1,3}\.){2,}|\p{Lu}\.|(?:Inc|Ltd|Co|Corp|Bros)\.)$/u;

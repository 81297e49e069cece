/**
 * A register cell's values as one run of text, for a format that cannot break a line inside a
 * cell (a GFM table). A value that ends a sentence or leads into the next ('… worden bewaard.',
 * 'Bijvoorbeeld:') is followed by a space; any other by '; ' — a bare '; ' read '… worden
 * bewaard.; Medische gegevens …'. A name that ends in an abbreviation ('iPractice Zorg B.V.',
 * 'CloudHost Inc.') ends no sentence: '; ' follows it. A value's own lines (paragraphs, list
 * items) are joined the same way.
 */
export function runOfValues(values: readonly string[]): string {
  let run = '';
  for (const value of values)
    for (const line of value.split('\n')) {
      const text = line.trim();
      if (!text) continue;
      run += run ? (endsClause(run) ? ' ' : VALUE_SEPARATOR) + text : text;
    }
  return run;
}

/** Between two values that run on: the separator a list of phrases takes. */
const VALUE_SEPARATOR = '; ';

const endsClause = (text: string): boolean => ENDS_CLAUSE.test(text) && !ENDS_IN_ABBREVIATION.test(text);

/** Sentence punctuation (or a colon, semicolon or comma) at the end, perhaps inside a closing quote or bracket. */
const ENDS_CLAUSE = /[.!?…:;,]["'”’)\]]*$/u;

/**
 * A last word that is an abbreviation, not a sentence's end: letters with a stop after each
 * ('B.V.', 'N.V.', 'S.p.A.', 'e.g.'), an initial ('J.') or a company form ('Inc.', 'Ltd.').
 */
const ENDS_IN_ABBREVIATION = /(?:^|[\s(])(?:(?:\p{L}{1,3}\.){2,}|\p{Lu}\.|(?:Inc|Ltd|Co|Corp|Bros)\.)$/u;

/**
 * A register cell's values as one run of text, for a format that cannot break a line inside a
 * cell (a GFM table). Between two values, always '; ': after a value that ended a sentence the values
 * ran together ('… met wie. Leeftijd; Camerabeelden', register5 finding 9); the value's closing full
 * stop gives way to it ('… in uw medisch dossier; Foto's …'), as a bare '; ' read '… worden bewaard.;
 * Medische gegevens …'. A name that ends in an abbreviation ('iPractice Zorg B.V.', 'CloudHost Inc.')
 * keeps its stop. A value's own lines (paragraphs, list items) are one text: a sentence's end or a
 * lead-in ('Bijvoorbeeld:') is followed by a space, any other line by '; '.
 */
export function runOfValues(values: readonly string[]): string {
  let run = '';
  for (const value of values) {
    const own = linesRunOn(value);
    if (own) run = run ? `${betweenValues(run)}${own}` : own;
  }
  return run;
}

/** One value's lines run on: a space after a sentence's end or a lead-in, '; ' after a phrase. */
function linesRunOn(value: string): string {
  let run = '';
  for (const line of value.split('\n')) {
    const text = line.trim();
    if (text) run += run ? (endsClause(run) ? ' ' : VALUE_SEPARATOR) + text : text;
  }
  return run;
}

/** The run so far, ready for the next value: '; ' after it, its closing full stop given way; a space after a lead-in. */
function betweenValues(run: string): string {
  if (LEADS_ON.test(run)) return `${run} `;
  if (FULL_STOP.test(run) && !ENDS_IN_ABBREVIATION.test(run)) return `${run.slice(0, -1)}${VALUE_SEPARATOR}`;
  return run + VALUE_SEPARATOR;
}

/** Between two values: the separator a list of phrases takes. */
const VALUE_SEPARATOR = '; ';

const endsClause = (text: string): boolean => ENDS_CLAUSE.test(text) && !ENDS_IN_ABBREVIATION.test(text);

/** Sentence punctuation (or a colon, semicolon or comma) at the end, perhaps inside a closing quote or bracket. */
const ENDS_CLAUSE = /[.!?…:;,]["'”’)\]]*$/u;

/** A sentence's full stop at the very end (not an ellipsis's last dot, not one inside a bracket or quote). */
const FULL_STOP = /(?<!\.)\.$/u;

/** A colon, semicolon or comma at the end, perhaps inside a closing quote or bracket: the next value follows on. */
const LEADS_ON = /[:;,]["'”’)\]]*$/u;

/**
 * A last word that is an abbreviation, not a sentence's end: letters with a stop after each
 * ('B.V.', 'N.V.', 'S.p.A.', 'e.g.'), an initial ('J.') or a company form ('Inc.', 'Ltd.').
 */
const ENDS_IN_ABBREVIATION = /(?:^|[\s(])(?:(?:\p{L}{1,3}\.){2,}|\p{Lu}\.|(?:Inc|Ltd|Co|Corp|Bros)\.)$/u;

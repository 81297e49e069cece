/**
 * The words that say what a blank to fill in stands for ('[naam]', '<e-mailadres FG>', '{company}'): one list for
 * wording/placeholder-text (check/placeholder-text.ts) and for the Markdown check that calls an angle-bracket blank
 * a blank, not raw HTML (validate/markdown-safety.ts; officer review 2, finding 9), outside both stages so that
 * validation does not depend on the checker. Regular-expression sources, matched case-insensitively.
 *
 * A Dutch word also stands at the start of a compound ('telefoonnummer', 'praktijknaam', 'e-mailadres',
 * 'bedrijfsnaam', 'adresgegevens'); an English one only as itself ('named', 'update' are not blanks), since
 * English writes its compounds as two words ('company name').
 */
const dutchStems = ['naam', 'datum', 'adres', '(?:e-?)?mail', 'telefoon', 'praktijk', 'organisatie', 'bedrijf'];
const englishWords = ['name', 'date', 'address', 'phone', 'organisation', 'organization', 'company'];

/** One blank word, a Dutch compound whole: for a pattern to place between its own boundaries. */
export const blankWord = `(?:(?:${dutchStems.join('|')})\\w*|${englishWords.join('|')})`;

/** Any blank word anywhere in a text, inside a longer word too ('<praktijknaam>', '<mailadres>'). */
export const holdsBlankWord = new RegExp([...dutchStems, ...englishWords].join('|'), 'i');

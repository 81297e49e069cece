import type { Messages } from '../i18n/messages.js';
import type { RecipientSource } from '../policy/policy-types.js';
import { lowerFirst, pick } from './format.js';

/** A capitalised word after the first letter: a proper name in the name ('Zorgverzekeraar Zilveren Kruis'). */
const properWord = /\p{Lu}\p{Ll}/u;

/** Kinds of recipient that a single word names as an organisation, not a category: 'Belastingdienst', 'Politie'. */
const namedInOneWord: ReadonlySet<RecipientSource['type']> = new Set(['authority', 'group-company']);

/**
 * A recipient's name inside a sentence ('Ook deze partijen krijgen uw gegevens: zorgverzekeraars, …'): a
 * category of recipients starts with a small letter, an organisation's name stays as written. The schema does
 * not say which a name is ('Name of the recipient or category of recipients'), so it is read as a category only
 * when the author translated it (a proper name, 'Google', reads the same in every language) and no language's
 * version holds a capitalised word after its first letter (English writes an organisation's name in capitals:
 * 'Dutch Tax Administration', 'Employees of the Doctolib Group'), and not when an authority or a company of the
 * group is named in a single word. An abbreviation keeps its capitals ('GGD-regio's'). Anything else keeps its
 * capital, as the author wrote it.
 */
export function recipientNameInSentence(recipient: RecipientSource, m: Messages): string {
  const name = pick(recipient.name, m);
  return isCategoryName(recipient) ? lowerFirst(name) : name;
}

function isCategoryName({ name, type }: RecipientSource): boolean {
  const versions = Object.values(name);
  if (versions.length < 2 || new Set(versions).size < versions.length) return false;
  if (versions.some((version) => properWord.test(version.slice(1)))) return false;
  return !namedInOneWord.has(type) || versions.every((version) => /\s/.test(version.trim()));
}

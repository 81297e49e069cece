import { joinClauses, joinList, joinParts, withNote, type Messages } from '../i18n/messages.js';
import { textIn, type LocalisedText } from '../i18n/text-in.js';
import type { Address, Contact, Controller, Text } from '../policy/policy-types.js';
import { telHref } from './contact-links.js';
import { link, text, type Fact, type Inline } from './outline.js';

/** '2025-02-05' → '5 februari 2025' / '5 February 2025', from locale month names (no ICU: deterministic everywhere). */
export function formatDate(iso: string, m: Messages): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (day === undefined) return m.t('terms:monthOfYear', { month: m.t(`terms:month.${month}`), year });
  return m.t('terms:date', { day, month: m.t(`terms:month.${month}`), year });
}

/** Whether a date of the policy gives only a month ('2020-05', metadata.lastModified): said 'in mei 2020', not 'op'. */
export const isMonth = (iso: string): boolean => iso.split('-').length === 2;

/**
 * A country's name: 'de Verenigde Staten' inside a sentence; `alone` in a table cell or after a colon, where
 * Dutch and English leave the article off ('Gevestigd in: Verenigde Staten'; terms:countryAlone, for the names
 * that have one).
 */
export function countryName(code: string, m: Messages, alone = false): string {
  if (alone && m.has(`terms:countryAlone.${code}`)) return m.t(`terms:countryAlone.${code}`);
  const key = `terms:country.${code}`;
  return m.has(key) ? m.t(key) : code;
}

export {
  joinClauses,
  joinItems,
  joinList,
  joinParts,
  labelled,
  quoted,
  withDetail,
  withNote,
} from '../i18n/messages.js';

/** 'standaardbepalingen …' → 'Standaardbepalingen …': a phrase that starts a sentence. */
export const upperFirst = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

/** 'text' → 'text.': a full stop, unless the text already ends a sentence (. ! ?). */
export const endSentence = (line: string): string => (/[.!?]$/.test(line) ? line : `${line}.`);

/** 'a' + 'b' → 'a. b'; no second full stop when 'a' already ends a sentence. */
export const appendSentence = (line: string, next: string): string => `${endSentence(line)} ${next}`;
/**
 * Words the notice writes into a table cell ('ten hoogste 6 maanden', 'Verenigde Staten', 'niet vermeld in
 * deze verklaring'): a cell starts with a capital, as its column's other cells do. The phrases in locales/ stay
 * lower case for use inside a sentence. Author text in a cell is `text`, left as written.
 */
export const cellText = (value: string): Inline => text(upperFirst(value));
/**
 * 'Ziekenhuis' → 'ziekenhuis': a phrase inside a sentence. An abbreviation keeps its capitals
 * ('GP out-of-hours post', not 'gP …').
 */
export const lowerFirst = (value: string): string =>
  /^\p{Lu}\p{Lu}/u.test(value) ? value : value.charAt(0).toLowerCase() + value.slice(1);

/** 'gebruikers en contactpersonen': the names of data subjects or data categories inside a sentence, joined. */
export const namesInText = (items: readonly { name: LocalisedText }[], m: Messages): string =>
  joinList(
    items.map((item) => lowerFirst(pick(item.name, m))),
    m,
  );

/** A name that is either the same in every language (a proper name) or translated. */
export function nameOf(name: string | Text, m: Messages): string {
  return typeof name === 'string' ? name : pick(name, m);
}

/**
 * The controller's name as readers see it: when the statement names no organisation
 * (controller.placeholder), the language's placeholder instead of the authored label.
 */
export function controllerName(controller: Controller, m: Messages): string {
  return controller.placeholder ? m.t('notice:placeholderName') : controller.name;
}

/** The text in the notice's language (`textIn`'s one reading, for code that holds Messages). */
export function pick(value: LocalisedText | undefined, m: Messages): string {
  return textIn(value, m.lang);
}

export function formatAddress(address: Address, m: Messages): string {
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  return joinParts(
    [address.street, cityLine, countryName(address.country, m)].filter((part): part is string => Boolean(part)),
    m,
  );
}

/** Contact details as labelled facts, links where they can be followed. */
export function contactFacts(contact: Contact | undefined, m: Messages): Fact[] {
  if (!contact) return [];
  const facts: Fact[] = [];
  if (contact.email)
    facts.push({ label: m.t('notice:label.email'), inlines: [link(contact.email, `mailto:${contact.email}`)] });
  if (contact.phone)
    facts.push({ label: m.t('notice:label.phone'), inlines: [link(contact.phone, telHref(contact.phone))] });
  if (contact.url) facts.push({ label: m.t('notice:label.url'), inlines: [link(contact.url, contact.url)] });
  // The schema's contact address is the postal address to write to; "Adres" twice (beside the organisation's own) says neither.
  if (contact.address)
    facts.push({ label: m.t('notice:label.postalAddress'), inlines: [text(formatAddress(contact.address, m))] });
  return facts;
}

export function sentence(value: string): Inline[] {
  return [text(value)];
}

/**
 * What a link to `url` says: where it goes, not the whole address. The host
 * without 'www.', with the path when the two are short ('dentalclinics.nl/tandarts'),
 * else the host and '/…' ('cnil.fr/…').
 */
export function displayUrl(url: string): string {
  const match = /^https?:\/\/(?:www\.)?([^/?#]+)([^?#]*)/i.exec(url);
  if (!match) return url;
  const host = match[1]!.toLowerCase();
  const path = match[2]!.replace(/\/+$/, '');
  if (!path) return host;
  return host.length + path.length <= 36 ? host + path : `${host}/…`;
}

/**
 * A category's name with its notes in brackets. A name that ends in brackets already takes them inside
 * those: 'Citizen service number (BSN, national identification number)'. After a comma outside the
 * brackets it read as two items, 'Citizen service number (BSN), national identification number'
 * (English review, finding 8). After an abbreviation a comma, after longer words a semicolon.
 */
export function withNotes(name: string, notes: readonly string[], m: Messages): string {
  if (!notes.length) return name;
  const inBrackets = /\(([^()]*)\)$/.exec(name);
  if (!inBrackets) return withNote(name, joinClauses(notes, m), m);
  const separator = /^\S+$/.test(inBrackets[1]!) ? ', ' : m.t('terms:list.clauses');
  return `${name.slice(0, -1)}${separator}${joinClauses(notes, m)})`;
}

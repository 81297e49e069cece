import type { Messages } from '../i18n/messages.js';
import type { PolicySource } from '../policy/policy-types.js';
import { authorities } from '../law/authorities.js';
import { contactKey, givesEmailOrPhone } from './contact-links.js';
import { contactFacts, formatAddress, pick } from './format.js';
import { text, type Fact } from './outline.js';

/**
 * How the notice lets a person reach us, worked out once for the rights section, the complaints section and
 * the summary (second-read review 2, findings 2–4: three copies disagreed). Each way falls back to the next
 * by what it gives, not by whether the field is there: the rights contact's details, else the controller's
 * (rights.contact is 'where to send requests, when it differs'); then the DPO's details (38(4)); then the
 * controller's postal address. A contact that is only a note ('Stuur uw verzoek via het formulier op onze
 * website') is the author's guidance, shown in the rights section, but no way to reach us: like their own
 * words on how to ask (Cosmetic Clinic's 'neem dan contact op met onze functionaris'), it names no address.
 */
export interface ReachUs {
  /** Where a request goes: the rights contact's details, else the controller's. */
  sendTo: Fact[];
  /** The rights contact's note, in the notice's language; '' without one. */
  note: string;
  /** The DPO's contact details. */
  dpo: Fact[];
  /** The controller's address with street and city, formatted; undefined without them. */
  address: string | undefined;
  /**
   * Other bodies' e-mail addresses and phone numbers (contactKey): the authority's and the disputes body's. The
   * organisation's own words that give only these give no way to reach us: 'u kunt de Autoriteit Persoonsgegevens
   * bellen: 088 - 1805 250' (second-read review 3, finding 4).
   */
  others: ReadonlySet<string>;
}

export function reachUs(source: PolicySource, m: Messages): ReachUs {
  const own = contactFacts(source.rights?.contact, m);
  const address = source.controller.address;
  return {
    sendTo: own.length ? own : contactFacts(source.controller.contact, m),
    note: pick(source.rights?.contact?.note, m),
    dpo: contactFacts(source.dpo?.contact, m),
    address: address?.street && address.city ? formatAddress(address, m) : undefined,
    others: othersContacts(source),
  };
}

function othersContacts(source: PolicySource): ReadonlySet<string> {
  const disputes = source.complaints?.disputesBody?.contact;
  const phones = Object.values(authorities).flatMap((a) => Object.values(a.phone));
  return new Set([...phones, disputes?.phone, disputes?.email].filter((c): c is string => !!c).map(contactKey));
}

/** Whether the notice gives any way to reach us: contact details for a request, the DPO's, or our address. */
export const reachable = (ways: ReachUs): boolean => ways.sendTo.length > 0 || ways.dpo.length > 0 || !!ways.address;

/**
 * Whether the reader can reach us for this: a way the notice gives (reachable), or an e-mail address or phone number
 * other than another body's in the organisation's own words on it. The one judgement for the rights section, its
 * summary line and the summary's complaint line: the complaint line ignored the organisation's own complaint text
 * (second-read review 3, finding 5).
 */
export const reachableFor = (ways: ReachUs, ownWords: string): boolean =>
  reachable(ways) || givesOurEmailOrPhone(ways, ownWords);

/** Whether the organisation's own words give an e-mail address or phone number other than another body's. */
export const givesOurEmailOrPhone = (ways: ReachUs, ownWords: string): boolean =>
  givesEmailOrPhone(ownWords, ways.others);

/** The first way to reach us, as facts: where a request goes, else the DPO's details, else our address; none without any. */
export function firstWay(ways: ReachUs, m: Messages): Fact[] {
  if (ways.sendTo.length) return ways.sendTo;
  if (ways.dpo.length) return ways.dpo;
  return ways.address ? [{ label: m.t('notice:label.address'), inlines: [text(ways.address)] }] : [];
}

/** Whether running text gives a web address ('https://…', 'www.…', 'dentalclinics.nl'). */
export const givesWebAddress = (text: string): boolean =>
  /https?:\/\/|www\.|\b[a-z0-9-]+\.(nl|com|eu|org)\b/i.test(text);

/** Whether the notice gives a web page of ours: the controller's, the rights contact's or the DPO's. */
export const givesOurWebsite = (source: PolicySource): boolean =>
  [source.controller.contact, source.rights?.contact, source.dpo?.contact].some((contact) => !!contact?.url);

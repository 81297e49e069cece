import type { Messages } from '../i18n/messages.js';
import type { PolicySource } from '../policy/policy-types.js';
import { authorities } from '../law/authorities.js';
import { hasContact } from '../policy/policy-facts.js';
import { contactKey, givesEmailOrPhone, othersHost } from './contact-links.js';
import { contactFacts, formatAddress, pick } from './format.js';
import { linkedIn, text, type Fact, type Inline } from './outline.js';

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
   * Other bodies' e-mail addresses, phone numbers (contactKey), web hosts and postcodes (wayKey): the authorities'
   * and the disputes body's. The organisation's own words that give only these give no way to reach us: 'u kunt de
   * Autoriteit Persoonsgegevens bellen: 088 - 1805 250' (second-read review 3, finding 4), '(autoriteitpersoonsgegevens.nl)'
   * (second-read review 4, finding 3).
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
  const bodies = Object.values(authorities);
  const phones = bodies.flatMap((a) => Object.values(a.phone));
  const sites = [...bodies.flatMap((a) => Object.values(a.website)), disputes?.url].map((url) => url && hostOf(url));
  const postal = [...bodies.flatMap((a) => Object.values(a.postal)), disputes?.address];
  return new Set([
    ...[...phones, disputes?.phone, disputes?.email].filter((c): c is string => !!c).map(contactKey),
    ...[...sites, ...postal.flatMap((a) => [a?.street, a?.postalCode])].filter((c): c is string => !!c).map(wayKey),
  ]);
}

/** Whether the notice gives any way to reach us: contact details for a request, the DPO's, or our address. */
export const reachable = (ways: ReachUs): boolean => ways.sendTo.length > 0 || ways.dpo.length > 0 || !!ways.address;

/**
 * Whether the reader can reach us for this: a way the notice gives (reachable), or one in the organisation's own
 * words on it (ownWordsReachUs). The one judgement for the rights section, its summary line, the complaints section
 * and the summary's complaint line (second-read review 3, finding 5; review 4, findings 2–3).
 */
export const reachableFor = (ways: ReachUs, ownWords: string): boolean =>
  reachable(ways) || ownWordsReachUs(ways, ownWords);

/**
 * Whether the organisation's own words give a way to reach it: an e-mail address, phone number, web address or
 * Dutch postal address ('Postbus 123, 1000 AB Amsterdam') other than another body's (ways.others).
 */
export const ownWordsReachUs = (ways: ReachUs, ownWords: string): boolean =>
  givesEmailOrPhone(ownWords, ways.others) || givesOurAddress(ownWords, ways.others);

/**
 * A web address in running text, with or without 'https://' or 'www.' ('cosmetic-clinic.be/klachten'), its host
 * captured: not the domain of an e-mail address, nor a file name ('klachtenregeling.pdf'). The top-level domain in
 * lower case: 'website.Daar' is a missing space.
 */
const WEB_ADDRESS =
  /(?<![\w@.-])(?:https?:\/\/)?((?:[A-Za-z0-9-]+\.)+(?!(?:pdf|docx?|html?|txt)(?![\w-]))[a-z]{2,})(?![\w@-])/g;
/** A Dutch postcode before a place name ('1000 AB Amsterdam', "2509 AJ 's-Gravenhage"), or a Postbus number. */
const POSTAL_ADDRESS = /\b(?:[1-9]\d{3} ?[A-Z]{2}(?= +['A-Z])|(?:Postbus|PO Box) \d+)/g;

/** A web host or postal way as compared with another: 'autoriteitpersoonsgegevens.nl', without 'www.'; '2509aj'; 'postbus93374'. */
const wayKey = (way: string): string => way.toLowerCase().replace(/^www\.|\s/g, '');
const hostOf = (url: string): string => new URL(url).hostname;

/**
 * Whether the organisation's own words give a web address of ours, not another body's: what an own text that sends
 * the reader to 'onze website' needs. An e-mail address in it does not name the website (websiteUnnamed).
 */
export const ownWordsGiveWebsite = (ways: ReachUs, ownWords: string): boolean =>
  webHosts(ownWords).some((host) => !othersHost(wayKey(host), ways.others));

/** Whether running text gives a web or postal address other than those in `others` (wayKey; a subdomain of theirs too). */
function givesOurAddress(text: string, others: ReadonlySet<string>): boolean {
  return [...webHosts(text), ...(text.match(POSTAL_ADDRESS) ?? [])].some((way) => !othersHost(wayKey(way), others));
}

const webHosts = (text: string): string[] => [...text.matchAll(WEB_ADDRESS)].map(([, host]) => host ?? '');

/** The first way to reach us, as facts: where a request goes, else the DPO's details, else our address; none without any. */
export function firstWay(ways: ReachUs, m: Messages): Fact[] {
  if (ways.sendTo.length) return ways.sendTo;
  if (ways.dpo.length) return ways.dpo;
  return ways.address ? [{ label: m.t('notice:label.address'), inlines: [text(ways.address)] }] : [];
}

/** Whether the notice gives a web page of ours: the controller's, the rights contact's or the DPO's. */
export const givesOurWebsite = (source: PolicySource): boolean =>
  [source.controller.contact, source.rights?.contact, source.dpo?.contact].some((contact) => !!contact?.url);

/**
 * The part of the notice that gives our contact details, to send a reader there with a question the notice cannot
 * answer itself: the controller's details, else the contact section's, the rights contact's, the DPO's, or else our
 * address; undefined where the notice gives none. Its heading (to quote) and its anchor.
 */
export function contactSection(source: PolicySource, m: Messages): { heading: string; href: string } | undefined {
  if (hasContact(source.controller.contact)) return { heading: m.t('notice:heading.controller'), href: '#controller' };
  if (hasContact(source.contact)) return { heading: m.t('notice:heading.contact'), href: '#contact' };
  if (hasContact(source.rights?.contact)) return { heading: m.t('notice:rights.howTo'), href: '#exercising-rights' };
  if (hasContact(source.dpo?.contact)) return { heading: m.t('notice:controller.dpo'), href: '#dpo' };
  const address = source.controller.address;
  return address?.street && address.city
    ? { heading: m.t('notice:heading.controller'), href: '#controller' }
    : undefined;
}

/**
 * `askKey`'s sentence with a link to where our contact details are (contactSection): what a reader can do where the
 * notice leaves something out ('Wilt u weten waar ons cookiebeleid staat? Vraag het ons: …'); else `gapKey`'s, which
 * says only the gap, where the notice gives no way to reach us. A sentence on the document in our voice read as the
 * organisation admitting its notice is incomplete, and left the reader nowhere to go (patient10 review, F15).
 */
export function askUsOrGap(askKey: string, gapKey: string, source: PolicySource, m: Messages): Inline[] {
  const where = contactSection(source, m);
  if (!where) return [text(m.t(gapKey))];
  return linkedIn(m.t(askKey, { section: where.heading }), where.heading, where.href);
}

import { compiledOnce } from '../regexp-ahead.js';
/**
 * E-mail addresses and phone numbers in running text become links in HTML,
 * as GFM makes e-mail addresses links in the Markdown: a patient on a phone
 * taps them. Works on HTML that is already escaped or sanitised: only text
 * between tags is touched, never the inside of a tag or of an existing link.
 */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
/**
 * What could be a Dutch number as written in running text: '+31 20 123 4567', '020-1234567', '(020) 123 45 67',
 * '0800 1234'. Whether it is one is for {@link isDutchPhoneNumber}: a KvK number, an AGB code or a policy
 * number can run the same way. Not the rest of an IBAN written in groups after its country code and check digits
 * ('NL91 ABNA 0417 1643 00': '0417 1643 00' has a number's length; second-read review 3, finding 4).
 */
const PHONE =
  /(?<![\w+]|[A-Za-z]{2}\d{2} ?(?:[A-Za-z0-9]{4} ?)*)(?:\+31(?: ?- ?| )?(?:\(0\) ?)?[1-9]|\(0[1-9]\d{0,2}\)|0[1-9])(?:(?: ?- ?| )?\d){6,9}(?![\w-])/;
const CONTACT = new RegExp(`${EMAIL.source}|${PHONE.source}`, 'g');
/**
 * The national numbers' lengths in the Dutch numbering plan (Nummerplan telefoon- en ISDN-diensten): a number
 * is 0 and nine digits (geographic, 06 mobile, 084/085/087/088/091); the free and paid information numbers
 * 0800, 0900, 0906 and 0909 have four or seven digits after their prefix. Read in the Nummerplan telefoon- en
 * ISDN-diensten (BWBR0010198, text of July 2015): art. 2(2) "De lengte van een geografisch nummer bedraagt tien
 * cijfers"; Bijlage 1: 061–065, 068, 084, 085, 087, 088 and 091 ten digits; 0800, 0900, 0906 and 0909 "8, 11".
 * The plan was still in force in 2023 (Bijlage 4 amended 12-08-2023, per inview.nl; verify3); its current length
 * tables were not read. Numbers the pattern leaves out (0970 machine numbers, 14xxx, 082) stay
 * text, which is safe (no false link).
 */
const NATIONAL_NUMBER = /^(?:0[1-9]\d{8}|0(?:800|90[069])(?:\d{4}|\d{7}))$/;

/** The digits and a leading '+', without the '(0)' of '+31 (0)20': '+31201234567'. */
const digitsOf = (phone: string): string => phone.replace(/\(0\)/, '').replace(/[^+0-9]/g, '');

/** The number written as a national one: '+31 (0)20 123 4567' → '0201234567'. */
function nationalDigits(phone: string): string {
  const digits = digitsOf(phone);
  return digits.startsWith('+31') ? `0${digits.slice(3)}` : digits;
}

/** A date as written in Dutch, '01-02-2025': with a time after it ('01-02-2025 12:00') it has a number's ten digits. */
const DATE = /^\d{2}-\d{2}-(?:19|20)\d{2}(?!\d)/;

/**
 * Whether text that runs like a phone number has the length of a Dutch one and is not a date: '05123456' (a KvK
 * number) has not.
 */
function isDutchPhoneNumber(phone: string): boolean {
  return NATIONAL_NUMBER.test(nationalDigits(phone)) && !DATE.test(phone);
}

/** 'tel:+31201234567' for '020 - 123 45 67': the digits, with the country code written out. */
export function telHref(phone: string): string {
  const digits = digitsOf(phone);
  return `tel:${digits.startsWith('+') ? digits : digits.startsWith('0') ? `+31${digits.slice(1)}` : digits}`;
}

/** A contact as compared with another: an e-mail address in lower case, a phone number by its national digits. */
export const contactKey = (contact: string): string =>
  contact.includes('@') ? contact.toLowerCase() : nationalDigits(contact);

/**
 * Whether a host in lower case is another body's: one in `others` (the authority's web host, say) or a subdomain of
 * one ('mail.autoriteitpersoonsgegevens.nl', 'www.…'). The one comparison of web addresses and e-mail domains.
 */
export const othersHost = (host: string, others: ReadonlySet<string>): boolean =>
  others.has(host) || [...others].some((other) => host.endsWith(`.${other}`));

/**
 * Whether running text gives an e-mail address or a Dutch phone number, read as the links are, other than those in
 * `others` (contactKey: another body's, such as the authority's; or an e-mail address at a host in `others` or a
 * subdomain of one, othersHost): what makes a sentence saying the notice gives none false (an author's 'mail ons via
 * privacy@…' in their own words).
 */
export function givesEmailOrPhone(text: string, others: ReadonlySet<string> = new Set()): boolean {
  return [...text.matchAll(compiledOnce(CONTACT))].some(([match]) =>
    match.includes('@')
      ? !others.has(contactKey(match)) && !othersHost(match.slice(match.indexOf('@') + 1).toLowerCase(), others)
      : isDutchPhoneNumber(match) && !others.has(contactKey(match)),
  );
}

function linkText(text: string): string {
  return text.replace(compiledOnce(CONTACT), (match) => {
    if (match.includes('@')) return `<a href="mailto:${match}">${match}</a>`;
    return isDutchPhoneNumber(match) ? `<a href="${telHref(match)}">${match}</a>` : match;
  });
}

/** Links the e-mail addresses and phone numbers in the text of an HTML snippet. */
export function linkContactsInHtml(html: string): string {
  if (!/@|\d{4}/.test(html)) return html;
  let insideLink = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<a[\s>]/i.test(part)) insideLink++;
        else if (/^<\/a>/i.test(part)) insideLink = Math.max(0, insideLink - 1);
        return part;
      }
      return insideLink ? part : linkText(part);
    })
    .join('');
}

/**
 * E-mail addresses and phone numbers in running text become links in HTML,
 * as GFM makes e-mail addresses links in the Markdown: a patient on a phone
 * taps them. Works on HTML that is already escaped or sanitised: only text
 * between tags is touched, never the inside of a tag or of an existing link.
 */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
/** Dutch numbers as written in running text: '+31 20 123 4567', '020-1234567', '(020) 123 45 67', '0800 1234'. */
const PHONE =
  /(?<![\w+])(?:\+31(?: ?- ?| )?(?:\(0\) ?)?[1-9]|\(0[1-9]\d{0,2}\)|0[1-9])(?:(?: ?- ?| )?\d){6,9}(?![\w-])/;
const CONTACT = new RegExp(`${EMAIL.source}|${PHONE.source}`, 'g');

/** 'tel:+31201234567' for '020 - 123 45 67': the digits, with the country code written out. */
export function telHref(phone: string): string {
  const digits = phone.replace(/\(0\)/, '').replace(/[^+0-9]/g, '');
  return `tel:${digits.startsWith('+') ? digits : digits.startsWith('0') ? `+31${digits.slice(1)}` : digits}`;
}

function linkText(text: string): string {
  return text.replace(CONTACT, (match) =>
    match.includes('@') ? `<a href="mailto:${match}">${match}</a>` : `<a href="${telHref(match)}">${match}</a>`,
  );
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

import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../../src/policy/policy-types.js';
import { linkContactsInHtml } from '../../src/render/contact-links.js';
import { miniPolicy } from '../support/mini-policy.js';
import { policyOutputs } from '../support/policy-outputs.js';

/**
 * An organisation that gives no contact field but writes where to send a request in its own words ('Mail uw verzoek
 * naar privacy@…'): the notice said after those words that it names no e-mail address or telephone number for a
 * request, which was false. The e-mail address or phone number is read as the notice links it (contact-links.ts).
 */
function ownWords(nl: string, en: string, where: 'howToExercise' | 'note' = 'howToExercise'): PolicySource {
  const policy = miniPolicy();
  policy.controller = { name: 'Mini B.V.' };
  policy.rights = where === 'note' ? { contact: { note: { nl, en } } } : { howToExercise: { nl, en } };
  return policy;
}

const noneNl = 'In deze verklaring staat geen adres, e-mailadres of telefoonnummer';
const noneEn = 'This notice gives no address';
const summary = (md: string): string => md.slice(0, md.indexOf('\n## ', md.indexOf('\n## ') + 1));

describe("the rights section after the organisation's own words on where to ask", () => {
  it('does not say that no e-mail address is named where those words give one', () => {
    const { notice } = policyOutputs(
      ownWords('Mail uw verzoek naar privacy@mini.example.', 'E-mail your request to privacy@mini.example.'),
    );
    expect(notice.nl).toContain('Mail uw verzoek naar privacy@mini.example.');
    expect(notice.nl).not.toContain(noneNl);
    expect(notice.en).not.toContain(noneEn);
    // Every right may still be asked of us: the lead after the own words stays.
    expect(notice.nl).toContain('U kunt voor elk van deze rechten bij ons terecht.');
    // The section now gives a way to ask, and the summary links to it.
    expect(summary(notice.nl)).toContain('[Zo gebruikt u uw rechten](#hoe-u-uw-rechten-uitoefent)');
    expect(summary(notice.en)).toContain('[How to use your rights](#how-to-exercise-your-rights)');
  });

  it('nor where they give a Dutch telephone number, or the rights contact note gives one', () => {
    for (const policy of [
      ownWords('Bel ons op 020 123 45 67.', 'Call us on 020 123 45 67.'),
      ownWords('Bel ons op 020 123 45 67.', 'Call us on 020 123 45 67.', 'note'),
      ownWords('Mail naar privacy@mini.example.', 'E-mail privacy@mini.example.', 'note'),
    ]) {
      const { notice } = policyOutputs(policy);
      expect(notice.nl).not.toContain(noneNl);
      expect(notice.en).not.toContain(noneEn);
    }
  });

  it('still says so where the words give no e-mail address or phone number: an 8-digit KvK number is none', () => {
    const { notice } = policyOutputs(
      ownWords('Vermeld ons KvK-nummer 12345678 in uw verzoek.', 'Give our KvK number 12345678 in your request.'),
    );
    expect(notice.nl).toContain(noneNl);
    expect(notice.en).toContain(noneEn);
    expect(summary(notice.nl)).not.toContain('Zo gebruikt u uw rechten');
  });
});

/**
 * Numbers that run like a phone number but are none, and another body's number: the rights section said after them
 * that the notice gave a way to ask, dropped that it names none, and the HTML linked an IBAN as a phone number
 * (second-read review 3, finding 4).
 */
describe('numbers in those words that are no way to reach us', () => {
  const notOurs: [string, string][] = [
    [
      'Een kopie kost € 5, over te maken op NL91 ABNA 0417 1643 00.',
      'A copy costs € 5, paid to NL91 ABNA 0417 1643 00.',
    ],
    [
      'Heeft u een vraag over uw rechten, dan kunt u de Autoriteit Persoonsgegevens bellen: 088 - 1805 250.',
      'With a question, call the Dutch DPA on +31 88 1805 250.',
    ],
    ['Vermeld ons KvK-nummer 0123 4567 en ons AGB 01234567.', 'Give our KvK number 0123 4567.'],
    [
      'Verzoeken vanaf 01-02-2025 12:00 uur behandelen wij binnen een maand.',
      'Requests from 01-02-2025 12:00 are answered within a month.',
    ],
  ];
  it.each(notOurs)('still says the notice names none: %s', (nl, en) => {
    const { notice } = policyOutputs(ownWords(nl, en));
    expect(notice.nl).toContain(noneNl);
    expect(notice.nl).toContain('U kunt uw verzoek toch op elke manier doen');
    expect(notice.en).toContain(noneEn);
    expect(summary(notice.nl)).not.toContain('Zo gebruikt u uw rechten');
  });

  it('links no IBAN, date or KvK number as a phone number, but still the authority’s number', () => {
    const [iban, authority, kvk, date] = notOurs.map(([nl]) => linkContactsInHtml(`<p>${nl}</p>`));
    for (const html of [iban, kvk, date]) expect(html).not.toMatch(/href="tel:/);
    expect(authority).toContain('<a href="tel:+31881805250">088 - 1805 250</a>');
    for (const iban of [
      'NL91ABNA0417164300',
      'nl91 abna 0417 1643 00',
      'BE71 0961 2345 6769',
      'DE89 3704 0044 0532 0130 00',
    ])
      expect(linkContactsInHtml(`Maak het over op ${iban}.`), iban).not.toMatch(/href="tel:/);
  });

  // A postal address of ours is a way to ask, not a phone number: 'In deze verklaring staat geen adres, …' after it was false (second-read
  // review 4, finding 2; this case was among the numbers that are none).
  it('a postal address of ours counts as a way to ask, and its numbers link as no phone number', () => {
    const nl = 'Ons adres is Postbus 1234, 1000 AB Amsterdam.';
    const { notice } = policyOutputs(ownWords(nl, 'Our address is PO Box 1234, 1000 AB Amsterdam.'));
    expect(notice.nl).not.toContain(noneNl);
    expect(notice.en).not.toContain(noneEn);
    expect(linkContactsInHtml(`<p>${nl}</p>`)).not.toMatch(/href="tel:/);
  });

  it('a number of ours beside an IBAN still counts', () => {
    const { notice } = policyOutputs(
      ownWords('Bel ons op 020 123 45 67. Betalen op NL91 ABNA 0417 1643 00.', 'Call us on 020 123 45 67.'),
    );
    expect(notice.nl).not.toContain(noneNl);
  });
});

/**
 * The summary's complaint line and the complaints section: an organisation whose own complaint text gives its
 * e-mail address offers a route to itself, so the summary names it too (second-read review 3, finding 5).
 */
describe("the summary's complaint line after the organisation's own complaint text", () => {
  const complaining = (nl: string): PolicySource => {
    const policy = ownWords('Neem contact op met onze functionaris.', 'Contact our officer.');
    policy.complaints = { internal: { nl, en: nl } };
    return policy;
  };
  it('names the route to us where that text gives our e-mail address', () => {
    const { notice } = policyOutputs(complaining('Hebt u een klacht, mail die dan naar klachten@mini.example.'));
    expect(summary(notice.nl)).toContain('Klacht over privacy? [');
    expect(summary(notice.nl)).not.toContain('Dan kunt u terecht bij de Autoriteit Persoonsgegevens');
  });
  it('not where it gives only the authority’s number', () => {
    const { notice } = policyOutputs(complaining('Twijfelt u? Bel de Autoriteit Persoonsgegevens: 088 - 1805 250.'));
    expect(summary(notice.nl)).toContain('Dan kunt u terecht bij de Autoriteit Persoonsgegevens');
  });
});

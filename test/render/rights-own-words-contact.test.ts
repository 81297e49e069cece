import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../../src/policy/policy-types.js';
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

const noneNl = 'noemen wij in deze verklaring niet';
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
    expect(summary(notice.nl)).toContain('[Zo vraagt u het aan](#hoe-u-uw-rechten-uitoefent)');
    expect(summary(notice.en)).toContain('[How to ask](#how-to-exercise-your-rights)');
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
    expect(summary(notice.nl)).not.toContain('Zo vraagt u het aan');
  });
});

import { describe, expect, it } from 'vitest';
import { formatReference } from '../../src/diagnostics/format-reference.js';
import { hasMessage, languages, messagesFor } from '../../src/i18n/messages.js';
import { citedLaws } from '../../src/law/legal-reference.js';
import { laws } from '../../src/law/laws.js';

/**
 * One table of law names: a law a policy can cite (law/laws.ts) is named in citations as the notice names it
 * (terms:law.<id>.abbreviation); diagnostics:citation.laws holds only the laws that citations alone name.
 */
describe('the names of cited laws', () => {
  it('take a policy law from terms:law, and keep no second name for it in diagnostics:citation.laws', () => {
    const shared = citedLaws.filter((l) => Object.hasOwn(laws, l.id));
    expect(shared.map((l) => l.id)).toEqual(expect.arrayContaining(['gdpr', 'uavg', 'wabvpz', 'wkkgz']));
    for (const law of shared) expect(hasMessage(`diagnostics:citation.laws.${law.id}`), law.id).toBe(false);
    for (const law of citedLaws.filter((l) => !Object.hasOwn(laws, l.id)))
      expect(hasMessage(`diagnostics:citation.laws.${law.id}`), law.id).toBe(true);
  });

  it('cite a policy law by the abbreviation the notice uses, in each language', () => {
    for (const lang of languages) {
      const m = messagesFor(lang);
      expect(formatReference('Wkkgz 15', m)).toContain(m.t('terms:law.wkkgz.abbreviation'));
      expect(formatReference('GDPR 13(1)(a)', m)).toContain(m.t('terms:law.gdpr.abbreviation'));
    }
  });
});

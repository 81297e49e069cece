import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../../src/policy/policy-types.js';
import { miniPolicy } from '../support/mini-policy.js';
import { policyOutputs } from '../support/policy-outputs.js';

/**
 * The right of access says what it costs and when the answer comes (the phone review of 2026-12-06: it said
 * neither). GDPR 15(3): the first copy is free; 12(3): within a month, extendable by two months only where
 * necessary for the complexity and number of requests, announced within the first month with the reasons.
 */
const WITHIN_MONTH_NL =
  'De eerste kopie is gratis. U krijgt binnen een maand antwoord. Is dat niet haalbaar omdat uw verzoek ingewikkeld is of omdat er veel verzoeken zijn? Dan mogen wij die termijn met twee maanden verlengen. Dat laten wij u binnen de eerste maand weten, met de reden (artikelen 12 en 15 AVG).';

/** The access right's part of the Markdown notice, up to the next heading. */
function accessPart(policy: PolicySource, lang: 'nl' | 'en' = 'nl'): string {
  const md = policyOutputs(policy).notice[lang];
  const start = md.indexOf(lang === 'nl' ? '(recht van inzage)\n' : '(right of access)\n');
  expect(start).toBeGreaterThan(0);
  return md.slice(start, md.indexOf('\n### ', start));
}

describe('the right of access', () => {
  it('says the first copy is free and the answer comes within a month, where the policy gives no time of its own', () => {
    expect(accessPart(miniPolicy())).toContain(WITHIN_MONTH_NL);
    expect(accessPart(miniPolicy(), 'en')).toContain(
      'The first copy is free. You get an answer within one month. If that is not possible because your request is complex or because there are many requests, we may extend that period by two months. We tell you so within the first month, with the reason (Articles 12 and 15 GDPR).',
    );
  });

  it('gives the extension only as art. 12(3) does: where needed, announced in the first month with the reason (Dutch review 2, 5)', () => {
    for (const lang of ['nl', 'en'] as const) {
      const part = accessPart(miniPolicy(), lang);
      // It read as if three months were the organisation's to take for any "complex" request.
      expect(part).not.toMatch(/drie maanden|three months/);
      expect(part).toMatch(lang === 'nl' ? /veel verzoeken[^.]*twee maanden/ : /many requests[^.]*two months/);
      expect(part).toMatch(
        lang === 'nl' ? /binnen de eerste maand weten, met de reden/ : /within the first month, with the reason/,
      );
    }
  });

  it("comes before the organisation's own text on the right: it belongs to the general text (English review 2)", () => {
    const policy = miniPolicy();
    policy.rights = { notes: { access: { nl: 'EIGEN TEKST over inzage.', en: 'OWN TEXT on access.' } } };
    expect(accessPart(policy)).toMatch(/De eerste kopie is gratis\.[\s\S]*EIGEN TEKST over inzage\./);
  });

  it("links to how to ask, before the organisation's own text (English review 15: no way to ask under the right)", () => {
    const policy = miniPolicy();
    policy.rights = { notes: { access: { nl: 'EIGEN TEKST over inzage.', en: 'OWN TEXT on access.' } } };
    expect(accessPart(policy)).toMatch(
      /Hoe u om inzage of een kopie vraagt, leest u onder ‘\[Hoe u uw rechten uitoefent\]\(#hoe-u-uw-rechten-uitoefent\)’\.[^#]*EIGEN TEKST/,
    );
    // The part's name in quotes, as the other pointers have it (Dutch review 3, finding 14).
    expect(accessPart(miniPolicy(), 'en')).toContain(
      'How to ask for access or a copy is explained under ‘[How to exercise your rights](#how-to-exercise-your-rights)’.',
    );
  });

  it('leaves the time to the policy where it states one: said once, never two different periods', () => {
    const policy = miniPolicy();
    policy.rights = { responseTime: 'P4W' };
    const part = accessPart(policy);
    expect(part).toContain('De eerste kopie is gratis (artikel 15, lid 3, AVG).');
    expect(part).not.toContain('maand');
    const notice = policyOutputs(policy).notice.nl;
    expect(notice).toContain('Wij reageren binnen 4 weken op uw verzoek.');
    expect(notice).not.toContain('binnen een maand antwoord');
  });

  it('says nothing of it where the policy sets the right aside', () => {
    const policy = miniPolicy();
    policy.rights = {
      notApplicable: [
        { right: 'access', reason: { nl: 'Wij weten niet wie u bent.', en: 'We do not know who you are.' } },
      ],
    };
    expect(policyOutputs(policy).notice.nl).not.toContain('De eerste kopie is gratis');
  });
});

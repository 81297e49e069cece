import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../../src/diff/diff-policies.js';
import { noticeDraft } from '../../src/diff/notice-draft.js';
import type { PolicyModel } from '../../src/resolve/model.js';
import { model, modelWith } from './support.js';

/** From the diff review of 2026-12-06, defect 3: what GDPR 13(3) asks the letter to say. */
const v1 = model('clinic-v1/policy.json');
const letter = (newModel: PolicyModel, lang: 'nl' | 'en', oldModel: PolicyModel = v1): string =>
  noticeDraft(newModel, diffPolicies(oldModel, newModel), { oldModel })!
    .texts.find((t) => t.lang === lang)!
    .changes.join('\n');

describe('the letter carries what 13(3) asks for', () => {
  it('a new purpose on consent: its basis, its retention, consent asked and withdrawable (13(2)(c))', () => {
    const v2 = model('clinic-v2/policy.json');
    const nl = letter(v2, 'nl');
    expect(nl).toContain(
      'Wij gaan uw gegevens ook gebruiken voor een nieuw doel: Tevredenheidsonderzoek. Wij doen dat op grond van toestemming (artikel 6, lid 1, onder a, AVG). Zo lang bewaren wij de gegevens: Enquêtegegevens: 1 jaar nadat de gegevens zijn vastgelegd.',
    );
    expect(nl).toContain(
      'Voor Tevredenheidsonderzoek vragen wij uw toestemming. U kunt die toestemming altijd weer intrekken',
    );
    expect(letter(v2, 'en')).toContain(
      'For Patient satisfaction survey we ask for your consent. You can withdraw it at any time',
    );
    // Now applying, the right to withdraw consent is material: the notice must say it.
    const right = diffPolicies(v1, v2).find((c) => c.kind === 'right-added');
    expect(right).toMatchObject({ class: 'material', new: { value: 'withdraw-consent' } });
  });

  it('a basis switched to legitimate interests: the right to object, explicitly (21(4))', () => {
    const onInterest = modelWith('clinic-v1/policy.json', (s) => {
      s.purposes[1].legalBasis = '6(1)(f)';
      delete s.purposes[1].legalObligation;
      s.purposes[1].legitimateInterest = { nl: 'Innen', en: 'Collecting' };
    });
    expect(letter(onInterest, 'nl')).toContain(
      'Voor Facturering heeft u het recht om bezwaar te maken tegen het gebruik van uw gegevens, vanwege uw specifieke situatie (artikel 21, lid 1, AVG).',
    );
    expect(diffPolicies(v1, onInterest).find((c) => c.kind === 'right-added')?.class).toBe('material');
  });

  it('direct marketing: the unconditional objection (21(2)-(3)), told once', () => {
    const marketing = modelWith('clinic-v1/policy.json', (s) => {
      s.purposes[1].directMarketing = true;
    });
    const en = letter(marketing, 'en');
    expect(en).toContain(
      'For Invoicing we use your data for direct marketing. You can object to that at any time, without giving reasons',
    );
    expect(en).not.toContain('is now direct marketing');
  });

  it('an automated decision: its logic, its significance and the art. 22 rights', () => {
    const automated = modelWith('clinic-v1/policy.json', (s) => {
      s.purposes[0].automatedDecision = {
        logic: { nl: 'Een algoritme bepaalt de urgentie', en: 'An algorithm sets the urgency' },
        significance: { nl: 'U krijgt eerder een afspraak', en: 'You get an earlier appointment' },
      };
    });
    const nl = letter(automated, 'nl');
    expect(nl).toContain(
      'Zo werkt het: Een algoritme bepaalt de urgentie. Wat het voor u betekent: U krijgt eerder een afspraak.',
    );
    // Art. 22(1) and (3) in the notice's B1 words (the accessibility review's rewrite of the right's description).
    expect(nl).toContain(
      'U hebt het recht dat een computer niet alleen, zonder een mens, een besluit over u neemt, ook niet op basis van profilering',
    );
    expect(nl).toContain('Dan mag u vragen dat een mens naar het besluit kijkt (menselijke tussenkomst)');
    expect(nl).not.toContain('nemen wij voortaan geautomatiseerde besluiten');
  });
});

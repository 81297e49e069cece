import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../../src/policy/policy-types.js';
import { analyse, miniPolicy } from '../support/mini-policy.js';

/**
 * The two rules the Dutch privacy lawyer's review of the notices (2026-12-06) asked for: a care
 * provider's erasure note that keeps data for a retention duty (item 1), and a promotional purpose on
 * legitimate interests not marked as direct marketing (item 2). Both are patterns: these pin their reach.
 */
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });
const findings = (policy: PolicySource, ruleId: string): string[] =>
  analyse(policy)
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => f.pointer);

describe('wgbo/erasure-refused-for-retention', () => {
  const erasure = (nl: string, en = 'Nothing.', careProvider = true): string[] => {
    const policy = miniPolicy();
    policy.controller.isCareProvider = careProvider;
    policy.rights = { notes: { erasure: text(nl, en) } };
    return findings(policy, 'wgbo/erasure-refused-for-retention');
  };

  it("reports a care provider that keeps the file for a duty it ties to the file's own term", () => {
    expect(erasure('Wij vernietigen uw dossier niet, omdat de WGBO een wettelijke plicht tot bewaren oplegt.')).toEqual(
      ['/rights/notes/erasure'],
    );
    expect(erasure('Wij wissen uw gegevens, behalve als de bewaarplicht van 20 jaar geldt.')).toHaveLength(1);
    expect(
      erasure(
        'Niets.',
        'We erase your data unless a legal obligation requires us to keep your medical file for 20 years.',
      ),
    ).toHaveLength(1);
  });

  it('does not report a retention period that is no reason to refuse, or an organisation that is no care provider', () => {
    expect(
      erasure('Wil je dat we je gegevens verwijderen voordat de bewaartermijn is verstreken, dan kun je dat vragen.'),
    ).toEqual([]);
    expect(erasure('Blijkt dat gegevens over u onjuist zijn, dan hebt u het recht die te laten verwijderen.')).toEqual(
      [],
    );
    expect(erasure('Wij wissen uw gegevens, tenzij de WGBO een wettelijke plicht oplegt.', 'Nothing.', false)).toEqual(
      [],
    );
  });

  it('does not report a legal duty in general, a ground to refuse erasure (GDPR 17(3)(b); officer review 8, D1)', () => {
    // Dental Clinics: personal data in general, not the file's term.
    expect(
      erasure('Als er geen andere reden is om je gegevens te bewaren, zoals een wettelijke plicht, wissen we ze.'),
    ).toEqual([]);
    expect(erasure('Niets.', 'We erase your data unless a legal obligation requires us to keep it.')).toEqual([]);
  });
});

describe('art21/direct-marketing-unmarked', () => {
  const purpose = (name: string, description?: string, extra: Partial<PolicySource['purposes'][number]> = {}) => {
    const policy = miniPolicy();
    policy.purposes[0] = {
      ...policy.purposes[0]!,
      name: text(name, 'Purpose'),
      ...(description ? { description: text(description, 'Description.') } : {}),
      legalBasis: '6(1)(f)',
      legitimateInterest: text('belang', 'interest'),
      ...extra,
    };
    return findings(policy, 'art21/direct-marketing-unmarked');
  };

  it('reports promotion on legitimate interests, by name or by description (Dental Clinics, Doctolib)', () => {
    expect(purpose('Aanbieden van aanvullende diensten')).toEqual(['/purposes/0/name']);
    expect(purpose('Informatie over de diensten', 'Nieuwe functies, nieuwe producten, enz.')).toEqual([
      '/purposes/0/description',
    ]);
    expect(purpose('Onze nieuwsbrief')).toHaveLength(1);
    expect(purpose('Marketingcampagnes')).toHaveLength(1);
  });

  it('does not report service messages, invitations, references to others, a doctorate, or a purpose already marked', () => {
    expect(purpose('Informeren over wijzigingen in onze dienstverlening')).toEqual([]);
    // iPractice: borderline, left out on purpose (docs/seed-findings.md).
    expect(purpose('Contact houden, informatie en uitnodigingen', 'Je uitnodigen voor bijeenkomsten.')).toEqual([]);
    expect(purpose('Commerciële referenties', 'Informatie aan prospects over afgenomen diensten.')).toEqual([]);
    expect(purpose('Wetenschappelijk onderzoek', 'Gegevens voor promotieonderzoek.')).toEqual([]);
    expect(purpose('Onze nieuwsbrief', undefined, { directMarketing: true })).toEqual([]);
  });

  it('does not report promotion on consent: withdrawal, not the objection of 21(1), is what the notice offers', () => {
    expect(purpose('Onze nieuwsbrief', undefined, { legalBasis: '6(1)(a)', legitimateInterest: undefined })).toEqual(
      [],
    );
  });
});

describe('art21/direct-marketing-legal-obligation', () => {
  const marketing = (extra: Partial<PolicySource['purposes'][number]>): string[] => {
    const policy = miniPolicy();
    policy.purposes[0] = { ...policy.purposes[0]!, directMarketing: true, ...extra };
    return findings(policy, 'art21/direct-marketing-legal-obligation');
  };

  it('reports direct marketing on a legal obligation, at the basis, as a whole or as one of its bases', () => {
    expect(marketing({ legalBasis: '6(1)(c)' })).toEqual(['/purposes/0/legalBasis']);
    expect(
      marketing({
        legalBasis: undefined,
        legalBases: [{ basis: '6(1)(a)' }, { basis: '6(1)(c)' }],
      }),
    ).toEqual(['/purposes/0/legalBases/1']);
  });

  it('does not report direct marketing on legitimate interests or consent, or a legal obligation that is no marketing', () => {
    expect(marketing({ legalBasis: '6(1)(f)', legitimateInterest: text('belang', 'interest') })).toEqual([]);
    expect(marketing({ legalBasis: '6(1)(a)' })).toEqual([]);
    expect(marketing({ legalBasis: '6(1)(c)', directMarketing: false })).toEqual([]);
  });
});

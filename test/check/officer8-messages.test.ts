import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from '../support/rule-fixtures.js';

/**
 * The messages the eighth privacy-officer review (reviews/officer8.md) found overstated or untrue for the policy
 * they are shown for, each on the minimal care-provider policy (test/fixtures/rules/base.json).
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
const T = (nl: string, en: string) => ({ nl, en });

/** The findings of `ruleId` on base.json patched with `patch`, in `lang`, as 'severity message'. */
function messages(ruleId: string, patch: object, lang: 'en' | 'nl' = 'en'): string[] {
  const analysed = analysePolicy(JSON.stringify(mergePatch(base, patch), null, 2), 'policy.json', lang);
  expect(analysed.diagnostics).toEqual([]);
  return analysed.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.severity} ${f.message}`);
}

/** A second purpose beside base.json's care purpose: camera surveillance on contact details, for visitors. */
const camera = {
  id: 'camera',
  name: T('Cameratoezicht', 'Camera surveillance'),
  dataSubjects: ['visitors'],
  dataCategories: ['contact'],
};
const withCamera = (purpose: object) => ({
  dataSubjects: [...base.dataSubjects, { id: 'visitors', name: T('Bezoekers', 'Visitors') }],
  purposes: [base.purposes[0], { ...camera, ...purpose }],
});

describe('art6/basis-missing and art9/condition-missing: the basis is not stated, not absent (S1)', () => {
  const noBasis = { purposes: [{ ...base.purposes[0], legalBasis: undefined }] };
  const noCondition = { purposes: [{ ...base.purposes[0], specialCategoryCondition: undefined }] };

  it('the medical file: says the policy does not state the basis, and names the usual care bases as a hint', () => {
    expect(messages('art6/basis-missing', noBasis)).toEqual([
      'error The policy names no legal basis of art. 6(1) for the purpose “Providing care”; the notice must state one for each purpose. For care under a treatment agreement that is usually the agreement (6(1)(b)) and/or the legal obligation to keep a medical file (6(1)(c), BW 7:454); name the basis that applies.',
    ]);
    expect(messages('art6/basis-missing', noBasis, 'nl')).toEqual([
      'error Het beleid noemt geen grondslag uit art. 6, lid 1, voor het doel “Zorg verlenen”; de privacyverklaring moet voor elk doel de grondslag vermelden. Bij zorg op grond van een behandelingsovereenkomst is dat meestal de overeenkomst (art. 6, lid 1, onder b) en/of de wettelijke plicht om een medisch dossier bij te houden (art. 6, lid 1, onder c; art. 7:454 BW); noem de grondslag die van toepassing is.',
    ]);
    expect(messages('art9/condition-missing', noCondition)).toEqual([
      'error The purpose “Providing care” processes special category data (“Medical data”), but the policy does not state which exception of art. 9(2) allows it. For health data a care provider processes for good treatment or care that is usually 9(2)(h) with UAVG art. 30(3)(a); name the exception that applies.',
    ]);
    expect(messages('art9/condition-missing', noCondition, 'nl')).toEqual([
      'error Het doel “Zorg verlenen” verwerkt bijzondere persoonsgegevens (“Medische gegevens”), maar het beleid vermeldt niet welke uitzondering uit art. 9, lid 2, dat toestaat. Voor gezondheidsgegevens die een zorgaanbieder verwerkt voor een goede behandeling of verzorging is dat meestal art. 9, lid 2, onder h, met art. 30, lid 3, onder a, UAVG; noem de uitzondering die van toepassing is.',
    ]);
  });

  it('a purpose outside the medical file (camera surveillance, staff health data): no care hint', () => {
    expect(messages('art6/basis-missing', withCamera({}))).toEqual([
      'error The policy names no legal basis of art. 6(1) for the purpose “Camera surveillance”; the notice must state one for each purpose. Name the basis that applies among the six of art. 6(1).',
    ]);
    expect(messages('art6/basis-missing', withCamera({}), 'nl')).toEqual([
      'error Het beleid noemt geen grondslag uit art. 6, lid 1, voor het doel “Cameratoezicht”; de privacyverklaring moet voor elk doel de grondslag vermelden. Noem welke van de zes grondslagen van art. 6, lid 1, van toepassing is.',
    ]);
    // Sick-leave reports of staff are health data, but not the patient's file: 9(2)(h) with UAVG 30(3)(a) is no hint.
    const staff = withCamera({
      name: T('Verzuimadministratie', 'Sick-leave administration'),
      legalBasis: '6(1)(c)',
      dataCategories: ['medical'],
    });
    expect(messages('art9/condition-missing', staff)).toEqual([
      'error The purpose “Sick-leave administration” processes special category data (“Medical data”), but the policy does not state which exception of art. 9(2) allows it. Name the exception that applies.',
    ]);
    expect(messages('art9/condition-missing', staff, 'nl')).toEqual([
      'error Het doel “Verzuimadministratie” verwerkt bijzondere persoonsgegevens (“Medische gegevens”), maar het beleid vermeldt niet welke uitzondering uit art. 9, lid 2, dat toestaat. Noem de uitzondering die van toepassing is.',
    ]);
  });
});

describe('art6/legitimate-interest-missing: the probable interest where the purpose is one the GDPR names (S4), still an error (officer11 F15)', () => {
  /** base.json's camera purpose on 6(1)(f) without an interest, named and described as given. */
  const interest = (name: { nl: string; en: string }, description?: { nl: string; en: string }, lang?: 'nl') =>
    messages(
      'art6/legitimate-interest-missing',
      withCamera({ name, ...(description && { description }), legalBasis: '6(1)(f)' }),
      lang,
    );

  it('fraud (recital 47): the review’s Doctolib purpose, quoted in each language', () => {
    const fraud = T('Computerfraude voorkomen en bestrijden', 'Preventing and combating computer fraud');
    const spam = T('Spamming, hacking, DDoS-aanvallen enz.', 'Spamming, hacking, DDoS attacks, etc.');
    expect(interest(fraud, spam)).toEqual([
      "error The purpose “Preventing and combating computer fraud” relies on legitimate interests (6(1)(f)) but does not name the interest. Its name or description speaks of “fraud”: the interest is probably preventing fraud, which the GDPR counts as a legitimate interest (recital 47). State it as the purpose's legitimate interest, so that the notice says so.",
    ]);
    expect(interest(fraud, spam, 'nl')).toEqual([
      'error Het doel “Computerfraude voorkomen en bestrijden” steunt op een gerechtvaardigd belang (art. 6, lid 1, onder f) maar noemt dat belang niet. De naam of omschrijving spreekt van “Computerfraude”: het belang is waarschijnlijk het voorkomen van fraude, dat de AVG als gerechtvaardigd belang noemt (overweging 47). Vermeld het als gerechtvaardigd belang van het doel, zodat de privacyverklaring het noemt.',
    ]);
  });

  it('network and information security (recital 49), from the name or the description', () => {
    expect(interest(T('Informatiebeveiliging', 'Information security'))).toEqual([
      expect.stringMatching(
        /^error .+ speaks of “Information security”: .+ network and information security, .+\(recital 49\)/,
      ),
    ]);
    expect(
      interest(
        T('Onze systemen', 'Our systems'),
        T('Wij zoeken in logbestanden naar hackpogingen.', 'We search log files for hacking attempts.'),
        'nl',
      ),
    ).toEqual([expect.stringMatching(/^error .+ spreekt van “hackpogingen”: .+ netwerk- en informatiebeveiliging/)]);
  });

  it.each([
    [
      'data security in general',
      T('Beveiliging', 'Security'),
      T('Wij beveiligen je gegevens goed.', 'We keep your data secure.'),
    ],
    [
      'safety',
      T('Cameratoezicht', 'Camera surveillance'),
      T('Voor uw en onze veiligheid.', 'For your and our safety.'),
    ],
    [
      'security alerts sent to the customer',
      T('Met u communiceren', 'Communicating with you'),
      T('Wij sturen updates en beveiligingswaarschuwingen.', 'We send updates and security alerts.'),
    ],
  ])('%s: still an error', (_, name, description) => {
    expect(interest(name, description)).toEqual([
      expect.stringMatching(/^error .+ does not name the specific interest\.$/),
    ]);
    expect(interest(name, description, 'nl')).toEqual([expect.stringMatching(/^error .+ noemt dat belang niet\.$/)]);
  });
});

describe('rights/narrowed on an objection quotes art. 21(1): grounds relating to the particular situation (S5)', () => {
  it('IES: the person gives grounds of his or her situation; proving compelling grounds is the organisation’s', () => {
    const ies = T(
      'U kunt bezwaar maken als u van mening bent dat wij daarvoor niet de juiste gronden hebben.',
      'You can object to our processing of your personal data if you believe we do not have the proper grounds for it.',
    );
    expect(messages('rights/narrowed', { rights: { ...base.rights, notes: { objection: ies } } })).toEqual([
      "warning This text makes stopping the processing depend on the person's reason or belief (“if you believe we do not have the proper grounds”). Under art. 21(1) the person objects “on grounds relating to his or her particular situation”, and the organisation then stops unless it demonstrates compelling legitimate grounds that override the person's interests, rights and freedoms, or needs the data for legal claims: that burden is the organisation's, not the person's. Against direct marketing the person may always object, without a reason (21(2), (3)).",
    ]);
  });
});

describe('security/measures-missing: a general statement is not "no measures" (N2)', () => {
  const statement = T(
    'Wij nemen passende maatregelen zodat de beveiliging van je gegevens gewaarborgd is.',
    'We take appropriate measures so that the security of your data is ensured.',
  );

  // Not a care provider: for one the finding is a warning that names the Besluit (officer11 F9, test/check/security-measures.test.ts).
  const notCare = { controller: { isCareProvider: false } };

  it('a description without measures or standards: says the policy gives only that statement', () => {
    const described = { ...notCare, security: { description: statement, standards: null } };
    expect(messages('security/measures-missing', described)).toEqual([
      'info The policy gives a general statement about security but lists no specific measures or standards (such as NEN 7510); the register shows only that statement as its description of the security measures.',
    ]);
    expect(messages('security/measures-missing', described, 'nl')).toEqual([
      'info Het beleid geeft een algemene verklaring over beveiliging, maar noemt geen concrete maatregelen of normen (zoals NEN 7510); het register toont alleen die verklaring als beschrijving van de beveiligingsmaatregelen.',
    ]);
  });

  it('nothing about security at all: "lists no security measures" stays true', () => {
    expect(messages('security/measures-missing', { ...notCare, security: null })).toEqual([
      'info The policy lists no security measures or standards (such as NEN 7510).',
    ]);
  });
});

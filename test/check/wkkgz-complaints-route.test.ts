import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import type { Complaints, PolicySource } from '../../src/policy/policy-types.js';
import { miniPolicy } from '../support/mini-policy.js';
import { policyOutputs } from '../support/policy-outputs.js';

/**
 * wkkgz/complaints-route-unstated: a care provider that names no complaints officer or no disputes body (Wkkgz
 * art. 15, 18), in the fields or in words in its complaints text. These pin its reach: which variant, where, and
 * the texts that state the route in words (docs/seed-findings.md).
 */
const text = (nl: string, en = nl): { nl: string; en: string } => ({ nl, en });

function route(complaints: Complaints | undefined, careProvider = true, lang: 'en' | 'nl' = 'en'): string[] {
  const policy: PolicySource = { ...miniPolicy(), ...(complaints ? { complaints } : {}) };
  policy.controller.isCareProvider = careProvider;
  return analysePolicy(JSON.stringify(policy, null, 2), 'policy.json', lang)
    .findings.filter((f) => f.ruleId === 'wkkgz/complaints-route-unstated')
    .map((f) => `${f.severity} ${f.pointer} ${f.message}`);
}
const officer = { name: 'Klachtenfunctionaris Mini', contact: { email: 'klacht@mini.example' } };
const disputesBody = {
  name: 'Geschillencommissie Zorg Algemeen',
  contact: { url: 'https://www.degeschillencommissiezorg.nl' },
};

describe('wkkgz/complaints-route-unstated', () => {
  it('a care provider without a complaints section: both, at the controller, in both languages', () => {
    expect(route(undefined)).toEqual([
      'info /controller This care provider names no complaints officer (klachtenfunctionaris) and no disputes body (geschilleninstantie), so the notice does not tell patients where to complain about their care. Under the Wkkgz every care provider has both: give them as complaints.officer and complaints.disputesBody.',
    ]);
    expect(route(undefined, true, 'nl')).toEqual([
      'info /controller Deze zorgaanbieder noemt geen klachtenfunctionaris en geen geschilleninstantie, dus de privacyverklaring zegt patiënten niet waar zij met een klacht over hun zorg terechtkunnen. Volgens de Wkkgz heeft elke zorgaanbieder ze allebei: vul ze in bij complaints.officer en complaints.disputesBody.',
    ]);
  });

  it('names the one missing, at the complaints section', () => {
    expect(route({ officer })).toEqual([
      'info /complaints This care provider names no disputes body (geschilleninstantie), so the notice does not tell patients where to go when a complaint about their care is not resolved. Under the Wkkgz every care provider is affiliated with one: give it as complaints.disputesBody.',
    ]);
    expect(route({ disputesBody })).toEqual([
      'info /complaints This care provider names no complaints officer (klachtenfunctionaris), so the notice does not tell patients who helps them with a complaint about their care. Under the Wkkgz every care provider has one: give it as complaints.officer.',
    ]);
    expect(route({ officer, disputesBody })).toEqual([]);
  });

  it('reads the complaints text for the route stated in words, in either language', () => {
    const dutch = text(
      'U kunt uw klacht ook melden bij onze klachtfunctionaris. Komen we er niet uit, dan kunt u naar de Geschilleninstantie Zorg.',
      'You can also take your complaint to our officer.',
    );
    expect(route({ internal: dutch })).toEqual([]);
    const english = text(
      'Neem contact met ons op.',
      'Contact our complaints officer, or the disputes committee we belong to.',
    );
    expect(route({ internal: english })).toEqual([]);
    // A GP practice names the body that provides both by its name only: the disputes body, not the officer.
    const skge = text('Wij zijn aangesloten bij de SKGE.', 'We are affiliated with SKGE.');
    expect(route({ internal: skge, officer })).toEqual([]);
    expect(route({ internal: skge }).map((f) => f.split(' ')[1])).toEqual(['/complaints']);
    expect(route({ internal: skge })[0]).toContain('names no complaints officer (klachtenfunctionaris), so');
    // The AVG's route (the DPO, the AP) is not the Wkkgz's: the cosmetic clinic's text, reported.
    const dpoOnly = text(
      'Hebt u klachten, neem dan contact op met onze functionaris voor gegevensbescherming.',
      'If you have any complaints, please contact our Data Protection Officer.',
    );
    expect(route({ internal: dpoOnly }).map((f) => f.split(' ')[1])).toEqual(['/complaints']);
    // Words for one, a field for the other.
    expect(
      route({ internal: text('Bel onze klachtenfunctionaris.', 'Call our complaints officer.'), disputesBody }),
    ).toEqual([]);
  });

  it('does not take a complaints committee for the officer or the disputes body, and does not say no place to complain is given', () => {
    const committee = text(
      'Bent u niet tevreden over uw zorg, dan kunt u een klacht indienen bij onze klachtencommissie.',
      'If you are not satisfied with your care, you can file a complaint with our complaints committee.',
    );
    expect(route({ internal: committee })).toEqual([
      'info /complaints This care provider names a complaints committee (klachtencommissie) but no complaints officer (klachtenfunctionaris) and no disputes body (geschilleninstantie). Under the Wkkgz a complaints committee is neither: every care provider has a complaints officer who advises a complainant free of charge, and is affiliated with a disputes body outside it for a complaint that is not resolved. Give them as complaints.officer and complaints.disputesBody.',
    ]);
    expect(route({ internal: committee }, true, 'nl')).toEqual([
      'info /complaints Deze zorgaanbieder noemt een klachtencommissie, maar geen klachtenfunctionaris en geen geschilleninstantie. Volgens de Wkkgz is een klachtencommissie geen van beide: elke zorgaanbieder heeft een klachtenfunctionaris die een klager gratis adviseert, en is aangesloten bij een geschilleninstantie buiten de organisatie voor een klacht die niet is opgelost. Vul ze in bij complaints.officer en complaints.disputesBody.',
    ]);
    // With one of the two named, the other is still missing, and its own message says which.
    expect(route({ internal: committee, officer })[0]).toContain('names no disputes body (geschilleninstantie), so');
    expect(route({ internal: committee, disputesBody })[0]).toContain(
      'names no complaints officer (klachtenfunctionaris), so',
    );
    expect(route({ internal: committee, officer, disputesBody })).toEqual([]);
  });

  it('a complaints committee given as the officer or the disputes body: reported at its name (fixes, item 4)', () => {
    // The field counted as the route: no finding, and the notice called the committee 'onze klachtenfunctionaris'.
    const committee = { name: 'Klachtencommissie Mini', contact: { email: 'klacht@mini.example' } };
    expect(route({ officer: committee, disputesBody })).toEqual([
      'info /complaints/officer/name complaints.officer names a complaints committee (“Klachtencommissie Mini”), not a complaints officer (klachtenfunctionaris). Under the Wkkgz every care provider has a complaints officer who advises a complainant free of charge (art. 15); a complaints committee does not, so the notice names it without calling it your complaints officer. Give the complaints officer in complaints.officer, and name the committee in complaints.internal.',
    ]);
    expect(route({ officer, disputesBody: committee }, true, 'nl')).toEqual([
      'info /complaints/disputesBody/name complaints.disputesBody noemt een klachtencommissie (“Klachtencommissie Mini”), geen geschilleninstantie. Volgens de Wkkgz is elke zorgaanbieder aangesloten bij een geschilleninstantie buiten de organisatie die de minister heeft erkend (artikel 18); een klachtencommissie is dat niet, dus de privacyverklaring noemt haar zonder haar uw geschilleninstantie te noemen. Vul de geschilleninstantie in bij complaints.disputesBody, en noem de commissie in complaints.internal.',
    ]);
    // A name that also names the route is the route's ('Klachten- en Geschillencommissie' as the disputes body).
    const both = { name: 'Klachten- en Geschillencommissie Zorg', contact: { url: 'https://geschil.example' } };
    expect(route({ officer, disputesBody: both })).toEqual([]);
  });

  it("the notice names such a committee without calling it 'onze klachtenfunctionaris' or the disputes body", () => {
    const policy: PolicySource = {
      ...miniPolicy(),
      complaints: {
        officer: { name: 'Klachtencommissie Mini', contact: { email: 'klacht@mini.example' } },
        disputesBody: { name: 'Klachtencommissie Regio', contact: { url: 'https://regio.example' } },
      },
    };
    policy.controller.isCareProvider = true;
    const { notice } = policyOutputs(policy);
    expect(notice.nl).toContain('Hebt u een klacht over onze zorg? Dan kunt u terecht bij Klachtencommissie Mini.');
    expect(notice.nl).toContain(
      'Komen wij er samen niet uit? Dan kunt u uw klacht voorleggen aan Klachtencommissie Regio.\n',
    );
    expect(notice.nl).not.toMatch(/klachtenfunctionaris: Klachtencommissie|Dat is de geschilleninstantie/);
    expect(notice.en).toContain('Do you have a complaint about our care? Then you can turn to Klachtencommissie Mini.');
    expect(notice.en).not.toMatch(/complaints officer: Klachtencommissie|This is the disputes body/);
  });

  it('says nothing for an organisation that is no care provider', () => {
    expect(route(undefined, false)).toEqual([]);
  });
});

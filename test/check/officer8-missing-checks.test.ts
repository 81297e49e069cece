import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { repoRoot } from '../support/cli.js';
import { mergePatch, ruleFixtureBase } from '../support/rule-fixtures.js';

/**
 * Two checks the privacy officer's review 8 missed (M4, M5 and R6): a legitimate interest that is only a general
 * phrase or one text for purposes of different kinds (art6/legitimate-interest-vague), and a server location in
 * words outside the EEA that the party's country codes leave out (transfer/location-text-unlisted).
 */
function findings(id: string, rule: string, lang: 'en' | 'nl' = 'en') {
  const file = path.join(repoRoot, 'policies', id, 'policy.json');
  return analysePolicy(readFileSync(file, 'utf8'), `policies/${id}/policy.json`, lang).findings.filter(
    (f) => f.ruleId === rule,
  );
}

const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));

/** The findings of `rule` on the base fixture with `patch` applied, which must be a valid policy. */
function patchedFindings(patch: object, rule: string) {
  const analysed = analysePolicy(JSON.stringify(mergePatch(base, patch), null, 2), 'policy.json');
  expect(analysed.diagnostics).toEqual([]);
  return analysed.findings.filter((f) => f.ruleId === rule);
}

/** The base fixture with one more purpose on 6(1)(f) per interest given (nl, en), each optionally direct marketing. */
function withInterests(...interests: Array<[nl: string, en: string, directMarketing?: boolean]>) {
  const purposes = interests.map(([nl, en, directMarketing], i) => ({
    id: `p${i}`,
    name: { nl: `Doel ${i}`, en: `Purpose ${i}` },
    legalBasis: '6(1)(f)',
    legitimateInterest: { nl, en },
    ...(directMarketing ? { directMarketing } : {}),
    dataSubjects: ['patients'],
    dataCategories: ['contact'],
    retention: ['file'],
  }));
  const patch = { purposes: [...base.purposes, ...purposes] };
  return patchedFindings(patch, 'art6/legitimate-interest-vague').map((f) => f.pointer);
}

/** The base fixture with a processor whose server locations are `text` (both languages) and `codes`. */
function withServers(text: [nl: string, en: string], codes: string[]) {
  const processor = {
    id: 'host',
    name: 'Hoster',
    service: { nl: 'Hosting', en: 'Hosting' },
    country: 'NL',
    serverLocations: codes,
    serverLocationsText: { nl: text[0], en: text[1] },
  };
  const purposes = [{ ...base.purposes[0], processors: ['host'] }];
  return patchedFindings({ processors: [processor], purposes }, 'transfer/location-text-unlisted').map(
    (f) => f.message.match(/name “([^”]+)”/)![1],
  );
}

describe('art6/legitimate-interest-vague', () => {
  it("reports Dental Clinics' one interest for quality control, informing about changes and direct marketing, once", () => {
    const found = findings('dental-clinics', 'art6/legitimate-interest-vague');
    expect(found.map((f) => [f.severity, f.pointer])).toEqual([['warning', '/purposes/9/legitimateInterest']]);
    const [nl] = findings('dental-clinics', 'art6/legitimate-interest-vague', 'nl');
    expect(nl!.message).toMatch(
      /^Hetzelfde gerechtvaardigd belang, “Het verbeteren van onze diensten en het beveiligen van je gegevens\.”, staat bij direct marketing \(“Aanbieden van aanvullende diensten”\) en bij doelen die geen direct marketing zijn \(“Kwaliteitscontroles” en “Informeren over wijzigingen in onze dienstverlening”\)/,
    );
  });

  it('reports nothing on the other policies with 6(1)(f) interests (IES, Doctolib, iPractice)', () => {
    for (const id of ['ies', 'doctolib', 'ipractice'])
      expect(findings(id, 'art6/legitimate-interest-vague'), id).toEqual([]);
  });

  it('reports an interest that is only a general phrase, in every language', () => {
    expect(
      withInterests(
        ['Het verbeteren van onze dienstverlening.', 'Improving our services.'],
        ['Bedrijfsvoering', 'Business purposes'],
        [
          'Voor onze bedrijfsvoering en het verbeteren van onze diensten.',
          'For our business operations and to improve our services.',
        ],
      ),
    ).toEqual(['/purposes/1/legitimateInterest', '/purposes/2/legitimateInterest', '/purposes/3/legitimateInterest']);
  });

  it('does not report a specific interest, a general phrase with more to it, or one text for purposes of one kind', () => {
    expect(
      withInterests(
        ['Fraudepreventie.', 'Fraud prevention.'],
        ['Beveiliging van ons netwerk.', 'Securing our network.'],
        ['Beveiliging van ons netwerk.', 'Securing our network.'],
        [
          'Het verbeteren van onze diensten door wachttijden te meten.',
          'Improving our services by measuring waiting times.',
        ],
        ['Nieuwsbrief over onze behandelingen.', 'A newsletter about our treatments.', true],
        ['Nieuwsbrief over onze behandelingen.', 'A newsletter about our treatments.', true],
      ),
    ).toEqual([]);
  });

  it('reports one text for direct marketing and another kind once, at the direct-marketing purpose', () => {
    expect(
      withInterests(
        ['Beveiliging van ons netwerk.', 'Securing our network.'],
        ['beveiliging van ons netwerk', 'securing  our network'],
        ['Beveiliging van ons netwerk.', 'Securing our network.', true],
      ),
    ).toEqual(['/purposes/3/legitimateInterest']);
  });
});

describe('transfer/location-text-unlisted', () => {
  it("reports Doctolib's ZenDesk, whose text names Asia where its codes are the US and the EU", () => {
    const found = findings('doctolib', 'transfer/location-text-unlisted');
    expect(found.map((f) => [f.severity, f.pointer])).toEqual([['warning', '/processors/2/serverLocationsText/nl']]);
    const [nl] = findings('doctolib', 'transfer/location-text-unlisted', 'nl');
    expect(nl!.message).toMatch(
      /^De serverlocaties van “ZenDesk” in de woorden van de verklaring noemen “Azië”, een gebied buiten de EER/,
    );
  });

  it('reports nothing on the policies without such a text', () => {
    for (const id of ['dental-clinics', 'ies', 'ipractice'])
      expect(findings(id, 'transfer/location-text-unlisted'), id).toEqual([]);
  });

  it('reads whole words: countries from the locales and the law data, regions, short forms in capitals only', () => {
    expect(withServers(['Verenigde Staten', 'the United States'], ['EU'])).toEqual(['United States']);
    expect(withServers(['VS of elders in Azië', 'US or elsewhere in Asia'], ['EU'])).toEqual(['US', 'Asia']);
    expect(withServers(['wereldwijd', 'worldwide'], ['EU'])).toEqual(['worldwide']);
    expect(withServers(['bij ons in de EU', 'with us in the EU'], ['EU'])).toEqual([]);
    expect(withServers(['Chinatown, Amsterdam', 'Chinatown, Amsterdam'], ['NL'])).toEqual([]);
  });

  it('does not report a place the codes include, a region with a listed country in it, or a place in the EEA', () => {
    expect(withServers(['VS en Duitsland', 'US and Germany'], ['US', 'DE'])).toEqual([]);
    expect(withServers(['EU of Azië', 'EU or Asia'], ['EU', 'JP'])).toEqual([]);
    expect(withServers(['wereldwijd', 'worldwide'], ['EU', 'US'])).toEqual([]);
    expect(withServers(['Noorwegen en Ierland', 'Norway and Ireland'], ['EU'])).toEqual([]);
  });

  it('does not read a country inside a longer place name: New Mexico is a state of the US, not Mexico', () => {
    expect(withServers(['Nieuw-Mexico', 'New Mexico'], ['US'])).toEqual([]);
    expect(withServers(['New Mexico (VS)', 'New Mexico (US)'], ['US'])).toEqual([]);
    expect(withServers(['Nieuw-Mexico en Mexico', 'New Mexico and Mexico'], ['US'])).toEqual(['Mexico']);
    expect(withServers(['Mexico-Stad', 'Mexico City'], ['US'])).toEqual(['Mexico']);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { mergePatch, ruleFixtureBase } from '../support/rule-fixtures.js';

/**
 * security/measures-missing: for a care provider NEN 7510 is binding (Besluit elektronische gegevensverwerking door
 * zorgaanbieders), so a policy that lists no measures or standards is a warning that names the decree; for others it
 * stays information (officer11 F9).
 */
const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));

function security(patch: object, lang: 'en' | 'nl' = 'en') {
  const policy = mergePatch(base, { security: null, ...patch });
  return analysePolicy(JSON.stringify(policy, null, 2), 'policy.json', lang)
    .findings.filter((f) => f.ruleId === 'security/measures-missing')
    .map((f) => ({ severity: f.severity, message: f.message, article: f.article }));
}

describe('security/measures-missing by the kind of controller', () => {
  it('a care provider without measures: a warning citing the Besluit, in both languages', () => {
    const care = { controller: { isCareProvider: true } };
    expect(security(care)).toEqual([
      {
        severity: 'warning',
        message: expect.stringMatching(
          /^This care provider lists no security measures or standards\. For care providers NEN 7510 .+ Besluit elektronische gegevensverwerking door zorgaanbieders/,
        ),
        article: 'GDPR 30(1)(g), 32; Besluit elektronische gegevensverwerking door zorgaanbieders',
      },
    ]);
    expect(security(care, 'nl').map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^Deze zorgaanbieder noemt geen beveiligingsmaatregelen .+ verplicht op grond van het Besluit/,
      ),
    ]);
    const described = {
      ...care,
      security: { standards: null, description: { nl: 'Wij beveiligen goed.', en: 'We keep it safe.' } },
    };
    expect(security(described).map((f) => [f.severity, f.message])).toEqual([
      ['warning', expect.stringMatching(/^This care provider gives a general statement about security/)],
    ]);
  });

  it('an organisation that is no care provider: information, as before', () => {
    expect(security({ controller: { isCareProvider: false } })).toEqual([
      {
        severity: 'info',
        message: 'The policy lists no security measures or standards (such as NEN 7510).',
        article: 'GDPR 30(1)(g), 32',
      },
    ]);
  });
});

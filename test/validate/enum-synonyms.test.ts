import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { localiseDiagnostic } from '../../src/diagnostics/render-message.js';
import { guessValue } from '../../src/validate/key-guess.js';
import { miniPolicy, positionIn } from '../support/mini-policy.js';

/** The one schema/enum diagnostic of a policy whose careSector is `sector`, localised in `lang`, and the text. */
function sectorError(sector: string, lang: 'en' | 'nl' = 'en') {
  const policy = miniPolicy();
  (policy.controller as { careSector?: string }).careSector = sector;
  const text = JSON.stringify(policy, null, 2);
  const found = analysePolicy(text, 'policy.json', lang).diagnostics.filter((d) => d.ruleId === 'schema/enum');
  expect(found).toHaveLength(1);
  return { d: localiseDiagnostic(found[0]!, lang), text };
}

describe('a care sector written in Dutch: the enum error guesses the English value (schema x-synonyms)', () => {
  it.each([
    ['fysiotherapie', 'physiotherapy'],
    ['huisarts', 'gp-practice'],
    ['tandarts', 'dental'],
    ['apotheek', 'pharmacy'],
    ['ziekenhuis', 'hospital'],
    ['Huisartsenpost', 'gp-out-of-hours'],
    ['GGZ', 'mental-health'],
    ['fysioterapie', 'physiotherapy'],
  ])('%j: did you mean %j?', (sector, value) => {
    const { d, text } = sectorError(sector);
    expect(d.suggestion).toBe(`did you mean "${value}"?`);
    expect(d.pointer).toBe('/controller/careSector');
    expect({ line: d.line, column: d.column }).toEqual(positionIn(text, JSON.stringify(sector)));
  });

  it('in Dutch messages too', () => {
    expect(sectorError('fysiotherapie', 'nl').d.suggestion).toBe('bedoelde u "physiotherapy"?');
  });

  it('a short word is matched only as written, and a word for no allowed value guesses nothing', () => {
    expect(sectorError('ggd').d.suggestion).toBeUndefined();
    expect(guessValue('ziekenhuis', ['dental'], { ziekenhuis: 'hospital' })).toBeUndefined();
  });
});

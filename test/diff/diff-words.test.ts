import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeKinds, type ChangeKind } from '../../src/diff/change-kinds.js';
import { changeWords } from '../../src/diff/change-words.js';
import { diffPolicies } from '../../src/diff/diff-policies.js';
import { noticeDraft } from '../../src/diff/notice-draft.js';
import { messagesFor } from '../../src/i18n/messages.js';
import type { PolicyModel } from '../../src/resolve/model.js';
import { repoRoot } from '../support/cli.js';
import { model, modelWith } from './support.js';

/** From the diff review of 2026-12-06, defect 1: raw field names, code values and '{{field}}' in the letter. */
const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/policy.schema.json'), 'utf8')) as unknown;

/** Every property the schema names, and those that are yes/no. */
function schemaProperties(): { all: Set<string>; flags: Set<string> } {
  const all = new Set<string>();
  const flags = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const { properties } = node as { properties?: Record<string, { type?: string }> };
    if (properties && typeof properties === 'object')
      for (const [key, value] of Object.entries(properties)) {
        all.add(key);
        if (value.type === 'boolean') flags.add(key);
      }
    Object.values(node).forEach(walk);
  };
  walk(schema);
  return { all, flags };
}

const languages = ['nl', 'en'] as const;

describe('every schema property has words in the diff', () => {
  const { all, flags } = schemaProperties();

  it('finds the properties (the walk works)', () => {
    expect(all.size).toBeGreaterThan(100);
    expect([...flags]).toEqual(expect.arrayContaining(['directMarketing', 'isCareProvider', 'takesPlace']));
  });

  for (const lang of languages) {
    it(`has a ${lang} label for each property (diff:field.<key>)`, () => {
      const m = messagesFor(lang);
      expect([...all].filter((key) => !m.has(`diff:field.${key}`))).toEqual([]);
    });

    it(`has a ${lang} sentence for each yes/no property, both ways (diff:flag.<key>.true|false)`, () => {
      const m = messagesFor(lang);
      const missing = [...flags].flatMap((key) =>
        ['true', 'false'].filter((v) => !m.has(`diff:flag.${key}.${v}`)).map((v) => `${key}.${v}`),
      );
      expect(missing).toEqual([]);
    });
  }
});

const letter = (oldModel: PolicyModel, newModel: PolicyModel, lang: 'nl' | 'en' = 'nl'): string[] => {
  const changes = diffPolicies(oldModel, newModel);
  const draft = noticeDraft(newModel, changes, { oldModel });
  return draft?.texts.find((t) => t.lang === lang)?.changes ?? [];
};
const sentences = (oldModel: PolicyModel, newModel: PolicyModel, lang: 'nl' | 'en' = 'nl'): string[] =>
  diffPolicies(oldModel, newModel).map((c) => changeWords(c, messagesFor(lang)).sentence);

describe('the letter and the report in words', () => {
  const v1 = model('clinic-v1/policy.json');

  it("names the controller's field in the letter, never '{{field}}'", () => {
    const renamed = modelWith('clinic-v1/policy.json', (s) => {
      s.controller.kvkNumber = '87654321';
    });
    const kvk = modelWith('clinic-v1/policy.json', (s) => {
      s.controller.kvkNumber = '12345678';
    });
    expect(letter(kvk, renamed)).toEqual([
      'De gegevens van de organisatie die verantwoordelijk is voor uw gegevens wijzigen: KvK-nummer is voortaan 87654321 (was: 12345678).',
    ]);
    expect(letter(kvk, renamed, 'en')[0]).toContain('Chamber of Commerce number is now 87654321');
    // The report does not say 'the controller's controller, name'.
    expect(sentences(kvk, renamed, 'en')).toEqual([
      "The controller's Chamber of Commerce number becomes 87654321 (was: 12345678).",
    ]);
  });

  it('tells a yes/no property as a sentence of its own', () => {
    const marketing = modelWith('clinic-v1/policy.json', (s) => {
      s.purposes[1].directMarketing = true;
    });
    const noCare = modelWith('clinic-v1/policy.json', (s) => {
      s.controller.isCareProvider = false;
    });
    expect(sentences(v1, marketing)).toContain('Facturering is voortaan direct marketing.');
    expect(sentences(v1, noCare, 'en')).toEqual(['The organisation is no longer a care provider under the WGBO.']);
  });

  it('words code values: a law by its name, a requirement, a country, a safeguard', () => {
    const withLaw = (law: string) =>
      modelWith('clinic-v1/policy.json', (s) => {
        s.purposes[1].requirement = { type: law === 'awr' ? 'contractual' : 'statutory' };
        s.purposes[1].legalBasis = '6(1)(c)';
        s.purposes[1].legalObligation = { law, article: '52' };
      });
    const text = sentences(withLaw('awr'), withLaw('wgbo')).join('\n');
    expect(text).toContain('een wettelijke verplichting (was: een contractuele verplichting)');
    expect(text).not.toMatch(/statutory|contractual|\bwgbo\b|\bawr\b/);
    const parent = modelWith('clinic-v1/policy.json', (s) => {
      s.controller.parentCompany = { name: 'Holding Inc.', country: 'US' };
      s.transfers = { mechanisms: [{ mechanism: 'scc', countries: ['US'] }] };
    });
    const words = sentences(v1, parent, 'en').join('\n');
    expect(words).toContain('country is now the United States');
    expect(words).toContain('standard data protection clauses of the European Commission');
    expect(words).not.toMatch(/\bscc\b|\bUS\b/);
  });

  it('writes a leading article of a name in lower case mid-sentence', () => {
    const named = (period: string) =>
      modelWith('clinic-v1/policy.json', (s) => {
        s.retention[0].name = { nl: 'Het medisch dossier', en: 'The medical file' };
        s.retention[0].period = period;
      });
    const nl = letter(named('P15Y'), named('P20Y')).join('\n');
    expect(nl).toContain('Wij bewaren het medisch dossier langer');
    expect(letter(named('P15Y'), named('P20Y'), 'en').join('\n')).toContain('We will keep the medical file longer');
  });
});

describe('every material kind has a sentence of its own in the letter', () => {
  for (const lang of languages) {
    it(`in ${lang} (diff:notice.change.<kind>)`, () => {
      const m = messagesFor(lang);
      const material = (Object.keys(changeKinds) as ChangeKind[]).filter((k) => changeKinds[k].class === 'material');
      expect(material.filter((kind) => !m.has(`diff:notice.change.${kind}`))).toEqual([]);
    });
  }
});

describe('a change of no particular kind, in the letter', () => {
  it('names the place in the notice in words, not as the report does', () => {
    const withAuthority = modelWith('clinic-v1/policy.json', (s) => {
      s.complaints = { authority: 'nl-ap' };
    });
    const withoutAuthority = modelWith('clinic-v1/policy.json', (s) => {
      s.complaints = {};
    });
    expect(letter(withAuthority, withoutAuthority)).toEqual([
      'Onze privacyverklaring noemt “klachten, toezichthouder” niet meer (was: Autoriteit Persoonsgegevens).',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { changeKinds } from '../../src/diff/change-kinds.js';
import { changeWords } from '../../src/diff/change-words.js';
import { diffPolicies } from '../../src/diff/diff-policies.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { model, modelWith } from './support.js';

/**
 * One fixture pair per change class: test/fixtures/diff/pairs/<case>/new.json
 * is clinic-v1 with one change. Each row: [kind, class, pointer].
 */
const expected: Record<string, Array<[string, string, string]>> = {
  'no-change': [],
  'rename-processor': [['renamed', 'editorial', '/processors/0/id']],
  'rename-category': [['renamed', 'editorial', '/dataCategories/2/id']],
  'purpose-added': [['purpose-added', 'material', '/purposes/2']],
  'purpose-removed': [['purpose-removed', 'editorial', '/purposes/1']],
  'data-category-added': [
    ['data-category-added', 'material', '/dataCategories/3'],
    ['purpose-data-added', 'material', '/purposes/0/dataCategories/3'],
  ],
  'processor-removed': [
    ['processor-removed', 'material', '/processors/0'],
    ['purpose-processor-removed', 'editorial', '/purposes/0/processors/0'],
  ],
  'recipient-added': [
    // The purpose's link to the new recipient is part of its addition (diff review defect 8: counted once).
    ['recipient-added', 'material', '/recipients/1'],
  ],
  'transfer-added': [
    ['transfer-added', 'material', '/processors/0'],
    ['transfer-safeguard-changed', 'material', '/processors/0/transfer/mechanism'],
  ],
  'legal-basis-changed': [
    ['legal-basis-changed', 'material', '/purposes/1/legalBasis'],
    // The law behind the old 6(1)(c) basis went with it: told by the basis change itself, not as a law
    // 'from now on (none)' (diff review defect 2); the new 6(1)(f) basis's interest is its own detail.
    ['right-added', 'material', '/purposes/1'],
    ['wording', 'editorial', '/purposes/1/legitimateInterest'],
  ],
  'right-removed': [
    ['legal-basis-changed', 'material', '/purposes/0/legalBasis'],
    ['right-removed', 'material', '/purposes/0'],
  ],
  'party-name-changed': [['party-name-changed', 'material', '/processors/0/name']],
  'data-category-not-special': [['data-category-not-special', 'editorial', '/dataCategories/2/special']],
  'retention-longer': [['retention-longer', 'material', '/retention/0/period']],
  'retention-shorter': [['retention-shorter', 'editorial', '/retention/1/period']],
  'retention-changed': [['retention-changed', 'material', '/retention/0']],
  'controller-changed': [['controller-changed', 'material', '/controller/name']],
  'contact-changed': [['contact-changed', 'editorial', '/controller/contact/phone']],
  wording: [['wording', 'editorial', '/changes/statement']],
  // Issue 17: the practice software now serves invoicing instead of treatment — one move.
  'processor-moved': [['purpose-processor-moved', 'material', '/purposes/1/processors/0']],
  // Issue 17: the insurer swapped for a US clearing house for the same purposes — one replacement; the new
  // third country is still its own transfer.
  'recipient-replaced': [
    ['recipient-replaced', 'material', '/recipients/0'],
    ['transfer-added', 'material', '/recipients/0'],
  ],
  // Another processor, but for another purpose: not the same role, so an addition and a removal.
  'processor-swapped-elsewhere': [
    ['processor-added', 'material', '/processors/0'],
    ['processor-removed', 'material', '/processors/0'],
    // The new processor's purpose link is part of its addition (diff review defect 8: counted once).
    ['purpose-processor-removed', 'editorial', '/purposes/0/processors/0'],
  ],
  'automated-decision-added': [
    ['automated-decision-added', 'material', '/purposes/0/automatedDecision'],
    ['right-added', 'material', '/purposes/0'],
  ],
};

describe('diffPolicies on fixture pairs', () => {
  const base = model('clinic-v1/policy.json');
  for (const [name, rows] of Object.entries(expected)) {
    it(name, () => {
      const changes = diffPolicies(base, model(`pairs/${name}/new.json`));
      expect(changes.map((c) => [c.kind, c.class, c.pointer])).toEqual(rows);
      for (const c of changes) expect(c.side).toBe(c.kind.endsWith('-removed') || (c.old && !c.new) ? 'old' : 'new');
    });
  }

  it('covers both classes and every change the issue names as material', () => {
    const kinds = new Set(
      Object.values(expected)
        .flat()
        .map(([kind]) => kind),
    );
    for (const kind of [
      'purpose-added',
      'data-category-added',
      'processor-removed',
      'recipient-added',
      'transfer-added',
      'legal-basis-changed',
      'retention-longer',
      'right-removed',
      'controller-changed',
    ]) {
      expect(kinds.has(kind), kind).toBe(true);
      expect(changeKinds[kind as keyof typeof changeKinds].class).toBe('material');
    }
    for (const kind of ['wording', 'retention-shorter', 'contact-changed', 'renamed']) {
      expect(changeKinds[kind as keyof typeof changeKinds].class).toBe('editorial');
    }
  });

  it('is empty in both directions for a policy compared with itself', () => {
    const v2 = model('clinic-v2/policy.json');
    expect(diffPolicies(v2, v2)).toEqual([]);
  });

  it('reports the reverse of an addition as a removal, pointing into the old document', () => {
    const changes = diffPolicies(model('pairs/purpose-added/new.json'), base);
    expect(changes.map((c) => [c.kind, c.side, c.pointer])).toEqual([['purpose-removed', 'old', '/purposes/2']]);
  });

  it('reports a renamed item once, and a rename plus a change as removal and addition', () => {
    const renamed = model('pairs/rename-processor/new.json');
    const changes = diffPolicies(base, renamed);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      old: { type: 'id', value: 'practice-software' },
      new: { type: 'id', value: 'pms' },
    });
    // Changing the content too makes it another processor: no rename.
    const source = structuredClone(renamed.source);
    source.processors![0]!.name = 'Andere Software B.V.';
    const other = { ...renamed, processors: [{ ...renamed.processors[0]!, name: 'Andere Software B.V.' }], source };
    // Another processor for the same purposes: one replacement (issue 17), not an addition, a removal and two purpose-list changes.
    expect(diffPolicies(base, other).map((c) => c.kind)).toEqual(['processor-replaced']);
    expect(diffPolicies(base, other)[0]).toMatchObject({
      class: 'material',
      side: 'new',
      old: { value: 'Praktijksoftware B.V.' },
      new: { value: 'Andere Software B.V.' },
      replaces: { value: 'Praktijksoftware B.V.' },
    });
    // The same id with another name may be another company: material.
    expect(diffPolicies(base, model('pairs/party-name-changed/new.json'))[0]).toMatchObject({
      kind: 'party-name-changed',
      class: 'material',
      old: { value: 'Praktijksoftware B.V.' },
      new: { value: 'Andere Software B.V.' },
    });
  });
});

describe('per-data legal bases (purposes[].legalBases, from the schema work on another branch)', () => {
  /** clinic-v1 with the treatment purpose's basis given per data, as the merged schema will allow. */
  function withBases(parts: Array<Record<string, unknown>>) {
    return modelWith('clinic-v1/policy.json', (source) => {
      const purpose = source.purposes[0];
      for (const single of [
        'legalBasis',
        'legalBasisExplanation',
        'legalObligation',
        'legitimateInterest',
        'publicTask',
      ])
        delete purpose[single];
      purpose.legalBases = parts;
    });
  }
  const contract = { basis: '6(1)(b)', dataCategories: ['contact', 'dental-file'] };

  it('reports a basis added or dropped, and data moved between bases, as material', () => {
    const before = withBases([contract, { basis: '6(1)(c)', dataCategories: ['x-rays'] }]);
    const after = withBases([
      { ...contract, dataCategories: ['contact', 'dental-file', 'x-rays'] },
      { basis: '6(1)(a)', explanation: { nl: 'Met uw toestemming.', en: 'With your consent.' } },
    ]);
    const changes = diffPolicies(before, after);
    // The set of bases is one change (diff review defect 2): 6(1)(c) dropped and 6(1)(a) added, 6(1)(b) kept.
    expect(changes.map((c) => [c.kind, c.class, c.pointer, c.side])).toEqual([
      ['legal-basis-changed', 'material', '/purposes/0/legalBases/1/basis', 'new'],
      ['legal-basis-data-added', 'material', '/purposes/0/legalBases/0/dataCategories/2', 'new'],
      // Consent (6(1)(a)) brings the right to withdraw it (material: the notice must say so, 13(2)(c)); the model is resolved from the changed policy, rights included.
      ['right-added', 'material', '/purposes/0', 'new'],
      // The new basis's own explanation.
      ['wording', 'editorial', '/purposes/0/legalBases/1/explanation', 'new'],
    ]);
    expect(changes[0]).toMatchObject({
      old: { type: 'basis', value: ['6(1)(b)', '6(1)(c)'] },
      new: { type: 'basis', value: ['6(1)(b)', '6(1)(a)'] },
    });
  });

  it('reports a reworded explanation of an unchanged basis as wording', () => {
    const before = withBases([{ ...contract, explanation: { nl: 'Voor uw behandeling.', en: 'For your treatment.' } }]);
    const after = withBases([
      { ...contract, explanation: { nl: 'Nodig voor uw behandeling.', en: 'Needed for your treatment.' } },
    ]);
    expect(diffPolicies(before, after).map((c) => [c.kind, c.pointer, c.field])).toEqual([
      ['wording', '/purposes/0/legalBases/0/explanation', 'legalBases.*.explanation'],
    ]);
  });
});

describe('rules for properties from the schema work on another branch', () => {
  const base = model('clinic-v1/policy.json');
  const withSource = (patch: (source: Record<string, unknown>) => void) => {
    const source = structuredClone(base.source) as unknown as Record<string, unknown>;
    patch(source);
    return { ...base, source: source as unknown as typeof base.source };
  };
  const withRetention = (patch: Record<string, unknown>) => ({
    ...base,
    retention: base.retention.map((r, i) => (i === 0 ? { ...r, ...patch } : r)),
  });

  it('treats a changed earliestOf as changed retention terms (material)', () => {
    const before = withRetention({ earliestOf: [{ period: 'P5Y', from: 'last-website-visit' }] });
    const after = withRetention({ earliestOf: [{ period: 'P10Y', from: 'last-website-visit' }] });
    expect(diffPolicies(before, after).map((c) => [c.kind, c.class, c.pointer])).toEqual([
      ['retention-changed', 'material', '/retention/0'],
    ]);
  });

  it('reports an additional right dropped as material and one added as editorial, by name', () => {
    const right = {
      id: 'information',
      name: { nl: 'Recht op informatie', en: 'Right to information' },
      description: { nl: 'x', en: 'x' },
    };
    const before = withSource((s) => {
      s.rights = { additional: [right] };
    });
    const after = withSource((s) => {
      s.rights = { additional: [] };
    });
    expect(diffPolicies(before, after).map((c) => [c.kind, c.class, c.pointer, c.side])).toEqual([
      ['right-removed', 'material', '/rights/additional/0', 'old'],
    ]);
    expect(diffPolicies(after, before)[0]).toMatchObject({
      kind: 'right-added',
      class: 'editorial',
      new: { type: 'name', value: right.name },
    });
  });
});

describe('the diff compares the normalised model (issue 16)', () => {
  /** clinic-v1 with the invoicing purpose (a 6(1)(c) basis) written one way or the other. */
  const invoicing = (form: 'single' | 'perData', law: string) =>
    modelWith('clinic-v1/policy.json', (source) => {
      const purpose = source.purposes[1];
      delete purpose.legalBasis;
      delete purpose.legalObligation;
      if (form === 'single') Object.assign(purpose, { legalBasis: '6(1)(c)', legalObligation: { law } });
      else purpose.legalBases = [{ basis: '6(1)(c)', legalObligation: { law } }];
    });

  it('classes a change of the law behind a 6(1)(c) basis as material, however the basis is written', () => {
    for (const form of ['single', 'perData'] as const) {
      const changes = diffPolicies(invoicing(form, 'awr'), invoicing(form, 'wabvpz'));
      // The law cited, not the basis, changed (diff review defect 2): its own kind, still material.
      expect(changes.map((c) => [c.kind, c.class])).toEqual([['basis-law-changed', 'material']]);
    }
    expect(diffPolicies(invoicing('single', 'awr'), invoicing('single', 'wabvpz'))[0]!.pointer).toBe(
      '/purposes/1/legalObligation',
    );
    expect(diffPolicies(invoicing('perData', 'awr'), invoicing('perData', 'wabvpz'))[0]!.pointer).toBe(
      '/purposes/1/legalBases/0/legalObligation',
    );
  });

  it('sees no change when only the way the basis is written changes', () => {
    expect(diffPolicies(invoicing('single', 'awr'), invoicing('perData', 'awr'))).toEqual([]);
  });

  it('classes declaring special category data (collectsSpecialCategories) as material, from the schema', () => {
    const before = model('clinic-v1/policy.json');
    const after = modelWith('clinic-v1/policy.json', (source) => {
      source.collectsSpecialCategories = true;
    });
    expect(diffPolicies(before, after).map((c) => [c.kind, c.class, c.pointer])).toEqual([
      ['changed', 'material', '/collectsSpecialCategories'],
    ]);
  });
});

describe('replacements and moves (issue 17)', () => {
  const base = model('clinic-v1/policy.json');

  it('names the party replaced and the purpose moved from, and says so in Dutch and English', () => {
    const [replaced] = diffPolicies(base, model('pairs/recipient-replaced/new.json'));
    expect(replaced).toMatchObject({
      replaces: { value: { nl: 'Uw zorgverzekeraar' } },
      new: { value: { nl: 'Declaratiebureau Claims Inc.' } },
    });
    expect(changeWords(replaced!, messagesFor('nl')).sentence).toBe(
      'De ontvanger Declaratiebureau Claims Inc. komt in de plaats van Uw zorgverzekeraar.',
    );
    expect(changeWords(replaced!, messagesFor('en')).sentence).toBe(
      'The recipient Claims Inc. clearing house takes the place of Your health insurer.',
    );
    const [moved] = diffPolicies(base, model('pairs/processor-moved/new.json'));
    expect(moved).toMatchObject({
      subject: { value: 'Praktijksoftware B.V.' },
      movedFrom: { value: { en: 'Dental treatment' } },
    });
    expect(changeWords(moved!, messagesFor('en')).sentence).toBe(
      'The organisation now works with the processor Praktijksoftware B.V. for Invoicing instead of for Dental treatment.',
    );
    expect(changeWords(moved!, messagesFor('nl')).sentence).toMatch(
      /^De organisatie werkt voortaan met de verwerker Praktijksoftware B\.V\. voor /,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { readFixture } from './support/fixtures.js';

/** The minimal policy with its single purpose's basis (and condition) replaced. */
function rightsFor(
  purposes: Array<{ basis?: string; condition?: string; automated?: boolean }>,
): Array<{ id: string; purposes: string[]; bases: string[] }> {
  const policy = JSON.parse(readFixture('minimal/policy.json'));
  const template = policy.purposes[0];
  policy.purposes = purposes.map((p, i) => {
    const purpose = { ...template, id: `p${i}` };
    delete purpose.legalBasis;
    if (p.basis) purpose.legalBasis = p.basis;
    if (p.condition) purpose.specialCategoryCondition = { condition: p.condition };
    if (p.automated) purpose.automatedDecision = { logic: { nl: 'l', en: 'l' }, significance: { nl: 's', en: 's' } };
    return purpose;
  });
  const { model, diagnostics } = analysePolicy(JSON.stringify(policy), 'x.json');
  expect(diagnostics).toEqual([]);
  return model!.rights.map((r) => ({ id: r.id, purposes: r.purposes.map((p) => p.id), bases: r.bases }));
}

const always = ['access', 'rectification', 'erasure', 'restriction', 'complaint'];
const ids = (rights: Array<{ id: string }>): string[] => rights.map((r) => r.id);

describe('rights derived from the bases used (reference §3)', () => {
  it('contract: the rights that always apply, plus portability', () => {
    expect(ids(rightsFor([{ basis: '6(1)(b)' }]))).toEqual([
      'access',
      'rectification',
      'erasure',
      'restriction',
      'portability',
      'complaint',
    ]);
  });

  it('legal obligation: only the rights that always apply', () => {
    expect(ids(rightsFor([{ basis: '6(1)(c)' }]))).toEqual(always);
  });

  it('legitimate interests and public task: objection, naming the purposes', () => {
    const rights = rightsFor([{ basis: '6(1)(f)' }, { basis: '6(1)(e)' }, { basis: '6(1)(c)' }]);
    expect(rights.find((r) => r.id === 'objection')).toEqual({
      id: 'objection',
      purposes: ['p0', 'p1'],
      bases: ['6(1)(e)', '6(1)(f)'],
    });
    expect(ids(rights)).not.toContain('portability');
  });

  it('consent: portability and withdrawal', () => {
    const rights = rightsFor([{ basis: '6(1)(a)' }]);
    expect(ids(rights)).toContain('portability');
    expect(rights.find((r) => r.id === 'withdraw-consent')?.bases).toEqual(['6(1)(a)']);
  });

  it('explicit consent under 9(2)(a) brings withdrawal even on another art. 6 basis', () => {
    const rights = rightsFor([{ basis: '6(1)(b)', condition: '9(2)(a)' }]);
    expect(rights.find((r) => r.id === 'withdraw-consent')).toEqual({
      id: 'withdraw-consent',
      purposes: ['p0'],
      bases: ['9(2)(a)'],
    });
  });

  it('art. 22 information only with automated decisions', () => {
    expect(ids(rightsFor([{ basis: '6(1)(b)' }]))).not.toContain('automated-decisions');
    expect(ids(rightsFor([{ basis: '6(1)(b)', automated: true }]))).toContain('automated-decisions');
  });

  it('no basis stated: only the rights that always apply', () => {
    expect(ids(rightsFor([{}]))).toEqual(always);
  });
});

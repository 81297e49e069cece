import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { readFixture } from './support/fixtures.js';

/** The failing fixture of retention/medical-file-too-short, its medical rule replaced by `retention` (other rules kept). */
function findingsWith(retention: unknown[]): string[] {
  const policy = JSON.parse(readFixture('rules/retention/medical-file-too-short/fail.json'));
  policy.retention = [...retention, ...policy.retention.filter((r: { id: string }) => r.id !== 'medical-file')];
  const { findings, diagnostics } = analysePolicy(JSON.stringify(policy), 'x.json');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  // Only the rules under test (/retention/0 and /retention/1); the fixture's other rules have findings of their own.
  return findings
    .filter((f) => f.ruleId === 'retention/medical-file-too-short' && /^\/retention\/[01]\//.test(f.pointer))
    .map((f) => f.pointer);
}

const name = { en: 'x', nl: 'x' };
const medical20y = {
  id: 'medical-file',
  name,
  dataCategories: ['medical-file'],
  period: 'P20Y',
  from: 'last-file-change',
};

describe('retention/medical-file-too-short and backups', () => {
  it('does not count backups kept for a while after deletion as the medical file’s retention (seed 001: 3 months)', () => {
    expect(
      findingsWith([
        medical20y,
        { id: 'backups', name, dataCategories: ['medical-file'], period: 'P3M', from: 'deletion' },
      ]),
    ).toEqual([]);
  });

  it('still reports the same short period when it is not counted from deletion', () => {
    expect(
      findingsWith([medical20y, { id: 'backups', name, dataCategories: ['medical-file'], period: 'P3M' }]),
    ).toEqual(['/retention/1/period']);
  });
});

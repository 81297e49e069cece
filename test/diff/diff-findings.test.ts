import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../../src/diff/compare-policies.js';
import { renderDiffJson, renderDiffText } from '../../src/diff/render-diff.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { diffFixtures } from './support.js';

/** From the diff review of 2026-12-06, defect 9: the diff ran only the schema checks and hid a new legal error. */
const file = path.join(diffFixtures, 'clinic-v1/policy.json');
const withPeriod = (period: string, version: string): string => {
  const source = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
  source.retention[0].period = period;
  source.retention[0].from = 'last-file-change';
  source.metadata.version = version;
  return JSON.stringify(source, null, 2);
};

describe('a change that brings a new check error', () => {
  const compared = comparePolicies(
    { text: withPeriod('P20Y', '1'), label: 'old.json', path: file },
    { text: withPeriod('P15Y', '2'), label: 'new.json', path: file },
  );

  it('is reported with the error, not passed as needing no notice', () => {
    expect(compared.value!.changes.map((c) => [c.kind, c.class])).toEqual([['retention-shorter', 'editorial']]);
    expect(compared.value!.newFindings!.map((d) => d.ruleId)).toEqual(['retention/medical-file-too-short']);
    const en = renderDiffText(compared.value!, messagesFor('en'));
    expect(en).toContain('The new version has 1 error the old one did not have (policyc check): see below.');
    expect(en).toContain('New errors found by policyc check:');
    expect(en).toMatch(/new\.json:\d+:\d+ · BW 7:454\(3\) · \[retention\/medical-file-too-short\]/);
    expect(en).toContain('But the new version has errors the old one did not have: fix them first.');
    const json = JSON.parse(renderDiffJson(compared.value!, messagesFor('nl')));
    expect(json.newFindings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['retention/medical-file-too-short']);
  });

  it('an error both versions have is not new', () => {
    const same = comparePolicies(
      { text: withPeriod('P15Y', '1'), label: 'old.json', path: file },
      { text: withPeriod('P15Y', '2'), label: 'new.json', path: file },
    );
    expect(same.value!.newFindings).toEqual([]);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { ruleFixtureBase, ruleFixtureText } from '../support/rule-fixtures.js';

/**
 * retention/medical-file-start (officer review 2, finding 8): the message must not read as if the WGBO leaves the
 * start open ("20 years, under the … (WGBO) without saying from when"), and a term with no start at all is a prompt
 * (info), while a start that comes earlier than the law's stays a warning.
 */
const policy = ruleFixtureText(path.join(path.dirname(ruleFixtureBase), 'retention/medical-file-start'), 'fail')!;

function findings(lang: 'en' | 'nl'): string[] {
  return analysePolicy(policy, 'policy.json', lang)
    .findings.filter((f) => f.ruleId === 'retention/medical-file-start')
    .map((f) => `${f.severity} ${f.pointer} ${f.message}`);
}

describe('retention/medical-file-start', () => {
  it('a term with no start: info, saying that the rule does not say from when', () => {
    const unstated = findings('en').filter((f) => f.includes('/period '));
    expect(unstated).toEqual([expect.stringMatching(/^info .*\(WGBO\), but does not say from when; BW 7:454\(3\)/)]);
    expect(findings('nl').filter((f) => f.includes('/period '))).toEqual([
      expect.stringMatching(/^info .*\(WGBO\), maar zegt niet vanaf wanneer; art\. 7:454, lid 3, BW/),
    ]);
  });

  it('a start earlier than the last change to the file: still a warning', () => {
    expect(findings('en').filter((f) => f.includes('/from '))).toEqual([expect.stringMatching(/^warning /)]);
  });
});

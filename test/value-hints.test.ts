import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runPolicycInProcess } from './support/cli.js';
import { positionOfText } from './support/fixtures.js';
import { tempDirs } from './support/temp-dirs.js';

const site = tempDirs('policyc-value-hints-');

/**
 * The messages that stopped one step short of the fix (review webdev10, finding 10): each wrong value now ends with
 * the value to write, at the value's line and column, in English and Dutch.
 */
describe('a wrong value says what to write instead', () => {
  /** ipractice's policy with `edit` applied, checked in `lang`: its compact lines and its text. */
  async function checked(lang: string, edit: (p: Record<string, any>) => void) {
    const cwd = site();
    cpSync(path.join(repoRoot, 'policies/ipractice'), path.join(cwd, 'policies/ipractice'), { recursive: true });
    const file = path.join(cwd, 'policies/ipractice/policy.json');
    const policy = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
    edit(policy);
    const text = JSON.stringify(policy, null, 2) + '\n';
    writeFileSync(file, text);
    const run = await runPolicycInProcess(['check', '--format', 'compact', '--message-lang', lang], cwd);
    expect(run.status).toBe(1);
    return { lines: run.stderr.split('\n').filter((l) => l.includes(' error ')), text };
  }

  const wrongValues = (p: Record<string, any>): void => {
    p.metadata.effectiveDate = '2027-02-30';
    p.retention[0].period = '20 jaar';
    p.rights.responseTime = '1 maand';
    p.security.standards = 'NEN 7510';
    p.automatedDecisionMaking = { takesPlace: 'false' };
  };

  it.each([
    [
      'en',
      [
        '/metadata/effectiveDate "2027-02-30" must be a date, YYYY-MM-DD (February 2027 has no day 30) [schema/format]',
        '/retention/0/period "20 jaar" must be an ISO 8601 duration in years, months, weeks or days, such as P20Y, P6M, P4W or P30D (write "P20Y") [schema/pattern]',
        '/rights/responseTime "1 maand" must be an ISO 8601 duration in years, months, weeks or days, such as P20Y, P6M, P4W or P30D (write "P1M") [schema/pattern]',
        '/security/standards must be a list (write it as a list: ["NEN 7510"]) [schema/type]',
        '/automatedDecisionMaking/takesPlace must be true or false (write it without quotes: false) [schema/type]',
      ],
    ],
    [
      'nl',
      [
        '(februari 2027 heeft geen dag 30)',
        '(schrijf "P20Y")',
        '(schrijf "P1M")',
        '(schrijf het als lijst: ["NEN 7510"])',
        '(schrijf het zonder aanhalingstekens: false)',
      ],
    ],
  ])('in %s, at the value', async (lang, expected) => {
    const { lines, text } = await checked(lang, wrongValues);
    const at = (needle: string) => {
      const { line, column } = positionOfText(text, needle);
      return `policies/ipractice/policy.json:${line}:${column} error `;
    };
    const places = ['"2027-02-30"', '"20 jaar"', '"1 maand"', '"NEN 7510"', '"false"'].map(at);
    expected.forEach((message, i) => {
      const line = lines.find((l) => l.startsWith(places[i]!));
      expect(line, `${places[i]} in\n${lines.join('\n')}`).toBeDefined();
      expect(line).toContain(message);
    });
  });

  it('a month that does not exist, and a real date in the wrong form keeps its own hint', async () => {
    const month = await checked('en', (p) => void (p.metadata.effectiveDate = '2027-13-01'));
    expect(month.lines.join('\n')).toContain(
      '"2027-13-01" must be a date, YYYY-MM-DD (there is no month 13: months run from 01 to 12)',
    );
    const dutch = await checked('en', (p) => void (p.metadata.effectiveDate = '30-01-2027'));
    expect(dutch.lines.join('\n')).toContain('"30-01-2027" must be a date, YYYY-MM-DD (write "2027-01-30")');
  });
});

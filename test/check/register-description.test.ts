import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { repoRoot, runPolicyc } from '../support/cli.js';
import { tempDirs } from '../support/temp-dirs.js';

/**
 * register/description-missing (officer8 D3): the register gives a purpose in the notice's words when the policy has
 * no registerDescription for it. Art. 30(1)(b) asks for the purposes, which the register has: information, once per
 * policy naming the purposes, not a warning per purpose (it was 62 of 130 warnings over the nine policies).
 */
const fixture = path.join(repoRoot, 'test/fixtures/rules/register/description-missing/fail.json');
const text = readFileSync(fixture, 'utf8');
const tempDir = tempDirs('policyc-register-description-');

describe('register/description-missing', () => {
  it('is one info finding for the policy, at the first purpose without one, naming each such purpose', () => {
    const en = analysePolicy(text, 'policy.json', 'en').findings.filter(
      (f) => f.ruleId === 'register/description-missing',
    );
    const nl = analysePolicy(text, 'policy.json', 'nl').findings.filter(
      (f) => f.ruleId === 'register/description-missing',
    );
    expect(en.map((f) => [f.severity, f.pointer])).toEqual([['info', '/purposes/0/registerDescription']]);
    // "Referral" has a register description of its own: not named.
    expect(en[0]!.message).toContain('for 2 purposes');
    expect(en[0]!.message).toContain(': “Treatment” and “Billing”.');
    expect(en[0]!.message).not.toContain('Referral');
    expect(nl[0]!.message).toContain('voor 2 doelen');
    expect(nl[0]!.message).toContain(': “Behandeling” en “Declareren”.');
  });

  it('names one purpose in the singular, and counts processing for others in its own finding', () => {
    const messages = (source: string, lang: 'en' | 'nl') =>
      analysePolicy(source, 'policy.json', lang)
        .findings.filter((f) => f.ruleId === 'register/description-missing')
        .map((f) => f.message);
    const seed = (id: string): string => readFileSync(path.join(repoRoot, 'policies', id, 'policy.json'), 'utf8');
    expect(messages(seed('bernhoven'), 'en')).toEqual([
      expect.stringMatching(
        /^The register of processing activities has no description of its own for the purpose “Your treatment” and shows /,
      ),
    ]);
    // IES with a second processing for others: both named in one finding beside the purposes' own.
    const ies = JSON.parse(seed('ies'));
    ies.processorActivities.push({ ...ies.processorActivities[0], id: 'second', name: { nl: 'Tweede', en: 'Second' } });
    const [, processing] = messages(JSON.stringify(ies, null, 2), 'nl');
    expect(processing).toMatch(
      /^Het register van de verwerker \(art\. 30, lid 2\) heeft voor 2 verwerkingen geen eigen /,
    );
    expect(processing).toContain(': “De Producten leveren namens de verwerkingsverantwoordelijke” en “Tweede”. ');
  });

  it('fails neither check --max-warnings 0 nor build --strict', () => {
    const work = tempDir();
    mkdirSync(path.join(work, 'policies/p'), { recursive: true });
    writeFileSync(path.join(work, 'policies/p/policy.json'), text.replace(/"\$schema": "[^"]*",\n\s*/, ''));
    const check = runPolicyc(['check', '--max-warnings', '0', '--format', 'compact'], work);
    expect(check.stderr).toContain('[register/description-missing]');
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const build = runPolicyc(['build', '--strict'], work);
    expect(build.status, build.stderr).toBe(0);
  });
});

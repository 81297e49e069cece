import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runPolicyc, runPolicycInProcess } from './support/cli.js';
import { miniPolicy, positionIn } from './support/mini-policy.js';
import { tempDirs } from './support/temp-dirs.js';

const checkDir = tempDirs('policyc-check-');
const ackDir = tempDirs('policyc-ack-');

const fixture = (rule: string, name: 'fail' | 'pass'): string => `test/fixtures/rules/${rule}/${name}.json`;

describe('policyc check: compliance findings', () => {
  it('reports findings grouped per file, without colour under NO_COLOR, and exits 1 on an error', () => {
    const run = runPolicyc(['check', fixture('art6/basis-missing', 'fail')]);
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('test/fixtures/rules/art6/basis-missing/fail.json');
    expect(run.stderr).toContain(
      '  53:5  error    The policy names no legal basis of art. 6(1) for the purpose “Treatment”; the notice must state one for each purpose. For care under a treatment agreement that is usually the agreement (6(1)(b)) and/or the legal obligation to keep a medical file (6(1)(c), BW 7:454); name the basis that applies.  GDPR 6(1), 13(1)(c)  art6/basis-missing',
    );
    expect(run.stderr).toContain('/purposes/0/legalBasis  docs/rules.md#en-art6-basis-missing');
    expect(run.stderr).not.toContain('\u001b[');
  });

  it('names the rule documentation as a path that opens from the working folder, wherever policyc is', async () => {
    // The folder above the package stands for a project that installed it (node_modules/policyc).
    const project = path.dirname(repoRoot);
    const packageFolder = path.basename(repoRoot);
    const run = await runPolicycInProcess(
      ['check', path.join(packageFolder, fixture('art6/basis-missing', 'fail'))],
      project,
    );
    expect(run.stderr).toContain(`/purposes/0/legalBasis  ${packageFolder}/docs/rules.md#en-art6-basis-missing`);
    expect(existsSync(path.join(project, packageFolder, 'docs/rules.md'))).toBe(true);
    // From a folder outside the package's project: the whole path.
    const elsewhere = await runPolicycInProcess(
      ['check', path.join(repoRoot, fixture('art6/basis-missing', 'fail'))],
      checkDir(),
    );
    expect(elsewhere.stderr).toContain(`/purposes/0/legalBasis  ${repoRoot}/docs/rules.md#en-art6-basis-missing`);
  });

  it('gives the messages in Dutch with --lang nl', async () => {
    const run = await runPolicycInProcess(['check', fixture('art6/basis-missing', 'fail'), '--lang', 'nl']);
    expect(run.stderr).toContain(
      '53:5  fout          Het beleid noemt geen grondslag uit art. 6, lid 1, voor het doel “Behandeling”; de privacyverklaring moet voor elk doel de grondslag vermelden. Bij zorg op grond van een behandelingsovereenkomst',
    );
  });

  it('exits 0 on warnings, and 1 when they exceed --max-warnings', async () => {
    const file = fixture('retention/vague', 'fail');
    expect((await runPolicycInProcess(['check', file])).status).toBe(0);
    expect((await runPolicycInProcess(['check', file, '--max-warnings', '1'])).status).toBe(0);
    const over = await runPolicycInProcess(['check', file, '--max-warnings', '0']);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('Too many warnings: 1, more than --max-warnings 0.');
    const bad = await runPolicycInProcess(['check', file, '--max-warnings', 'many']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--max-warnings needs a whole number of 0 or more, not "many"');
  });

  it('writes JSON diagnostics with article and position', async () => {
    const run = await runPolicycInProcess(['check', fixture('transfer/privacy-shield', 'fail'), '--format', 'json']);
    expect(run.status).toBe(1);
    const [finding] = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(finding).toMatchObject({
      ruleId: 'transfer/privacy-shield',
      severity: 'error',
      pointer: '/processors/0/transfer/mechanism',
      article: 'GDPR 44, 45; CJEU C-311/18',
    });
  });

  it('writes SARIF 2.1.0 with rule metadata and regions', async () => {
    const run = await runPolicycInProcess(['check', fixture('transfer/privacy-shield', 'fail'), '--format', 'sarif']);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(log.version).toBe('2.1.0');
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.name).toBe('policyc');
    const [result] = sarifRun.results;
    const rule = sarifRun.tool.driver.rules[result.ruleIndex];
    expect(rule.id).toBe('transfer/privacy-shield');
    expect(rule.shortDescription.text).toBe('Transfer relies on the Privacy Shield');
    expect(rule.properties.article).toBe('GDPR 44, 45; CJEU C-311/18');
    expect(rule.helpUri).toBe('docs/rules.md#en-transfer-privacy-shield');
    expect(result).toMatchObject({ ruleId: 'transfer/privacy-shield', level: 'error' });
    const loc = result.locations[0].physicalLocation;
    expect(loc.artifactLocation.uri).toBe('test/fixtures/rules/transfer/privacy-shield/fail.json');
    const text = readFileSync(path.join(repoRoot, loc.artifactLocation.uri), 'utf8').split('\n');
    expect(text[loc.region.startLine - 1]!.slice(loc.region.startColumn - 1)).toBe('"privacy-shield"');
  });
});

describe('policyc build: compliance findings', () => {
  it('reports findings and still writes the notices', async () => {
    const out = checkDir();
    const run = await runPolicycInProcess(['build', fixture('art6/basis-missing', 'fail'), '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('art6/basis-missing');
    expect(existsSync(path.join(out, 'fixture-art6-basis-missing/en/privacy.md'))).toBe(true);
  });

  it('fails and writes nothing under --strict', async () => {
    const out = path.join(checkDir(), 'dist');
    const run = await runPolicycInProcess(['build', fixture('retention/vague', 'fail'), '--out', out, '--strict']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Build failed under --strict: 0 compliance errors, 1 warning.');
    expect(existsSync(path.join(out, 'fixture-retention-vague'))).toBe(false);
  });
});

/** A copy of a rule fixture with metadata.acknowledged, written to a temporary folder. */
function acknowledgedCopy(rule: string, acknowledged: unknown[]): string {
  const policy = JSON.parse(readFileSync(path.join(repoRoot, fixture(rule, 'fail')), 'utf8'));
  policy.metadata.acknowledged = acknowledged;
  const file = path.join(ackDir(), 'policy.json');
  writeFileSync(file, JSON.stringify(policy, null, 2));
  return file;
}

describe('policyc check: acknowledged findings', () => {
  const reason = {
    nl: 'Besproken met de FG: de termijn hangt af van het dossier.',
    en: 'Discussed with the DPO: the term depends on the file.',
  };

  it('shows an acknowledged finding as such, and does not count it towards --max-warnings', async () => {
    const file = acknowledgedCopy('retention/vague', [{ rule: 'retention/vague', pointer: '/retention/1', reason }]);
    const run = await runPolicycInProcess(['check', file, '--max-warnings', '0']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('acknowledged: Discussed with the DPO: the term depends on the file.');
    expect(run.stderr).toContain('1 policy checked: 0 errors, 0 warnings, 1 info.');
    expect(run.stderr).toContain('1 acknowledged finding not counted.');
    const nl = await runPolicycInProcess(['check', file, '--lang', 'nl']);
    expect(nl.stderr).toContain('geaccepteerd: Besproken met de FG: de termijn hangt af van het dossier.');
    expect(nl.stderr).toContain('1 beleidsbestand gecontroleerd: 0 fouten, 0 waarschuwingen, 1 info.');
  });

  it('does not fail on an acknowledged error, and SARIF carries it as a suppression with the reason', async () => {
    const file = acknowledgedCopy('art6/basis-missing', [{ rule: 'art6/basis-missing', reason }]);
    expect((await runPolicycInProcess(['check', file])).status).toBe(0);
    const log = JSON.parse((await runPolicycInProcess(['check', file, '--format', 'sarif'])).stdout);
    const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'art6/basis-missing');
    expect(result.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: reason.en }]);
  });

  it('reports an acknowledgement that matches nothing, at its place in the policy', async () => {
    const file = acknowledgedCopy('retention/vague', [{ rule: 'retention/vague', pointer: '/retention/7', reason }]);
    const run = await runPolicycInProcess(['check', file, '--format', 'json']);
    const findings = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    const unmatched = findings.find((f) => f.ruleId === 'acknowledged/unmatched')!;
    const text = readFileSync(file, 'utf8');
    expect(unmatched).toMatchObject({
      severity: 'warning',
      pointer: '/metadata/acknowledged/0',
      ...positionIn(text, '{\n        "rule": "retention/vague"'),
      message:
        'The acknowledgement of "retention/vague" at /retention/7 in policy "fixture-retention-vague" matches no finding: remove it, or correct the pointer.',
    });
    // The finding it was meant for still counts.
    expect(findings.find((f) => f.ruleId === 'retention/vague')!.acknowledged).toBeUndefined();
  });
});

describe('the closing lines say when errors kept the compliance rules from running', () => {
  const unchecked = tempDirs('policyc-unchecked-');
  /** A folder of policies/<id>/policy.json; a policy with `kvk` has that KvK number (a schema error unless 8 digits). */
  function project(policies: { id: string; kvk?: string }[]): string {
    const dir = unchecked();
    for (const { id, kvk } of policies) {
      const policy = miniPolicy();
      policy.id = id;
      if (kvk !== undefined) policy.controller.kvkNumber = kvk;
      mkdirSync(path.join(dir, 'policies', id), { recursive: true });
      writeFileSync(path.join(dir, 'policies', id, 'policy.json'), JSON.stringify(policy, null, 2));
    }
    return dir;
  }
  const NOT_RUN =
    'The compliance rules have not run yet: the errors above stop them. Fix those first; the next run reports what the rules find, which may add errors.';

  it('check: after the count, in the message language, when a schema error stopped the only policy', async () => {
    const dir = project([{ id: 'a', kvk: '5123456' }]);
    const run = await runPolicycInProcess(['check'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').slice(-3)).toEqual(['1 policy checked: 1 error, 0 warnings, 0 info.', NOT_RUN, '']);
    const nl = await runPolicycInProcess(['check', '--lang', 'nl'], dir);
    expect(nl.stderr).toContain(
      '1 beleidsbestand gecontroleerd: 1 fout, 0 waarschuwingen, 0 info.\nDe nalevingsregels zijn nog niet uitgevoerd: de fouten hierboven houden ze tegen.',
    );
  });

  it('check: counts the policies stopped when others were checked, and says nothing when all were', async () => {
    const some = await runPolicycInProcess(['check'], project([{ id: 'a', kvk: '5123456' }, { id: 'b' }]));
    expect(some.stderr).toMatch(
      /\n2 policies checked: .*\nThe compliance rules have not run yet on 1 of the policies: the errors above stop them\. .*\n$/,
    );
    const none = await runPolicycInProcess(['check'], project([{ id: 'a', kvk: '12345678' }, { id: 'b' }]));
    expect(none.stderr).not.toContain('have not run');
    // A compliance finding is no reason to say it: the rules ran.
    const findings = runPolicyc(['check', fixture('art6/basis-missing', 'fail')]);
    expect(findings.status).toBe(1);
    expect(findings.stderr).not.toContain('have not run');
  });

  it('build: between the count and why nothing was written; not in --format json', async () => {
    const dir = project([{ id: 'a', kvk: '5123456' }]);
    const run = await runPolicycInProcess(['build'], dir);
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n');
    const count = lines.indexOf('1 policy checked: 1 error, 0 warnings, 0 info.');
    expect(lines[count + 1]).toBe(NOT_RUN);
    expect(lines[count + 2]).toMatch(/^Build failed: 1 error that stops a build/);
    const json = await runPolicycInProcess(['check', '--format', 'json'], dir);
    expect(json.stderr + json.stdout).not.toContain('have not run');
  });
});

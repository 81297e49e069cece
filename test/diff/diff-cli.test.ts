import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPolicycInProcess } from '../support/cli.js';
import { git } from '../support/git.js';
import { diffFixtures } from './support.js';

const v1 = path.join(diffFixtures, 'clinic-v1/policy.json');
const v2 = path.join(diffFixtures, 'clinic-v2/policy.json');

/** A real repository with two commits of one policy: v1, then v2. */
let repo: string;
let outside: string;
beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'policyc-diff-'));
  outside = mkdtempSync(path.join(tmpdir(), 'policyc-nogit-'));
  git(repo, 'init', '-q');
  git(repo, 'checkout', '-q', '-b', 'main');
  const policy = path.join(repo, 'policies/clinic/policy.json');
  spawnSync('mkdir', ['-p', path.dirname(policy)]);
  copyFileSync(v1, policy);
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'v1');
  copyFileSync(v2, policy);
  writeFileSync(path.join(repo, 'policies/clinic/new-file.json'), readFileSync(v2));
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'v2');
  copyFileSync(v1, path.join(outside, 'policy.json'));
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('policyc diff across git revisions', () => {
  it('diffs HEAD~1 of the file named as the new side against the file', async () => {
    const run = await runPolicycInProcess(['diff', 'HEAD~1', 'policies/clinic/policy.json'], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Old: HEAD~1:policies/clinic/policy.json. New: policies/clinic/policy.json.');
    expect(run.stdout).toContain('6 material, 2 editorial.');
    expect(run.stdout).toContain('Imaging Cloud Inc. processes data in the United States, outside the EEA.');
  });

  it('accepts rev:path on both sides, from a sub-folder, and gates CI with --fail-on material (exit 3)', async () => {
    // As in git: rev:path is relative to the repository root, rev:./path to the working directory.
    const run = await runPolicycInProcess(
      ['diff', 'HEAD~1:policies/clinic/policy.json', 'HEAD:./policy.json', '--fail-on', 'material', '--format', 'json'],
      path.join(repo, 'policies/clinic'),
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
    const report = JSON.parse(run.stdout);
    expect(report.counts).toEqual({ material: 6, editorial: 2 });
    expect([report.old.label, report.new.label]).toEqual(['HEAD~1:policy.json', 'HEAD:policy.json']);
  });

  it('reads rev:path from the repository root, not the working directory', async () => {
    const run = await runPolicycInProcess(
      ['diff', 'HEAD~1:policy.json', 'HEAD:./policy.json'],
      path.join(repo, 'policies/clinic'),
    );
    expect(run.status).toBe(2);
    // Outside the working folder the path is shown absolute (shownPath), not as ../../policy.json.
    expect(run.stderr).toContain(
      `policyc: old side "HEAD~1:policy.json": ${path.join(repo, 'policy.json')} does not exist in revision "HEAD~1"`,
    );
  });

  it('exits 0 with --fail-on material when the revisions are equal', async () => {
    const run = await runPolicycInProcess(
      ['diff', 'HEAD', 'policies/clinic/policy.json', '--fail-on', 'material', '--lang', 'nl'],
      repo,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Geen wijzigingen: de twee versies zeggen hetzelfde.');
  });

  it('is a usage error (exit 2) for an unknown revision', async () => {
    const run = await runPolicycInProcess(['diff', 'no-such-rev', 'policies/clinic/policy.json'], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('policyc: old side "no-such-rev": unknown git revision "no-such-rev"');
  });

  it('says a mistyped file is no such file, not an unknown revision (diff review)', async () => {
    const run = await runPolicycInProcess(['diff', 'policies/clinic/polcy.json', 'policies/clinic/policy.json'], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'policyc: old side "policies/clinic/polcy.json": no such file (nor a git revision of that name)',
    );
  });

  it('is a usage error for a file that the revision does not have', async () => {
    const run = await runPolicycInProcess(['diff', 'HEAD~1', 'policies/clinic/new-file.json'], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'policyc: old side "HEAD~1": policies/clinic/new-file.json does not exist in revision "HEAD~1"',
    );
  });

  it('is a usage error outside a git repository', async () => {
    const run = await runPolicycInProcess(['diff', 'HEAD~1', 'policy.json'], outside);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('policyc: old side "HEAD~1": policy.json is not in a git repository');
  });

  it('outside a repository, a missing old file or an empty folder is no such file, not a git problem (diff review defect 6)', async () => {
    mkdirSync(path.join(outside, 'empty'), { recursive: true });
    for (const side of ['nope.json', 'empty']) {
      const run = await runPolicycInProcess(['diff', side, 'policy.json'], outside);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`policyc: old side "${side}": no such file (nor a git revision of that name)`);
      expect(run.stderr).not.toContain('git repository');
    }
  });
});

describe('policyc diff with an invalid side (review improvement 11)', () => {
  const broken = (): string => {
    const file = path.join(outside, 'broken.json');
    writeFileSync(file, readFileSync(v1, 'utf8').replace('"country": "NL"', '"country": 7'));
    return file;
  };

  it('ends the text report with a line that nothing was compared (exit 1)', async () => {
    const run = await runPolicycInProcess(['diff', v1, broken()]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('Nothing compared: a side is not a valid policy (1 error).');
  });

  it('keeps the JSON shape of a report: no changes, and the diagnostics', async () => {
    const run = await runPolicycInProcess(['diff', v1, broken(), '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ old: { label: v1 }, changes: null, notice: null });
    expect(report.diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['schema/type']);
  });
});

describe('policyc diff on files', () => {
  it('writes Markdown and HTML, in Dutch with --lang nl', async () => {
    const md = await runPolicycInProcess(['diff', v1, v2, '--format', 'markdown', '--lang', 'nl']);
    expect(md.status).toBe(0);
    // Grouped by what the reader cares about; the position in words (the pointer is for JSON and SARIF); the AVG by its Dutch name.
    expect(md.stdout).toContain('## Hoe lang');
    expect(md.stdout).toContain(
      '- **Wezenlijk:** De bewaartermijn voor Medische gegevens wordt langer: 20 jaar in plaats van 15 jaar. — Bewaartermijn “Medische gegevens”, termijn · test/fixtures/diff/clinic-v2/policy.json:202:17 (art. 13, lid 2, onder a, AVG)',
    );
    expect(md.stdout).not.toContain('/retention/0/period');
    expect(md.stdout.split('### Engels')[0]).not.toContain('GDPR');
    const html = await runPolicycInProcess(['diff', v1, v2, '--format', 'html']);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
  });

  it('takes the notice date from --notify-date', async () => {
    const run = await runPolicycInProcess(['diff', v1, v2, '--notify-date', '2024-12-01', '--format', 'json']);
    expect(JSON.parse(run.stdout).notice).toMatchObject({
      notifyDate: '2024-12-01',
      earliestEffectiveDate: '2024-12-16',
      effectiveDate: '2025-01-15',
    });
  });

  it('exits 1 with positioned diagnostics when a side is not a valid policy', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policyc-bad-'));
    const bad = path.join(dir, 'policy.json');
    writeFileSync(bad, readFileSync(v2, 'utf8').replace('"legalBasis": "6(1)(a)"', '"legalBasis": "6(1)(z)"'));
    const run = await runPolicycInProcess(['diff', v1, bad], dir);
    rmSync(dir, { recursive: true, force: true });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    // The same grouped report as `policyc check`: the file, then line:column, message, rule and pointer.
    const line =
      readFileSync(v2, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"legalBasis": "6(1)(a)"')) + 1;
    expect(run.stderr).toMatch(/^policy\.json$/m);
    expect(run.stderr).toMatch(
      new RegExp(`^  ${line}:\\d+ +error +"6\\(1\\)\\(z\\)" is not allowed here; must be one of .*schema/enum$`, 'm'),
    );
    expect(run.stderr).toMatch(/^ +\/purposes\/2\/legalBasis$/m);
  });

  it.each([
    [['diff', v1], 'diff needs two sides'],
    [['diff', v1, v2, '--fail-on', 'everything'], 'unknown value "everything" for --fail-on (use material or any)'],
    [['diff', v1, v2, '--notify-date', '2025-02-30'], '--notify-date must be a date YYYY-MM-DD, not "2025-02-30"'],
    [['diff', v1, 'HEAD'], 'the new side "HEAD" is neither a file nor <revision>:<path>'],
    [['diff', 'HEAD', 'nothere/'], 'the new side: no file or folder at nothere/'],
    [['diff', v1, 'policies/nothere/policy.json'], 'the new side: no file or folder at policies/nothere/policy.json'],
    [['diff', v1, v2, '--format', 'xlsx'], 'unknown format "xlsx" (use one of: text, markdown, html or json)'],
  ])('is a usage error (exit 2): %j', async (args, message) => {
    const run = await runPolicycInProcess(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

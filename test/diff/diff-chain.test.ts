import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runPolicycInProcess } from '../support/cli.js';
import { git } from '../support/git.js';
import { diffFixtures } from './support.js';

/**
 * A chain's repository: the clinic and iPractice committed at v1; then the
 * clinic moves to v2 (material changes), iPractice stays, the Dental
 * Clinics seed is added (new since the commit) and the newsletter practice is
 * removed. Beside policies/: docs/ (committed, never a policy), archive/ (its one
 * policy removed since, the folder kept) and site/ (made since, empty).
 */
let repo: string;
const put = (from: string, to: string) => {
  mkdirSync(path.join(repo, 'policies', to), { recursive: true });
  copyFileSync(from, path.join(repo, 'policies', to, 'policy.json'));
};
beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'policyc-chain-'));
  git(repo, 'init', '-q');
  put(path.join(diffFixtures, 'clinic-v1/policy.json'), 'clinic');
  put(path.join(diffFixtures, 'ipractice-v1/policy.json'), 'ipractice');
  put(path.join(diffFixtures, 'newsletter-v1/policy.json'), 'newsletter');
  mkdirSync(path.join(repo, 'docs'));
  writeFileSync(path.join(repo, 'docs/README.md'), 'Not a policy.\n');
  mkdirSync(path.join(repo, 'archive/old'), { recursive: true });
  copyFileSync(path.join(diffFixtures, 'ipractice-v1/policy.json'), path.join(repo, 'archive/old/policy.json'));
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'v1');
  rmSync(path.join(repo, 'policies/newsletter'), { recursive: true });
  put(path.join(diffFixtures, 'clinic-v2/policy.json'), 'clinic');
  put(path.join(repoRoot, 'policies/dental-clinics/policy.json'), 'dental-clinics');
  rmSync(path.join(repo, 'archive/old'), { recursive: true });
  mkdirSync(path.join(repo, 'site'));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('policyc diff <revision> <folder>', () => {
  it('with no folder and no config file, compares policies/, as diff --help says (cli7 finding 6)', async () => {
    const run = await runPolicycInProcess(['diff', 'HEAD'], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe((await runPolicycInProcess(['diff', 'HEAD', 'policies'], repo)).stdout);
    expect(run.stdout).toContain('2 policies compared; 1 with material changes.');
  });

  it('summarises per organisation, then reports each changed policy', async () => {
    const run = await runPolicycInProcess(['diff', 'HEAD', 'policies/'], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [summary, ...reports] = run.stdout.split('='.repeat(72));
    expect(summary!.split('\n').slice(0, 7)).toEqual([
      'Changes to the privacy notices since HEAD',
      '2 policies compared; 1 with material changes. 1 policy is new since that revision. 1 policy was removed since that revision.',
      '',
      '  Tandartspraktijk De Linde B.V. (policies/clinic/policy.json): 6 material, 2 editorial. Notice needed.',
      '  Dental Clinics Nederland B.V. (policies/dental-clinics/policy.json): New policy since that revision: no earlier version to compare with.',
      '  iPractice Zorg B.V. (policies/ipractice/policy.json): Unchanged.',
      '  Tandartspraktijk De Linde B.V. (policies/newsletter/policy.json): No longer in the folder: this policy existed in that revision and has since been removed.',
    ]);
    expect(reports).toHaveLength(1);
    expect(summary!.endsWith('removed.\n')).toBe(true);
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(reports[0]).toContain('Old: HEAD:policies/clinic/policy.json. New: policies/clinic/policy.json.');
  });

  it('exits 3 with --fail-on material when any policy changed materially, 0 when none did', async () => {
    expect((await runPolicycInProcess(['diff', 'HEAD', 'policies/', '--fail-on', 'material'], repo)).status).toBe(3);
    // A folder holding policy.json is that one policy, as everywhere else.
    expect(
      (await runPolicycInProcess(['diff', 'HEAD', 'policies/ipractice', '--fail-on', 'material'], repo)).status,
    ).toBe(0);
  });

  it('writes the summary as data, as Markdown and as one HTML page, in Dutch', async () => {
    const json = JSON.parse(
      (await runPolicycInProcess(['diff', 'HEAD', 'policies/', '--format', 'json', '--lang', 'nl'], repo)).stdout,
    );
    expect(
      json.summary.map((s: { id: string; counts?: object; added?: boolean; removed?: boolean }) => [
        s.id,
        s.counts ?? (s.added ? 'added' : 'removed'),
      ]),
    ).toEqual([
      ['tandartspraktijk-de-linde', { material: 6, editorial: 2 }],
      ['dental-clinics', 'added'],
      ['ipractice', { material: 0, editorial: 0 }],
      ['tandartspraktijk-de-linde', 'removed'],
    ]);
    expect(json.reports).toHaveLength(2);
    const md = (await runPolicycInProcess(['diff', 'HEAD', 'policies/', '--format', 'markdown', '--lang', 'nl'], repo))
      .stdout;
    expect(md).toContain(
      '| Tandartspraktijk De Linde B.V. | policies/clinic/policy.json | 6 wezenlijk, 2 redactioneel. | Bericht nodig. |',
    );
    expect(md).toContain('\n## Wijzigingen in het privacybeleid van Tandartspraktijk De Linde B.V.\n');
    expect(md).toMatch(/\d+ privacyverklaringen vergeleken; 1 met wezenlijke wijzigingen\./);
    const html = (await runPolicycInProcess(['diff', 'HEAD', 'policies/', '--format', 'html', '--lang', 'nl'], repo))
      .stdout;
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain(
      '<article class="chain-report">\n<h2>Wijzigingen in het privacybeleid van Tandartspraktijk De Linde B.V.</h2>',
    );
  });

  it('is a usage error when the old side of a chain is not a revision', async () => {
    const run = await runPolicycInProcess(['diff', 'policies/clinic/policy.json', 'policies/'], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the old side "policies/clinic/policy.json" must be a revision, such as HEAD~1');
  });

  it.each([
    [
      ['HEAD', 'docs'],
      'no policy found in docs, now or in revision "HEAD": it holds no policy.json and no sub-folder with one; name the folder that holds the policies (<folder>/<id>/policy.json), or a policy file',
    ],
    [
      ['HEAD', 'site/'],
      'no policy found in site/, and the folder did not exist in revision "HEAD"; name the folder that holds the policies (<folder>/<id>/policy.json), or a policy file',
    ],
    [['HEAD~5', 'site/'], 'old side "HEAD~5": unknown git revision "HEAD~5"'],
  ])(
    'a folder without policies, now and in the revision, is a usage error naming the revision: diff %j',
    async (args, message) => {
      const run = await runPolicycInProcess(['diff', ...args], repo);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`policyc: ${message}\nRun 'policyc diff --help' for usage.\n`);
    },
  );

  it('a folder whose policies were all removed since the revision reports them removed', async () => {
    const run = await runPolicycInProcess(['diff', 'HEAD', 'archive/'], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // Nothing was compared: the count says so, and names the removed policy's count apart.
    expect(run.stdout.split('\n')[1]).toBe(
      '0 policies compared; 0 with material changes. 1 policy was removed since that revision.',
    );
    expect(run.stdout).toContain(
      'iPractice Zorg B.V. (archive/old/policy.json): No longer in the folder: this policy existed in that revision and has since been removed.',
    );
  });
});

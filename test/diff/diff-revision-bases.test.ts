import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPolicycInProcess } from '../support/cli.js';
import { git } from '../support/git.js';
import { diffFixtures } from './support.js';

/**
 * A chain's repository where only the shared base changes: the practice's own
 * file says nothing but its id and the base it extends. Commit 1 has the
 * base with the newsletter processor Laposta, commit 2 (the working tree)
 * the base with Mailchimp (US).
 */
let repo: string;
const putBase = (fixture: string) => {
  const base = JSON.parse(readFileSync(path.join(diffFixtures, fixture, 'policy.json'), 'utf8'));
  delete base.$schema;
  writeFileSync(path.join(repo, 'bases/chain.json'), JSON.stringify(base, null, 2));
};
beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'policyc-bases-'));
  mkdirSync(path.join(repo, 'bases'));
  mkdirSync(path.join(repo, 'policies/linde'), { recursive: true });
  writeFileSync(
    path.join(repo, 'policies/linde/policy.json'),
    JSON.stringify({ id: 'linde', extends: '../../bases/chain.json' }, null, 2),
  );
  git(repo, 'init', '-q');
  putBase('newsletter-v1');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'v1');
  putBase('newsletter-v2');
  git(repo, 'commit', '-q', '-a', '-m', 'v2');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('policyc diff against a revision reads the bases as they were in that revision', () => {
  it('reports a change made only in the base a policy extends', async () => {
    const run = await runPolicycInProcess(
      ['diff', 'HEAD~1', 'policies/linde/policy.json', '--fail-on', 'material'],
      repo,
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'The processor The Rocket Science Group LLC (Mailchimp) takes the place of Laposta B.V.',
    );
    expect(run.status).toBe(3);
  });

  it('does so in a chain diff too, and compares equal sides as unchanged', async () => {
    const chain = await runPolicycInProcess(['diff', 'HEAD~1', 'policies/', '--fail-on', 'material'], repo);
    expect(chain.stdout).toContain('(policies/linde/policy.json): 2 material, 1 editorial. Notice needed.');
    expect(chain.status).toBe(3);
    expect((await runPolicycInProcess(['diff', 'HEAD', 'policies/', '--fail-on', 'material'], repo)).status).toBe(0);
  });
});

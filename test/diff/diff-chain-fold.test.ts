import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnceInProcess, runPolicycInProcess } from '../support/cli.js';
import { git } from '../support/git.js';
import { diffFixtures } from './support.js';

/**
 * From the chain review of 2026-12-07, finding 5: after one change to a chain's base, `diff HEAD policies/` on 300
 * practices printed 3,647 lines — 300 identical summary lines, then 299 sections that only said their change was
 * given above and their draft was the first one's. From ten policies on, the text report folds both. Here: twelve
 * practices on one base; the base moves from newsletter-v1 to v2, and 'p07' also changes its own e-mail address.
 */
let repo: string;
const practices = Array.from({ length: 12 }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);
const write = (file: string, value: unknown) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), JSON.stringify(value, null, 2));
};
const putBase = (fixture: string) => {
  const base = JSON.parse(readFileSync(path.join(diffFixtures, fixture, 'policy.json'), 'utf8'));
  delete base.$schema;
  write('bases/chain.json', base);
};

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'policyc-chain-fold-'));
  putBase('newsletter-v1');
  for (const id of practices) write(`policies/${id}/policy.json`, { id, extends: '../../bases/chain.json' });
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'v1');
  putBase('newsletter-v2');
  write('policies/p07/policy.json', {
    id: 'p07',
    extends: '../../bases/chain.json',
    contact: { email: 'p07@x.example' },
  });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('a folder diff of a large chain whose base changed (text)', () => {
  // The English text report, which the first two tests each read a part of: run once.
  const once = runOnceInProcess();
  const textReport = () => once(['diff', 'HEAD', 'policies/'], repo);

  it('gives the most common summary line once, with how many policies it is for, and the others each', async () => {
    const run = await textReport();
    expect(run.stderr).toBe('');
    const summary = run.stdout.slice(0, run.stdout.indexOf('Changes in more than one policy'));
    expect(summary).toMatch(/^ {2}11 of 12 policies: \d+ material, \d+ editorial\. Notice needed\.$/m);
    expect(count(summary, '(policies/p07/policy.json): ')).toBe(1);
    expect(count(summary, '(policies/p02/policy.json)')).toBe(0);
  });

  it('names the policies with nothing of their own in one paragraph, and writes out only the others', async () => {
    const run = await textReport();
    const others = practices.filter((p) => p !== 'p01' && p !== 'p07').map((p) => `policies/${p}`);
    expect(run.stdout).toContain(
      `10 policies have no change of their own: every change is given above, and each one's draft is the same as for`,
    );
    expect(run.stdout).toContain(`file name: ${others.slice(0, -1).join(', ')} and ${others.at(-1)}.`);
    expect(count(run.stdout, 'Changes to the privacy policy of ')).toBe(2);
    expect(run.stdout).toContain('Old: HEAD:policies/p01/policy.json.');
    expect(run.stdout).toContain('Old: HEAD:policies/p07/policy.json.');
    expect(count(run.stdout, 'The same draft as for ')).toBe(1);
  });

  it('does so in Dutch too', async () => {
    const run = await runPolicycInProcess(['diff', 'HEAD', 'policies/', '--message-lang', 'nl'], repo);
    expect(run.stdout).toMatch(/^ {2}11 van de 12 privacyverklaringen: /m);
    expect(run.stdout).toContain('10 privacyverklaringen hebben geen eigen wijziging: elke wijziging staat hierboven');
  });

  it('keeps every report whole in JSON', async () => {
    const run = await runPolicycInProcess(['diff', 'HEAD', 'policies/', '--format', 'json'], repo);
    const json = JSON.parse(run.stdout) as { summary: unknown[]; reports: unknown[] };
    expect(json.summary).toHaveLength(12);
    expect(json.reports).toHaveLength(12);
  });
});

import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPolicycInProcess } from './support/cli.js';
import { fixturesDir } from './support/fixtures.js';

/**
 * A path in a CLI message is shown as the user gave it, else relative inside the working folder and absolute
 * outside it (src/paths.ts shownPath) — never as ../../x climbing out of the working folder.
 */
const root = mkdtempSync(path.join(os.tmpdir(), 'policyc-shown-'));
const work = path.join(root, 'work');
const elsewhere = path.join(root, 'elsewhere');
mkdirSync(path.join(work, 'policies'), { recursive: true });
mkdirSync(elsewhere);
cpSync(path.join(fixturesDir, 'minimal'), path.join(work, 'policies/minimal'), { recursive: true });
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const run = (...args: string[]) => runPolicycInProcess(args, work);

describe('paths outside the working folder in messages', () => {
  it('are shown as given: an absolute path stays absolute, a relative one stays as typed', async () => {
    const missing = path.join(elsewhere, 'nope');
    expect((await run('check', missing)).stderr).toMatch(new RegExp(`^policyc: no file or folder at ${missing}\n`));

    const out = path.join(elsewhere, 'dist');
    expect((await run('build', '--out', out)).stderr).toContain(`Built 1 policy into ${out}: `);
    expect((await run('build', '--out', out)).stderr).toContain(`Nothing to build in ${out}: `);
    expect((await run('build', '--out', '../elsewhere/dist')).stderr).toContain(
      'Nothing to build in ../elsewhere/dist: ',
    );

    const base = path.join(elsewhere, 'base.json');
    expect((await run('init', '--extends', base, '--id', 'x', '--yes')).stderr).toMatch(
      new RegExp(`^policyc: no base policy at ${base} \\(--extends\\)\n`),
    );
  });
});

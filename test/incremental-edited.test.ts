import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runPolicycInProcess } from './support/cli.js';
import { snapshot } from './support/snapshot.js';

/**
 * An output file edited by hand since policyc wrote it: a build that would
 * make it again — the policy changed, or nothing changed and the cache would
 * otherwise leave dist out of step with the policy — refuses with exit 2 and
 * names the file, keeping the edit; --force overwrites it. A file only
 * touched (same content, newer time) is still taken from the cache.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'policyc-edited-'));
mkdirSync(path.join(dir, 'policies'));
cpSync(path.join(repoRoot, 'policies/ipractice'), path.join(dir, 'policies/ipractice'), { recursive: true });
const policyFile = path.join(dir, 'policies/ipractice/policy.json');
const notice = path.join(dir, 'dist/ipractice/nl/privacy.html');
const EDIT = '<!-- edited by the web team -->\n';

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => runPolicycInProcess(args, dir);

const refusal =
  'policyc: refusing to overwrite files in dist/ipractice that were edited since policyc wrote them (nl/privacy.html): ' +
  'the build makes them again from the policy, and your edit would be lost. Make the change in the policy instead ' +
  'and run again with --force to overwrite them (move them away first to keep your version). Nothing was written.';

describe('a build over an output file edited since policyc wrote it', () => {
  it('refuses (exit 73) when the cache would leave it, and when the policy changed; --force overwrites it', async () => {
    expect((await run('build', '--out', 'dist')).status).toBe(0);
    const written = readFileSync(notice, 'utf8');

    // Touched, not changed: the cache still holds.
    const later = new Date(Date.now() + 60_000);
    utimesSync(notice, later, later);
    const touched = await run('build', '--out', 'dist');
    expect(touched.status).toBe(0);
    expect(touched.stderr).toContain('Nothing to build in dist: the policy was unchanged since the last build');

    appendFileSync(notice, EDIT);
    const unchanged = await run('build', '--out', 'dist');
    expect(unchanged.status).toBe(73);
    expect(unchanged.stderr).toContain(refusal);
    expect(unchanged.stderr).not.toContain('Nothing to build');
    expect(readFileSync(notice, 'utf8')).toBe(written + EDIT);

    const policy = readFileSync(policyFile, 'utf8');
    writeFileSync(policyFile, policy.replace('"name": "iPractice', '"name":  "iPractice'));
    const changed = await run('build', '--out', 'dist');
    expect(changed.status).toBe(73);
    expect(changed.stderr).toContain(refusal);
    expect(readFileSync(notice, 'utf8')).toBe(written + EDIT);

    const forced = await run('build', '--out', 'dist', '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect((await run('build', '--out', 'full', '--force')).status).toBe(0);
    expect(snapshot(path.join(dir, 'dist'))).toEqual(snapshot(path.join(dir, 'full')));
  }, 180_000);

  it('refuses the same in policyc register, naming each file edited in the list of the message language, and --force overwrites', async () => {
    const registers = ['en', 'nl'].map((lang) => path.join(dir, `dist/ipractice/${lang}/register.md`));
    for (const register of registers) appendFileSync(register, EDIT);
    const refused = await run('register', '--out', 'dist');
    expect(refused.status).toBe(73);
    expect(refused.stderr).toContain(
      'policyc: refusing to overwrite files in dist/ipractice that were edited since policyc wrote them (en/register.md, nl/register.md)',
    );
    const nl = await run('register', '--out', 'dist', '--message-lang', 'nl');
    expect(nl.stderr).toMatch(/ \(en\/register\.md, nl\/register\.md\)/);
    for (const register of registers) expect(readFileSync(register, 'utf8')).toContain(EDIT);
    expect((await run('register', '--out', 'dist', '--force')).status).toBe(0);
    for (const register of registers) expect(readFileSync(register, 'utf8')).not.toContain(EDIT);
  }, 180_000);
});

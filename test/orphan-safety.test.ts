import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_NAME } from '../src/output/output-ownership.js';
import { runPolicycInProcess } from './support/cli.js';
import { miniPolicy } from './support/mini-policy.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * A whole build removes an organisation folder only when it is certain that
 * policyc made it for a policy this very build would have read, and that
 * policy is really gone (safety review of 2026-12-06, defects 1–3): copies,
 * renamed folders, folders of skipped or unread policies and folders of older
 * versions stay, with a warning saying why where the folder has an id's name.
 */
const tmp = tempDirs('policyc-orphan-safety-');

function writePolicy(dir: string, folder: string, id: string = folder): void {
  mkdirSync(path.join(dir, 'policies', folder), { recursive: true });
  writeFileSync(path.join(dir, 'policies', folder, 'policy.json'), JSON.stringify({ ...miniPolicy(), id }, null, 2));
}

/** A project with policies alpha and beta, built into dist. */
async function built(): Promise<string> {
  const dir = tmp();
  writePolicy(dir, 'alpha');
  writePolicy(dir, 'beta');
  const run = await build(dir);
  expect(run.status, run.stderr).toBe(0);
  return dir;
}

const build = (dir: string, ...args: string[]) => runPolicycInProcess(['build', '--out', 'dist', ...args], dir);
const folders = (dir: string, out = 'dist') =>
  readdirSync(path.join(dir, out))
    .filter((name) => !name.startsWith('.'))
    .sort();
const manifest = (dir: string, org: string) =>
  JSON.parse(readFileSync(path.join(dir, 'dist', org, MANIFEST_NAME), 'utf8')) as Record<string, unknown>;

describe('the manifest of an organisation folder', () => {
  it('records the id it was made for and its policy file relative to the output folder, and nothing of this machine', async () => {
    const dir = await built();
    const alpha = manifest(dir, 'alpha');
    expect(alpha.id).toBe('alpha');
    expect(alpha.source).toBe('../policies/alpha/policy.json');
    expect(JSON.stringify(alpha)).not.toContain(dir);
    // Each file's SHA-256 as written: a later removal leaves a file that no longer matches.
    const files = alpha.files as string[];
    expect(files).toContain('nl/privacy.html');
    const onDisk = (file: string) =>
      createHash('sha256')
        .update(readFileSync(path.join(dir, 'dist/alpha', file)))
        .digest('hex');
    expect(alpha.sha256).toEqual(Object.fromEntries(files.map((file) => [file, onDisk(file)])));
    // The cache key still opens the manifest: the next build takes both policies from the cache.
    expect(Object.keys(alpha)[0]).toBe('cacheKey');
    expect((await build(dir)).stderr).toContain('Nothing to build in dist: the 2 policies were unchanged');
  });
});

describe('a whole build keeps', () => {
  it('a copy of an organisation folder under another name, without a word', async () => {
    const dir = await built();
    cpSync(path.join(dir, 'dist/beta'), path.join(dir, 'dist/beta-2026-archief'), { recursive: true });
    cpSync(path.join(dir, 'dist/beta'), path.join(dir, 'dist/Beta kopie (oud)'), { recursive: true });
    const run = await build(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(folders(dir)).toEqual(['Beta kopie (oud)', 'alpha', 'beta', 'beta-2026-archief']);
    expect(run.stderr).not.toMatch(/Removed|Left/);
  });

  it('a folder renamed by hand, when the build makes the organisation’s folder anew', async () => {
    const dir = await built();
    renameSync(path.join(dir, 'dist/beta'), path.join(dir, 'dist/beta-2025'));
    const run = await build(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(folders(dir)).toEqual(['alpha', 'beta', 'beta-2025']);
    expect(existsSync(path.join(dir, 'dist/beta-2025/nl/privacy.html'))).toBe(true);
    expect(run.stderr).not.toMatch(/Removed|Left/);
  });

  it('a copy whose name is no id (control characters) and never prints its name', async () => {
    const dir = await built();
    cpSync(path.join(dir, 'dist/beta'), path.join(dir, 'dist/kopie\u001b[31m'), { recursive: true });
    const run = await build(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(folders(dir)).toContain('kopie\u001b[31m');
    expect(run.stderr).not.toContain('\u001b');
  });

  it('the folder of a policy whose folder is a symbolic link to a folder: it is read like any other', async () => {
    const dir = await built();
    const shared = tmp();
    renameSync(path.join(dir, 'policies/beta'), path.join(shared, 'beta'));
    symlinkSync(path.join(shared, 'beta'), path.join(dir, 'policies/beta'), 'dir');
    const run = await build(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('2 policies checked');
    expect(folders(dir)).toEqual(['alpha', 'beta']);
    expect(run.stderr).not.toMatch(/Removed|Left/);
  });

  it('the folder of a policy whose policy.json is a dangling link: the build fails on it and removes nothing', async () => {
    const dir = await built();
    renameSync(path.join(dir, 'policies/beta/policy.json'), path.join(dir, 'policies/beta/moved.json'));
    symlinkSync(path.join(dir, 'policies/beta/gone.json'), path.join(dir, 'policies/beta/policy.json'));
    const run = await build(dir, '--format', 'compact');
    expect(run.status).toBe(1);
    // Named as the user gave it, with a position like any other load error, and never Node's absolute path.
    expect(run.stderr).toContain(
      'policies/beta/policy.json:1:1 error / cannot read the file: it is a symbolic link to policies/beta/gone.json, which does not exist.',
    );
    expect(run.stderr).not.toContain(dir);
    expect(folders(dir)).toEqual(['alpha', 'beta']);
    expect(run.stderr).not.toContain('Removed');
  });

  it('the folder of a policy whose file is misnamed, and says the build skipped its folder', async () => {
    const dir = await built();
    renameSync(path.join(dir, 'policies/beta/policy.json'), path.join(dir, 'policies/beta/Policy.json'));
    const run = await build(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(folders(dir)).toEqual(['alpha', 'beta']);
    expect(run.stderr).not.toContain('Removed');
    expect(run.stderr).toContain(
      'Left dist/beta in place, though no policy of this build has the id beta: this build skipped the folder policies/beta (see the warning above), so policyc cannot tell whether the policy it was made from (policies/beta/policy.json) is gone.',
    );
  });

  it('the folders of another project sharing the output folder, in one line for them all on every build', async () => {
    const root = tmp();
    for (const id of ['alpha', 'gamma', 'delta', 'epsilon', 'zeta', 'eta']) writePolicy(path.join(root, 'projA'), id);
    writePolicy(path.join(root, 'projB'), 'beta');
    const runA = await runPolicycInProcess(['build', '--out', '../shared-out'], path.join(root, 'projA'));
    expect(runA.status, runA.stderr).toBe(0);
    for (const lang of ['en', 'nl']) {
      const runB = await runPolicycInProcess(
        ['build', '--out', '../shared-out', '--message-lang', lang],
        path.join(root, 'projB'),
      );
      expect(runB.status, runB.stderr).toBe(0);
      expect(folders(root, 'shared-out')).toEqual(['alpha', 'beta', 'delta', 'epsilon', 'eta', 'gamma', 'zeta']);
      expect(runB.stderr).not.toMatch(/Removed|verwijderd|Left \.\.\/shared-out\/alpha in place/);
      const lines = runB.stderr.split('\n').filter((line) => line.includes('../shared-out'));
      expect(lines.filter((line) => /alpha|gamma|zeta/.test(line))).toHaveLength(1);
    }
    const runB = await runPolicycInProcess(['build', '--out', '../shared-out'], path.join(root, 'projB'));
    expect(runB.stderr).toContain(
      'Left 6 folders in ../shared-out as they were (alpha, delta, epsilon, eta, gamma and 1 more): policyc made them from policies of another project (outside this working folder, such as ../projA/policies/alpha/policy.json), whose own build updates or removes them.',
    );
  });

  it('one folder of another project in one line naming its file; a folder whose file in the other project is gone, with a warning of its own', async () => {
    const root = tmp();
    for (const id of ['alpha', 'gamma']) writePolicy(path.join(root, 'projA'), id);
    writePolicy(path.join(root, 'projB'), 'beta');
    expect((await runPolicycInProcess(['build', '--out', '../shared-out'], path.join(root, 'projA'))).status).toBe(0);
    rmSync(path.join(root, 'projA/policies/gamma'), { recursive: true });
    const runB = await runPolicycInProcess(['build', '--out', '../shared-out'], path.join(root, 'projB'));
    expect(runB.status, runB.stderr).toBe(0);
    expect(folders(root, 'shared-out')).toEqual(['alpha', 'beta', 'gamma']);
    expect(runB.stderr).toContain(
      'Left ../shared-out/alpha as it was: policyc made it from ../projA/policies/alpha/policy.json, a policy of another project (outside this working folder), whose own build updates or removes it.',
    );
    expect(runB.stderr).toContain(
      'Left ../shared-out/gamma in place, though no policy of this build has the id gamma: policyc made it from ../projA/policies/gamma/policy.json, which this build did not read',
    );
  });

  it('the folder of a policy the config file does not list', async () => {
    const dir = await built();
    writeFileSync(path.join(dir, 'policyc.config.json'), JSON.stringify({ policies: ['policies/alpha'] }));
    const run = await build(dir, '--message-lang', 'nl');
    expect(run.status, run.stderr).toBe(0);
    expect(folders(dir)).toEqual(['alpha', 'beta']);
    expect(run.stderr).toContain(
      'dist/beta is blijven staan, hoewel geen beleidsbestand van deze build het id beta heeft: policyc heeft de map gemaakt uit policies/beta/policy.json, en dat bestand heeft deze build niet gelezen',
    );
  });

  it('the folder of a policy file that is still there but this build did not take up', async () => {
    const dir = tmp();
    writePolicy(dir, 'alpha');
    writePolicy(dir, 'beta');
    renameSync(path.join(dir, 'policies/beta/policy.json'), path.join(dir, 'policies/beta/beta.json'));
    const config = (policies: string[]) =>
      writeFileSync(path.join(dir, 'policyc.config.json'), JSON.stringify({ policies }));
    config(['policies/alpha', 'policies/beta/beta.json']);
    expect((await build(dir)).status).toBe(0);
    config(['policies']);
    const run = await build(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(folders(dir)).toEqual(['alpha', 'beta']);
    expect(run.stderr).toContain(
      'Left dist/beta in place, though no policy of this build has the id beta: its policy file policies/beta/beta.json is there, but this build skipped it.',
    );
  });

  it('a folder whose manifest an older version wrote (no id), and says how to remove it by hand', async () => {
    const dir = await built();
    for (const org of ['alpha', 'beta']) {
      const { id: _id, source: _source, ...older } = manifest(dir, org);
      writeFileSync(path.join(dir, 'dist', org, MANIFEST_NAME), JSON.stringify(older) + '\n');
    }
    renameSync(path.join(dir, 'policies/beta'), path.join(dir, 'gone'));
    const run = await build(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(folders(dir)).toEqual(['alpha', 'beta']);
    expect(run.stderr).toContain(
      'Left dist/beta in place, though no policy has the id beta any more: an older version of policyc made it without recording which policy file it was made from, so policyc cannot be sure it is its own. Delete the folder yourself (for example rm -r dist/beta) when it is no longer needed',
    );
    // alpha's older manifest is no cache hit: it is rebuilt, and now says where it comes from.
    expect(run.stderr).toContain('Built 1 policy into dist');
    expect(manifest(dir, 'alpha').source).toBe('../policies/alpha/policy.json');
  });
});

describe('a whole build still removes', () => {
  it('the folder of a policy whose file is gone from the policies folder', async () => {
    const dir = await built();
    renameSync(path.join(dir, 'policies/beta'), path.join(dir, 'beta-elsewhere'));
    const run = await build(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(folders(dir)).toEqual(['alpha']);
    expect(run.stderr).toContain('Removed dist/beta: policyc made it for the policy with id beta');
  });
});

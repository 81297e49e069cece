import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPolicyc, runPolicycInProcess } from './support/cli.js';
import { fixturesDir } from './support/fixtures.js';
import { tempDirs } from './support/temp-dirs.js';

/** `--out` through a symbolic link is refused where the place it leads to would be (review cli7, finding 7). */
const tmp = tempDirs('policyc-out-link-');
const minimal = readFileSync(path.join(fixturesDir, 'minimal/policy.json'), 'utf8');

/** A site at <temp>/site with policies/p1/policy.json; returns the site and the temporary folder above it. */
function site(): { work: string; above: string } {
  const above = tmp();
  const work = path.join(above, 'site');
  mkdirSync(path.join(work, 'policies/p1'), { recursive: true });
  writeFileSync(path.join(work, 'policies/p1/policy.json'), minimal.replace('"id": "minimal"', '"id": "p1"'));
  return { work, above };
}

describe('build --out through a symbolic link', () => {
  it('to a folder above the working folder: refused (exit 2), naming the link and where it leads; nothing written', () => {
    const { work, above } = site();
    symlinkSync(above, path.join(work, 'dist-link'));
    const run = runPolicyc(['build', '--out', 'dist-link'], work);
    expect(run.stderr).toBe(
      `policyc: refusing to build into dist-link (which leads to ${above}): it is the working folder, a folder above it, your home folder or a project root. Name an output folder of its own, e.g. --out dist.\n`,
    );
    expect(run.status).toBe(2);
    expect(readdirSync(above)).toEqual(['site']);
    expect(readdirSync(work).sort()).toEqual(['dist-link', 'policies']);
  });

  it('to the policies folder, in Dutch: refused (exit 2), nothing written among the policies', () => {
    const { work } = site();
    symlinkSync(path.join(work, 'policies'), path.join(work, 'out'));
    const run = runPolicyc(['build', '--out', 'out/site', '--message-lang', 'nl'], work);
    expect(run.stderr).toBe(
      'policyc: bouwen in out/site (dat uitkomt bij policies/site) geweigerd: die map ligt in policies, waaruit deze build beleid leest. Noem een uitvoermap daarbuiten, bijvoorbeeld --out dist.\n',
    );
    expect(run.status).toBe(2);
    expect(readdirSync(path.join(work, 'policies'))).toEqual(['p1']);
  });

  it('to an ordinary folder elsewhere: built there, as before', () => {
    const { work, above } = site();
    mkdirSync(path.join(above, 'www'));
    symlinkSync(path.join(above, 'www'), path.join(work, 'dist'));
    const run = runPolicyc(['build'], work);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(path.join(above, 'www/p1/nl/privacy.html'))).toBe(true);
  });

  it('--out naming the real folder of linked policies: refused (exit 2), nothing among the policies (secondread7 finding 4)', async () => {
    const above = tmp();
    const work = path.join(above, 'site');
    mkdirSync(path.join(above, 'shared/p1'), { recursive: true });
    writeFileSync(path.join(above, 'shared/p1/policy.json'), minimal.replace('"id": "minimal"', '"id": "p1"'));
    mkdirSync(work);
    symlinkSync('../shared', path.join(work, 'policies'));
    const real = path.join(above, 'shared/out');
    const run = await runPolicycInProcess(['build', '--out', real], work);
    expect(run.stderr).toBe(
      `policyc: refusing to build into ${real}: it lies inside ${above}/shared, which this build reads policies from. Name an output folder outside it, e.g. --out dist.\n`,
    );
    expect(run.status).toBe(2);
    expect(readdirSync(path.join(above, 'shared'))).toEqual(['p1']);
  });
});

import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPolicycInProcess } from './support/cli.js';
import { miniPolicy } from './support/mini-policy.js';
import { tempDirs } from './support/temp-dirs.js';

const tmp = tempDirs('policyc-removed-');

/** A working folder with policies/<id>/policy.json for each id (the mini policy with that id). */
function work(...ids: string[]): string {
  const dir = tmp();
  for (const id of ids) writePolicy(dir, id, id);
  return dir;
}

function writePolicy(dir: string, folder: string, id: string): void {
  mkdirSync(path.join(dir, 'policies', folder), { recursive: true });
  writeFileSync(path.join(dir, 'policies', folder, 'policy.json'), JSON.stringify({ ...miniPolicy(), id }, null, 2));
}

const build = (dir: string, ...args: string[]) => runPolicycInProcess(['build', '--out', 'dist', ...args], dir);
const folders = (dir: string) => readdirSync(path.join(dir, 'dist')).filter((name) => !name.startsWith('.'));

describe('the output of a policy that no longer exists', () => {
  it('a build of every policy removes the folder policyc made for it, and says so in one line', async () => {
    const dir = work('alpha', 'beta');
    expect((await build(dir)).status).toBe(0);
    expect(folders(dir).sort()).toEqual(['alpha', 'beta']);
    rmSync(path.join(dir, 'policies/beta'), { recursive: true });
    const run = await build(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(folders(dir)).toEqual(['alpha']);
    // Said before the closing line, which then does not read as if nothing had changed after all.
    expect(run.stderr.trim().split('\n').slice(-2)).toEqual([
      'Removed dist/beta: policyc made it for the policy with id beta, and no policy has that id any more.',
      'Nothing to build in dist: the policy was unchanged since the last build, and its output was left as it was (--force rebuilds it).',
    ]);
    // Only once: the next build has nothing to say about it.
    expect((await build(dir)).stderr).not.toContain('Removed');
  });

  it('a renamed id: the new folder is built and the old one removed, in the message language', async () => {
    const dir = work('alpha');
    expect((await build(dir)).status).toBe(0);
    writePolicy(dir, 'alpha', 'alpha-zorg');
    const run = await build(dir, '--message-lang', 'nl');
    expect(run.status, run.stderr).toBe(0);
    expect(folders(dir)).toEqual(['alpha-zorg']);
    expect(run.stderr).toContain(
      'dist/alpha verwijderd: policyc had die map gemaakt voor het beleid met id alpha, en geen beleidsbestand heeft dat id nog.',
    );
  });

  it('a build of policies named on the command line touches no other organisation', async () => {
    const dir = work('alpha', 'beta');
    expect((await build(dir)).status).toBe(0);
    rmSync(path.join(dir, 'policies/beta'), { recursive: true });
    const run = await build(dir, 'policies/alpha');
    expect(run.status, run.stderr).toBe(0);
    expect(folders(dir).sort()).toEqual(['alpha', 'beta']);
    expect(existsSync(path.join(dir, 'dist/beta/nl/privacy.html'))).toBe(true);
    expect(run.stderr).not.toMatch(/Removed|Left/);
    // register builds only some outputs: it removes no folder either.
    const register = await runPolicycInProcess(['register', '--out', 'dist'], dir);
    expect(register.status, register.stderr).toBe(0);
    expect(folders(dir).sort()).toEqual(['alpha', 'beta']);
  });

  it('keeps a folder holding files policyc did not write, and warns; leaves a folder that was never policyc’s unmentioned', async () => {
    const dir = work('alpha', 'beta');
    expect((await build(dir)).status).toBe(0);
    writeFileSync(path.join(dir, 'dist/beta/notes.txt'), 'mine');
    mkdirSync(path.join(dir, 'dist/images'));
    rmSync(path.join(dir, 'policies/beta'), { recursive: true });
    const run = await build(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(folders(dir).sort()).toEqual(['alpha', 'beta', 'images']);
    expect(existsSync(path.join(dir, 'dist/beta/nl/privacy.html'))).toBe(true);
    expect(run.stderr.trim().split('\n').at(-2)).toBe(
      'Left dist/beta in place, though no policy has the id beta any more: it holds files policyc did not write (notes.txt). Remove it yourself when it is no longer needed.',
    );
    expect(run.stderr).not.toContain('images');
  });

  it('build --help says so', async () => {
    const help = (await runPolicycInProcess(['build', '--help'])).stdout;
    expect(help.replace(/\s+/g, ' ')).toContain(
      "A build of every policy (no paths named) removes a folder policyc made in <out> for a policy file this build would have read and that is gone, and says so; it keeps any other (a copy, a renamed folder, another project's), with a warning.",
    );
  });

  it('a failed build removes nothing', async () => {
    const dir = work('alpha', 'beta');
    expect((await build(dir)).status).toBe(0);
    rmSync(path.join(dir, 'policies/beta'), { recursive: true });
    writeFileSync(path.join(dir, 'policies/alpha/policy.json'), '{ "id": "alpha", }');
    const run = await build(dir);
    expect(run.status).toBe(1);
    expect(folders(dir).sort()).toEqual(['alpha', 'beta']);
    expect(run.stderr).not.toContain('Removed');
  });
});

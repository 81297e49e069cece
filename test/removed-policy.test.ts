import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_NAME } from '../src/output/output-ownership.js';
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
/** Every file under `dir`, '/'-separated and sorted. */
const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
/** Each file under `dir` with its contents. */
const snapshotOf = (dir: string) =>
  Object.fromEntries(filesIn(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

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

  it('removes only policyc’s own unchanged files: a file changed or added stays, named with why and how to remove it', async () => {
    const dir = work('alpha', 'beta');
    expect((await build(dir)).status).toBe(0);
    const own = readdirSync(path.join(dir, 'dist/beta'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== MANIFEST_NAME)
      .map((entry) => path.relative(path.join(dir, 'dist/beta'), path.join(entry.parentPath, entry.name)));
    expect(own).toContain(path.join('nl', 'privacy.html'));
    writeFileSync(path.join(dir, 'dist/beta/nl/privacy.html'), '<p>edited by hand</p>');
    writeFileSync(path.join(dir, 'dist/beta/notes.txt'), 'mine');
    mkdirSync(path.join(dir, 'dist/images'));
    rmSync(path.join(dir, 'policies/beta'), { recursive: true });
    const run = await build(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(folders(dir).sort()).toEqual(['alpha', 'beta', 'images']);
    // What is left of beta is exactly the two files policyc did not write as they are: no manifest, no other file.
    expect(filesIn(path.join(dir, 'dist/beta'))).toEqual(['nl/privacy.html', 'notes.txt']);
    expect(readFileSync(path.join(dir, 'dist/beta/nl/privacy.html'), 'utf8')).toBe('<p>edited by hand</p>');
    expect(run.stderr.trim().split('\n').at(-2)).toBe(
      'Removed the files policyc made in dist/beta for the policy with id beta, which no policy has any more, but left the folder with the files policyc did not write as they are: nl/privacy.html (changed since policyc wrote it), notes.txt (added). policyc no longer counts the folder as its own; delete it yourself (for example rm -r dist/beta) when you no longer need them.',
    );
    expect(run.stderr).not.toContain('images');
    // Said once: the folder is no longer policyc's, and the next build leaves it unmentioned.
    const again = await build(dir);
    expect(again.stderr).not.toMatch(/beta/);
    expect(filesIn(path.join(dir, 'dist/beta'))).toEqual(['nl/privacy.html', 'notes.txt']);
  });

  it('keeps whole, with a warning, the folder of a gone policy whose manifest records no hashes (an older version’s)', async () => {
    const dir = work('alpha', 'beta');
    expect((await build(dir)).status).toBe(0);
    const manifestFile = path.join(dir, 'dist/beta', MANIFEST_NAME);
    const { sha256: _hashes, ...older } = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(manifestFile, JSON.stringify(older) + '\n');
    const before = filesIn(path.join(dir, 'dist/beta'));
    rmSync(path.join(dir, 'policies/beta'), { recursive: true });
    const run = await build(dir, '--message-lang', 'nl');
    expect(run.status, run.stderr).toBe(0);
    expect(filesIn(path.join(dir, 'dist/beta'))).toEqual(before);
    expect(run.stderr).toContain(
      'dist/beta is blijven staan, hoewel geen beleidsbestand het id beta nog heeft: een oudere versie van policyc heeft de map gemaakt zonder vast te leggen wat het in elk bestand schreef',
    );
  });

  it('a rebuild that no longer makes a file (a language dropped) removes it as policyc wrote it, and refuses when it was changed', async () => {
    const dir = work('alpha');
    expect((await build(dir)).status).toBe(0);
    expect(existsSync(path.join(dir, 'dist/alpha/en/privacy.html'))).toBe(true);
    const edited = tmp();
    cpSync(dir, edited, { recursive: true });
    // As written: the English files go, the Dutch ones stay.
    const dropped = await build(dir, '--lang', 'nl');
    expect(dropped.status, dropped.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'dist/alpha/en'))).toBe(false);
    expect(existsSync(path.join(dir, 'dist/alpha/nl/privacy.html'))).toBe(true);
    // Changed by hand: the build refuses and changes nothing.
    writeFileSync(path.join(edited, 'dist/alpha/en/privacy.md'), '# edited');
    const before = snapshotOf(path.join(edited, 'dist'));
    const refused = await build(edited, '--lang', 'nl');
    expect(refused.status).toBe(73);
    expect(refused.stderr).toContain(
      'refusing to replace dist/alpha: it holds files this build no longer makes that were changed since policyc wrote them (en/privacy.md)',
    );
    expect(snapshotOf(path.join(edited, 'dist'))).toEqual(before);
  });

  it('register removes a register file it no longer makes as policyc wrote it, and refuses when it was changed', async () => {
    const dir = work('alpha');
    expect((await runPolicycInProcess(['register', '--out', 'dist'], dir)).status).toBe(0);
    writeFileSync(path.join(dir, 'dist/alpha/en/register.md'), '# edited');
    const refused = await runPolicycInProcess(['register', '--out', 'dist', '--lang', 'nl'], dir);
    expect(refused.status).toBe(73);
    expect(refused.stderr).toContain('(en/register.md)');
    expect(readFileSync(path.join(dir, 'dist/alpha/en/register.md'), 'utf8')).toBe('# edited');
  });

  it('build --help says so', async () => {
    const help = (await runPolicycInProcess(['build', '--help'])).stdout;
    expect(help.replace(/\s+/g, ' ')).toContain(
      "A build of every policy (no paths named) removes what policyc made in <out> for a policy file this build would have read and that is gone, and says so; a file there that you changed or added stays, and so does any other folder (a copy, a renamed folder, another project's), with a warning. policyc never deletes a file it did not write as it is.",
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

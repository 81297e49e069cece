import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unexpectedError } from '../src/cli/process-cli.js';
import { processStart, startFromStat } from '../src/output/output-lock.js';
import { OutputWriter } from '../src/output/output-writer.js';
import { cliPath, nobodyReachesCli, repoRoot, runPolicycInProcess, type CliRun } from './support/cli.js';
import { positionIn } from './support/mini-policy.js';
import { tempDirs } from './support/temp-dirs.js';

const tmp = tempDirs('policyc-safety-');

/** A working folder with the iPractice policy in policies/. */
function workWithPolicy(): string {
  const work = tmp();
  cpSync(path.join(repoRoot, 'policies/ipractice'), path.join(work, 'policies/ipractice'), { recursive: true });
  return work;
}

/**
 * A refusal: the message with the policyc: prefix of every CLI error (CLI review improvement 2), and its exit code
 * (platform review 5): 2 for a refused --out (fix the command), 75 for a held lock (try again later), 73 for an
 * output folder policyc may not change.
 */
const refusal = (run: CliRun, message: string, code = refusalCode(message)): void => {
  expect(run.stderr.split('\n').filter((line) => line.startsWith('policyc: ') && line.includes(message))).toHaveLength(
    1,
  );
  expect(run.status).toBe(code);
};
const refusalCode = (message: string): number =>
  /refusing to build|it is the working folder/.test(message) ? 2 : message.startsWith('another build') ? 75 : 73;

describe('policyc replaces only what it made', { timeout: 180_000 }, () => {
  it('refuses --out pointing at the policies, and leaves them', async () => {
    const work = workWithPolicy();
    const before = readFileSync(path.join(work, 'policies/ipractice/policy.json'));
    refusal(
      await runPolicycInProcess(['build', '--out', 'policies'], work),
      'refusing to build into policies: it holds the policies (policies/ipractice/policy.json)',
    );
    refusal(
      await runPolicycInProcess(['build', '--out', 'policies/ipractice'], work),
      'refusing to build into policies/ipractice: it holds the policies',
    );
    expect(readFileSync(path.join(work, 'policies/ipractice/policy.json')).equals(before)).toBe(true);
    expect(readdirSync(path.join(work, 'policies/ipractice'))).toEqual(['policy.json']);
  });

  it('refuses --out naming a policy file as a policy file, and shows an --out outside the working folder as given', async () => {
    const work = workWithPolicy();
    const before = readFileSync(path.join(work, 'policies/ipractice/policy.json'));
    refusal(
      await runPolicycInProcess(['build', '--out', 'policies/ipractice/policy.json'], work),
      'refusing to build into policies/ipractice/policy.json: it is a policy file this build reads. Name an output folder of its own, e.g. --out dist.',
    );
    expect(readFileSync(path.join(work, 'policies/ipractice/policy.json')).equals(before)).toBe(true);
    const outside = path.join(tmp(), 'notes.txt');
    writeFileSync(outside, 'not a folder\n');
    refusal(
      await runPolicycInProcess(['build', '--out', outside], work),
      `refusing to write into ${outside}: it is a file, not a folder.`,
    );
  });

  it('refuses an --out inside a folder the build reads policies from (CLI review improvement 6)', async () => {
    const work = workWithPolicy();
    const inside = (out: string, folder: string): string =>
      `refusing to build into ${out}: it lies inside ${folder}, which this build reads policies from. Name an output folder outside it, e.g. --out dist.`;
    refusal(await runPolicycInProcess(['build', '--out', 'policies/out'], work), inside('policies/out', 'policies'));
    refusal(await runPolicycInProcess(['register', '--out', 'policies/out'], work), inside('policies/out', 'policies'));
    refusal(
      await runPolicycInProcess(['build', 'policies', '--out', 'policies/ipractice/site'], work),
      inside('policies/ipractice/site', 'policies'),
    );
    expect(readdirSync(path.join(work, 'policies'))).toEqual(['ipractice']);
    expect(readdirSync(path.join(work, 'policies/ipractice'))).toEqual(['policy.json']);
    // A folder beside the policies is fine.
    expect((await runPolicycInProcess(['build', '--out', 'site'], work)).status).toBe(0);
  });

  it('names the policies and their folder outside the working folder absolute, as the CLI names paths (shownPath)', async () => {
    const work = workWithPolicy();
    const sub = path.join(work, 'notes');
    mkdirSync(sub);
    refusal(
      await runPolicycInProcess(['build', '../policies', '--out', '../policies/ipractice'], sub),
      `refusing to build into ../policies/ipractice: it holds the policies (${work}/policies/ipractice/policy.json)`,
    );
    refusal(
      await runPolicycInProcess(['build', '../policies', '--out', '../policies/site'], sub),
      `refusing to build into ../policies/site: it lies inside ${work}/policies, which this build reads policies from.`,
    );
  });

  it('refuses an empty --out and the working folder', async () => {
    const work = workWithPolicy();
    refusal(
      await runPolicycInProcess(['build', '--out='], work),
      'refusing to build: --out is empty (an unset variable?)',
    );
    refusal(
      await runPolicycInProcess(['build', '--out', '.'], work),
      'refusing to build into .: it is the working folder, a folder above it, your home folder or a project root',
    );
    refusal(
      await runPolicycInProcess(['build', '--out', '..'], work),
      'it is the working folder, a folder above it, your home folder or a project root',
    );
    expect(readdirSync(work)).toEqual(['policies']);
  });

  // git's and npm's own folders are no output folder: npm ci deletes what it did not install (cli7 finding 8).
  it('refuses .git and node_modules as --out, and any folder inside them; public and src are left to the user', async () => {
    const work = workWithPolicy();
    const tool = (out: string, folder: string): string =>
      `refusing to build into ${out}: it is, or lies inside, ${folder}, a folder that git or npm manages. Name an output folder of its own, e.g. --out dist.`;
    for (const [out, folder] of [
      ['.git', '.git'],
      ['node_modules', 'node_modules'],
      ['node_modules/.cache/privacy', 'node_modules'],
      ['site/.git/x', 'site/.git'],
    ] as const) {
      const run = await runPolicycInProcess(['build', '--out', out], work);
      expect(run.stderr, out).toBe(`policyc: ${tool(out, folder)}\n`);
      expect(run.status, out).toBe(2);
    }
    const dutch = await runPolicycInProcess(['build', '--out', 'node_modules', '--message-lang', 'nl'], work);
    expect(dutch.stderr).toBe(
      'policyc: bouwen in node_modules geweigerd: dat is, of ligt in, node_modules, een map die git of npm beheert. Noem een eigen uitvoermap, bijvoorbeeld --out dist.\n',
    );
    expect(readdirSync(work)).toEqual(['policies']);
    // A working folder that itself lies inside node_modules (a package's own folder) may still build into dist.
    const inside = path.join(work, 'node_modules/site');
    cpSync(path.join(work, 'policies'), path.join(inside, 'policies'), { recursive: true });
    expect((await runPolicycInProcess(['build', '--out', 'dist'], inside)).status).toBe(0);
    expect((await runPolicycInProcess(['build', '--out', 'public'], inside)).status).toBe(0);
  });

  // Both routes of toolFolder (output-ownership.ts): names compared in lower case (a case-insensitive disk, macOS
  // or Windows, reads Node_Modules as node_modules), and the place every symbolic link leads to.
  it('refuses .git and node_modules in another letter case, and through a symbolic link, here or elsewhere', async () => {
    const work = workWithPolicy();
    const elsewhere = tmp();
    mkdirSync(path.join(work, 'node_modules/.cache'), { recursive: true });
    mkdirSync(path.join(work, '.git'));
    mkdirSync(path.join(elsewhere, 'node_modules'));
    symlinkSync('node_modules/.cache', path.join(work, 'cache-link'));
    symlinkSync('.git', path.join(work, 'git-link'));
    symlinkSync('node_modules', path.join(work, 'modules-link'));
    symlinkSync(path.join(elsewhere, 'node_modules'), path.join(work, 'elsewhere-link'));
    const before = readdirSync(work).sort();
    const refused = (out: string, folder: string): string =>
      `policyc: refusing to build into ${out}: it is, or lies inside, ${folder}, a folder that git or npm manages. Name an output folder of its own, e.g. --out dist.\n`;
    for (const [out, shown, folder] of [
      ['Node_Modules', 'Node_Modules', 'Node_Modules'],
      ['NODE_MODULES/cache', 'NODE_MODULES/cache', 'NODE_MODULES'],
      ['.GIT', '.GIT', '.GIT'],
      ['site/.Git/x', 'site/.Git/x', 'site/.Git'],
      ['cache-link', 'cache-link (which leads to node_modules/.cache)', 'node_modules'],
      ['git-link', 'git-link (which leads to .git)', '.git'],
      ['modules-link/privacy', 'modules-link/privacy (which leads to node_modules/privacy)', 'node_modules'],
      [
        'elsewhere-link',
        `elsewhere-link (which leads to ${path.join(elsewhere, 'node_modules')})`,
        path.join(elsewhere, 'node_modules'),
      ],
    ] as const) {
      const run = await runPolicycInProcess(['build', '--out', out], work);
      expect(run.stderr, out).toBe(refused(shown, folder));
      expect(run.status, out).toBe(2);
    }
    const dutch = await runPolicycInProcess(['build', '--out', 'cache-link', '--message-lang', 'nl'], work);
    expect(dutch.stderr).toBe(
      'policyc: bouwen in cache-link (dat uitkomt bij node_modules/.cache) geweigerd: dat is, of ligt in, node_modules, een map die git of npm beheert. Noem een eigen uitvoermap, bijvoorbeeld --out dist.\n',
    );
    // Nothing written anywhere: not beside the links, not where they lead.
    expect(readdirSync(work).sort()).toEqual(before);
    expect(readdirSync(path.join(work, 'node_modules/.cache'))).toEqual([]);
    expect(readdirSync(path.join(work, '.git'))).toEqual([]);
    expect(readdirSync(path.join(elsewhere, 'node_modules'))).toEqual([]);
  });

  it('refuses a project root given as --out', async () => {
    const work = workWithPolicy();
    const project = tmp();
    writeFileSync(path.join(project, 'package.json'), '{}');
    refusal(
      await runPolicycInProcess(['build', '--out', project], work),
      'it is the working folder, a folder above it, your home folder or a project root',
    );
    expect(readdirSync(project)).toEqual(['package.json']);
  });

  it('refuses to replace a folder it did not make (a policy with the id "src" and --out .. of a project)', async () => {
    const work = workWithPolicy();
    mkdirSync(path.join(work, 'dist/ipractice/src'), { recursive: true });
    writeFileSync(path.join(work, 'dist/ipractice/src/index.ts'), 'precious');
    refusal(
      await runPolicycInProcess(['build'], work),
      'refusing to replace dist/ipractice: policyc did not make it (it has no .policyc-manifest.json)',
    );
    expect(readFileSync(path.join(work, 'dist/ipractice/src/index.ts'), 'utf8')).toBe('precious');
    expect(readdirSync(path.join(work, 'dist')).sort()).toEqual(['ipractice']);
  });

  it("says so when --out, or an organisation's folder in it, is a file", async () => {
    const work = workWithPolicy();
    writeFileSync(path.join(work, 'afile'), 'mine');
    refusal(
      await runPolicycInProcess(['build', '--out', 'afile'], work),
      'refusing to write into afile: it is a file, not a folder. Move it away or choose another --out. Nothing was written.',
    );
    mkdirSync(path.join(work, 'dist'));
    writeFileSync(path.join(work, 'dist/ipractice'), 'mine');
    refusal(
      await runPolicycInProcess(['build'], work),
      'refusing to write into dist/ipractice: it is a file, not a folder.',
    );
    expect(readFileSync(path.join(work, 'afile'), 'utf8')).toBe('mine');
    expect(readFileSync(path.join(work, 'dist/ipractice'), 'utf8')).toBe('mine');
  });

  it('writes a manifest listing every file, and refuses a folder holding files it does not list', async () => {
    const work = workWithPolicy();
    expect((await runPolicycInProcess(['build'], work)).status).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(work, 'dist/ipractice/.policyc-manifest.json'), 'utf8')) as {
      generator: string;
      files: string[];
    };
    expect(manifest.generator).toBe('policyc');
    expect(manifest.files).toContain('nl/privacy.html');
    expect(manifest.files).toContain('policy.jsonld');
    // 10 files per language (the fragment has its own stylesheet), policy.jsonld, and per language the register's
    // part for what iPractice's notice names without a processing activity (register-without-activity.csv).
    expect(manifest.files).toHaveLength(23);
    expect(manifest.files).toContain('nl/register-without-activity.csv');
    writeFileSync(path.join(work, 'dist/ipractice/nl/notes.txt'), 'mine');
    // --force: unchanged input is left as it is (incremental build), so only a rebuild meets the foreign file.
    refusal(
      await runPolicycInProcess(['build', '--force'], work),
      'refusing to replace dist/ipractice: it holds files policyc did not write (nl/notes.txt)',
    );
    expect(readFileSync(path.join(work, 'dist/ipractice/nl/notes.txt'), 'utf8')).toBe('mine');
  });

  it.each([['build'], ['register']])('%s never writes or deletes through a symbolic link', async (command) => {
    const work = workWithPolicy();
    const outside = path.join(work, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'keep.txt'), 'keep');
    mkdirSync(path.join(work, 'dist'));
    symlinkSync('../outside', path.join(work, 'dist/ipractice'));
    refusal(await runPolicycInProcess([command!], work), 'refusing to write through the symbolic link dist/ipractice');
    expect(readdirSync(outside)).toEqual(['keep.txt']);
  });

  it('register refuses a link inside an organisation folder', async () => {
    const work = workWithPolicy();
    expect((await runPolicycInProcess(['build'], work)).status).toBe(0);
    const outside = path.join(work, 'outside');
    mkdirSync(outside);
    cpSync(path.join(work, 'dist/ipractice/nl'), outside, { recursive: true });
    cpSync(path.join(work, 'dist/ipractice/nl'), path.join(work, 'nl-copy'), { recursive: true });
    spawnSync('rm', ['-r', path.join(work, 'dist/ipractice/nl')]);
    symlinkSync('../../outside', path.join(work, 'dist/ipractice/nl'));
    refusal(
      await runPolicycInProcess(['register'], work),
      'refusing to write through the symbolic link dist/ipractice/nl',
    );
  });

  it.runIf(nobodyReachesCli())('an unwritable organisation folder is a clean error that changes nothing', async () => {
    const work = workWithPolicy();
    chmodSync(work, 0o755);
    expect((await runPolicycInProcess(['build'], work)).status).toBe(0);
    const nobody = 65534;
    spawnSync('chown', ['-R', `${nobody}:${nobody}`, work]);
    chmodSync(path.join(work, 'dist/ipractice'), 0o555);
    const before = readFileSync(path.join(work, 'dist/ipractice/nl/privacy.html'));
    // --force: the output is up to date, so without it the incremental build would write nothing.
    const run = spawnSync(process.execPath, [cliPath, 'build', '--force'], {
      cwd: work,
      uid: nobody,
      gid: nobody,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.stderr).toContain('cannot write to dist/ipractice (permission denied). Nothing was written.');
    expect(run.status).toBe(73);
    // In Dutch: "toegang geweigerd", not "permission denied" word for word (cli7 finding 16).
    const dutch = spawnSync(process.execPath, [cliPath, 'build', '--force', '--message-lang', 'nl'], {
      cwd: work,
      uid: nobody,
      gid: nobody,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(dutch.stderr).toContain(
      'policyc: kan niet schrijven naar dist/ipractice (toegang geweigerd). Er is niets geschreven.\n',
    );
    expect(dutch.status).toBe(73);
    expect(readFileSync(path.join(work, 'dist/ipractice/nl/privacy.html')).equals(before)).toBe(true);
    expect(readdirSync(path.join(work, 'dist'))).toEqual(['ipractice']);
  });
});

describe('an output folder that cannot be written is a clean error before anything moves', { timeout: 180_000 }, () => {
  /** The CLI as a user runs it (a process of its own), as root or as 'nobody'. */
  const cliRun = (args: string[], cwd: string, uid?: number, env: NodeJS.ProcessEnv = {}): CliRun => {
    const run = spawnSync(process.execPath, [cliPath, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...env },
      // A build that hangs (as on /proc before firstuser2 finding 1) fails the test with status null.
      timeout: 30_000,
      killSignal: 'SIGKILL',
      ...(uid !== undefined ? { uid, gid: uid } : {}),
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  const cleanRefusal = (run: CliRun, message: string, code?: number): void => {
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('Node.js v');
    refusal(run, message, code);
  };

  it.each([['build'], ['register']])('%s --out under a file (ENOTDIR, even as root)', (command) => {
    const work = workWithPolicy();
    writeFileSync(path.join(work, 'afile'), 'mine');
    cleanRefusal(
      cliRun([command, '--out', 'afile/sub'], work),
      'refusing to write into afile: it is a file, not a folder. Move it away or choose another --out. Nothing was written.',
    );
    expect(readFileSync(path.join(work, 'afile'), 'utf8')).toBe('mine');
  });

  it.runIf(existsSync('/proc/self'))(
    '--out under /proc: a refusal at once, not an endless mkdir (firstuser2 finding 1)',
    () => {
      const work = workWithPolicy();
      const refused = 'cannot create the folder /proc/policyc-x in /proc. Choose another --out. Nothing was written.';
      cleanRefusal(cliRun(['build', '--out', '/proc/policyc-x'], work), refused);
      cleanRefusal(cliRun(['build', '--out', '/proc/policyc-x/sub'], work), refused);
    },
  );

  it('--out through a dangling symbolic link: a refusal naming the link (firstuser2 finding 2)', () => {
    const work = workWithPolicy();
    symlinkSync(path.join(work, 'gone'), path.join(work, 'dangling'));
    const link = `dangling is a symbolic link to ${path.join(work, 'gone')}, which does not exist.`;
    cleanRefusal(cliRun(['build', '--out', 'dangling/out'], work), `refusing to write into dangling/out: ${link}`);
    cleanRefusal(cliRun(['build', '--out', 'dangling'], work), `refusing to write into dangling: ${link}`);
    expect(readdirSync(work).sort()).toEqual(['dangling', 'policies']);
  });

  it('--out naming the home folder is refused like the working folder (firstuser2 finding 5)', () => {
    const work = workWithPolicy();
    const home = tmp();
    cleanRefusal(
      cliRun(['build', '--out', home], work, undefined, { HOME: home }),
      `refusing to build into ${home}: it is the working folder, a folder above it, your home folder or a project root.`,
    );
    expect(readdirSync(home)).toEqual([]);
  });

  it.runIf(nobodyReachesCli())('build, register and init in a folder that is not writable (EACCES)', () => {
    const work = workWithPolicy();
    chmodSync(work, 0o755);
    const nobody = 65534;
    spawnSync('chown', ['-R', `${nobody}:${nobody}`, path.join(work, 'policies')]);
    mkdirSync(path.join(work, 'ro'), { mode: 0o555 });
    const denied = 'cannot write to ro (permission denied). Nothing was written.';
    cleanRefusal(cliRun(['build', '--out', 'ro'], work, nobody), denied);
    cleanRefusal(cliRun(['build', '--out', 'ro/sub'], work, nobody), denied);
    mkdirSync(path.join(work, 'closed'), { mode: 0o000 });
    cleanRefusal(
      cliRun(['build', '--out', 'closed'], work, nobody),
      'cannot write to closed (permission denied). Nothing was written.',
    );
    cleanRefusal(cliRun(['register', '--out', 'ro'], work, nobody), denied);
    // init's refusals stay usage errors (2): it writes no output folder.
    cleanRefusal(cliRun(['init', '--yes'], path.join(work, 'ro'), nobody), 'cannot write to . (permission denied).', 2);
    expect(readdirSync(path.join(work, 'ro'))).toEqual([]);
  });

  it("an error no command reports is one line without a stack: the system's words, or a bug to report", () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open '/srv/x'"), {
      code: 'EACCES',
      syscall: 'open',
      path: '/srv/x', // as Node's own error for a file has it: the message is written from these (cli:systemError)
    });
    expect(unexpectedError(denied)).toBe("policyc: EACCES: permission denied, open '/srv/x'");
    expect(unexpectedError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      "policyc: internal error (Cannot read properties of undefined (reading 'id')); this is a bug in policyc, please report it",
    );
  });
});

describe('leftovers and the lock', { timeout: 180_000 }, () => {
  it('the next build removes staging folders a killed build left, and only those', async () => {
    const work = workWithPolicy();
    expect((await runPolicycInProcess(['build'], work)).status).toBe(0);
    // A killed build: a marked staging folder whose process is gone, with an old copy retired.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    const staging = path.join(work, `dist/.policyc-staging-${dead}-abcd1234`);
    mkdirSync(path.join(staging, 'ipractice'), { recursive: true });
    writeFileSync(path.join(staging, '.policyc-staging'), `${dead}\n`);
    mkdirSync(path.join(work, 'dist/.policyc-staging-not-ours'));
    writeFileSync(path.join(work, 'dist/.policyc-staging-not-ours/file'), 'x');
    // Killed between creating a staging folder and writing its marker: empty, or an empty marker alone.
    mkdirSync(path.join(work, 'dist/.policyc-staging-1-empty'));
    mkdirSync(path.join(work, 'dist/.policyc-staging-2-unwritten'));
    writeFileSync(path.join(work, 'dist/.policyc-staging-2-unwritten/.policyc-staging'), '');
    // An empty marker beside other content is not provably ours: it stays.
    mkdirSync(path.join(work, 'dist/.policyc-staging-3-with-content'));
    writeFileSync(path.join(work, 'dist/.policyc-staging-3-with-content/.policyc-staging'), '');
    writeFileSync(path.join(work, 'dist/.policyc-staging-3-with-content/file'), 'x');
    writeFileSync(path.join(work, 'dist/.policyc-lock'), `${dead}\n`); // a stale lock: its process is gone
    writeFileSync(path.join(work, `dist/.policyc-lock-${dead}`), `${dead}\n`); // killed before linking its lock in place
    const run = await runPolicycInProcess(['build'], work);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(path.join(work, 'dist')).sort()).toEqual([
      '.policyc-staging-3-with-content',
      '.policyc-staging-not-ours',
      'ipractice',
    ]);
  });

  it('a build killed between taking the old folder away and putting the new one in: the old one comes back', async () => {
    const work = workWithPolicy();
    expect((await runPolicycInProcess(['build'], work)).status).toBe(0);
    const before = readFileSync(path.join(work, 'dist/ipractice/nl/privacy.html'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    const staging = path.join(work, `dist/.policyc-staging-${dead}-00000000`);
    mkdirSync(path.join(staging, '.retired'), { recursive: true });
    writeFileSync(path.join(staging, '.policyc-staging'), `${dead}\n`);
    spawnSync('mv', [path.join(work, 'dist/ipractice'), path.join(staging, '.retired/ipractice')]);
    new OutputWriter(path.join(work, 'dist')).abort();
    expect(readdirSync(path.join(work, 'dist'))).toEqual(['ipractice']);
    expect(readFileSync(path.join(work, 'dist/ipractice/nl/privacy.html')).equals(before)).toBe(true);
  });

  it('a lock held by a live process stops a second build', async () => {
    const work = workWithPolicy();
    mkdirSync(path.join(work, 'dist'));
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(path.join(work, 'dist/.policyc-lock'), `${holder.pid}\n`);
      refusal(
        await runPolicycInProcess(['build'], work),
        `another build (process ${holder.pid}) is writing into dist; try again when it has finished`,
      );
      expect(readdirSync(path.join(work, 'dist'))).toEqual(['.policyc-lock']);
    } finally {
      holder.kill();
    }
  });

  // A process id is reused once its process is gone: the stamp's start time tells the writer from the newcomer.
  it.runIf(processStart(process.pid) !== undefined)(
    'a lock and a staging folder whose process id now belongs to another process are stale',
    async () => {
      const work = workWithPolicy();
      expect((await runPolicycInProcess(['build'], work)).status).toBe(0);
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
      try {
        const start = processStart(other.pid!)!;
        const reused = `${other.pid} ${Number(start) - 1}\n`; // written by an earlier process with the same id
        const staging = path.join(work, `dist/.policyc-staging-${other.pid}-reused00`);
        mkdirSync(path.join(staging, 'ipractice'), { recursive: true });
        writeFileSync(path.join(staging, '.policyc-staging'), reused);
        writeFileSync(path.join(work, 'dist/.policyc-lock'), reused);
        const run = await runPolicycInProcess(['build'], work);
        expect(run.status, run.stderr).toBe(0);
        expect(readdirSync(path.join(work, 'dist'))).toEqual(['ipractice']);
        // The same process id with its own start time is a live build: refused.
        writeFileSync(path.join(work, 'dist/.policyc-lock'), `${other.pid} ${start}\n`);
        refusal(
          await runPolicycInProcess(['build'], work),
          `another build (process ${other.pid}) is writing into dist; try again when it has finished`,
        );
      } finally {
        other.kill();
      }
    },
  );

  it('the start time is read after the last ")" of /proc/<pid>/stat, whatever the command name holds', () => {
    const after = Array.from({ length: 50 }, (_, i) => String(i + 3)); // fields 3, 4, … hold their own number
    expect(startFromStat(`42 (a) b (c)) ${after.join(' ')}`)).toBe('22');
    expect(startFromStat('42 (node) S 1')).toBeUndefined();
  });

  it('an OutputWriter holds the lock until it commits or aborts', () => {
    const out = tmp();
    const first = new OutputWriter(out);
    expect(() => new OutputWriter(out)).toThrow(/locked/);
    first.abort();
    new OutputWriter(out).abort();
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('small faults', { timeout: 180_000 }, () => {
  it("check reports two policies with the same id, at the second one's id", async () => {
    const work = workWithPolicy();
    cpSync(path.join(work, 'policies/ipractice'), path.join(work, 'policies/zz-twin'), { recursive: true });
    const run = await runPolicycInProcess(['check', '--format', 'json'], work);
    const duplicates = (JSON.parse(run.stdout) as Array<Record<string, unknown>>).filter(
      (d) => d.ruleId === 'build/duplicate-policy-id',
    );
    expect(duplicates).toEqual([
      {
        ruleId: 'build/duplicate-policy-id',
        severity: 'error',
        file: 'policies/zz-twin/policy.json',
        pointer: '/id',
        ...positionIn(readFileSync(path.join(work, 'policies/zz-twin/policy.json'), 'utf8'), '"ipractice"'),
        messageId: 'diagnostics:reference.duplicatePolicy',
        data: { id: 'ipractice', other: 'policies/ipractice/policy.json' },
        message: 'another policy already has the id "ipractice" (policies/ipractice/policy.json)',
      },
    ]);
    expect(run.status).toBe(1);
  });

  it('check --format json orders files the same under every locale', () => {
    const work = tmp();
    for (const name of ['a', 'B', 'é', 'Z']) {
      mkdirSync(path.join(work, name));
      writeFileSync(path.join(work, name, 'policy.json'), '{');
    }
    const files = (lang: string): string[] => {
      const run = spawnSync(process.execPath, [cliPath, 'check', '.', '--format', 'json'], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, LANG: lang, LC_ALL: lang },
      });
      return (JSON.parse(run.stdout) as Array<{ file: string }>).map((d) => d.file);
    };
    expect(files('C')).toEqual(['B/policy.json', 'Z/policy.json', 'a/policy.json', 'é/policy.json']);
    expect(files('sv_SE.UTF-8')).toEqual(files('C'));
    expect(files('nl_NL.UTF-8')).toEqual(files('C'));
  });

  it('diff | head: a closed pipe ends the command quietly, without an EPIPE crash', () => {
    const run = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${cliPath}" diff test/fixtures/diff/ipractice-v1/policy.json test/fixtures/diff/ipractice-v2/policy.json | head -c 10 >/dev/null; echo "exit \${PIPESTATUS:-0}"`,
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('"git not installed" is not reported as "not in a git repository"', () => {
    const run = spawnSync(process.execPath, [cliPath, 'diff', 'HEAD~1', 'policies/ipractice/policy.json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { PATH: '/nonexistent' },
    });
    expect(run.stderr).toContain('reading ');
    expect(run.stderr).toContain('needs git, which is not installed (or not on PATH)');
    expect(run.stderr).not.toContain('not in a git repository');
    expect(run.status).toBe(2);
  });
});

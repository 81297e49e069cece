import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyResult, writeBuildResult } from '../src/cli/build-result.js';
import { cliPath, nobodyReachesCli, runPolicycInProcess } from './support/cli.js';
import { fixturesDir } from './support/fixtures.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * `build --report <file>`: where the build result may be written (review cli7, findings 1–3). The CLI runs in
 * this process (runPolicycInProcess) where a test is about what the command does; as a child only where the
 * process is: as another user ('nobody'), and bounded by a timeout (a FIFO once hung the build).
 */
const tmp = tempDirs('policyc-report-file-');
const minimal = readFileSync(path.join(fixturesDir, 'minimal/policy.json'), 'utf8');

/** A site with policies/p1/policy.json, a package.json and a config file. */
function site(): string {
  const work = tmp();
  mkdirSync(path.join(work, 'policies/p1'), { recursive: true });
  writeFileSync(path.join(work, 'policies/p1/policy.json'), minimal.replace('"id": "minimal"', '"id": "p1"'));
  writeFileSync(path.join(work, 'package.json'), '{ "name": "site", "private": true }\n');
  writeFileSync(path.join(work, 'policyc.config.json'), '{ "policies": ["policies"] }\n');
  return work;
}

/** The text of every file in `work` (outside dist), by path: what a refused run must leave as it was. */
function contents(work: string): Map<string, string> {
  const files = readdirSync(work, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files
      .map((e) => path.relative(work, path.join(e.parentPath, e.name)))
      .filter((file) => !file.startsWith('dist'))
      .map((file) => [file, readFileSync(path.join(work, file), 'utf8')]),
  );
}

const usage = "\nRun 'policyc build --help' for usage.\n";
const gebruik = "\nZie 'policyc build --help' voor uitleg.\n";

describe('build --report refuses a file it would overwrite that is not a build result (cli7 finding 1)', () => {
  it.each([
    ['policies/p1/policy.json', 'en'],
    ['policyc.config.json', 'nl'],
  ])('a file this build reads (%s, in %s): exit 2 before building, the file as it was', async (file, lang) => {
    const work = site();
    const before = contents(work);
    const run = await runPolicycInProcess(['build', '--report', file, '--message-lang', lang], work);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toBe(
      lang === 'en'
        ? `policyc: refusing to write the build result over ${file}: this build reads it. Name a file of its own, e.g. --report build-result.json.${usage}`
        : `policyc: het buildresultaat over ${file} schrijven geweigerd: deze build leest dat bestand. Noem een eigen bestand, bijvoorbeeld --report build-result.json.${gebruik}`,
    );
    expect(contents(work)).toEqual(before);
    expect(existsSync(path.join(work, 'dist'))).toBe(false);
  });

  it.each(['en', 'nl'])(
    'any other file that is not a build result (package.json, in %s): exit 2, nothing written',
    async (lang) => {
      const work = site();
      const before = contents(work);
      const run = await runPolicycInProcess(['build', '--report', 'package.json', '--message-lang', lang], work);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toBe(
        lang === 'en'
          ? `policyc: refusing to write the build result over package.json: it is not a build result policyc wrote, and policyc never overwrites a file it did not write. Name another file, e.g. --report build-result.json, or move it away.${usage}`
          : `policyc: het buildresultaat over package.json schrijven geweigerd: het is geen buildresultaat dat policyc schreef, en policyc overschrijft nooit een bestand dat het niet zelf schreef. Noem een ander bestand, bijvoorbeeld --report build-result.json, of verplaats het.${gebruik}`,
      );
      expect(contents(work)).toEqual(before);
      expect(existsSync(path.join(work, 'dist'))).toBe(false);
    },
  );

  it.each([
    [
      'en',
      "policyc: --report dist/p1/r.json lies in dist/p1, a folder of the output folder dist named as a policy's output folder (a policy id) or as one of policyc's own: policyc writes such a folder whole, so a file it did not write there would stop a build that writes it. Name a file outside it, e.g. --report build-result.json or --report dist/build-result.json.",
    ],
    [
      'nl',
      'policyc: --report dist/p1/r.json ligt in dist/p1, een map van de uitvoermap dist met de naam van de uitvoermap van een beleid (een id) of van een map van policyc zelf: policyc schrijft zo’n map in zijn geheel, dus een bestand dat policyc daar niet schreef, zou een build tegenhouden die die map schrijft. Noem een bestand daarbuiten, bijvoorbeeld --report build-result.json of --report dist/build-result.json.',
    ],
  ])('a file inside the output folder (in %s, cli7 finding 9): exit 2, dist as it was', async (lang, said) => {
    const work = site();
    expect((await runPolicycInProcess(['build'], work)).status).toBe(0);
    const dist = readdirSync(path.join(work, 'dist'), { recursive: true });
    const run = await runPolicycInProcess(['build', '--report', 'dist/p1/r.json', '--message-lang', lang], work);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toBe(said + (lang === 'en' ? usage : gebruik));
    expect(readdirSync(path.join(work, 'dist'), { recursive: true })).toEqual(dist);
  });

  it('a file reached through a symbolic link into dist/p1: refused as dist/p1/r.json is (secondread7 finding 2)', async () => {
    const work = site();
    expect((await runPolicycInProcess(['build'], work)).status).toBe(0);
    symlinkSync(path.join(work, 'dist/p1'), path.join(work, 'rep'));
    const dist = readdirSync(path.join(work, 'dist'), { recursive: true });
    const run = await runPolicycInProcess(['build', '--report', 'rep/r.json'], work);
    expect(run.stderr).toBe(
      `policyc: --report rep/r.json lies in dist/p1, a folder of the output folder dist named as a policy's output folder (a policy id) or as one of policyc's own: policyc writes such a folder whole, so a file it did not write there would stop a build that writes it. Name a file outside it, e.g. --report build-result.json or --report dist/build-result.json.${usage}`,
    );
    expect(run.status).toBe(2);
    expect(readdirSync(path.join(work, 'dist'), { recursive: true })).toEqual(dist);
  });

  it('a file at the root of the output folder: written, and the next build leaves it alone (secondread7 finding 1)', async () => {
    const work = site();
    const first = await runPolicycInProcess(['build', '--report', 'dist/build-result.json'], work);
    expect(first.status, first.stderr).toBe(0);
    const written = readFileSync(path.join(work, 'dist/build-result.json'), 'utf8');
    expect(JSON.parse(written)).toMatchObject({ result: 'built', built: [{ id: 'p1' }] });
    const next = await runPolicycInProcess(['build', '--force'], work);
    expect(next.status, next.stderr).toBe(0);
    expect(readFileSync(path.join(work, 'dist/build-result.json'), 'utf8')).toBe(written);
  });

  it('replaces an earlier build result, and refuses one that only looks like JSON of another kind', async () => {
    const work = site();
    expect((await runPolicycInProcess(['build', '--report', 'build.json'], work)).status).toBe(0);
    const first = JSON.parse(readFileSync(path.join(work, 'build.json'), 'utf8')) as Record<string, unknown>;
    expect(first).toMatchObject({ result: 'built', built: [{ id: 'p1' }] });
    const again = await runPolicycInProcess(['build', '--report', 'build.json'], work);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(work, 'build.json'), 'utf8'))).toMatchObject({
      result: 'built',
      unchanged: [{ id: 'p1' }],
    });
    // A JSON object with a "result" and an "exitCode" but not the rest of a build result is someone else's.
    writeFileSync(path.join(work, 'other.json'), '{ "result": "built", "exitCode": 0 }\n');
    const other = await runPolicycInProcess(['build', '--report', 'other.json'], work);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('refusing to write the build result over other.json');
    expect(readFileSync(path.join(work, 'other.json'), 'utf8')).toBe('{ "result": "built", "exitCode": 0 }\n');
  });
});

describe('build --report where a build finds policies (secondread7 finding 10)', () => {
  it.each(['en', 'nl'])('policies/new/policy.json, not there yet (in %s): exit 2, nothing written', async (lang) => {
    const work = site();
    const run = await runPolicycInProcess(
      ['build', '--report', 'policies/new/policy.json', '--message-lang', lang],
      work,
    );
    expect(run.stderr).toBe(
      lang === 'en'
        ? `policyc: refusing to write the build result to policies/new/policy.json: a build reads a policy.json there as a policy. Name a file of its own, e.g. --report build-result.json.${usage}`
        : `policyc: het buildresultaat naar policies/new/policy.json schrijven geweigerd: een build leest een policy.json op die plek als beleid. Noem een eigen bestand, bijvoorbeeld --report build-result.json.${gebruik}`,
    );
    expect(run.status).toBe(2);
    expect(readdirSync(path.join(work, 'policies'))).toEqual(['p1']);
    expect(existsSync(path.join(work, 'dist'))).toBe(false);
  });

  it('POLICY.json or dist/P1/r.json, in another letter case: refused too, as on a case-insensitive disk they are the same place (secondread8 finding 6)', async () => {
    const work = site();
    const upper = await runPolicycInProcess(['build', '--report', 'policies/new/POLICY.json'], work);
    expect(upper.status).toBe(2);
    expect(upper.stderr).toContain('a build reads a policy.json there as a policy');
    expect(existsSync(path.join(work, 'policies/new'))).toBe(false);
    expect((await runPolicycInProcess(['build'], work)).status).toBe(0);
    const folder = await runPolicycInProcess(['build', '--report', 'dist/P1/r.json'], work);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain('--report dist/P1/r.json lies in dist/P1');
    expect(existsSync(path.join(work, 'dist/P1'))).toBe(false);
  });

  it.each(['en', 'nl'])(
    'dist/.policyc-lock, a name policyc keeps for its own entries (in %s): refused, since a build removes such files (secondread8 nit 8)',
    async (lang) => {
      const work = site();
      expect((await runPolicycInProcess(['build'], work)).status).toBe(0);
      const run = await runPolicycInProcess(['build', '--report', 'dist/.policyc-lock', '--message-lang', lang], work);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        lang === 'en'
          ? `policyc: --report dist/.policyc-lock has a name policyc keeps for its own files in dist (.policyc-…), which a build removes. Name another file, e.g. --report dist/build-result.json.${usage}`
          : `policyc: --report dist/.policyc-lock heeft een naam die policyc voor zijn eigen bestanden in dist gebruikt (.policyc-…), en zulke bestanden ruimt een build op. Noem een ander bestand, bijvoorbeeld --report dist/build-result.json.${gebruik}`,
      );
      expect(existsSync(path.join(work, 'dist/.policyc-lock'))).toBe(false);
    },
  );

  it('another name in a policy folder is not read as a policy: written', async () => {
    const work = site();
    const run = await runPolicycInProcess(['build', '--report', 'policies/p1/build-result.json'], work);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(path.join(work, 'policies/p1/build-result.json'))).toBe(true);
  });
});

describe('build --report naming a folder (cli7 finding 2)', () => {
  it.each(['en', 'nl'])(
    'is refused before building (in %s): exit 2, no temporary file left, dist as it was',
    async (lang) => {
      const work = site();
      expect((await runPolicycInProcess(['build'], work)).status).toBe(0);
      const before = contents(work);
      const dist = readdirSync(path.join(work, 'dist'), { recursive: true });
      const run = await runPolicycInProcess(['build', '--report', 'dist', '--message-lang', lang], work);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toBe(
        lang === 'en'
          ? `policyc: --report names a folder, dist: name a file for the build result, e.g. --report build-result.json.${usage}`
          : `policyc: --report noemt een map, dist: noem een bestand voor het buildresultaat, bijvoorbeeld --report build-result.json.${gebruik}`,
      );
      expect(contents(work)).toEqual(before);
      expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      expect(readdirSync(path.join(work, 'dist'), { recursive: true })).toEqual(dist);
    },
  );

  it('the writer removes its temporary file when the rename fails', () => {
    const work = tmp();
    mkdirSync(path.join(work, 'taken'));
    expect(() => writeBuildResult('taken', work, emptyResult('dist'))).toThrow(/EISDIR/);
    expect(readdirSync(work)).toEqual(['taken']);
  });
});

describe('a build result that cannot be written (cli7 finding 3)', () => {
  const nobody = 65534;
  /** policyc build `args` in `work` as 'nobody', who owns `work` (for whom a folder can be made unwritable). */
  const asNobody = (work: string, args: string[]) => {
    const run = spawnSync(process.execPath, [cliPath, 'build', ...args], {
      cwd: work,
      uid: nobody,
      gid: nobody,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { status: run.status, stderr: run.stderr };
  };
  const ownedByNobody = (): string => {
    const work = site();
    chmodSync(work, 0o755);
    spawnSync('chown', ['-R', `${nobody}:${nobody}`, work]);
    return work;
  };

  it.runIf(nobodyReachesCli())('keeps the exit code of a refused build (73) and says so in a line of its own', () => {
    const work = ownedByNobody();
    chmodSync(work, 0o555);
    const run = asNobody(work, ['--report', 'r.json']);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toMatch(/^policyc: cannot write to .+ \(permission denied\)\. Nothing was written\.$/);
    expect(lines.slice(1)).toEqual([
      'policyc: cannot write the build result to r.json (permission denied); what the build did is said above.',
      '',
    ]);
    expect(run.status).toBe(73);
    expect(readdirSync(work).sort()).toEqual(['package.json', 'policies', 'policyc.config.json']);
  });

  it.runIf(nobodyReachesCli())('after a good build exits 73, not 0 or 1, and says why in the message language', () => {
    const work = ownedByNobody();
    mkdirSync(path.join(work, 'ci'), { mode: 0o555 });
    spawnSync('chown', [`${nobody}:${nobody}`, path.join(work, 'ci')]);
    const run = asNobody(work, ['--report', 'ci/r.json', '--message-lang', 'nl']);
    expect(run.stderr.split('\n').slice(-2)).toEqual([
      'policyc: kan het buildresultaat niet schrijven naar ci/r.json (geen toegang); wat de build deed staat hierboven.',
      '',
    ]);
    expect(run.status).toBe(73);
    expect(existsSync(path.join(work, 'dist/p1/nl/privacy.html'))).toBe(true);
    expect(readdirSync(path.join(work, 'ci'))).toEqual([]);
  });
});

describe('build --report naming a pipe, device or socket (secondread7 finding 3)', () => {
  /** policyc build `args` in `work` as a child process that may not take longer than 20 s: an old run hung here. */
  const bounded = (work: string, args: string[]) =>
    spawnSync(process.execPath, [cliPath, 'build', ...args], {
      cwd: work,
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, NO_COLOR: '1' },
    });

  it.each(['en', 'nl'])('a FIFO nobody writes to (in %s): exit 2 at once, never read, nothing built', (lang) => {
    const work = site();
    expect(spawnSync('mkfifo', [path.join(work, 'r.fifo')]).status).toBe(0);
    const run = bounded(work, ['--report', 'r.fifo', '--message-lang', lang]);
    expect(run.stderr).toBe(
      lang === 'en'
        ? `policyc: --report names r.fifo, which is not a regular file (a pipe, a device or a socket): name a file for the build result, e.g. --report build-result.json.${usage}`
        : `policyc: --report noemt r.fifo, dat geen gewoon bestand is (een pipe, een apparaat of een socket): noem een bestand voor het buildresultaat, bijvoorbeeld --report build-result.json.${gebruik}`,
    );
    expect(run.status).toBe(2);
    expect(existsSync(path.join(work, 'dist'))).toBe(false);
  });

  it('a device (/dev/null): exit 2, said to be no regular file', () => {
    const work = site();
    const run = bounded(work, ['--report', '/dev/null']);
    expect(run.stderr).toBe(
      `policyc: --report names /dev/null, which is not a regular file (a pipe, a device or a socket): name a file for the build result, e.g. --report build-result.json.${usage}`,
    );
    expect(run.status).toBe(2);
    expect(existsSync(path.join(work, 'dist'))).toBe(false);
  });
});

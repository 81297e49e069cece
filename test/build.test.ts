import { existsSync, readdirSync, readFileSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputWriter } from '../src/output/output-writer.js';
import { writeSyntheticCorpus } from './support/bench-corpus.js';
import { repoRoot, runPolicycInProcess } from './support/cli.js';
import { expectGolden } from './support/golden.js';
import { snapshot } from './support/snapshot.js';
import { tempDirs } from './support/temp-dirs.js';

const tmp = tempDirs('policyc-build-');

describe('policyc build', () => {
  it('writes the iPractice notice in both languages, matching the golden files', async () => {
    const out = tmp();
    const run = await runPolicycInProcess(['build', 'policies/ipractice', '--out', out]);
    expect(run.stderr).toContain('Built 1 policy');
    expect(run.status).toBe(0);
    const files = snapshot(out);
    const perLanguage = [
      'privacy.css',
      'privacy.fragment.css',
      'privacy.fragment.html',
      'privacy.html',
      'privacy.md',
      // The groups and data iPractice's notice names under no purpose (officer8 R2).
      'register-without-activity.csv',
      'register.css',
      'register.csv',
      'register.html',
      'register.md',
      'register.xlsx',
    ];
    expect([...files.keys()].sort()).toEqual(
      ['en', 'nl']
        .flatMap((lang) => perLanguage.map((f) => `ipractice/${lang}/${f}`))
        .concat('ipractice/policy.jsonld', 'ipractice/.policyc-manifest.json')
        .sort(),
    );
    for (const [name, bytes] of files) {
      if (!/\/privacy\.(md|html|fragment\.html)$/.test(name)) continue; // the register has golden files of its own
      expectGolden(path.join(repoRoot, 'test/golden/ipractice', name.replace(/^ipractice\//, '')), bytes);
    }
  });

  it('is deterministic: two builds give byte-identical output', async () => {
    const a = tmp();
    const b = tmp();
    expect((await runPolicycInProcess(['build', '--out', a])).status).toBe(0);
    expect((await runPolicycInProcess(['build', '--out', b])).status).toBe(0);
    const left = snapshot(a);
    const right = snapshot(b);
    expect([...left.keys()].sort()).toEqual([...right.keys()].sort());
    for (const [name, bytes] of left) expect(bytes.equals(right.get(name)!), name).toBe(true);
  });

  it('a failing build leaves the previous output untouched and no staging folder behind', async () => {
    const work = tmp();
    cpSync(path.join(repoRoot, 'policies/ipractice'), path.join(work, 'policies/ipractice'), { recursive: true });
    expect((await runPolicycInProcess(['build', '--out', 'dist'], work)).status).toBe(0);
    const before = snapshot(path.join(work, 'dist'));

    // A second, broken policy and a change to the good one: nothing may be written. The broken one sorts
    // after the good one, so the good policy is compiled and staged before the failure is found.
    mkdirSync(path.join(work, 'policies/zz-broken'));
    writeFileSync(path.join(work, 'policies/zz-broken/policy.json'), '{ "id": "broken", ');
    const good = path.join(work, 'policies/ipractice/policy.json');
    writeFileSync(good, readFileSync(good, 'utf8').replace('"version": "2025-02-05"', '"version": "2099-01-01"'));
    const run = await runPolicycInProcess(['build', '--out', 'dist'], work);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^policies\/zz-broken\/policy\.json\n  1:\d+ +error +the file is not valid JSON/m);
    expect(run.stderr).toContain('Nothing was written; dist is unchanged.');

    const after = snapshot(path.join(work, 'dist'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
    expect(readdirSync(path.join(work, 'dist')).filter((n) => n.startsWith('.policyc'))).toEqual([]);
  });

  it('replaces an organisation folder whole, leaving other folders alone', async () => {
    const work = tmp();
    cpSync(path.join(repoRoot, 'policies/ipractice'), path.join(work, 'policies/ipractice'), { recursive: true });
    expect((await runPolicycInProcess(['build'], work)).status).toBe(0);
    mkdirSync(path.join(work, 'dist/other'), { recursive: true });
    writeFileSync(path.join(work, 'dist/other/keep.txt'), 'keep');
    expect((await runPolicycInProcess(['build', '--lang', 'en'], work)).status).toBe(0);
    expect(existsSync(path.join(work, 'dist/ipractice/nl'))).toBe(false);
    expect(readFileSync(path.join(work, 'dist/other/keep.txt'), 'utf8')).toBe('keep');
  });

  it('says what a narrower --lang removed (build and register), and lists it in the report (webdev10, 3)', async () => {
    const work = tmp();
    cpSync(path.join(repoRoot, 'policies/ipractice'), path.join(work, 'policies/ipractice'), { recursive: true });
    expect((await runPolicycInProcess(['build'], work)).status).toBe(0);
    const build = await runPolicycInProcess(['build', '--lang', 'nl', '--report', 'build.json'], work);
    expect(build.status).toBe(0);
    expect(build.stderr).toContain(
      `Removed from ${path.join('dist', 'ipractice')} what this build no longer makes: 11 files in en/. --lang nl makes only`,
    );
    const report = JSON.parse(readFileSync(path.join(work, 'build.json'), 'utf8')) as {
      removedFiles: { id: string; files: string[] }[];
    };
    expect(report.removedFiles.map((r) => [r.id, r.files.length, r.files.every((f) => f.startsWith('en/'))])).toEqual([
      ['ipractice', 11, true],
    ]);
    // register --lang: the registers of the other language go, and the run says which.
    expect((await runPolicycInProcess(['build'], work)).status).toBe(0);
    const register = await runPolicycInProcess(['register', '--lang', 'en'], work);
    expect(register.status).toBe(0);
    // secondread10, 11: a register run called itself "build"; the Dutch "het" named nothing.
    expect(register.stderr).toMatch(/Removed from \S+ what this run of register no longer makes: 6 files in nl\/\./);
    expect(readdirSync(path.join(work, 'dist/ipractice/nl')).filter((f) => f.startsWith('register'))).toEqual([]);
    expect(readdirSync(path.join(work, 'dist/ipractice/nl')).filter((f) => f.startsWith('privacy.')).length).toBe(5);
    expect((await runPolicycInProcess(['build'], work)).status).toBe(0);
    const dutch = await runPolicycInProcess(['register', '--lang', 'nl', '--message-lang', 'nl'], work);
    expect(dutch.stderr).toContain(
      `Verwijderd uit ${path.join('dist', 'ipractice')}: 6 bestanden in en/, die deze run van register niet meer maakt. --lang nl`,
    );
    const dutchBuild = await runPolicycInProcess(['build', '--lang', 'en', '--message-lang', 'nl'], work);
    expect(dutchBuild.stderr).toMatch(/Verwijderd uit \S+: \d+ bestanden in nl\/, die deze build niet meer maakt\./);
    // A build that removes nothing says nothing of it.
    expect((await runPolicycInProcess(['build'], work)).stderr).not.toContain('Removed from');
  });

  it('register --help: --lang removes the registers of another language (what register removes), not all a build made', async () => {
    /** The text of the --lang option in `command`'s help in `lang`, its wrapped lines joined. */
    const langOption = async (command: string, lang: string): Promise<string> => {
      const help = (await runPolicycInProcess([command, '--help', '--message-lang', lang], tmp())).stdout;
      return /--lang <\S+>\s+(.*?)\s+--strict/s.exec(help)![1]!.replace(/\s+/g, ' ');
    };
    expect(await langOption('register', 'en')).toMatch(
      /The registers an earlier run made in another language are removed, and the run says so\.$/,
    );
    expect(await langOption('register', 'nl')).toMatch(
      /De registers die een eerdere run in een andere taal maakte, worden verwijderd, en de run zegt dat\.$/,
    );
    expect(await langOption('build', 'en')).toMatch(/What an earlier build made in another language is removed/);
  });

  it('--lang limits the languages built', async () => {
    const out = tmp();
    expect((await runPolicycInProcess(['build', '--out', out, '--lang', 'en'])).status).toBe(0);
    expect(readdirSync(path.join(out, 'ipractice')).sort()).toEqual(['.policyc-manifest.json', 'en', 'policy.jsonld']);
  });
});

describe('policyc build of many policies', { timeout: 120_000 }, () => {
  /** A corpus from the benchmark generator, in its own folder. */
  async function corpus(count: number): Promise<string> {
    const dir = tmp();
    await writeSyntheticCorpus(dir, count);
    return dir;
  }

  it('gives the same bytes on one thread and on a worker pool', async () => {
    const dir = await corpus(16);
    const one = await runPolicycInProcess(['build', '--out', 'one', '--jobs', '1'], dir);
    const two = await runPolicycInProcess(['build', '--out', 'two', '--jobs', '2'], dir);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stderr).toContain('Built 16 policies');
    // The report, written as results arrive, is the same too (only the output folder's name differs).
    expect(two.stderr.replace(/ into two:/, ' into one:')).toBe(one.stderr);
    const a = snapshot(path.join(dir, 'one'));
    const b = snapshot(path.join(dir, 'two'));
    expect(a.size).toBe(16 * 22); // 21 outputs (10 per language and policy.jsonld) and the manifest
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) expect(b.get(name)!.equals(bytes), name).toBe(true);
  });

  it('refuses two policies with the same id, naming the first, and writes nothing', async () => {
    const dir = await corpus(10);
    const twin = path.join(dir, 'policies/zz-twin');
    mkdirSync(twin);
    writeFileSync(path.join(twin, 'policy.json'), readFileSync(path.join(dir, 'policies/clinic-00003/policy.json')));
    const run = await runPolicycInProcess(['build', '--jobs', '2'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^policies\/zz-twin\/policy\.json\n(?:.*\n)*? +\d+:\d+ +error +another policy already has the id "clinic-00003" \(policies\/clinic-00003\/policy\.json\)  build\/duplicate-policy-id$/m,
    );
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('a failed build removes the folders it made for a nested --out, and only those', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'policies/broken'), { recursive: true });
    const broken = '{\n  "id": "broken",\n}\n';
    writeFileSync(path.join(dir, 'policies/broken/policy.json'), broken);
    const run = await runPolicycInProcess(['build', '--out', 'out1/sub/dist'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'policies/broken/policy.json\n  2:17  error    the file is not valid JSON: no comma may follow the last item',
    );
    expect(readdirSync(dir)).toEqual(['policies']);
    // A parent that was there stays, with what it holds; only the folders below it that the build made go.
    mkdirSync(path.join(dir, 'site'));
    writeFileSync(path.join(dir, 'site/index.html'), '<!doctype html>');
    expect((await runPolicycInProcess(['build', '--out', 'site/privacy/dist'], dir)).status).toBe(1);
    expect(readdirSync(path.join(dir, 'site'))).toEqual(['index.html']);
  });

  it('rejects a bad --jobs value', async () => {
    const run = await runPolicycInProcess(['build', '--jobs', '0']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--jobs must be a whole number of 1 or more, not "0"');
  });

  it.each([
    [['--lang', 'de'], 'unknown language "de" (use nl or en)'],
    [['--heading-level', '9'], '--heading-level'],
    [['--id-prefix', '1 2'], '--id-prefix'],
  ])(
    'a bad flag (%j) is a usage error before anything is written: no output folder, lock or staging folder',
    async (flags, message) => {
      const out = path.join(tmp(), 'dist');
      const run = await runPolicycInProcess(['build', 'policies/ipractice', '--out', out, ...flags]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(message);
      expect(existsSync(out), 'the output folder').toBe(false);
    },
  );

  it('takes {lang} in the id prefix, from the flag and from policyc.config.json: each fragment its language', async () => {
    const dir = tmp();
    cpSync(path.join(repoRoot, 'policies/ipractice'), path.join(dir, 'policies/ipractice'), { recursive: true });
    const top = (lang: string): string =>
      /<h2 id="([^"]*)">/.exec(
        readFileSync(path.join(dir, `dist/ipractice/${lang}/privacy.fragment.html`), 'utf8'),
      )![1]!;
    expect((await runPolicycInProcess(['build', '--id-prefix', 'privacy-{lang}-'], dir)).status).toBe(0);
    expect([top('nl'), top('en')]).toEqual(['privacy-nl-top', 'privacy-en-top']);
    writeFileSync(path.join(dir, 'policyc.config.json'), JSON.stringify({ idPrefix: '{lang}-notice-' }));
    expect((await runPolicycInProcess(['build', '--force'], dir)).status).toBe(0);
    expect([top('nl'), top('en')]).toEqual(['nl-notice-top', 'en-notice-top']);
  });
});

describe('OutputWriter', () => {
  it('refuses paths that leave the output folder', () => {
    const out = tmp();
    const writer = new OutputWriter(out);
    for (const bad of ['../escape.txt', 'org/../../escape.txt', '/etc/passwd', '.hidden/x', 'Org/x']) {
      expect(() => writer.stage([{ path: bad, contents: 'x' }]), bad).toThrow(
        /refusing to write outside the output folder/,
      );
    }
    writer.abort();
    expect(existsSync(path.join(out, '..', 'escape.txt'))).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });
});

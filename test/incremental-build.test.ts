import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheKeys, extendsNothing, guessPolicyId, policyBytes } from '../src/output/build-cache.js';
import { repoRoot, runPolicycInProcess } from './support/cli.js';

/**
 * The incremental build: a policy whose text, tool and options are unchanged
 * since the last build keeps its organisation folder as it is (the manifest's
 * cacheKey says so), and the build's output and report are byte-identical to
 * a full one.
 */
let work: string;
const ids = ['inc-a', 'inc-b', 'inc-c'];
const seed = readFileSync(path.join(repoRoot, 'policies/ipractice/policy.json'), 'utf8');

/** The seed policy with `id` and `extra` after its controller's name, as <dir>/policies/<folder>/policy.json. */
function writePolicy(id: string, extra = '', dir = work, folder = id): void {
  const policy = JSON.parse(seed) as { id: string; controller: { name: string } };
  policy.id = id;
  policy.controller.name += extra;
  mkdirSync(path.join(dir, 'policies', folder), { recursive: true });
  writeFileSync(path.join(dir, 'policies', folder, 'policy.json'), JSON.stringify(policy, null, 2));
}

/** Every file under a folder with its bytes, by relative path. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string): void => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else out[rel] = readFileSync(path.join(dir, rel)).toString('base64');
    }
  };
  walk('');
  return out;
}

const folderInode = (out: string, id: string): number => statSync(path.join(out, id)).ino;

async function build(out: string, ...args: string[]) {
  const run = await runPolicycInProcess(['build', 'policies', '--out', out, '--format', 'json', ...args], work);
  expect(run.status, run.stderr).toBe(0);
  return run;
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'policyc-incremental-'));
  for (const id of ids) writePolicy(id);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

// Each test runs several CLI builds: give them time on a shared machine.
const BUILDS_TIMEOUT = 180_000;

describe('incremental build', () => {
  it(
    'writes a manifest with the files, a cache key and the diagnostics into each organisation folder',
    async () => {
      await build('dist');
      const manifest = JSON.parse(readFileSync(path.join(work, 'dist/inc-a/.policyc-manifest.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(manifest.generator).toBe('policyc');
      expect(manifest.cacheKey).toMatch(/^[0-9a-f]{64}$/);
      expect(manifest.files).toEqual(
        Object.keys(snapshot(path.join(work, 'dist/inc-a')))
          .filter((f) => f !== '.policyc-manifest.json')
          .sort(),
      );
    },
    BUILDS_TIMEOUT,
  );

  it(
    'rebuilds only the organisation whose policy changed, with the same report and bytes as a full build',
    async () => {
      await build('dist');
      const before = Object.fromEntries(ids.map((id) => [id, folderInode(path.join(work, 'dist'), id)]));
      writePolicy('inc-b', ' (gewijzigd)');
      const incremental = await build('dist');
      expect(incremental.stderr).toMatch(
        /(^|\n)Built 1 policy into dist: \d+ files\.\n2 other policies were unchanged since the last build: their output was left as it was \(--force rebuilds them\)\.\n$/,
      );
      expect(folderInode(path.join(work, 'dist'), 'inc-a')).toBe(before['inc-a']);
      expect(folderInode(path.join(work, 'dist'), 'inc-c')).toBe(before['inc-c']);
      expect(folderInode(path.join(work, 'dist'), 'inc-b')).not.toBe(before['inc-b']);
      expect(readFileSync(path.join(work, 'dist/inc-b/nl/privacy.md'), 'utf8')).toContain('(gewijzigd)');

      const full = await build('full');
      expect(full.stderr).not.toContain('unchanged');
      expect(snapshot(path.join(work, 'dist'))).toEqual(snapshot(path.join(work, 'full')));
      expect(incremental.stdout).toBe(full.stdout); // the same diagnostics and findings, as JSON
    },
    BUILDS_TIMEOUT,
  );

  it(
    'rebuilds everything with --force, after a change of options, or when a listed file is missing',
    async () => {
      await build('dist');
      const inode = () => folderInode(path.join(work, 'dist'), 'inc-a');
      let before = inode();
      await build('dist', '--force');
      expect(inode()).not.toBe(before);

      before = inode();
      await build('dist', '--bom');
      expect(inode()).not.toBe(before);
      expect(readFileSync(path.join(work, 'dist/inc-a/nl/register.csv'))[0]).toBe(0xef);

      rmSync(path.join(work, 'dist/inc-c/en/register.xlsx'));
      const run = await build('dist', '--bom');
      expect(run.stderr).toContain('2 other policies were unchanged');
      expect(statSync(path.join(work, 'dist/inc-c/en/register.xlsx')).size).toBeGreaterThan(0);
    },
    BUILDS_TIMEOUT,
  );

  it(
    'reports as check does, in the same order, from one thread, a worker pool and the cache',
    async () => {
      // Three policies and two that extend a base (policies/shared/base.json sorts between them).
      for (const name of ['practice-a', 'practice-b', 'shared'])
        cpSync(path.join(repoRoot, 'test/fixtures/extends', name), path.join(work, 'policies', name), {
          recursive: true,
        });
      // Compared as JSON: the text report of check gives a finding repeated in many policies once, a build's each
      // time (folding would hold every finding of a build to its end); JSON is the same list in both.
      const check = await runPolicycInProcess(['check', 'policies', '--format', 'json'], work);
      expect(check.stdout).toContain('"file": "policies/shared/base.json"');
      const build = (out: string) =>
        runPolicycInProcess(
          ['build', 'policies', '--out', out, '--jobs', out === 'one' ? '1' : '2', '--format', 'json'],
          work,
        );
      const one = await build('one');
      const pool = await build('pool');
      const cached = await build('pool');
      expect(cached.stderr).toContain('Nothing to build in pool: the 5 policies were unchanged');
      for (const run of [one, pool, cached]) expect(run.stdout).toBe(check.stdout);
      for (const name of ['practice-a', 'practice-b', 'shared'])
        rmSync(path.join(work, 'policies', name), { recursive: true });
    },
    BUILDS_TIMEOUT,
  );

  it(
    'reports a cached policy with the sentences stored in its language, and writes them anew in another',
    async () => {
      await build('dist', '--force');
      const manifestFile = path.join(work, 'dist/inc-a/.policyc-manifest.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
        texts: { lang: string; findings: { message: string }[] };
      };
      expect(manifest.texts.lang).toBe('en');
      const text = async (args: string[]) =>
        (await runPolicycInProcess(['build', 'policies', '--out', 'dist', ...args], work)).stderr;
      // In the same language the stored sentence is reported as it is (nothing is written again) …
      manifest.texts.findings[0]!.message = 'the sentence stored with the cache';
      writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
      expect(await text([])).toContain('the sentence stored with the cache');
      // … and in another language each message is written from its id and values, as a full build does.
      const dutch = await text(['--message-lang', 'nl']);
      expect(dutch).not.toContain('the sentence stored with the cache');
      // The closing lines too (locales/nl/report.json).
      expect(dutch).toContain(
        'Niets te compileren in dist: de 3 beleidsbestanden waren sinds de vorige build niet veranderd',
      );
      const report = (stderr: string) =>
        stderr.replace(/^(\d+ beleidsbestanden gecompileerd|Niets te compileren) .*\n/gm, '');
      expect(report(dutch)).toBe(report(await text(['--message-lang', 'nl', '--force'])));
    },
    BUILDS_TIMEOUT,
  );
});

describe('an incremental build of many policies', () => {
  it(
    'takes a changed first policy’s result while reporting the cached ones after it, as a full build reports',
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'policyc-many-'));
      const write = (n: number, extra = '') => writePolicy(`many-${String(n).padStart(2, '0')}`, extra, dir);
      // More candidates than one turn of the cache (32), on a pool of two workers.
      for (let n = 0; n < 40; n++) write(n);
      const run = async (out: string, ...args: string[]) => {
        const result = await runPolicycInProcess(['build', 'policies', '--out', out, '--jobs', '2', ...args], dir);
        expect(result.status, result.stderr).toBe(0);
        return result.stderr;
      };
      await run('dist');
      write(0, ' (gewijzigd)');
      const incremental = await run('dist');
      expect(incremental).toContain('39 other policies were unchanged');
      const full = await run('full');
      const report = (stderr: string) => stderr.replace(/^(Built|\d+ other polic(y|ies)) .*\n/gm, '');
      expect(report(incremental)).toBe(report(full));
      // Every policy reported: a finding repeated in all 40 in full once, at the first, and a reference to it in the
      // part of each other (platform review 2; officer11, F5).
      const parts = report(full).split('\n\n');
      for (let n = 1; n < 40; n++) {
        const part = parts.find((p) => p.startsWith(`policies/many-${String(n).padStart(2, '0')}/policy.json\n`));
        expect(part).toContain('The same finding as under policies/many-00/policy.json above: ');
      }
      expect(snapshot(path.join(dir, 'dist'))).toEqual(snapshot(path.join(dir, 'full')));
      rmSync(dir, { recursive: true, force: true });
    },
    BUILDS_TIMEOUT,
  );
});

describe('an incremental build with a duplicate id', () => {
  it(
    'reports a cached policy whose id another policy now has at its id’s position, as a full build does',
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'policyc-dup-'));
      const write = (folder: string, extra: string) => writePolicy('shared-id', extra, dir, folder);
      const build = async (...args: string[]) =>
        (await runPolicycInProcess(['build', 'policies', '--out', 'dist', '--format', 'compact', ...args], dir)).stderr;
      write('c', '');
      await build();
      write('a', ' A'); // sorts first: the cached policy c is now the second with the id
      const incremental = await build();
      const full = await build('--force');
      expect(full).toContain('policies/c/policy.json:3:9 error /id another policy already has the id "shared-id"');
      expect(incremental).toBe(full);
      rmSync(dir, { recursive: true, force: true });
    },
    BUILDS_TIMEOUT,
  );
});

describe('the cache look-up without parsing', () => {
  const bytes = (text: string) => Buffer.from(text);

  it('takes the first top-level "id" of a text as its guess, and nothing nested, escaped or malformed', () => {
    expect(guessPolicyId(bytes('{\n  "$schema": "x.json",\n  "id": "inc-a",\n  "metadata": {}\n}'))).toBe('inc-a');
    expect(guessPolicyId(bytes('{"controller": {"id": "nested"}, "id": "outer"}'))).toBeUndefined();
    expect(guessPolicyId(bytes('{"list": [{"id": "in-list"}], "id": "outer"}'))).toBeUndefined();
    expect(guessPolicyId(bytes('{"note": "a \\"{\\" in a string", "id": "after-string"}'))).toBe('after-string');
    expect(guessPolicyId(bytes('{"note": "{\\"id\\": \\"quoted\\"}", "id": "real"}'))).toBe('real');
    expect(guessPolicyId(bytes('{"id": "Not-An-Id"}'))).toBeUndefined();
    expect(guessPolicyId(bytes('{"id": "a\\u0062c"}'))).toBeUndefined();
  });

  it('finds the id after multi-byte UTF-8 text, and not inside a string of it', () => {
    expect(guessPolicyId(bytes('{"name": "Zorg café — “ü” 🙂", "id": "after-multibyte-text"}'))).toBe(
      'after-multibyte-text',
    );
    expect(guessPolicyId(bytes('{"name": "é\\" \\"id\\": \\"inside\\"", "id": "outside"}'))).toBe('outside');
  });

  it('keeps no file head alive through a guessed id (built code, a heap snapshot in a child process)', () => {
    // A build holds every guessed id until it commits. An id cut out of the decoded head with a string
    // method is a slice that keeps the whole head alive (V8 slices substrings of 13 characters or more).
    const probe = `
      import v8 from 'node:v8';
      const { guessPolicyId } = await import(${JSON.stringify(pathToFileURL(path.join(repoRoot, 'lib/output/build-cache.js')).href)});
      const ids = [];
      for (let i = 0; i < 50; i++)
        ids.push(guessPolicyId(Buffer.from('{"id": "kept-id-number-' + i + '", "padding": "' + 'q'.repeat(4000) + '"}')));
      let json = '';
      for await (const chunk of v8.getHeapSnapshot()) json += chunk;
      const { snapshot, nodes, strings } = JSON.parse(json);
      const fields = snapshot.meta.node_fields, types = snapshot.meta.node_types[0];
      const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
      let heads = 0;
      for (let i = 0; i < nodes.length; i += fields.length)
        if (types[nodes[i + type]] === 'string' && nodes[i + size] >= 4000 && strings[nodes[i + name]].startsWith('{"id": "kept-id-number-')) heads++;
      console.log(JSON.stringify({ ids: new Set(ids).size, heads }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const { ids: distinct, heads } = JSON.parse(run.stdout) as { ids: number; heads: number };
    expect(distinct).toBe(50);
    // Each of the 50 heads is garbage; V8 may still hold the last one or two (the last RegExp input).
    expect(heads).toBeLessThan(5);
  });

  it('knows a text extends nothing only when no key could be "extends"', () => {
    expect(extendsNothing(bytes('{"id": "a"}'))).toBe(true);
    expect(extendsNothing(bytes('{"id": "a", "extends": "../b.json"}'))).toBe(false);
    expect(extendsNothing(bytes('{"id": "a", "ext\\u0065nds": "../b.json"}'))).toBe(false);
    // Found by its tail 'xtends"', which counts only after '"e'.
    expect(extendsNothing(bytes('"extends"'))).toBe(false);
    expect(extendsNothing(bytes('{"xtends": 1, "pretends": 2, "Extends": 3}'))).toBe(true);
    expect(extendsNothing(bytes('{"xtends": 1, "extends": "../b.json"}'))).toBe(false);
  });

  it('reads each policy into one buffer: the bytes of the file just read, however long, until the next read', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'policyc-bytes-'));
    const files = { long: 'x'.repeat(300_000), short: '{"id": "a"}', empty: '' };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    for (const name of ['short', 'long', 'short', 'empty', 'long'] as const)
      expect(policyBytes(path.join(dir, name))?.toString()).toBe(files[name]);
    expect(policyBytes(path.join(dir, 'missing'))).toBeUndefined();
    expect(policyBytes(dir)).toBeUndefined(); // a folder
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives each policy the key of its own inputs, whatever was keyed before with the same options', () => {
    const options = { version: '1', csvBom: false, acknowledged: [] };
    const keyOf = cacheKeys(['settings'], options);
    const a = keyOf([Buffer.from('policy a')]);
    expect(keyOf([Buffer.from('policy b')])).not.toBe(a);
    expect(keyOf([Buffer.from('policy a')])).toBe(a);
    expect(cacheKeys(['settings'], options)([Buffer.from('policy a')])).toBe(a);
    expect(cacheKeys(['other settings'], options)([Buffer.from('policy a')])).not.toBe(a);
    expect(cacheKeys(['settings'], { ...options, csvBom: true })([Buffer.from('policy a')])).not.toBe(a);
    expect(keyOf([Buffer.from('policy a'), 'a base'])).not.toBe(a);
  });

  it(
    'can only miss on a wrong guess: a policy whose first id is another policy’s is compiled, not taken from that cache',
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'policyc-guess-'));
      const policy = JSON.parse(seed) as Record<string, unknown>;
      const write = (name: string, text: string) => {
        mkdirSync(path.join(dir, 'policies', name), { recursive: true });
        writeFileSync(path.join(dir, 'policies', name, 'policy.json'), text);
      };
      write('a', JSON.stringify({ ...policy, id: 'guess-a' }, null, 2));
      const first = await runPolicycInProcess(['build', 'policies', '--out', 'dist', '--format', 'json'], dir);
      expect(first.status, first.stderr).toBe(0);
      expect(readdirSync(path.join(dir, 'dist')).sort()).toEqual(['guess-a']);
      // Two "id" members: the guess takes the first; the policy is refused (json/duplicate-key), which it would
      // not be if it were taken from guess-a's cache.
      const twoIds = JSON.stringify({ ...policy, id: 'guess-b' }, null, 2).replace('{', '{\n  "id": "guess-a",');
      write('b', twoIds);
      const second = await runPolicycInProcess(['build', 'policies', '--out', 'dist', '--format', 'json'], dir);
      expect(second.status).toBe(1);
      const found = JSON.parse(second.stdout) as { ruleId: string; file: string }[];
      expect(found.filter((d) => d.file === 'policies/b/policy.json').map((d) => d.ruleId)).toEqual([
        'json/duplicate-key',
      ]);
      rmSync(dir, { recursive: true, force: true });
    },
    BUILDS_TIMEOUT,
  );
});

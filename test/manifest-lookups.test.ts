import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';
// The compiled module: its worker thread runs lib/output/manifest-lookup-worker.js.
import { ManifestLookups } from '../lib/output/manifest-lookups.js';
import { cachedPolicy, matchingManifest } from '../src/output/build-cache.js';

/**
 * The cache look-ups of a build answer the same on a worker thread as on the
 * calling thread, in the order they were added: a folder matches only when
 * its manifest is a file, holds the key and lists only files that are there.
 */
let out: string;
const KEY = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

function organisation(
  id: string,
  key: string,
  files: string[],
  manifestAs: 'file' | 'link' = 'file',
  cached: object = { diagnostics: [], findings: [] },
): void {
  const dir = path.join(out, id);
  mkdirSync(path.join(dir, 'en'), { recursive: true });
  for (const file of files) writeFileSync(path.join(dir, file), file);
  const manifest = JSON.stringify({ cacheKey: key, ...cached, generator: 'policyc', files: ['en/a.html', 'b.json'] });
  if (manifestAs === 'file') writeFileSync(path.join(dir, '.policyc-manifest.json'), manifest);
  else {
    writeFileSync(path.join(out, `${id}.json`), manifest);
    symlinkSync(path.join(out, `${id}.json`), path.join(dir, '.policyc-manifest.json'));
  }
}

/** 100 organisations, every fifth of which does not match for one of four reasons. */
const ids = Array.from({ length: 100 }, (_, i) => `org-${String(i).padStart(3, '0')}`);
beforeAll(() => {
  out = mkdtempSync(path.join(os.tmpdir(), 'policyc-lookups-'));
  ids.forEach((id, i) => {
    const all = ['en/a.html', 'b.json'];
    if (i % 20 === 5)
      organisation(id, OTHER, all); // another key
    else if (i % 20 === 10)
      organisation(id, KEY, ['b.json']); // a listed file is missing
    else if (i % 20 === 15)
      organisation(id, KEY, all, 'link'); // the manifest is a link
    else if (i % 20 !== 0) organisation(id, KEY, all); // i % 20 === 0: no folder at all
  });
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every look-up's answer, and whether a worker gave them (it was started and did not fail). */
async function answers(lookups: ManifestLookups): Promise<{ all: (string | undefined)[]; onWorker: boolean }> {
  for (const id of ids) lookups.add(id, KEY);
  const all: (string | undefined)[] = [];
  for (const _ of ids) all.push(await lookups.next());
  const state = lookups as unknown as { worker?: unknown; failed: boolean };
  const onWorker = state.worker !== undefined && !state.failed;
  await lookups.close();
  return { all, onWorker };
}

describe('manifest look-ups', () => {
  it('match only a manifest file with the key whose files are all there', () => {
    const matched = ids.filter((id) => matchingManifest(out, id, KEY) !== undefined);
    expect(matched).toHaveLength(80);
    expect(matched).not.toContain('org-005');
    expect(matched).not.toContain('org-010');
    expect(matched).not.toContain('org-015');
    expect(matched).not.toContain('org-000');
    expect(JSON.parse(matchingManifest(out, 'org-001', KEY)!)).toMatchObject({ cacheKey: KEY });
  });

  it('answer the same, in order, on a worker thread as on this thread', async () => {
    const expected = ids.map((id) => matchingManifest(out, id, KEY));
    expect(await answers(new ManifestLookups(out, { minForWorker: Number.MAX_SAFE_INTEGER }))).toEqual({
      all: expected,
      onWorker: false,
    });
    // With a worker from the first look-up (it reads at most 64 ahead of those taken).
    expect(await answers(new ManifestLookups(out, { minForWorker: 1 }))).toEqual({ all: expected, onWorker: true });
  });

  it('leave the look-ups to this thread when the worker fails', async () => {
    const lookups = new ManifestLookups(out, { minForWorker: 1 });
    for (const id of ids) lookups.add(id, KEY);
    const first = await lookups.next();
    // @ts-expect-error the worker is private: stopped here as a crash would stop it
    await (lookups.worker as { terminate(): Promise<number> }).terminate();
    const rest: (string | undefined)[] = [];
    for (const _ of ids.slice(1)) rest.push(await lookups.next());
    await lookups.close();
    expect([first, ...rest]).toEqual(ids.map((id) => matchingManifest(out, id, KEY)));
  });

  it('answer a text or compact report without messageId and data, and the same otherwise', () => {
    const finding = {
      ruleId: 'dpo/contact-missing',
      severity: 'error',
      messageId: 'rules:dpo/contact-missing.message',
      data: { category: { nl: 'Telefoonnummers', en: 'Phone numbers' } },
      file: '',
      pointer: '/dpo/contact',
      line: 52,
      column: 10,
      hint: { messageId: 'rules:dpo/contact-missing.hint' },
      acknowledged: { reason: 'known', source: 'config' },
    };
    const texts = {
      lang: 'en',
      diagnostics: [],
      findings: [{ message: 'No contact.', suggestion: 'Add one.', reason: 'Known.' }],
    };
    organisation('lean', KEY, ['en/a.html', 'b.json'], 'file', { diagnostics: [], findings: [finding], texts });
    const full = cachedPolicy(matchingManifest(out, 'lean', KEY)!, 'lean', KEY, 'p/policy.json', 'en');
    const lean = cachedPolicy(matchingManifest(out, 'lean', KEY, 'en')!, 'lean', KEY, 'p/policy.json', 'en');
    const { messageId: _m, data: _d, ...shown } = { ...finding, file: 'p/policy.json' };
    expect(full?.findings).toEqual([{ ...finding, file: 'p/policy.json' }]);
    expect(lean).toEqual({ ...full, findings: [shown] });
    // Sentences stored in another language are written from messageId and data: the answer is the manifest as it is.
    expect(matchingManifest(out, 'lean', KEY, 'nl')).toBe(matchingManifest(out, 'lean', KEY));
  });

  it('never keep a process alive that stops taking them (a build failing half-way ends)', () => {
    // A script file, not --eval: a worker inherits node's flags, and --input-type fails it.
    const script = path.join(out, 'stop-taking.mjs');
    writeFileSync(
      script,
      `const { ManifestLookups } = await import(${JSON.stringify(path.join(repoRoot, 'lib/output/manifest-lookups.js'))});
      const lookups = new ManifestLookups(${JSON.stringify(out)}, { minForWorker: 1 });
      for (let i = 0; i < 100; i++) lookups.add('org-' + String(i).padStart(3, '0'), ${JSON.stringify(KEY)});
      const first = await lookups.next();
      console.log(first === undefined ? 'none' : 'found', lookups.failed ? 'failed' : 'on the worker');`,
    );
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.error).toBeUndefined(); // no timeout: the 99 look-ups never taken do not hold the process
    expect(run.stdout).toBe('none on the worker\n'); // org-000 has no folder
    expect(run.status).toBe(0);
  });
});

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedPolicy, manifestExtras, storedKey } from '../src/output/build-cache.js';
import { giveTexts } from '../src/diagnostics/render-message.js';
import { MANIFEST_NAME, manifestText, readManifest } from '../src/output/output-ownership.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * The manifest as a build writes and reads it: one line of ASCII JSON (a
 * build reads every organisation's manifest, and indenting made a fifth of
 * its bytes), read in one call that neither follows a link nor waits on a
 * named pipe. A manifest indented as earlier versions wrote it still reads.
 */
const tempDir = tempDirs('policyc-manifest-');
const KEY = 'a'.repeat(64);
const finding = {
  ruleId: 'dpo/contact-missing',
  severity: 'error',
  messageId: 'rules:dpo/contact-missing.message',
  data: { category: { nl: 'Gegevens voor enquêtes', en: 'Survey data' } },
  file: '',
  pointer: '/dpo/contact',
  line: 52,
  column: 10,
};
const extras = {
  cacheKey: KEY,
  diagnostics: [],
  findings: [finding],
  texts: { lang: 'en', diagnostics: [], findings: [{ message: 'A stored sentence.' }] },
  source: '../policies/org/policy.json',
  id: 'org',
};
/** The policy a cache look-up is for: id org, made from policies/org/policy.json beside the output folder. */
const policy = (key = KEY) => ({ id: 'org', key, source: '../policies/org/policy.json' });

/** An organisation folder `org` in a new output folder, with `manifest` (if any) as its manifest and `files` (empty). */
function orgFolder(manifest?: string, files: string[] = ['en/a.md']): { out: string; folder: string } {
  const out = tempDir();
  const folder = path.join(out, 'org');
  for (const file of files) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), '');
  }
  if (manifest !== undefined) writeFileSync(path.join(folder, MANIFEST_NAME), manifest);
  return { out, folder };
}

describe('the manifest', () => {
  it('records each file’s SHA-256 last, in the order of the files, for listed files only, the same whatever the order given', () => {
    const hash = (text: string) => createHash('sha256').update(text).digest('hex');
    const sha256 = { 'en/b.md': hash('b'), [MANIFEST_NAME]: hash('m'), 'en/a.md': hash('a'), 'gone.md': hash('g') };
    const text = manifestText(['en/b.md', 'en/a.md', MANIFEST_NAME], { ...extras, sha256 });
    const reversed = Object.fromEntries(Object.entries(sha256).reverse());
    expect(manifestText([MANIFEST_NAME, 'en/a.md', 'en/b.md'], { ...extras, sha256: reversed })).toBe(text);
    expect(text.startsWith(`{"cacheKey":"${KEY}",`)).toBe(true);
    expect(text.endsWith(`"sha256":{"en/a.md":"${hash('a')}","en/b.md":"${hash('b')}"}}\n`)).toBe(true);
    const { folder } = orgFolder(text);
    expect(readManifest(folder)?.sha256).toEqual({ 'en/a.md': hash('a'), 'en/b.md': hash('b') });
  });

  it('is written as one line of ASCII JSON, the cache key first and the generator and files last', () => {
    const text = manifestText(['en/b.md', 'en/a.md', MANIFEST_NAME], extras);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.trimEnd()).not.toContain('\n');
    expect(text).toMatch(/^[\x20-\x7e]*\n$/);
    expect(text).toContain('"Gegevens voor enqu\\u00eates"');
    expect(text.startsWith(`{"cacheKey":"${KEY}",`)).toBe(true);
    expect(JSON.parse(text)).toEqual({ ...extras, generator: 'policyc', files: ['en/a.md', 'en/b.md'] });
  });

  it('is read, key and all, whether written on one line or indented as by earlier versions', () => {
    const manifest = { ...extras, generator: 'policyc', files: ['en/a.md'] };
    for (const text of [manifestText(['en/a.md'], extras), JSON.stringify(manifest, null, 2) + '\n']) {
      const { out, folder } = orgFolder(text);
      expect(readManifest(folder)).toEqual(manifest);
      expect(storedKey(out, 'org')).toBe(KEY);
      const hit = cachedPolicy(out, policy(), 'policies/org/policy.json', 'en');
      expect(hit?.findings).toEqual([{ ...finding, file: 'policies/org/policy.json' }]);
      expect(hit?.texts?.findings).toEqual([{ message: 'A stored sentence.' }]);
      expect(cachedPolicy(out, policy('b'.repeat(64)), 'policies/org/policy.json', 'en')).toBeUndefined();
    }
  });

  it('is a miss when written by a version that recorded no id or source, or made from another file or for another id', () => {
    const { id: _id, source: _source, ...older } = extras;
    const { out } = orgFolder(manifestText(['en/a.md'], older));
    expect(storedKey(out, 'org')).toBe(KEY);
    expect(cachedPolicy(out, policy(), 'policies/org/policy.json', 'en')).toBeUndefined();
    for (const other of [{ source: '../elsewhere/org/policy.json' }, { id: 'org-2' }]) {
      const { out: made } = orgFolder(manifestText(['en/a.md'], { ...extras, ...other }));
      expect(cachedPolicy(made, policy(), 'policies/org/policy.json', 'en')).toBeUndefined();
    }
  });

  it('is a miss, not a failure, when cut short or not policyc’s', () => {
    const text = manifestText(['en/a.md'], extras);
    for (const broken of [text.slice(0, text.length / 2), '', 'null\n', JSON.stringify({ ...extras, files: [] })]) {
      const { out, folder } = orgFolder(broken);
      expect(readManifest(folder)).toBeUndefined();
      expect(cachedPolicy(out, policy(), 'policies/org/policy.json', 'en')).toBeUndefined();
    }
  });

  it('is not read through a symbolic link, even to a manifest policyc wrote', () => {
    const { out: real } = orgFolder(manifestText(['en/a.md'], extras));
    const { out, folder } = orgFolder();
    const linked = path.join(folder, MANIFEST_NAME);
    symlinkSync(path.join(real, 'org', MANIFEST_NAME), linked);
    expect(readManifest(folder)).toBeUndefined();
    expect(storedKey(out, 'org')).toBeUndefined();
    expect(cachedPolicy(out, policy(), 'policies/org/policy.json', 'en')).toBeUndefined();
  });

  it.skipIf(process.platform === 'win32')(
    'reads a named pipe in its place as no manifest, without waiting on it',
    () => {
      const { out, folder } = orgFolder();
      const pipe = path.join(folder, MANIFEST_NAME);
      execFileSync('mkfifo', [pipe]);
      expect(readManifest(folder)).toBeUndefined();
      expect(storedKey(out, 'org')).toBeUndefined();
      expect(cachedPolicy(out, policy(), 'policies/org/policy.json', 'en')).toBeUndefined();
    },
  );
});

describe('the manifest fields of a compiled policy', () => {
  it('copy its diagnostics, so that the build may give the originals their sentences in place', () => {
    const own = { ...finding, file: 'policies/org/policy.json', hint: { messageId: 'diagnostics:didYouMean' } };
    const inBase = {
      ...finding,
      file: 'policies/base.json',
      acknowledged: { reason: { nl: 'Ja', en: 'Yes' }, source: 'policy' as const },
    };
    const texts = [
      { message: 'One.', suggestion: 'Two.' },
      { message: 'Three.', reason: 'Yes' },
    ];
    const result = {
      displayPath: own.file,
      diagnostics: [],
      findings: [own, inBase] as Diagnostic[],
      texts: { diagnostics: [], findings: texts },
    };
    const fields = manifestExtras(KEY, result, 'en');
    const before = JSON.stringify(fields);
    result.findings.forEach((d, i) => giveTexts(d, texts[i]!));
    expect(JSON.stringify(fields)).toBe(before);
    expect(fields.findings.map((d) => d.file)).toEqual(['', 'policies/base.json']);
    expect(fields.findings[1]!.acknowledged).toEqual({ reason: { nl: 'Ja', en: 'Yes' }, source: 'policy' });
  });
});

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticTexts } from '../diagnostics/render-message.js';
import { localesDir, packageRoot, schemaPath, templatesDir } from '../paths.js';
import { readManifest, type Manifest } from './output-ownership.js';
import { parseJsonOnce } from '../load/parse-json-once.js';

/**
 * The incremental build. Each organisation folder a build writes holds
 * `.policyc-manifest.json`: the files policyc made there (see issue 12's
 * ownership contract), a `cacheKey` — a hash of the policy's text, the tool
 * (version, templates, locales, schema) and the options that change output
 * or report (languages, --bom, acknowledged findings from the config) —
 * and the policy's diagnostics, so that a later build with the same key can
 * leave the folder as it is and still report exactly what a full build would.
 * These are the cache's fields of the manifest that output-ownership.ts writes.
 */
type CacheFields = {
  cacheKey: string;
  /** Problems and compliance findings of the policy; its display path (which depends on the working folder) as ''. */
  diagnostics: Diagnostic[];
  findings: Diagnostic[];
  /**
   * Their sentences in the language the build reported in, so that a later
   * build in that language reports them without writing them again.
   */
  texts?: StoredTexts;
};

/** The sentences of a policy's diagnostics and findings in one language (see diagnosticTexts). */
export interface StoredTexts {
  lang: string;
  diagnostics: DiagnosticTexts[];
  findings: DiagnosticTexts[];
}

/** Options that change a policy's output (not --jobs, which never does). */
export interface CacheOptions {
  version: string;
  languages?: readonly string[];
  csvBom: boolean;
  /** Acknowledged findings from the config file: they change the report. */
  acknowledged: readonly unknown[];
}

let fingerprint: string | undefined;

/** The running code: lib/ (or src/ under the tests). */
const codeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A hash of everything besides the policy that its output is made from: the
 * version, the code itself (so that a changed rule or renderer rebuilds even
 * without a new version), templates, locales and the schema. Each file counts
 * by its name, size and modification time, not its bytes: reading some 200
 * files was a twentieth of a cold build, and an edit, a checkout or an
 * install all change the time, so a stale key can only cost a rebuild.
 */
function toolFingerprint(version: string): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256').update(version);
  const add = (file: string): void => {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${path.relative(packageRoot, file)}\0${size}\0${mtimeMs}\0`);
  };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else add(full);
    }
  };
  walk(codeDir);
  walk(templatesDir);
  walk(localesDir);
  add(schemaPath);
  return (fingerprint = hash.digest('hex'));
}

export function cacheKey(text: string, options: CacheOptions): string {
  return createHash('sha256')
    .update(toolFingerprint(options.version))
    .update(
      JSON.stringify({
        languages: options.languages ?? null,
        csvBom: options.csvBom,
        acknowledged: options.acknowledged,
      }),
    )
    .update('\0')
    .update(text)
    .digest('hex');
}

/** The policy's id, read without the full loader; undefined when the text is not a JSON object with a string id. */
export function policyId(text: string): string | undefined {
  try {
    const value = parseJsonOnce(text) as { id?: unknown } | null;
    return typeof value?.id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(value.id) ? value.id : undefined;
  } catch {
    return undefined;
  }
}

/** What a cached organisation gives back instead of compiling. */
export interface CachedPolicy {
  id: string;
  diagnostics: Diagnostic[];
  findings: Diagnostic[];
  /** Their sentences, when the manifest holds them in the language asked for. */
  texts?: { diagnostics: DiagnosticTexts[]; findings: DiagnosticTexts[] };
}

/**
 * The cached result for a policy when its organisation folder in `outDir`
 * was made from the same key and still holds every file the manifest lists.
 */
export function cachedPolicy(
  outDir: string,
  id: string,
  key: string,
  displayPath: string,
  lang: string,
): CachedPolicy | undefined {
  const folder = path.join(outDir, id);
  const manifest = readManifest(folder) as (Manifest & Partial<CacheFields>) | undefined;
  if (
    !manifest ||
    manifest.cacheKey !== key ||
    !Array.isArray(manifest.diagnostics) ||
    !Array.isArray(manifest.findings)
  )
    return undefined;
  if (!manifest.files.every((file) => existsSync(path.join(folder, file)))) return undefined;
  // The display path was stored as '' (in its place, so that reports list the keys in the same order).
  const withPath = (d: Diagnostic): Diagnostic => (d.file === '' ? { ...d, file: displayPath } : d);
  const { diagnostics, findings, texts } = manifest;
  return {
    id,
    diagnostics: diagnostics.map(withPath),
    findings: findings.map(withPath),
    ...(storedTexts(texts, lang, diagnostics.length, findings.length) ?? {}),
  };
}

/** The stored sentences when they are in `lang` and there is one for each diagnostic. */
function storedTexts(
  texts: unknown,
  lang: string,
  diagnostics: number,
  findings: number,
): Pick<CachedPolicy, 'texts'> | undefined {
  const stored = texts as Partial<StoredTexts> | undefined;
  if (
    stored?.lang !== lang ||
    !Array.isArray(stored.diagnostics) ||
    !Array.isArray(stored.findings) ||
    stored.diagnostics.length !== diagnostics ||
    stored.findings.length !== findings
  )
    return undefined;
  return { texts: { diagnostics: stored.diagnostics, findings: stored.findings } };
}

/** The cache's fields for an organisation's manifest. Deterministic: no clock, no local paths. */
export function manifestExtras(
  key: string,
  result: {
    displayPath: string;
    diagnostics: readonly Diagnostic[];
    findings: readonly Diagnostic[];
    texts?: { diagnostics: DiagnosticTexts[]; findings: DiagnosticTexts[] };
  },
  lang: string,
): CacheFields {
  const withoutPath = (d: Diagnostic): Diagnostic => (d.file === result.displayPath ? { ...d, file: '' } : d);
  return {
    cacheKey: key,
    diagnostics: result.diagnostics.map(withoutPath),
    findings: result.findings.map(withoutPath),
    ...(result.texts ? { texts: { lang, ...result.texts } } : {}),
  };
}

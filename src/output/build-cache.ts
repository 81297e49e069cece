import { createHash } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ID_LINE, isFreshBundle } from '../code-cache.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticTexts } from '../diagnostics/render-message.js';
import {
  codeDir,
  generatedTemplatesPath,
  generatedValidatorPath,
  localesDir,
  packageRoot,
  schemaPath,
  templatesDir,
} from '../paths.js';
import {
  currentHash,
  MANIFEST_NAME,
  manifestTime,
  READ_NO_FOLLOW,
  readManifest,
  type Manifest,
} from './output-ownership.js';
import { parseJsonOnce } from '../load/parse-json-once.js';
import type { IdPosition } from '../pipeline/compile-policy.js';

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
  /** Where the policy writes its id: a later policy with the same id is reported there, cached or not. */
  idPosition?: IdPosition;
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
  /**
   * Acknowledged findings from the config file: they change the report, the register (its assessments) and the
   * notice — a retention rule whose too-short finding is acknowledged is stated as written, without the law's
   * minimum beside it in the table, and its purpose cards give its period instead of pointing to the table
   * (analysePolicy sets the model's acknowledgedFindings; policy/retention-minimum.ts minimumsFailedBy).
   */
  acknowledged: readonly unknown[];
}

let fingerprint: string | undefined;

/** Files in lib/ that no output depends on: type declarations, V8's code caches (half the files there) and tsc's build record. */
const UNUSED_AT_RUN_TIME = /\.d\.ts$|\.v8cache$|\.tsbuildinfo$/;

/**
 * A hash of everything besides the policy that its output is made from: the
 * version, the code itself (so that a changed rule or renderer rebuilds even
 * without a new version; not its type declarations), templates, locales and the schema. Each file counts
 * by its name, size and modification time, not its bytes: reading some 200
 * files was a twentieth of a cold build, and an edit, a checkout or an
 * install all change the time, so a stale key can only cost a rebuild.
 */
function toolFingerprint(version: string): string {
  if (fingerprint) return fingerprint;
  // One string, hashed once; each file's path relative to the package built from its folder's (path.relative
  // per file, a hash update per file and path.join were half of this function's time in a cold build).
  let files = '';
  const add = (file: string, relative: string): void => {
    const { size, mtimeMs } = statSync(file);
    files += `${relative}\0${size}\0${mtimeMs}\0`;
  };
  const walk = (dir: string, relative: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = dir + path.sep + entry.name;
      const inPackage = relative + path.sep + entry.name;
      if (entry.isDirectory()) walk(full, inPackage);
      else if (!UNUSED_AT_RUN_TIME.test(entry.name)) add(full, inPackage);
    }
  };
  const bundles = bundleIds();
  if (bundles === undefined) walk(codeDir, path.relative(packageRoot, codeDir));
  else {
    files += bundles;
    for (const file of [generatedValidatorPath, generatedTemplatesPath]) add(file, path.relative(packageRoot, file));
  }
  for (const dir of [templatesDir, localesDir]) walk(dir, path.relative(packageRoot, dir));
  add(schemaPath, path.relative(packageRoot, schemaPath));
  return (fingerprint = createHash('sha256').update(version).update(files).digest('hex'));
}

/** The bundled CLI's files that hold its code (scripts/bundle-cli.mjs), in lib/. */
const BUNDLES = ['policyc-bundle.cjs', 'policyc-worker.cjs'];
/** `// policyc-code `, 64 hex digits and the line break. */
const ID_LINE_LENGTH = 81;

/**
 * The code, when it runs from the bundled CLI (a .cjs file in lib/; the compiled modules are .js): the id lines of
 * the bundle, which hashes it and names the id of each command's chunk that it runs, and of the worker bundle.
 * With the files they load from lib/ (the validator, the precompiled templates), they are all the code lib/ gives
 * such a run, without a stat of its other two hundred files (a hundredth of a cold build). Undefined when running
 * from the compiled modules, when a build's workers would (the worker bundle is stale: src/cli/compile-worker.ts),
 * or when a bundle has no id line: every file in lib/ counts.
 */
function bundleIds(): string | undefined {
  if (!fileURLToPath(import.meta.url).endsWith('.cjs')) return undefined;
  if (!isFreshBundle(path.join(codeDir, 'policyc-worker.cjs'), path.join(codeDir, 'cli', 'compile-job.js')))
    return undefined;
  let ids = '';
  for (const name of BUNDLES) {
    const id = idLine(path.join(codeDir, name));
    if (id === undefined) return undefined;
    ids += `${name}\0${id}\0`;
  }
  return ids;
}

/** The first line of a generated file, when it is an id line (src/code-id.ts). */
function idLine(file: string): string | undefined {
  const line = fileHead(file, ID_LINE_LENGTH, 'r');
  return line !== undefined && ID_LINE.test(line) ? line : undefined;
}

/** Up to `length` first bytes of `file` as latin1, opened with `flags`; undefined when it cannot be read. */
function fileHead(file: string, length: number, flags: string | number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, flags);
    const head = Buffer.alloc(length);
    return head.toString('latin1', 0, readSync(fd, head, 0, length, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The cache keys of one build: a function giving the key of a policy made
 * from `inputs` (its text, its bases' texts) with `options` and the build's
 * `shared` inputs (settings that change every policy). The tool, the options
 * and the shared inputs are hashed once; each key hashes its inputs on a copy.
 */
export function cacheKeys(
  shared: readonly string[],
  options: CacheOptions,
): (inputs: readonly (string | Uint8Array)[]) => string {
  const base = createHash('sha256')
    .update(toolFingerprint(options.version))
    .update(
      JSON.stringify({
        languages: options.languages ?? null,
        csvBom: options.csvBom,
        acknowledged: options.acknowledged,
      }),
    );
  for (const input of shared) base.update('\0').update(input);
  return (inputs) => {
    const hash = base.copy();
    for (const input of inputs) hash.update('\0').update(input);
    return hash.digest('hex');
  };
}

/** The buffer policyBytes reads into: one for the whole build, grown when a policy does not fit. */
let readBuffer = Buffer.allocUnsafe(1 << 17);

/**
 * A policy file's bytes, read into a buffer that the next call overwrites
 * (use them before reading the next policy): a build reads every policy to
 * hash it, and a fresh buffer for each cost more than the reading itself.
 * Like readFileSync, it reads as many bytes as the file had when opened.
 * Undefined when the file cannot be read.
 */
export function policyBytes(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (readBuffer.length < size) readBuffer = Buffer.allocUnsafe(size + (size >> 2));
    let length = 0;
    for (let read = 1; read > 0 && length < size; length += read)
      read = readSync(fd, readBuffer, length, size - length, null);
    return readBuffer.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** The policy's id, read without the full loader; undefined when the text is not a JSON object with a string id. */
export function policyId(text: string): string | undefined {
  try {
    const value = parseJsonOnce(text) as { id?: unknown } | null;
    return typeof value?.id === 'string' && ID_PATTERN.test(value.id) ? value.id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when a policy's text extends nothing, known without parsing it: a key
 * "extends" is written as such or with \u escapes (which JSON allows in keys).
 */
export function extendsNothing(bytes: Buffer): boolean {
  return !bytes.includes(UNICODE_ESCAPE) && !hasExtendsKey(bytes);
}
const UNICODE_ESCAPE = Buffer.from('\\u');

/**
 * Whether `"extends"` occurs in the bytes. Searched for by its rarer tail
 * `xtends"`: a search led by `"`, which JSON is full of, took several times
 * as long.
 */
function hasExtendsKey(bytes: Buffer): boolean {
  const QUOTE = 0x22;
  const E = 0x65;
  for (let at = bytes.indexOf(EXTENDS_TAIL, 2); at >= 0; at = bytes.indexOf(EXTENDS_TAIL, at + 1))
    if (bytes[at - 1] === E && bytes[at - 2] === QUOTE) return true;
  return false;
}
const EXTENDS_TAIL = Buffer.from('xtends"');

/**
 * The id a policy's text gives first at its top level, found without parsing
 * the text (policies begin with it): the first "id" member in the first few
 * kilobytes, when nothing before it is nested. A guess, for finding the
 * manifest: the cache key it holds is a hash of the whole text, and an
 * organisation folder is made only from a policy with that folder's id, so
 * a wrong guess can only miss the cache, never hit it.
 *
 * The head is read as latin1, so that its offsets are the bytes': the JSON
 * syntax looked at is ASCII, which no byte of a multi-byte UTF-8 character
 * is, and an id is ASCII. The id returned is decoded from its own bytes, not
 * cut from the head: V8 makes a substring of 13 or more characters a slice
 * that keeps its whole parent alive, and a build keeps each policy's id until
 * it commits, so 800 ids of 14 characters held 3.2 MB of heads and made the
 * main thread's young generation grow fourfold (peak RSS about 12 MB more).
 */
export function guessPolicyId(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const match = /"id"\s*:\s*"([^"\\]*)"/.exec(head);
  if (!match || !ID_PATTERN.test(match[1]!) || !atTopLevel(head, match.index)) return undefined;
  const end = match.index + match[0].length - 1; // the closing quote
  return bytes.toString('latin1', end - match[1]!.length, end);
}

/** Whether position `end` of a JSON text is outside strings, inside the outermost object and nothing else. */
function atTopLevel(text: string, end: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return !inString && depth === 1;
}

/**
 * The cache key an organisation's manifest begins with (manifestText writes
 * the cache's fields first), read from its first bytes: a cheap first look,
 * to know at once that a policy must be compiled; cachedPolicy decides.
 */
export function storedKey(outDir: string, id: string): string | undefined {
  const head = fileHead(path.join(outDir, id, MANIFEST_NAME), 128, READ_NO_FOLLOW);
  return head === undefined ? undefined : /^\{\s*"cacheKey":\s*"([0-9a-f]{64})"/.exec(head)?.[1];
}

/** What a cached organisation gives back instead of compiling. */
export interface CachedPolicy {
  id: string;
  diagnostics: Diagnostic[];
  findings: Diagnostic[];
  /** Their sentences, when the manifest holds them in the language asked for. */
  texts?: { diagnostics: DiagnosticTexts[]; findings: DiagnosticTexts[] };
  idPosition?: IdPosition;
}

/**
 * The cached result for a policy when its organisation folder in `outDir`
 * was made from the same key, for the same id from the same file (`source`,
 * as the manifest records it), and still holds every file the manifest lists
 * as policyc wrote it.
 */
export function cachedPolicy(
  outDir: string,
  policy: { id: string; key: string; source: string },
  displayPath: string,
  lang: string,
): CachedPolicy | undefined {
  const { id, key, source } = policy;
  const folder = path.join(outDir, id);
  const manifest = readManifest(folder) as (Manifest & Partial<CacheFields>) | undefined;
  if (
    !manifest ||
    manifest.cacheKey !== key ||
    // Made by an older version, or from another file: rebuilt, so that the manifest says where it comes from.
    manifest.id !== id ||
    manifest.source !== source ||
    !Array.isArray(manifest.diagnostics) ||
    !Array.isArray(manifest.findings)
  )
    return undefined;
  if (!asWritten(folder, manifest)) return undefined;
  // The display path was stored as '' (in its place, so that reports list the keys in the same order).
  // The manifest was just parsed: its diagnostics are this build's own to change.
  const withPath = (d: Diagnostic): Diagnostic => {
    if (d.file === '') d.file = displayPath;
    return d;
  };
  const { diagnostics, findings, texts, idPosition } = manifest;
  return {
    id,
    diagnostics: diagnostics.map(withPath),
    findings: findings.map(withPath),
    ...(storedTexts(texts, lang, diagnostics.length, findings.length) ?? {}),
    ...(isIdPosition(idPosition) ? { idPosition } : {}),
  };
}

function isIdPosition(value: unknown): value is IdPosition {
  const { line, column } = (value ?? {}) as Partial<IdPosition>;
  return Number.isInteger(line) && Number.isInteger(column);
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

/**
 * Whether every file listed is in `folder` as policyc wrote it: a file (not a
 * link or a folder), and older than the manifest (policyc writes the manifest
 * last) or, if not, with the hash the manifest recorded. One look-up per file,
 * and a read only of a file as new as the manifest: hashing every output of a
 * thousand policies would take longer than the rest of the incremental build.
 * A file the user deleted or edited makes the policy compile again, so that the
 * build writes it again or (edited) refuses to overwrite it unless --force.
 */
function asWritten(folder: string, manifest: Manifest): boolean {
  const written = manifestTime(folder);
  const newer: string[] = [];
  for (const file of manifest.files) {
    // A listing never holds '', '.' or '..': a look-up of them would find a folder, or leave this one.
    if (NOT_A_NAME.test(file)) return false;
    const stat = lstatSync(path.join(folder, file), { throwIfNoEntry: false });
    if (!stat?.isFile()) return false;
    if (stat.mtimeMs >= written) newer.push(file);
  }
  // A file without a recorded hash (a manifest of a version before 2026-12-07) cannot be told edited: as elsewhere.
  const recorded = manifest.sha256 ?? {};
  return newer.every(
    (file) => typeof recorded[file] !== 'string' || recorded[file] === currentHash(path.join(folder, file)),
  );
}
const NOT_A_NAME = /(?:^|\/)\.{0,2}(?:\/|$)/;

/** The cache's fields for an organisation's manifest. Deterministic: no clock, no local paths. */
export function manifestExtras(
  key: string,
  result: {
    displayPath: string;
    diagnostics: readonly Diagnostic[];
    findings: readonly Diagnostic[];
    texts?: { diagnostics: DiagnosticTexts[]; findings: DiagnosticTexts[] };
    idPosition?: IdPosition;
  },
  lang: string,
): CacheFields {
  // Always a copy: the build then gives the compiled diagnostics their sentences in place (giveTexts).
  const withoutPath = (d: Diagnostic): Diagnostic => (d.file === result.displayPath ? { ...d, file: '' } : { ...d });
  return {
    cacheKey: key,
    diagnostics: result.diagnostics.map(withoutPath),
    findings: result.findings.map(withoutPath),
    ...(result.texts ? { texts: { lang, ...result.texts } } : {}),
    ...(result.idPosition ? { idPosition: result.idPosition } : {}),
  };
}

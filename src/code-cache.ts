import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';

/**
 * CommonJS files that `npm run compile` generates (the bundled CLI, the
 * schema validator), run with V8's code cache. Node 20 has no compile cache
 * for modules; a script compiled with `cachedData` skips parsing and compiling
 * what the cache holds. scripts/bundle-cli.mjs runs a check and a build once
 * and stores what V8 compiled for them beside each file (`<file>.v8cache`).
 *
 * Each such file is ASCII (read it as latin1) and starts with an id line,
 * `// policyc-code <sha-256 of the rest>` (src/code-id.ts), and its cache with
 * the same 64 hex digits: V8 itself checks only the source's length and its
 * own version and flags, so without the id a regenerated file of the same
 * length would run the old code. After the id, the CRC-32 of the V8 data (4 bytes,
 * big-endian): V8 does not check the data itself, and a damaged cache of the right
 * length aborted the process with no message (second-read review 4, finding 1).
 * A file may have more than one cache, each trained on other work
 * (`<file>.<variant>.v8cache`).
 */
export const ID_LINE = /^\/\/ policyc-code ([0-9a-f]{64})\n/;

export interface CachedScript {
  file: string;
  /** The cache file it was run with (or would have been). */
  cacheFile: string;
  exports: unknown;
  script: vm.Script;
  id: string;
  /** Whether V8 took the stored cache (false: none, another file's, or another V8's). */
  cacheUsed: boolean;
}

/** Every script this copy of the module has run, for writeCodeCaches. */
const ran: CachedScript[] = [];

const codeCachePath = (file: string, variant?: string): string =>
  variant ? `${file}.${variant}.v8cache` : `${file}.v8cache`;

/** Where the V8 data starts in a stored cache: after the id (64 hex digits) and its CRC-32. */
const DATA_START = 68;

/**
 * The V8 data in a stored cache, only when it was made from the file with this id (its first 64 bytes) and is
 * whole (its CRC-32 after the id).
 */
export function usableCache(stored: Buffer, id: string): Buffer | undefined {
  if (stored.length <= DATA_START || stored.subarray(0, 64).toString('latin1') !== id) return undefined;
  const data = stored.subarray(DATA_START);
  return crc32(data) === stored.readUInt32BE(64) ? data : undefined;
}

/** A cache as stored: the id, the CRC-32 of the V8 data, the data. */
export function storedCache(id: string, data: Buffer): Buffer {
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data));
  return Buffer.concat([Buffer.from(id, 'latin1'), crc, data]);
}

function readCache(cacheFile: string, id: string): Buffer | undefined {
  try {
    return usableCache(readFileSync(cacheFile), id);
  } catch {
    return undefined; // no cache: compile as usual
  }
}

/**
 * What a chunk of the bundled CLI requires, after this prefix, for a module it shares with the bundle
 * that runs it (scripts/bundle-cli.mjs): the path of the module in the package, as `lib/cli/cli-support.js`.
 */
export const SHARED_MODULE = 'policyc-shared:';

/** The bundle's modules that a chunk shares with it, by path: each returns the module's exports. */
export type SharedModules = Readonly<Record<string, () => unknown>>;

/**
 * Runs a generated CommonJS file (read as `source`, which must start with
 * the id line) with its code cache (of `variant`) when that fits; undefined
 * without the id line. A chunk's `shared` answers what it requires from the bundle.
 */
export function runCachedScript(
  file: string,
  source: string,
  variant?: string,
  shared?: SharedModules,
): CachedScript | undefined {
  const id = ID_LINE.exec(source)?.[1];
  if (!id) return undefined;
  const cacheFile = codeCachePath(file, variant);
  const cachedData = readCache(cacheFile, id);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const nodeRequire = createRequire(file);
  const requireIn = shared
    ? (name: string): unknown => (name.startsWith(SHARED_MODULE) ? sharedModule(shared, name) : nodeRequire(name))
    : nodeRequire;
  run(module.exports, requireIn, module, file, path.dirname(file));
  const cacheUsed = !!cachedData && !script.cachedDataRejected;
  const loaded = { file, cacheFile, exports: module.exports, script, id, cacheUsed };
  ran.push(loaded);
  return loaded;
}

/**
 * Runs a file that `npm run compile` generated (the schema validator, the
 * precompiled templates) with its code cache and returns its exports;
 * undefined when it is not there (running from source) or has no id line.
 */
export function runGeneratedFile(file: string): unknown {
  let source: string;
  try {
    source = readFileSync(file, 'latin1'); // ASCII (src/code-id.ts)
  } catch {
    return undefined; // not generated
  }
  return runCachedScript(file, source)?.exports;
}

/**
 * tsc's build record, beside the bundles in lib/: tsc emits only the modules
 * that changed, but rewrites this file whenever it emits. The package leaves
 * it out.
 */
const BUILD_RECORD = 'tsconfig.build.tsbuildinfo';

const modifiedMs = (file: string): number => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0; // absent
  }
};

/**
 * Whether a bundle that scripts/bundle-cli.mjs wrote (`file`) runs instead of
 * the compiled modules: not with POLICYC_BUNDLE=0, without the bundle, or, in
 * a working copy, when it is older than `input` (the compiled module it starts
 * from) or than tsc's build record: `tsc` ran after `npm run compile`. Without
 * the build record the package is installed (the package leaves it out) and
 * nothing recompiles it: the bundle runs, whatever the files' times (npm dates
 * each file as it unpacks it, the bundle before the modules it holds).
 */
export function isFreshBundle(file: string, input: string): boolean {
  if (process.env.POLICYC_BUNDLE === '0') return false;
  try {
    const bundled = statSync(file).mtimeMs;
    const record = modifiedMs(path.join(path.dirname(file), BUILD_RECORD));
    return record === 0 || bundled >= Math.max(statSync(input).mtimeMs, record);
  } catch {
    return false; // no bundle
  }
}

/**
 * Runs a bundle that scripts/bundle-cli.mjs wrote (`file`, with its code
 * cache of `variant`) when it is fresh (isFreshBundle) and returns its
 * exports; undefined, for the compiled modules to run instead, otherwise.
 */
export function runFreshBundle(file: string, input: string, variant?: string): unknown {
  if (!isFreshBundle(file, input)) return undefined;
  let source: string;
  try {
    source = readFileSync(file, 'latin1');
  } catch {
    return undefined; // gone since
  }
  return runCachedScript(file, source, variant)?.exports;
}

function sharedModule(shared: SharedModules, name: string): unknown {
  const load = shared[name.slice(SHARED_MODULE.length)];
  if (!load) throw new Error(`the bundled CLI does not share ${name}: run npm run compile`);
  return load();
}

/**
 * Runs a chunk of the bundled CLI (one command's code, which the bundle
 * loads when that command runs) with its code cache; `id` is the chunk's id
 * as the bundle was built with it: a chunk from another build stops the run.
 */
export function runChunk(file: string, id: string, shared: SharedModules): unknown {
  const source = readFileSync(file, 'latin1');
  if (ID_LINE.exec(source)?.[1] !== id) throw new Error(`${file} is not the chunk of this bundle: run npm run compile`);
  return runCachedScript(file, source, undefined, shared)!.exports;
}

/** Stores what V8 has compiled so far of every script run here (after a training run), under each one's id. */
export function writeCodeCaches(): void {
  for (const { cacheFile, id, script } of ran) writeFileSync(cacheFile, storedCache(id, script.createCachedData()));
}

import type { CompileJob } from '../compile-job.js';
import { policySources } from '../../load/extends.js';
import { packageVersion, type CommonOptions } from '../cli-support.js';
import type { BuildModules, PolicyInput } from './build-state.js';

/**
 * What the build must know of each policy before it reports any: see
 * policyInput. A policy whose manifest does not begin with its key must be
 * compiled, and is handed to the pool at once (so that compiling overlaps
 * reading the rest); the others are `candidates` for the cache, in order.
 */
export function readInputs(
  mods: BuildModules,
  options: CommonOptions,
  settings: { jobs: readonly CompileJob[]; cacheable: boolean; outDir: string; keepGoing: boolean },
): { inputs: PolicyInput[]; candidates: number[]; compileNow: number[] } {
  const { jobs, cacheable, outDir } = settings;
  const useCache = cacheable && options.values.force !== true;
  const keyOf = cacheable && jobs.length ? cacheKeys(mods, options, jobs[0]!) : undefined;
  const candidates: number[] = [];
  const compileNow: number[] = [];
  const inputs = jobs.map((job) => {
    // Ids whenever two policies could share one: the folder named after an id keeps it (idKeepers), in every build.
    const { input, bytes } = policyInput(mods, job, keyOf, settings.keepGoing || jobs.length > 1);
    const { key, id } = input;
    if (useCache && key && id && mods.cache.storedKey(outDir, id) === key) candidates.push(job.index);
    else {
      compileNow.push(job.index);
      if (bytes === undefined || !parsesAsJson(bytes)) input.suspect = true;
    }
    return input;
  });
  return { inputs, candidates, compileNow };
}

/** Whether a policy's bytes parse as JSON (a byte-order mark allowed): a cheap first look, the loader decides. */
function parsesAsJson(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
}

/** The cache key of each policy of this build: the options every job shares (see jobSettings) are hashed once. */
function cacheKeys(
  mods: BuildModules,
  options: CommonOptions,
  job: CompileJob,
): (inputs: readonly (string | Uint8Array)[]) => string {
  const settings = JSON.stringify({
    idPrefix: job.idPrefix ?? null,
    headingLevel: job.headingLevel ?? null,
    csv: job.csvDialect ?? 'excel',
    rules: options.config.rules ?? {},
  });
  return mods.cache.cacheKeys([settings], {
    version: packageVersion(),
    ...(job.languages ? { languages: job.languages } : {}),
    csvBom: job.csvBom === true,
    acknowledged: job.acknowledged ?? [],
  });
}

/**
 * Reads a policy for what the build must know before compiling: the files it
 * may report on and, for a full build (`keyOf`), its id and cache key — the
 * policy's text and the bases it extends are part of its input, so a change
 * to a base rebuilds every policy that extends it. A policy that extends
 * nothing (most) is not parsed here: its key is its bytes' and its id a guess
 * the key checks (build-cache.ts). An unreadable policy is compiled (which
 * reports why). Its bytes are read into a buffer the next policy reuses.
 */
function policyInput(
  mods: BuildModules,
  job: CompileJob,
  keyOf: ((inputs: readonly (string | Uint8Array)[]) => string) | undefined,
  wantId: boolean,
): { input: PolicyInput; bytes?: Buffer } {
  const bytes = mods.cache.policyBytes(job.file);
  if (bytes === undefined) return { input: { sources: [job.displayPath] } };
  const withId = keyOf !== undefined || wantId;
  const guess = withId && mods.cache.extendsNothing(bytes) ? mods.cache.guessPolicyId(bytes) : undefined;
  const text = guess === undefined ? bytes.toString('utf8') : undefined;
  const sources = text === undefined ? [] : policySources(text, job.file, job.displayPath).slice(1);
  const input: PolicyInput = { sources: [job.displayPath, ...sources.map((source) => source.display)] };
  const id = withId ? (guess ?? mods.cache.policyId(text!)) : undefined;
  if (id !== undefined) input.id = id;
  if (keyOf) input.key = keyOf([bytes, ...sources.map((source) => source.text)]);
  return { input, bytes };
}

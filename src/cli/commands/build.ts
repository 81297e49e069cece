import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompileJob } from '../compile-job.js';
import { isHeadingLevel, isIdPrefix, type LayoutOptions } from '../../pipeline/layout-options.js';
import { countBySeverity, hasErrors, unacknowledged, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { applyRuleSettings } from '../../config/policyc-config.js';
import { duplicateIdDiagnostics, type PolicyId } from '../../pipeline/duplicate-ids.js';
import type { CompileJobResult } from '../compile-job.js';
import { isLanguage, type Language } from '../../i18n/messages.js';
import { sourceTexts } from '../../load/extends.js';
import {
  cli,
  EXIT_INVALID,
  EXIT_OK,
  EXIT_USAGE,
  maxWarnings,
  messageLanguage,
  packageVersion,
  parseLanguages,
  policyFiles,
  relativeTo,
  reportCounts,
  reportDiagnostics,
  UsageError,
  type CliIo,
  type Command,
  type CommonOptions,
} from '../cli-support.js';

function parseJobs(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(cli.t('cli:badJobs', { value: String(value) }));
  return n;
}

/** --id-prefix and --heading-level for the fragment, checked here so that a bad value is a usage error. */
function parseLayout(values: CommonOptions['values']): LayoutOptions {
  const layout: LayoutOptions = {};
  const prefix = values['id-prefix'];
  if (typeof prefix === 'string') {
    if (!isIdPrefix(prefix)) throw new UsageError(cli.t('cli:badIdPrefix', { value: prefix }));
    layout.idPrefix = prefix;
  }
  const level = values['heading-level'];
  if (typeof level === 'string') {
    if (!/^\d+$/.test(level) || !isHeadingLevel(Number(level)))
      throw new UsageError(cli.t('cli:badHeadingLevel', { value: level }));
    layout.headingLevel = Number(level);
  }
  return layout;
}

/** What every compile job of one invocation shares: languages, fragment layout, acknowledged findings, BOM. */
export function jobSettings(
  options: CommonOptions,
  groups?: readonly string[],
): Omit<CompileJob, 'index' | 'file' | 'displayPath'> {
  const languages = options.lang ? parseLanguages(options.lang) : undefined;
  return {
    csvBom: options.values.bom === true,
    ...(languages ? { languages } : {}),
    ...(groups ? { groups } : {}),
    ...parseLayout(options.values),
    acknowledged: options.acknowledged ?? [],
    ...(options.values.history === true ? { history: true } : {}),
  };
}

/** The modules a build needs, loaded when it starts (the other commands never pay for them). */
async function loadBuildModules() {
  const [
    { compileMany, chooseJobs },
    { OutputWriter },
    { outputRenderers },
    cache,
    { checkOutputFolder, OutputRefusal },
  ] = await Promise.all([
    import('../compile-many.js'),
    import('../../output/output-writer.js'),
    import('../../output/output-renderers.js'),
    import('../../output/build-cache.js'),
    import('../../output/output-ownership.js'),
  ]);
  return { compileMany, chooseJobs, OutputWriter, outputRenderers, cache, checkOutputFolder, OutputRefusal };
}
type BuildModules = Awaited<ReturnType<typeof loadBuildModules>>;
type Writer = InstanceType<BuildModules['OutputWriter']>;

/** One build invocation: its options, the modules it runs on, and what it has gathered so far. */
interface Build {
  readonly options: CommonOptions;
  readonly io: CliIo;
  readonly groups: readonly string[] | undefined;
  readonly lang: Language;
  /** --max-warnings. */
  readonly limit: number | undefined;
  readonly outDir: string;
  readonly mods: BuildModules;
  readonly diagnostics: Diagnostic[];
  readonly findings: Diagnostic[];
  /** Each policy's id, by its place on the command line (the first listed keeps a duplicate id). */
  readonly ids: Map<number, PolicyId>;
  /** Each policy's cache key, for the manifest of a full build. */
  readonly keys: Map<number, string>;
  cached: number;
  fileCount: number;
  writeError: Error | undefined;
}

/**
 * Compiles the policies named on the command line and writes their outputs,
 * all or nothing: on any error the output folder is left exactly as it was.
 * `groups` limits the outputs (see output-renderers.ts); a partial build
 * replaces only the files of its own outputs. Larger builds compile on a
 * pool of worker threads (--jobs); this thread does all the writing.
 * Compliance findings are reported and do not stop the build, unless
 * --strict (then errors and warnings among them do) or --max-warnings is exceeded.
 */
export async function compileAndWrite(options: CommonOptions, io: CliIo, groups?: readonly string[]): Promise<number> {
  const lang = messageLanguage(options);
  // Flags are checked before anything is read or written: a bad value is a usage error.
  const jobsRequested = parseJobs(options.values.jobs);
  parseLayout(options.values);
  const limit = maxWarnings(options);
  const mods = await loadBuildModules();
  const files = policyFiles(options, io);
  const build: Build = {
    options,
    io,
    groups,
    lang,
    limit,
    outDir: path.resolve(io.cwd, options.out),
    mods,
    diagnostics: [],
    findings: [],
    ids: new Map(),
    keys: new Map(),
    cached: 0,
    fileCount: 0,
    writeError: undefined,
  };
  const writer = openWriter(build, files);
  if (typeof writer === 'number') return writer;
  const jobs: CompileJob[] = files.map((file, index) => ({
    index,
    file,
    displayPath: path.relative(io.cwd, file),
    ...jobSettings(options, groups),
  }));
  // With --history the outputs depend on the git log as well as the text: every policy is compiled.
  const toCompile = groups || options.values.history === true ? jobs : jobs.filter((job) => !fromCache(build, job));
  try {
    await mods.compileMany(toCompile, mods.chooseJobs(toCompile.length, jobsRequested), (result) =>
      stageResult(build, writer, result),
    );
  } catch (error) {
    writer.abort(); // a crashed worker: release the lock and remove the staging folder before failing
    throw error;
  }
  // Results arrive in any order: the policy listed first keeps the id.
  build.diagnostics.push(
    ...duplicateIdDiagnostics([...build.ids].sort((x, y) => x[0] - y[0]).map(([, entry]) => entry)),
  );
  const all = [...build.diagnostics, ...build.findings];
  reportDiagnostics(all, options, io, lang);
  reportCounts(all, files.length, options, io);
  const refusal = verdict(build);
  if (refusal !== undefined) {
    writer.abort();
    io.stderr(refusal + '\n');
    return EXIT_INVALID;
  }
  return commit(build, writer, files.length);
}

/** A refusal to write (an output folder policyc does not own, …) as a usage error; anything else is rethrown. */
function refused(build: Build, error: unknown): number {
  if (!(error instanceof build.mods.OutputRefusal)) throw error;
  build.io.stderr(cli.t(`cli:refused.${error.key}`, error.params) + '\n');
  return EXIT_USAGE;
}

/** The writer for the output folder, or the exit code when policyc may not write there. */
function openWriter(build: Build, files: readonly string[]): Writer | number {
  const { options, io, groups, outDir, mods } = build;
  try {
    mods.checkOutputFolder(options.out, io.cwd, files);
    return new mods.OutputWriter(outDir, {
      shownAs: relativeTo(io, outDir),
      ...(groups ? { merge: { owns: partialOwner(mods, groups) } } : {}),
    });
  } catch (error) {
    return refused(build, error);
  }
}

/** Whether a file (relative to an organisation's folder) belongs to the outputs of a partial build. */
function partialOwner(mods: BuildModules, groups: readonly string[]): (file: string) => boolean {
  const partial = mods.outputRenderers.filter((r) => groups.includes(r.group));
  return (file) => {
    const [folder = '', ...rest] = file.split('/');
    return partial.some((r) =>
      r.scope === 'language'
        ? isLanguage(folder) && rest.length === 1 && r.owns?.(rest[0]!) === true
        : r.owns?.(file) === true,
    );
  };
}

/**
 * A full build keys each policy (text, tool, options) and leaves an organisation whose
 * manifest has that key as it is (--force: rebuild all). True when `job` was taken from
 * the cache (its diagnostics, findings and id recorded); its key is kept for the manifest.
 */
function fromCache(build: Build, job: CompileJob): boolean {
  const { options, mods } = build;
  const text = readText(job.file);
  if (text === undefined) return false; // compiling reports why it cannot be read
  // The bases a policy extends are part of its input: a change to one rebuilds every policy that extends it.
  const settings = JSON.stringify({
    idPrefix: job.idPrefix ?? null,
    headingLevel: job.headingLevel ?? null,
    rules: options.config.rules ?? {},
  });
  const key = mods.cache.cacheKey([settings, ...sourceTexts(text, job.file)].join('\u0000'), {
    version: packageVersion(),
    ...(job.languages ? { languages: job.languages } : {}),
    csvBom: job.csvBom === true,
    acknowledged: job.acknowledged ?? [],
  });
  build.keys.set(job.index, key);
  const hit =
    options.values.force === true ? undefined : mods.cache.cachedPolicy(build.outDir, text, key, job.displayPath);
  if (!hit) return false;
  build.diagnostics.push(...hit.diagnostics);
  build.findings.push(...applyRuleSettings(hit.findings, options.config.rules));
  build.ids.set(job.index, { id: hit.id, file: job.displayPath });
  build.cached++;
  return true;
}

/** Records one compiled policy and stages its files, unless the build has already failed. */
function stageResult(build: Build, writer: Writer, result: CompileJobResult): void {
  build.diagnostics.push(...result.diagnostics);
  build.findings.push(...applyRuleSettings(result.findings, build.options.config.rules));
  if (result.id !== undefined)
    build.ids.set(result.index, { id: result.id, file: result.displayPath, ...result.idPosition });
  if (hasErrors(build.diagnostics) || build.writeError) return; // keep checking the rest, but stage nothing more
  try {
    const key = build.keys.get(result.index);
    writer.stage(result.outputs, key ? build.mods.cache.manifestExtras(key, result) : undefined);
    build.fileCount += result.outputs.length;
  } catch (error) {
    build.writeError = error as Error;
  }
}

/** Why the build must not be written (a write error, --strict findings, too many warnings, errors), or undefined. */
function verdict(build: Build): string | undefined {
  const out = relativeTo(build.io, build.outDir);
  if (build.writeError) return cli.t('cli:writeFailed', { detail: build.writeError.message, out });
  const counts = countBySeverity(build.diagnostics);
  const found = countBySeverity(unacknowledged(build.findings));
  const warnings = counts.warning + found.warning;
  if (build.options.values.strict === true && found.error + found.warning > 0)
    return cli.t('cli:buildStrict', { errors: found.error, warnings: found.warning, out });
  if (build.limit !== undefined && warnings > build.limit)
    return cli.t('cli:tooManyWarnings', { warnings, limit: build.limit });
  if (counts.error > 0) return cli.t('cli:buildFailed', { errors: counts.error, out });
  return undefined;
}

/** Swaps the staged outputs into place and says what was built. */
function commit(build: Build, writer: Writer, policies: number): number {
  const { io } = build;
  const out = relativeTo(io, build.outDir);
  try {
    writer.commit();
  } catch (error) {
    if (error instanceof build.mods.OutputRefusal) return refused(build, error);
    io.stderr(cli.t('cli:writeFailed', { detail: (error as Error).message, out }) + '\n');
    return EXIT_INVALID;
  }
  io.stderr(cli.t('cli:built', { count: policies, out, files: build.fileCount }) + '\n');
  if (build.cached) io.stderr(cli.t('cli:builtCached', { count: build.cached }) + '\n');
  return EXIT_OK;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The flags of the commands that write outputs (build, register). */
export const outputFlags = {
  out: { type: 'string' },
  lang: { type: 'string' },
  jobs: { type: 'string' },
  bom: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  strict: { type: 'boolean' },
} as const satisfies Command['flags'];

/** `policyc build [paths…] --out dist --lang nl,en --jobs N --bom [--watch]`. */
export const buildCommand: Command = {
  name: 'build',
  formats: ['text', 'compact', 'json', 'sarif'],
  flags: {
    ...outputFlags,
    'id-prefix': { type: 'string' },
    'heading-level': { type: 'string' },
    force: { type: 'boolean' },
    watch: { type: 'boolean' },
    history: { type: 'boolean' },
  },
  run: async (options, io) => {
    if (options.values.watch !== true) return compileAndWrite(options, io);
    const { watchAndBuild } = await import('./build-watch.js');
    return watchAndBuild(options, io, (o, i) => compileAndWrite(o, i));
  },
};

import path from 'node:path';
import type { CompileJob } from '../compile-job.js';
import { isHeadingLevel, isIdPrefix, type LayoutOptions } from '../../pipeline/layout-options.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { StageRuleId } from '../../diagnostics/stage-rule-ids.js';
import type { DiagnosticTexts } from '../../diagnostics/render-message.js';
import { unknownPolicyAcknowledgements } from '../../check/acknowledge.js';
import { applyRuleSettings } from '../../config/policyc-config.js';
import type { CompileJobResult } from '../compile-job.js';
import type { CompilePool } from '../compile-many.js';
import { cleanUpOnStop } from '../until-stopped.js';
import type { BuildReport, PolicyReport } from '../build-report.js';
import type { KeptOrphan, PruneOptions, UserFiles } from '../../output/output-writer.js';
import { isLanguage, messagesFor, type Language, type Messages } from '../../i18n/messages.js';
import { policySources } from '../../load/extends.js';
import { posixRelative, shownPath } from '../../paths.js';
import { systemErrorText } from '../../diagnostics/system-error.js';
import { CSV_DIALECTS, isCsvDialect, type CsvDialect } from '../../render/register/csv-dialect.js';
import {
  cli,
  EXIT_INVALID,
  EXIT_OK,
  EXIT_USAGE,
  maxWarnings,
  messageLanguage,
  packageVersion,
  parseLanguages,
  findPolicyFiles,
  relativeTo,
  diagnosticSinkFor,
  printCounts,
  UsageError,
  diagnosticPath,
  type CliIo,
  type CommonOptions,
  type FoundPolicies,
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

/** --csv: excel (default) or rfc4180, checked here so that a bad value is a usage error. */
function parseCsv(value: unknown): CsvDialect | undefined {
  if (value === undefined) return undefined;
  if (!isCsvDialect(value))
    throw new UsageError(cli.t('cli:badCsv', { value: String(value), dialects: CSV_DIALECTS.join(', ') }));
  return value;
}

/**
 * "bom": false in the config file under the excel dialect, which always
 * writes a byte-order mark (Excel needs it): a warning at the key, not a
 * setting silently ignored. (A flag can only turn --bom on.)
 */
function ignoredBom(options: CommonOptions): Diagnostic[] {
  const at = options.config.bomAt;
  if (!at || options.values.bom !== false || (parseCsv(options.values.csv) ?? 'excel') !== 'excel') return [];
  return [
    {
      ruleId: 'config/bom-ignored' satisfies StageRuleId<'config'>,
      severity: 'warning',
      ...at,
      pointer: '/bom',
      messageId: 'diagnostics:config.bomIgnored',
      data: {},
    },
  ];
}

/** What every compile job of one invocation shares: languages, fragment layout, acknowledged findings, CSV dialect and BOM. */
export function jobSettings(
  options: CommonOptions,
  groups?: readonly string[],
): Omit<CompileJob, 'index' | 'file' | 'displayPath'> {
  const languages = options.lang ? parseLanguages(options.lang) : undefined;
  const csvDialect = parseCsv(options.values.csv);
  return {
    csvBom: options.values.bom === true,
    ...(csvDialect ? { csvDialect } : {}),
    ...(languages ? { languages } : {}),
    ...(groups ? { groups } : {}),
    ...parseLayout(options.values),
    acknowledged: options.acknowledged ?? [],
    ...(options.values.history === true ? { history: true } : {}),
  };
}

/** The modules a build needs, loaded when it starts (the other commands never pay for them). */
async function loadBuildModules(groups: readonly string[] | undefined) {
  const [
    { compilePool, chooseJobs },
    { OutputWriter },
    { outputRenderers },
    cache,
    { checkOutputFolder, OutputRefusal },
    { BuildReport },
    { localiseDiagnostic, withTexts, giveTexts },
  ] = await Promise.all([
    import('../compile-many.js'),
    import('../../output/output-writer.js'),
    // The renderers (and with them the compiler) only for a partial build, which must know which files are its own.
    groups ? import('../../output/output-renderers.js') : { outputRenderers: [] },
    import('../../output/build-cache.js'),
    import('../../output/output-ownership.js'),
    import('../build-report.js'),
    import('../../diagnostics/render-message.js'),
  ]);
  return {
    compilePool,
    chooseJobs,
    OutputWriter,
    outputRenderers,
    cache,
    checkOutputFolder,
    OutputRefusal,
    BuildReport,
    localiseDiagnostic,
    withTexts,
    giveTexts,
  };
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
  /** What each policy (by its place on the command line) is made from, read before anything compiles. */
  inputs: readonly PolicyInput[];
  /** The report, written as the policies come in; the build keeps its counts. */
  report: BuildReport;
  cached: number;
  fileCount: number;
  writeError?: Error;
  /** The policy files (by place), the build's inputs and the folders it skipped: what a whole build may prune by. */
  found: FoundPolicies;
}

/** What opening the output folder needs. */
type WriterContext = Pick<Build, 'options' | 'io' | 'groups' | 'outDir' | 'mods'>;

/** What the build knows of a policy before compiling it. */
interface PolicyInput {
  /** The display paths of the files it may report on: its own and those of the bases it extends. */
  sources: string[];
  /** Its id, when its text is a JSON object with a valid one. */
  id?: string;
  /** The cache key of a full build (text, bases, tool, options); none for partial builds and --history. */
  key?: string;
}

/**
 * Compiles the policies named on the command line and writes their outputs,
 * all or nothing: on any error the output folder is left exactly as it was.
 * `groups` limits the outputs (see output-renderers.ts); a partial build
 * replaces only the files of its own outputs. Larger builds compile on a
 * pool of worker threads (--jobs); each thread stages the files of the
 * policies it compiles, and this one reports each policy's diagnostics as
 * they come in (build-report.ts) and commits.
 * Compliance findings are reported and do not stop the build, unless
 * --strict (then errors and warnings among them do) or --max-warnings is exceeded.
 */
export async function compileAndWrite(options: CommonOptions, io: CliIo, groups?: readonly string[]): Promise<number> {
  const lang = messageLanguage(options);
  // Flags are checked before anything is read or written: a bad value is a usage error.
  const jobsRequested = parseJobs(options.values.jobs);
  const settings = jobSettings(options, groups); // --lang, --id-prefix, --heading-level
  const limit = maxWarnings(options);
  const mods = await loadBuildModules(groups);
  const found = findPolicyFiles(options, io);
  const { files } = found;
  const outDir = path.resolve(io.cwd, options.out);
  // From here on, Ctrl+C or SIGTERM leaves nothing of this build's in the output folder (no staging folder, no lock)
  // and says so. Listening before the folder is opened: a signal while it is opened waits for the first await.
  const running: { writer?: Writer; pool?: CompilePool; report?: BuildReport } = {};
  const signals = cleanUpOnStop(async () => {
    await running.pool?.stop?.();
    running.writer?.abort();
    running.report?.finish();
    io.stderr(cli.t('cli:interrupted', { out: relativeTo(io, outDir, options.out) }) + '\n');
  });
  try {
    const writer = openWriter({ options, io, groups, outDir, mods }, files, found.roots);
    if (typeof writer === 'number') return writer;
    running.writer = writer;
    const jobs: CompileJob[] = files.map((file, index) => ({
      index,
      file,
      displayPath: diagnosticPath(io, file),
      ...settings,
      messageLanguage: lang,
      stageInto: writer.stagingFolder,
    }));
    // Results are handled only when this thread waits (takeFromCache, pool.finish), by when `build` is made.
    // Without --jobs, a build that compiles only a few policies (the rest from the cache) starts no worker.
    const pool = mods.compilePool(
      mods.chooseJobs(files.length, jobsRequested),
      (result, fresh) => stageResult(build, writer, result, fresh),
      jobsRequested === undefined,
    );
    // With --history the outputs depend on the git log as well as the text: every policy is compiled.
    const cacheable = !groups && options.values.history !== true;
    const { inputs, candidates } = readInputs(mods, options, { jobs, cacheable, outDir }, pool);
    // The config file's acknowledgements: any policy, and the end of the run, may report on them (BuildReport's atEnd).
    // Not folded, as check's report is: folding holds every distinct finding to the end (60 MB more at 800 Doctolib
    // copies, whose findings all differ), and a build's memory is to stay flat in the number of policies.
    const report = new mods.BuildReport(
      inputs.map((input) => input.sources),
      diagnosticSinkFor(options, io, lang, false),
      (d) => mods.localiseDiagnostic(d, lang),
      options.acknowledged?.[0]?.file,
    );
    report.addRun([...found.skipped, ...ignoredBom(options)]);
    const counts = { cached: 0, fileCount: 0 };
    const build: Build = { options, io, groups, lang, limit, outDir, mods, inputs, report, ...counts, found };
    Object.assign(running, { pool, report });
    return await compileAndCommit(
      build,
      { writer, pool, stopping: signals.stopping },
      candidates.map((index) => jobs[index]!),
    );
  } finally {
    signals.done();
  }
}

/** The policies compiled (or taken from the cache) and reported, then the outputs committed unless the build fails. */
async function compileAndCommit(
  build: Build,
  { writer, pool, stopping }: { writer: Writer; pool: CompilePool; stopping: () => boolean },
  candidates: CompileJob[],
): Promise<number> {
  const { options, io } = build;
  let failure: { error: unknown } | undefined;
  try {
    // Policies already known to need compiling, when this thread compiles them: before the cached ones, whose reports would wait for them.
    await pool.flush?.();
    await takeFromCache(build, candidates, pool);
    await pool.finish();
  } catch (error) {
    failure = { error };
  }
  // Stopped while compiling (Ctrl+C): the clean-up under way ends the process; nothing is committed.
  if (stopping()) return new Promise<number>(() => {});
  if (failure) {
    // A crashed worker: stop the others (which write into the staging folder), release the lock and remove the staging folder before failing.
    await pool.stop?.();
    writer.abort();
    throw failure.error;
  }
  build.report.finish((ids) =>
    ids && options.paths.length === 0 ? unknownPolicyAcknowledgements(options.acknowledged ?? [], ids) : [],
  );
  const policies = build.found.files.length;
  printCounts(
    build.report.unacknowledged,
    build.report.acknowledged,
    { policies, unchecked: build.report.unchecked },
    options,
    io,
  );
  const refusal = verdict(build);
  if (refusal !== undefined) {
    writer.abort();
    io.stderr(refusal + '\n');
    return EXIT_INVALID;
  }
  return commit(build, writer, policies);
}

/** A refusal to write (an output folder policyc does not own, …) as a usage error; anything else is rethrown. */
function refused(build: Pick<Build, 'mods' | 'io'>, error: unknown): number {
  if (!(error instanceof build.mods.OutputRefusal)) throw error;
  build.io.stderr(cli.t('cli:refusal', { detail: cli.t(`cli:refused.${error.key}`, error.params) }) + '\n');
  return EXIT_USAGE;
}

/** The writer for the output folder, or the exit code when policyc may not write there. */
function openWriter(build: WriterContext, files: readonly string[], roots: readonly string[]): Writer | number {
  const { options, io, groups, outDir, mods } = build;
  try {
    mods.checkOutputFolder(options.out, io.cwd, files, roots);
    return new mods.OutputWriter(outDir, {
      shownAs: shownPath(io.cwd, outDir, options.out),
      overwriteEdited: options.values.force === true,
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
 * What the build must know of each policy before it reports any: see
 * policyInput. A policy whose manifest does not begin with its key must be
 * compiled, and is handed to the pool at once (so that compiling overlaps
 * reading the rest); the others are `candidates` for the cache, in order.
 */
function readInputs(
  mods: BuildModules,
  options: CommonOptions,
  { jobs, cacheable, outDir }: { jobs: readonly CompileJob[]; cacheable: boolean; outDir: string },
  pool: CompilePool,
): { inputs: PolicyInput[]; candidates: number[] } {
  const useCache = cacheable && options.values.force !== true;
  const keyOf = cacheable && jobs.length ? cacheKeys(mods, options, jobs[0]!) : undefined;
  const candidates: number[] = [];
  const inputs = jobs.map((job) => {
    const input = policyInput(mods, job, keyOf);
    const { key, id } = input;
    if (useCache && key && id && mods.cache.storedKey(outDir, id) === key) candidates.push(job.index);
    else pool.submit(job);
    return input;
  });
  return { inputs, candidates };
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
): PolicyInput {
  const bytes = mods.cache.policyBytes(job.file);
  if (bytes === undefined) return { sources: [job.displayPath] };
  const guess = keyOf && mods.cache.extendsNothing(bytes) ? mods.cache.guessPolicyId(bytes) : undefined;
  const text = guess === undefined ? bytes.toString('utf8') : undefined;
  const sources = text === undefined ? [] : policySources(text, job.file, job.displayPath).slice(1);
  const input: PolicyInput = { sources: [job.displayPath, ...sources.map((source) => source.display)] };
  if (!keyOf) return input;
  const key = keyOf([bytes, ...sources.map((source) => source.text)]);
  const id = guess ?? mods.cache.policyId(text!);
  return { ...input, key, ...(id !== undefined ? { id } : {}) };
}

/** How many cache candidates are taken between two looks at the results the pool has ready. */
const CANDIDATES_PER_TURN = 32;

/**
 * In command-line order, each candidate is reported from the cache or compiled
 * after all. Every CANDIDATES_PER_TURN candidates this thread takes the
 * results the pool has ready: the report cannot go past a policy still being
 * compiled, and the sooner its result is taken, the fewer cached policies'
 * diagnostics wait in memory for it (holding them cost more collection time
 * than the look-ups themselves).
 */
async function takeFromCache(build: Build, candidates: readonly CompileJob[], pool: CompilePool): Promise<void> {
  for (const [n, job] of candidates.entries()) {
    if (n > 0 && n % CANDIDATES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    if (!fromCache(build, job)) pool.submit(job);
  }
}

/**
 * A full build leaves an organisation whose manifest has the policy's key as
 * it is (--force: rebuild all). True when `job` was taken from the cache: its
 * stored diagnostics are reported as a full build would report them.
 */
function fromCache(build: Build, job: CompileJob): boolean {
  const { key, id } = build.inputs[job.index]!;
  if (key === undefined || id === undefined) return false;
  const source = manifestSource(build, job.file);
  const hit = build.mods.cache.cachedPolicy(build.outDir, { id, key, source }, job.displayPath, build.lang);
  if (!hit) return false;
  report(build, { index: job.index, displayPath: job.displayPath, ...hit }, build.mods.giveTexts);
  build.cached++;
  return true;
}

/**
 * Hands one policy's diagnostics to the report, written in the message
 * language: from `texts` when given (by `attach`: withTexts, or giveTexts for
 * diagnostics this build has just parsed), else written here.
 */
function report(
  build: Build,
  policy: Omit<PolicyReport, 'diagnostics' | 'findings'> & Pick<CompileJobResult, 'diagnostics' | 'findings' | 'texts'>,
  attach: BuildModules['withTexts'] = build.mods.withTexts,
): void {
  const localised = (list: readonly Diagnostic[], texts: readonly DiagnosticTexts[] | undefined) =>
    list.map((d, i) => (texts ? attach(d, texts[i]!) : build.mods.localiseDiagnostic(d, build.lang)));
  build.report.add({
    index: policy.index,
    displayPath: policy.displayPath,
    ...(policy.id !== undefined ? { id: policy.id } : {}),
    ...(policy.idPosition ? { idPosition: policy.idPosition } : {}),
    diagnostics: localised(policy.diagnostics, policy.texts?.diagnostics),
    findings: applyRuleSettings(localised(policy.findings, policy.texts?.findings), build.options.config.rules),
  });
}

/**
 * Reports one compiled policy and stages its files, unless the build has
 * already failed. A `fresh` result (from a worker) is reported in place
 * (giveTexts), which saves a copy of each of its diagnostics; its manifest
 * fields are made first, from the diagnostics as compiled.
 */
function stageResult(build: Build, writer: Writer, result: CompileJobResult, fresh: boolean): void {
  const key = build.inputs[result.index]?.key;
  // Once the build has failed nothing more is staged: no manifest to make for it.
  const cacheFields = key && !hasFailed(build) ? build.mods.cache.manifestExtras(key, result, build.lang) : {};
  const manifest = { ...cacheFields, source: manifestSource(build, build.found.files[result.index]!) };
  report(build, result, fresh ? build.mods.giveTexts : build.mods.withTexts);
  if (hasFailed(build)) return; // keep checking the rest, but stage nothing more
  try {
    // The files, already written by the thread that compiled them: every job of a build has stageInto.
    const staged = result.staged!;
    if ('error' in staged) throw new Error(staged.error);
    writer.staged(staged.organisations, manifest, staged.sha256);
    build.fileCount += staged.files;
  } catch (error) {
    build.writeError = error as Error;
  }
}

/** An error reported or a write failed: the build stages nothing more. */
function hasFailed(build: Build): boolean {
  return build.report.problems.error > 0 || build.writeError !== undefined;
}

/** The failure under strict names where strict was asked for: --strict, or "strict": true in the config file. */
function strictKey(build: Build): string {
  return build.options.fromConfig?.includes('strict') ? 'report:buildStrictConfig' : 'report:buildStrict';
}

/** The config file as messages show it. */
function configName(build: Build): string {
  return build.options.config.file ? relativeTo(build.io, build.options.config.file) : '';
}

/** Why the build must not be written (a write error, --strict findings, too many warnings, errors), or undefined. */
function verdict(build: Build): string | undefined {
  const out = relativeTo(build.io, build.outDir, build.options.out);
  const report = messagesFor(build.lang);
  if (build.writeError)
    return report.t('report:writeFailed', { detail: systemErrorText(build.writeError, report), out });
  const counts = build.report.problems;
  const found = build.report.findings;
  const warnings = counts.warning + found.warning;
  if (build.options.values.strict === true && found.error + found.warning > 0)
    return report.t(strictKey(build), { errors: found.error, warnings: found.warning, out, file: configName(build) });
  if (build.limit !== undefined && warnings > build.limit)
    return report.t('report:tooManyWarnings', { warnings, limit: build.limit });
  if (counts.error > 0) return report.t('report:buildFailed', { count: counts.error, out });
  return undefined;
}

/** Swaps the staged outputs into place and says what was built. */
function commit(build: Build, writer: Writer, policies: number): number {
  const { io } = build;
  const out = relativeTo(io, build.outDir, build.options.out);
  const report = messagesFor(build.lang);
  let result;
  try {
    result = writer.commit(wholeBuild(build) ? pruneOptions(build) : undefined);
  } catch (error) {
    if (error instanceof build.mods.OutputRefusal) return refused(build, error);
    io.stderr(report.t('report:writeFailed', { detail: systemErrorText(error, report), out }) + '\n');
    return EXIT_INVALID;
  }
  // Folders removed or kept first: the closing line below then ends the run (it says nothing of them).
  reportOrphans(build, result);
  // What was compiled and written, and what was left as it was: not 'Built 1 policy: 0 files' for a cached one.
  const compiled = policies - build.cached;
  if (compiled === 0) io.stderr(report.t('report:upToDate', { count: policies, out }) + '\n');
  else {
    io.stderr(report.t('report:built', { count: compiled, out, files: build.fileCount }) + '\n');
    if (build.cached) io.stderr(report.t('report:builtCached', { count: build.cached }) + '\n');
  }
  return EXIT_OK;
}

/**
 * A build of every policy (none named on the command line, all outputs):
 * an organisation folder left by a policy that no longer exists is removed
 * (policyc made it) or kept with a warning (it holds files of someone else's).
 */
function wholeBuild(build: Build): boolean {
  return !build.groups && build.options.paths.length === 0;
}

/**
 * What a whole build read, by which the writer tells a policy that is really
 * gone from one this build did not read: each policy file with its id (a
 * policy taken from the cache keeps its folder, which was not staged), the
 * inputs and the folders skipped.
 */
function pruneOptions(build: Build): PruneOptions {
  const read = new Map(build.found.files.map((file, index) => [path.resolve(file), build.inputs[index]?.id] as const));
  return {
    read,
    roots: build.found.roots,
    home: path.resolve(build.io.cwd),
    skipped: build.found.skippedFolders,
    show: (file) => relativeTo(build.io, file),
  };
}

/** A policy file as its organisation's manifest records it: relative to the output folder, '/'-separated. */
function manifestSource(build: Build, file: string): string {
  return posixRelative(build.outDir, path.resolve(file));
}

/**
 * One line per organisation folder a whole build removed, or kept though its
 * policy seems gone; the folders of another project sharing --out in one line
 * (a chain's builds would otherwise repeat a line for each on every build).
 */
function reportOrphans(build: Build, result: ReturnType<Writer['commit']>): void {
  const report = messagesFor(build.lang);
  const out = relativeTo(build.io, build.outDir, build.options.out);
  const shown = (org: string) => path.join(out, org);
  for (const org of result.removed)
    build.io.stderr(report.t('report:orphanRemoved', { folder: shown(org), id: org }) + '\n');
  const others = result.kept.filter((kept) => kept.key === 'otherProject');
  for (const kept of result.kept) {
    if (kept.key === 'otherProject') continue;
    const reason = KEPT_REASONS.includes(kept.key) ? kept.key : 'other';
    const files = kept.files ? { files: userFiles(kept.files, report) } : {};
    build.io.stderr(
      report.t(`report:orphanKept.${reason}`, {
        folder: shown(kept.organisation),
        id: kept.organisation,
        ...kept.params,
        ...files,
      }) + '\n',
    );
  }
  if (others.length) build.io.stderr(otherProjects(others, out, report) + '\n');
}

/** The files kept in a folder of a policy that is gone, each with why (changed, or added). */
function userFiles(files: UserFiles, report: Messages): string {
  const named = [
    ...files.changed.map((file) => ({ file, key: 'changedFile' })),
    ...files.added.map((file) => ({ file, key: 'addedFile' })),
  ].sort((a, b) => (a.file < b.file ? -1 : 1));
  return named.map(({ file, key }) => report.t(`report:orphanKept.${key}`, { file: printable(file) })).join(', ');
}

/** A file name someone else chose, with its control characters as \\u escapes: none reaches the terminal. */
function printable(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** How many of the folders made from another project's policies the line names. */
const OTHER_IDS_SHOWN = 5;

/** The one line for the folders that share the output folder and were made from another project's policies. */
function otherProjects(others: readonly KeptOrphan[], out: string, report: Messages): string {
  const first = others[0]!;
  const params = { folder: path.join(out, first.organisation), id: first.organisation, out, ...first.params };
  const ids = others.slice(0, OTHER_IDS_SHOWN).map((kept) => kept.organisation);
  const more = others.length - ids.length;
  const named = more > 0 ? report.t('report:orphanKept.moreIds', { ids: ids.join(', '), count: more }) : ids.join(', ');
  return report.t('report:orphanKept.otherProject', { ...params, count: others.length, ids: named });
}

/** Why a folder was kept, each with its sentence in report.json's orphanKept (any other refusal: 'other'). */
const KEPT_REASONS: readonly string[] = ['oldManifest', 'noHashes', 'notRead', 'skipped', 'sourcePresent', 'userFiles'];

/** `policyc build [paths…] --out dist --lang nl,en --jobs N --bom [--watch]`. */
export async function run(options: CommonOptions, io: CliIo): Promise<number> {
  if (options.values.watch !== true) return compileAndWrite(options, io);
  const { watchAndBuild } = await import('./build-watch.js');
  return watchAndBuild(options, io, (o, i) => compileAndWrite(o, i));
}

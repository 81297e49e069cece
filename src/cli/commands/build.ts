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
import type { OutputRefusal as Refusal } from '../../output/output-ownership.js';
import {
  emptyResult,
  namedSome,
  resultEntry,
  writeBuildResult,
  type BuildResult,
  type SkipReason,
} from '../build-result.js';
import { isLanguage, messagesFor, type Language, type Messages } from '../../i18n/messages.js';
import { policySources } from '../../load/extends.js';
import { posixPath, posixRelative, shownPath } from '../../paths.js';
import { systemErrorText } from '../../diagnostics/system-error.js';
import { CSV_DIALECTS, isCsvDialect, type CsvDialect } from '../../render/register/csv-dialect.js';
import {
  cli,
  EXIT_BUSY,
  EXIT_CANTCREAT,
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
    { checkOutputFolder, OutputRefusal, isWithin },
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
    isWithin,
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
  /** --keep-going: write every policy without an error that stops a build, and skip the others. */
  readonly keepGoing: boolean;
  /** The policies this build checks but does not compile into outputs (see CheckOnly). */
  readonly checkOnly: CheckOnly;
  /** --keep-going: the organisation folders policyc may not change, found before compiling; their policies are skipped. */
  readonly refused: ReadonlyMap<number, Refusal>;
  /** --keep-going and --strict: the places of the policies whose findings fail under --strict. */
  readonly strictFailed: Set<number>;
  /** The place of the policy each staged organisation was made from. */
  readonly stagedIds: Map<string, number>;
  /** --keep-going: two policies with one id were both compiled (an id the build could not read first): nothing is written. */
  unsafe: boolean;
  /** What the build did, for --report. */
  readonly result: BuildResult;
}

/**
 * The policies a build only checks: every one it starts after an error that stops it (`all`, without
 * --keep-going: it will write nothing, so it renders nothing more, and still reports every policy's findings),
 * and (--keep-going) those it skips whatever they hold (`places`: a folder it may not change, an id an earlier
 * policy has).
 */
interface CheckOnly {
  all: boolean;
  readonly places: Set<number>;
}

/** A job that loads, validates and checks its policy but renders and writes nothing. */
function onlyChecked(job: CompileJob): CompileJob {
  const { stageInto: _stageInto, ...rest } = job;
  return { ...rest, groups: [] };
}

/** What opening the output folder needs. */
type WriterContext = Pick<Build, 'options' | 'io' | 'groups' | 'outDir' | 'mods' | 'result'>;

/** What the build knows of a policy before compiling it. */
interface PolicyInput {
  /** The display paths of the files it may report on: its own and those of the bases it extends. */
  sources: string[];
  /** Its id, when its text is a JSON object with a valid one. */
  id?: string;
  /** The cache key of a full build (text, bases, tool, options); none for partial builds and --history. */
  key?: string;
  /** Its text is not JSON (or cannot be read): compiled first, so that the error that stops the build comes soon. */
  suspect?: boolean;
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
  const outDir = path.resolve(io.cwd, options.out);
  const out = relativeTo(io, outDir, options.out);
  const result = emptyResult(resultPath(mods, io.cwd, outDir));
  // From here on, Ctrl+C or SIGTERM leaves nothing of this build's in the output folder (no staging folder, no lock)
  // and says so. Listening before the folder is opened: a signal while it is opened waits for the first await.
  const running: Running = {};
  const signals = cleanUpOnStop(async () => {
    await running.pool?.stop?.();
    running.writer?.abort();
    running.report?.finish();
    io.stderr(cli.t('cli:interrupted', { out }) + '\n');
  });
  try {
    const context = { options, io, groups, outDir, mods, result };
    const writer = openWriter(context, found.files, found.roots);
    if (typeof writer === 'number') return writer;
    running.writer = writer;
    const jobs: CompileJob[] = found.files.map((file, index) => ({
      index,
      file,
      displayPath: diagnosticPath(io, file),
      ...settings,
      messageLanguage: lang,
      stageInto: writer.stagingFolder,
    }));
    const started = startBuild({ ...context, lang, limit, found }, writer, jobs, jobsRequested);
    if (typeof started === 'number') return started;
    const { build, pool, candidates } = started;
    Object.assign(running, { pool, report: build.report });
    const code = await compileAndCommit(build, { writer, pool, stopping: signals.stopping }, candidates);
    // A signal that came while the output was committed (a synchronous swap) is handled now, and says the output is
    // whole; under --watch it ends the watch instead (build-watch.ts).
    const written = result.result === 'built' || result.result === 'partial';
    const said = cli.t(written ? 'cli:interruptedAfterCommit' : 'cli:interrupted', { out });
    if (options.values.watch !== true) await signals.committed(() => io.stderr(said + '\n'));
    return code;
  } finally {
    signals.done();
  }
}

/** What a signal's clean-up stops: the output folder's writer, the pool, the report. */
type Running = { writer?: Writer; pool?: CompilePool; report?: BuildReport };

/** What startBuild needs: the invocation and what it has read. */
type BuildStart = WriterContext & Pick<Build, 'lang' | 'limit' | 'found'>;

/**
 * Reads every policy (its id, cache key and bases), looks at the folders of those to compile (refusing, or with
 * --keep-going skipping, those policyc may not change) and hands those to the pool, likely failures first (a file
 * that is not JSON: after an error that stops the build the others are only checked). The build, or the exit code of
 * a refusal; the cache's candidates are left to compileAndCommit.
 */
function startBuild(
  start: BuildStart,
  writer: Writer,
  jobs: readonly CompileJob[],
  jobsRequested: number | undefined,
): { build: Build; pool: CompilePool; candidates: CompileJob[] } | number {
  const { options, groups, mods, outDir } = start;
  const keepGoing = options.values['keep-going'] === true;
  const checkOnly: CheckOnly = { all: false, places: new Set() };
  // Results are handled only when this thread waits (takeFromCache, pool.finish), by when `build` is made.
  // Without --jobs, a build that compiles only a few policies (the rest from the cache) starts no worker.
  const pool = mods.compilePool(
    mods.chooseJobs(jobs.length, jobsRequested),
    (compiled, fresh) => stageResult(build, writer, compiled, fresh),
    jobsRequested === undefined,
    (job) => (checkOnly.all || checkOnly.places.has(job.index) ? onlyChecked(job) : job),
  );
  // With --history the outputs depend on the git log as well as the text: every policy is compiled.
  const cacheable = !groups && options.values.history !== true;
  const { inputs, candidates, compileNow } = readInputs(mods, options, { jobs, cacheable, outDir, keepGoing });
  if (keepGoing) for (const place of laterWithSameId(inputs)) checkOnly.places.add(place);
  const refused = refusedFolders(start, writer, inputs, compileNow);
  if (refused.size && !keepGoing) return refuseAll(start, writer, [...refused.values()]);
  for (const place of refused.keys()) checkOnly.places.add(place);
  const suspects = compileNow.filter((i) => inputs[i]!.suspect);
  for (const index of [...suspects, ...compileNow.filter((i) => !inputs[i]!.suspect)]) pool.submit(jobs[index]!);
  const state = { keepGoing, checkOnly, refused, strictFailed: new Set<number>(), stagedIds: new Map(), unsafe: false };
  const build: Build = { ...start, inputs, report: buildReport(start, inputs), cached: 0, fileCount: 0, ...state };
  return { build, pool, candidates: candidates.map((index) => jobs[index]!) };
}

/**
 * The build's report. The config file's acknowledgements: any policy, and the end of the run, may report on them
 * (BuildReport's atEnd). Text and compact write each policy's findings as they come, a finding repeated in several
 * policies' files only at the first, and one line for each at the end naming the others (streamed-repeats.ts, which
 * keeps a hash and a count per distinct finding); JSON writes each policy's as it comes, SARIF all at the end.
 */
function buildReport(start: BuildStart, inputs: readonly PolicyInput[]): BuildReport {
  const { options, io, lang, mods, found } = start;
  const report = new mods.BuildReport(
    inputs.map((input) => input.sources),
    diagnosticSinkFor(options, io, lang, 'streamed'),
    (d) => mods.localiseDiagnostic(d, lang),
    options.acknowledged?.[0]?.file,
  );
  report.addRun([...found.skipped, ...ignoredBom(options)]);
  return report;
}

/** --keep-going: the places of the policies whose id an earlier policy (on the command line) has: they are only checked. */
function laterWithSameId(inputs: readonly PolicyInput[]): number[] {
  const seen = new Set<string>();
  const later: number[] = [];
  inputs.forEach((input, place) => {
    if (input.id === undefined) return;
    if (seen.has(input.id)) later.push(place);
    seen.add(input.id);
  });
  return later;
}

/**
 * The organisation folders of the policies about to be compiled that policyc may not change (by the policy's
 * place): looked at before compiling, so that one run names every one of them. A full build only, which knows
 * each policy's id before compiling; commit() looks again, at every folder it would change.
 */
function refusedFolders(
  build: WriterContext,
  writer: Writer,
  inputs: readonly PolicyInput[],
  compileNow: readonly number[],
): Map<number, Refusal> {
  const places = new Map<string, number>();
  for (const place of compileNow) {
    const id = inputs[place]!.id;
    if (id !== undefined && !places.has(id)) places.set(id, place);
  }
  if (build.groups || !places.size) return new Map();
  // With --lang, a file in another language's folder is one the build no longer makes.
  const languages = build.options.lang ? parseLanguages(build.options.lang) : undefined;
  const dropped = (file: string): boolean => {
    const [folder = '', ...rest] = file.split('/');
    return languages !== undefined && rest.length > 0 && isLanguage(folder) && !languages.includes(folder);
  };
  const refused = writer.refusedFolders([...places.keys()], dropped);
  return new Map([...refused].map(([id, refusal]) => [places.get(id)!, refusal] as const));
}

/** Refuses the build for `refusals` (each said on its own line), before anything was compiled or written. */
function refuseAll(build: WriterContext, writer: Writer, refusals: readonly Refusal[]): number {
  writer.abort();
  const [first, ...rest] = refusals;
  return refused(build, new build.mods.OutputRefusal(first!.key, first!.params, rest));
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
    build.result.built.length = 0; // staged, but nothing was written
    return finished(build, 'failed', EXIT_INVALID);
  }
  return commit(build, writer);
}

/** Writes the build result (--report) with its outcome and exit code; returns the exit code. */
function finished(
  build: Pick<Build, 'options' | 'io' | 'result'>,
  outcome: BuildResult['result'],
  code: number,
): number {
  const file = build.options.values.report;
  build.result.result = outcome;
  build.result.exitCode = code;
  if (typeof file === 'string') writeBuildResult(file, build.io.cwd, build.result);
  return code;
}

/** Refusals about --out itself (where it is, not what is in it): the command must change, a usage error. */
const OUT_REFUSALS: readonly string[] = [
  'outEmpty',
  'outProjectRoot',
  'outInPolicies',
  'outIsPolicy',
  'outHoldsPolicies',
];

/**
 * The exit code of a refusal to write: a held lock is EXIT_BUSY (try again later), a refused --out a usage error,
 * and an output folder policyc may not change (foreign or edited files, permissions, …) EXIT_CANTCREAT.
 */
function refusalCode(key: string): number {
  if (key === 'locked') return EXIT_BUSY;
  return OUT_REFUSALS.includes(key) ? EXIT_USAGE : EXIT_CANTCREAT;
}

/** A refusal to write, and those found with it, each on a line of its own, with its exit code; anything else is rethrown. */
function refused(build: Pick<Build, 'mods' | 'io' | 'options' | 'result'>, error: unknown): number {
  if (!(error instanceof build.mods.OutputRefusal)) throw error;
  for (const refusal of error.all) {
    const message = cli.t(`cli:refused.${refusal.key}`, refusal.params);
    build.io.stderr(cli.t('cli:refusal', { detail: message }) + '\n');
    const folder = refusal.params.path ?? refusal.params.out ?? '';
    build.result.refused.push({ folder: posixPath(folder), reason: refusal.key, message });
  }
  const code = refusalCode(error.key);
  return finished(build, code === EXIT_BUSY ? 'busy' : 'refused', code);
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
  settings: { jobs: readonly CompileJob[]; cacheable: boolean; outDir: string; keepGoing: boolean },
): { inputs: PolicyInput[]; candidates: number[]; compileNow: number[] } {
  const { jobs, cacheable, outDir } = settings;
  const useCache = cacheable && options.values.force !== true;
  const keyOf = cacheable && jobs.length ? cacheKeys(mods, options, jobs[0]!) : undefined;
  const candidates: number[] = [];
  const compileNow: number[] = [];
  const inputs = jobs.map((job) => {
    const { input, bytes } = policyInput(mods, job, keyOf, settings.keepGoing);
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
  const findings = report(build, { index: job.index, displayPath: job.displayPath, ...hit }, build.mods.giveTexts);
  if (build.keepGoing && failsStrict(build, findings)) build.strictFailed.add(job.index);
  else build.result.unchanged.push(resultEntry({ id, folder: folderOf(build, id), source: job.displayPath }));
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
): readonly Diagnostic[] {
  const localised = (list: readonly Diagnostic[], texts: readonly DiagnosticTexts[] | undefined) =>
    list.map((d, i) => (texts ? attach(d, texts[i]!) : build.mods.localiseDiagnostic(d, build.lang)));
  const findings = applyRuleSettings(localised(policy.findings, policy.texts?.findings), build.options.config.rules);
  build.report.add({
    index: policy.index,
    displayPath: policy.displayPath,
    ...(policy.id !== undefined ? { id: policy.id } : {}),
    ...(policy.idPosition ? { idPosition: policy.idPosition } : {}),
    diagnostics: localised(policy.diagnostics, policy.texts?.diagnostics),
    findings,
  });
  return findings;
}

/** Whether --strict (flag or config) is on and `findings` hold an error or warning not acknowledged: what --strict fails on. */
function failsStrict(build: Build, findings: readonly Diagnostic[]): boolean {
  return (
    build.options.values.strict === true &&
    findings.some((d) => !d.acknowledged && (d.severity === 'error' || d.severity === 'warning'))
  );
}

/** An organisation's folder in the output folder, as the report shows it. */
function folderOf(build: Pick<Build, 'io' | 'outDir' | 'mods'>, id: string): string {
  return resultPath(build.mods, build.io.cwd, path.join(build.outDir, id));
}

/** A path in the build result: relative to the working folder when inside it (whatever --out or the config says), else absolute. */
function resultPath(mods: BuildModules, cwd: string, target: string): string {
  return mods.isWithin(target, cwd) ? path.relative(cwd, target) || '.' : target;
}

/**
 * Reports one compiled policy and stages its files, unless the build has
 * already failed. A `fresh` result (from a worker) is reported in place
 * (giveTexts), which saves a copy of each of its diagnostics; its manifest
 * fields are made first, from the diagnostics as compiled.
 */
function stageResult(build: Build, writer: Writer, result: CompileJobResult, fresh: boolean): void {
  const key = build.inputs[result.index]?.key;
  // Once the build has failed nothing more is staged (nor, for a policy only checked): no manifest to make for it.
  const staging = result.staged !== undefined && !hasFailed(build);
  const cacheFields = key && staging ? build.mods.cache.manifestExtras(key, result, build.lang) : {};
  const manifest = { ...cacheFields, source: manifestSource(build, build.found.files[result.index]!) };
  const findings = report(build, result, fresh ? build.mods.giveTexts : build.mods.withTexts);
  // Without --keep-going nothing will be written: the policies still to start are only checked (see CheckOnly).
  if (hasFailed(build)) return void (build.checkOnly.all = !build.keepGoing);
  if (result.staged === undefined || build.report.failedPolicies.has(result.index)) return;
  if (build.keepGoing && failsStrict(build, findings)) return void build.strictFailed.add(result.index);
  if (result.id !== undefined && (build.stagedIds.get(result.id) ?? result.index) !== result.index)
    return void (build.unsafe = true);
  try {
    // The files, already written by the thread that compiled them.
    const staged = result.staged;
    if ('error' in staged) throw new Error(staged.error);
    writer.staged(staged.organisations, manifest, staged.sha256);
    build.fileCount += staged.files;
    if (result.id === undefined) return;
    build.stagedIds.set(result.id, result.index);
    build.result.built.push(
      resultEntry({ id: result.id, folder: folderOf(build, result.id), source: result.displayPath }),
    );
  } catch (error) {
    build.writeError = error as Error;
  }
}

/**
 * The build stages nothing more: a write failed, or (without --keep-going, which skips only the failing
 * policies) an error was reported.
 */
function hasFailed(build: Build): boolean {
  return build.writeError !== undefined || (!build.keepGoing && build.report.problems.error > 0);
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
  // --keep-going skips each policy that fails (errors, --strict) and writes the others; --max-warnings counts the run.
  const whole = !build.keepGoing || build.unsafe;
  if (whole && build.options.values.strict === true && found.error + found.warning > 0)
    return report.t(strictKey(build), { errors: found.error, warnings: found.warning, out, file: configName(build) });
  if (build.limit !== undefined && warnings > build.limit)
    return report.t('report:tooManyWarnings', { warnings, limit: build.limit });
  if (whole && counts.error > 0)
    return report.t('report:buildFailed', { count: counts.error, out, files: failedFiles(build, report) });
  return undefined;
}

/** How many files the closing line of a failed build names before it counts the rest. */
const FAILED_FILES_SHOWN = 3;

/** The files with errors that stop the build, a few named and the rest counted. */
function failedFiles(build: Build, report: Messages): string {
  const files = build.report.failedFiles;
  return namedSome(files, FAILED_FILES_SHOWN, (list, count) => report.t('report:namedMore', { list, count }));
}

/** Swaps the staged outputs into place and says what was built (and, --keep-going, what was skipped). */
function commit(build: Build, writer: Writer): number {
  const { io } = build;
  const out = relativeTo(io, build.outDir, build.options.out);
  const report = messagesFor(build.lang);
  const skipped = skippedPolicies(build);
  let result;
  try {
    result = writer.commit(wholeBuild(build) ? pruneOptions(build, skipped) : undefined);
  } catch (error) {
    if (error instanceof build.mods.OutputRefusal) {
      build.result.built.length = 0; // nothing was written
      return refused(build, error);
    }
    io.stderr(report.t('report:writeFailed', { detail: systemErrorText(error, report), out }) + '\n');
    return finished(build, 'failed', EXIT_INVALID);
  }
  // Folders removed or kept first: the closing line below then ends the run (it says nothing of them).
  reportOrphans(build, result);
  // What was compiled and written, and what was left as it was: not 'Built 1 policy: 0 files' for a cached one.
  const built = build.result.built.length;
  const unchanged = build.result.unchanged.length;
  if (built === 0 && (unchanged > 0 || !skipped.size))
    io.stderr(report.t('report:upToDate', { count: unchanged, out }) + '\n');
  else if (built > 0) {
    io.stderr(report.t('report:built', { count: built, out, files: build.fileCount }) + '\n');
    if (unchanged) io.stderr(report.t('report:builtCached', { count: unchanged }) + '\n');
  }
  if (!skipped.size) return finished(build, 'built', EXIT_OK);
  reportSkipped(build, skipped, report, out);
  return finished(build, 'partial', build.refused.size ? EXIT_CANTCREAT : EXIT_INVALID);
}

/** --keep-going: the policies not written, by place, each with why; none otherwise. */
function skippedPolicies(build: Build): Map<number, SkipReason> {
  const skipped = new Map<number, SkipReason>();
  if (!build.keepGoing) return skipped;
  for (const place of build.strictFailed) skipped.set(place, 'strict');
  for (const place of build.report.failedPolicies) skipped.set(place, 'errors');
  for (const place of build.refused.keys()) skipped.set(place, 'refused');
  return new Map([...skipped].sort(([a], [b]) => a - b));
}

/** How many skipped policies the line names before it counts the rest. */
const SKIPPED_SHOWN = 5;

/** --keep-going: the refusals found before compiling, then one line naming the policies skipped; all in the build result. */
function reportSkipped(build: Build, skipped: ReadonlyMap<number, SkipReason>, report: Messages, out: string): void {
  const refusals = [...build.refused.values()];
  for (const refusal of refusals) {
    // The sentence's variant that says the other policies were written (refused.<key>_skipped).
    const detail = cli.t(`cli:refused.${refusal.key}`, { ...refusal.params, context: 'skipped' });
    build.io.stderr(cli.t('cli:refusal', { detail }) + '\n');
  }
  const shown: string[] = [];
  for (const [place, reason] of skipped) {
    const id = build.inputs[place]?.id;
    const source = diagnosticPath(build.io, build.found.files[place]!);
    shown.push(source);
    build.result.skipped.push({ ...resultEntry({ id, folder: id && folderOf(build, id), source }), reason });
  }
  const files = namedSome(shown, SKIPPED_SHOWN, (list, count) => report.t('report:namedMore', { list, count }));
  build.io.stderr(report.t('report:skipped', { count: skipped.size, files, out }) + '\n');
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
function pruneOptions(build: Build, skipped: ReadonlyMap<number, SkipReason>): PruneOptions {
  const read = new Map(build.found.files.map((file, index) => [path.resolve(file), build.inputs[index]?.id] as const));
  return {
    read,
    failed: new Set([...skipped.keys()].map((place) => path.resolve(build.found.files[place]!))),
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
 * One line per organisation folder a whole build removed, or kept though its policy seems gone; the folders of
 * another project sharing --out in one line (a chain's builds would otherwise repeat a line for each on every
 * build), and past KEPT_SHOWN folders kept for one reason, the first said in full and the rest in one line. The
 * folders of the policies --keep-going skipped are left without a word (the skipped line names them).
 */
function reportOrphans(build: Build, result: ReturnType<Writer['commit']>): void {
  const report = messagesFor(build.lang);
  const out = relativeTo(build.io, build.outDir, build.options.out);
  const shown = (org: string) => path.join(out, org);
  for (const org of result.removed) {
    build.io.stderr(report.t('report:orphanRemoved', { folder: shown(org), id: org }) + '\n');
    build.result.removed.push(resultEntry({ id: org, folder: folderOf(build, org) }));
  }
  const kept = result.kept.filter((k) => k.key !== 'failed');
  for (const k of kept)
    build.result.leftInPlace.push({
      ...resultEntry({ id: k.organisation, folder: folderOf(build, k.organisation) }),
      reason: k.key,
    });
  const byReason = new Map<string, KeptOrphan[]>();
  for (const k of kept) {
    if (k.key === 'otherProject') continue;
    const reason = KEPT_REASONS.includes(k.key) ? k.key : 'other';
    byReason.set(reason, [...(byReason.get(reason) ?? []), k]);
  }
  for (const [reason, folders] of byReason) {
    for (const k of folders.slice(0, folders.length > KEPT_SHOWN + 1 ? 1 : KEPT_SHOWN + 1))
      build.io.stderr(keptLine(k, reason, shown, report) + '\n');
    if (folders.length > KEPT_SHOWN + 1) build.io.stderr(sameReason(folders.slice(1), out, report) + '\n');
  }
  const others = kept.filter((k) => k.key === 'otherProject');
  if (others.length) build.io.stderr(otherProjects(others, out, report) + '\n');
}

/** Past this many folders kept for one reason, the first is said in full and the others in one line. */
const KEPT_SHOWN = 3;

/** The line for one folder kept though its policy seems gone, with why. */
function keptLine(kept: KeptOrphan, reason: string, shown: (org: string) => string, report: Messages): string {
  const files = kept.files ? { files: userFiles(kept.files, report) } : {};
  return report.t(`report:orphanKept.${reason}`, {
    folder: shown(kept.organisation),
    id: kept.organisation,
    ...kept.params,
    ...files,
  });
}

/** The one line for the other folders kept for the reason the line before gives. */
function sameReason(kept: readonly KeptOrphan[], out: string, report: Messages): string {
  const ids = kept.map((k) => k.organisation);
  const named = namedSome(ids, OTHER_IDS_SHOWN, (list, count) => report.t('report:namedMore', { list, count }));
  return report.t('report:orphanKept.sameReason', { count: kept.length, out, ids: named });
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

import path from 'node:path';
import type { CompileJob } from '../compile-job.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DiagnosticTexts } from '../../diagnostics/render-message.js';
import { unknownPolicyAcknowledgements } from '../../check/acknowledge.js';
import { applyRuleSettings } from '../../config/policyc-config.js';
import type { CompileJobResult } from '../compile-job.js';
import type { CompilePool } from '../compile-many.js';
import type { BuildReport, PolicyReport } from '../build-report.js';
import { emptyResult, resultEntry } from '../build-result.js';
import { messagesFor } from '../../i18n/messages.js';
import { posixRelative } from '../../paths.js';
import { systemErrorText } from '../../diagnostics/system-error.js';
import {
  cli,
  EXIT_CANTCREAT,
  EXIT_INVALID,
  EXIT_OK,
  maxWarnings,
  messageLanguage,
  findPolicyFiles,
  relativeTo,
  diagnosticSinkFor,
  printCounts,
  diagnosticPath,
  type CliIo,
  type CommonOptions,
} from '../cli-support.js';
import { parseJobs, jobSettings, ignoredBom } from './build-options.js';
import {
  loadBuildModules,
  type BuildModules,
  type Writer,
  type Build,
  type CheckOnly,
  type PolicyInput,
  type BuildStart,
} from './build-state.js';
import {
  onlyChecked,
  othersWithSameId,
  idKeepers,
  type IdKeepers,
  failsStrict,
  skippedPolicies,
  reportSkipped,
} from './build-keep-going.js';
import { refusedFolders, refuseAll, refused, openWriter, refusedLater } from './build-refusals.js';
import { finished, folderOf, resultPath } from './build-outcome.js';
import { readInputs } from './build-inputs.js';
import { cleanUpOnInterrupt, type Running } from './build-interrupt.js';
import { verdict } from './build-verdict.js';
import { checkReportTarget } from '../report-target.js';
import { wholeBuild, pruneOptions, reportOrphans, reportDropped } from './build-orphans.js';

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
  const reportFile = options.values.report;
  if (typeof reportFile === 'string')
    checkReportTarget(reportFile, io, {
      inputs: [...found.files, ...configFile(options)],
      outDir,
      // Where this build and a next one of every policy look for policies.
      roots: [...found.roots, ...(options.config.policies ?? ['policies']).map((p) => path.resolve(io.cwd, p))],
    });
  const out = relativeTo(io, outDir, options.out);
  const result = emptyResult(resultPath(io.cwd, outDir));
  // Listening before the folder is opened: a signal while it is opened waits for the first await.
  const running: Running = {};
  // Stopped before the output was committed (Ctrl+C, SIGTERM): nothing was written.
  const signals = cleanUpOnInterrupt(running, io, out, (code) => finished({ options, io, result }, 'stopped', code));
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
    if (options.values.watch !== true)
      await signals.committed((signalled) => {
        io.stderr(said + '\n');
        // The build result says the exit code the process ends with.
        finished({ options, io, result }, result.result, signalled);
      });
    return code;
  } finally {
    signals.done();
  }
}

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
  const keepers = idKeepers(inputs);
  if (keepGoing) for (const place of othersWithSameId(inputs, keepers)) checkOnly.places.add(place);
  const refused = refusedFolders(start, writer, inputs, compileNow);
  if (refused.size && !keepGoing) return refuseAll(start, writer, [...refused.values()]);
  for (const place of refused.keys()) checkOnly.places.add(place);
  const suspects = compileNow.filter((i) => inputs[i]!.suspect);
  for (const index of [...suspects, ...compileNow.filter((i) => !inputs[i]!.suspect)]) pool.submit(jobs[index]!);
  const state = { keepGoing, checkOnly, refused, strictFailed: new Set<number>(), stagedIds: new Map(), unsafe: false };
  const build: Build = { ...start, inputs, report: buildReport(start, inputs, keepers), fileCount: 0, ...state };
  return { build, pool, candidates: candidates.map((index) => jobs[index]!) };
}

/**
 * The build's report. The config file's acknowledgements: any policy, and the end of the run, may report on them
 * (BuildReport's atEnd). Text and compact write each policy's findings as they come, a finding repeated in several
 * policies' files in full at the first and as a reference to it at the others (streamed-repeats.ts, which keeps a
 * hash and a file per distinct finding); JSON writes each policy's as it comes, SARIF all at the end.
 */
function buildReport(start: BuildStart, inputs: readonly PolicyInput[], keepers: IdKeepers): BuildReport {
  const { options, io, lang, mods, found } = start;
  const report = new mods.BuildReport(
    inputs.map((input) => input.sources),
    diagnosticSinkFor(options, io, lang, true),
    (d) => mods.localiseDiagnostic(d, lang),
    options.acknowledged?.[0]?.file,
    keepers,
  );
  report.addRun([...found.skipped, ...ignoredBom(options)]);
  return report;
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
    await takeFromCache(build, writer, candidates, pool);
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
    crashed(build);
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
    return finished(build, 'failed', EXIT_INVALID);
  }
  return commit(build, writer);
}

/** How many cache candidates are taken between two looks at the results the pool has ready. */
const CANDIDATES_PER_TURN = 32;

/**
 * In command-line order, each candidate is reported from the cache or compiled
 * after all (with --keep-going, only checked when its folder is one policyc may
 * not change: see refusedLater). Every CANDIDATES_PER_TURN candidates this thread takes the
 * results the pool has ready: the report cannot go past a policy still being
 * compiled, and the sooner its result is taken, the fewer cached policies'
 * diagnostics wait in memory for it (holding them cost more collection time
 * than the look-ups themselves).
 */
async function takeFromCache(
  build: Build,
  writer: Writer,
  candidates: readonly CompileJob[],
  pool: CompilePool,
): Promise<void> {
  for (const [n, job] of candidates.entries()) {
    if (n > 0 && n % CANDIDATES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    if (fromCache(build, job)) continue;
    refusedLater(build, writer, job.index);
    pool.submit(job);
  }
}

/**
 * A worker crashed (or another error no command turns into a message): the report is ended (what was held written, its
 * last line ended, JSON's array closed) and the build result (--report) says the build failed, with the exit code of
 * such an error (process-cli.ts), before the error goes on up and is said on a line of its own. A failure to do
 * either must not hide the crash: it is left unsaid.
 */
function crashed(build: Build): void {
  for (const end of [() => build.report.finish(), () => finished(build, 'failed', EXIT_INVALID)])
    try {
      end();
    } catch {
      // The crash is what the run reports.
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
  // --keep-going skips a policy whose id another keeps (see othersWithSameId): its folder may get that one's output.
  else if (!build.checkOnly.places.has(job.index))
    build.result.unchanged.push(resultEntry({ id, folder: folderOf(build, id), source: job.displayPath }));
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

/** Swaps the staged outputs into place and says what was built (and, --keep-going, what was skipped). */
function commit(build: Build, writer: Writer): number {
  const { io } = build;
  const out = relativeTo(io, build.outDir, build.options.out);
  const report = messagesFor(build.lang);
  const skipped = skippedPolicies(build);
  // --keep-going skipped every policy: the build failed and writes nothing, not even a deleted policy's folder away.
  if (skipped.size && !build.result.built.length && !build.result.unchanged.length) {
    writer.abort();
    reportSkipped(build, skipped, report, out);
    return finished(build, 'failed', build.refused.size ? EXIT_CANTCREAT : EXIT_INVALID);
  }
  let result;
  try {
    result = writer.commit(wholeBuild(build) ? pruneOptions(build, skipped) : undefined);
  } catch (error) {
    if (error instanceof build.mods.OutputRefusal) return refused(build, error);
    io.stderr(report.t('report:writeFailed', { detail: systemErrorText(error, report), out }) + '\n');
    return finished(build, 'failed', EXIT_INVALID);
  }
  // Folders removed or kept first: the closing line below then ends the run (it says nothing of them).
  reportOrphans(build, result);
  reportDropped(build, result);
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

/** A policy file as its organisation's manifest records it: relative to the output folder, '/'-separated. */
function manifestSource(build: Build, file: string): string {
  return posixRelative(build.outDir, path.resolve(file));
}

/** The config file this build read, when there is one. */
function configFile(options: CommonOptions): string[] {
  return options.config.file !== undefined ? [options.config.file] : [];
}

/** `policyc build [paths…] --out dist --lang nl,en --jobs N --bom [--watch]`. */
export async function run(options: CommonOptions, io: CliIo): Promise<number> {
  if (options.values.watch !== true) return compileAndWrite(options, io);
  const { watchAndBuild } = await import('./build-watch.js');
  return watchAndBuild(options, io, (o, i) => compileAndWrite(o, i));
}

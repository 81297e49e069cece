import path from 'node:path';
import { countBySeverity, hasErrors, unacknowledged, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { isLanguage } from '../../i18n/messages.js';
import { duplicateIdDiagnostics, type PolicyId } from '../../build/duplicate-ids.js';
import type { CompileJobResult } from '../../build/compile-job.js';
import {
  cli, EXIT_INVALID, EXIT_OK, EXIT_USAGE, maxWarnings, parseLanguages, policyFiles, relativeTo, reportDiagnostics, UsageError, type CliIo, type Command, type CommonOptions,
} from '../cli-support.js';

function parseJobs(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(cli.t('cli:badJobs', { value: String(value) }));
  return n;
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
  const languages = options.lang ? parseLanguages(options.lang) : undefined;
  const jobsRequested = parseJobs(options.values.jobs);
  const limit = maxWarnings(options);
  const strict = options.values.strict === true;
  const [{ compileMany, chooseJobs }, { OutputWriter }, { outputRenderers }, { checkOutputFolder, OutputRefusal }] = await Promise.all([
    import('../../build/compile-many.js'),
    import('../../build/output-writer.js'),
    import('../../build/output-renderers.js'),
    import('../../build/output-ownership.js'),
  ]);
  const files = policyFiles(options, io);
  const outDir = path.resolve(io.cwd, options.out);
  const partial = outputRenderers.filter((r) => groups?.includes(r.group));
  const owns = (file: string): boolean => {
    const [folder = '', ...rest] = file.split('/');
    return partial.some((r) => (r.scope === 'language' ? isLanguage(folder) && rest.length === 1 && r.owns?.(rest[0]!) === true : r.owns?.(file) === true));
  };
  const refused = (error: unknown): number => {
    if (!(error instanceof OutputRefusal)) throw error;
    io.stderr(cli.t(`cli:refused.${error.key}`, error.params) + '\n');
    return EXIT_USAGE;
  };
  let writer;
  try {
    checkOutputFolder(options.out, io.cwd, files);
    writer = new OutputWriter(outDir, { shownAs: relativeTo(io, outDir), ...(groups ? { merge: { owns } } : {}) });
  } catch (error) {
    return refused(error);
  }
  const diagnostics: Diagnostic[] = [];
  const findings: Diagnostic[] = [];
  const ids = new Map<number, PolicyId>();
  let fileCount = 0;
  let writeError: Error | undefined;

  const jobs = files.map((file, index) => ({
    index, file, displayPath: path.relative(io.cwd, file), csvBom: options.values.bom === true, acknowledged: options.acknowledged ?? [],
    ...(languages ? { languages } : {}), ...(groups ? { groups } : {}),
  }));
  const onResult = (result: CompileJobResult): void => {
    diagnostics.push(...result.diagnostics);
    findings.push(...result.findings);
    if (result.id !== undefined) ids.set(result.index, { id: result.id, file: result.displayPath, ...result.idPosition });
    if (hasErrors(diagnostics) || writeError) return; // keep checking the rest, but stage nothing more
    try {
      writer.stage(result.outputs);
      fileCount += result.outputs.length;
    } catch (error) {
      writeError = error as Error;
    }
  };
  try {
    await compileMany(jobs, chooseJobs(jobs.length, jobsRequested), onResult);
  } catch (error) {
    writer.abort(); // a crashed worker: release the lock and remove the staging folder before failing
    throw error;
  }

  // Results arrive in any order: the policy listed first keeps the id.
  diagnostics.push(...duplicateIdDiagnostics([...ids].sort((x, y) => x[0] - y[0]).map(([, entry]) => entry), cli));

  reportDiagnostics([...diagnostics, ...findings], options, io);
  if (writeError) {
    writer.abort();
    io.stderr(cli.t('cli:writeFailed', { detail: writeError.message, out: relativeTo(io, outDir) }) + '\n');
    return EXIT_INVALID;
  }
  const counts = countBySeverity(diagnostics);
  const found = countBySeverity(unacknowledged(findings));
  const warnings = counts.warning + found.warning;
  if (strict && found.error + found.warning > 0) {
    writer.abort();
    io.stderr(cli.t('cli:buildStrict', { errors: found.error, warnings: found.warning, out: relativeTo(io, outDir) }) + '\n');
    return EXIT_INVALID;
  }
  if (limit !== undefined && warnings > limit) {
    writer.abort();
    io.stderr(cli.t('cli:tooManyWarnings', { warnings, limit }) + '\n');
    return EXIT_INVALID;
  }
  if (counts.error > 0) {
    writer.abort();
    io.stderr(cli.t('cli:buildFailed', { errors: counts.error, out: relativeTo(io, outDir) }) + '\n');
    return EXIT_INVALID;
  }
  try {
    writer.commit();
  } catch (error) {
    if (error instanceof OutputRefusal) return refused(error);
    io.stderr(cli.t('cli:writeFailed', { detail: (error as Error).message, out: relativeTo(io, outDir) }) + '\n');
    return EXIT_INVALID;
  }
  io.stderr(cli.t('cli:built', { count: files.length, out: relativeTo(io, outDir), files: fileCount }) + '\n');
  return EXIT_OK;
}

/** `policyc build [paths…] --out dist --lang nl,en --jobs N --bom`. */
export const buildCommand: Command = {
  name: 'build',
  formats: ['text', 'compact', 'json', 'sarif'],
  run: (options, io) => compileAndWrite(options, io),
};

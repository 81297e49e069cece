import path from 'node:path';
import { isHeadingLevel, isIdPrefix, type LayoutOptions } from '../../build/layout-options.js';
import { countBySeverity, hasErrors, unacknowledged, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { isLanguage } from '../../i18n/messages.js';
import {
  cli, EXIT_INVALID, EXIT_OK, maxWarnings, parseLanguages, policyFiles, relativeTo, reportDiagnostics, UsageError, type CliIo, type Command, type CommonOptions,
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
    if (!/^\d+$/.test(level) || !isHeadingLevel(Number(level))) throw new UsageError(cli.t('cli:badHeadingLevel', { value: level }));
    layout.headingLevel = Number(level);
  }
  return layout;
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
  const layout = parseLayout(options.values);
  const limit = maxWarnings(options);
  const strict = options.values.strict === true;
  const [{ compileMany, chooseJobs }, { OutputWriter }, { outputRenderers }] = await Promise.all([
    import('../../build/compile-many.js'),
    import('../../build/output-writer.js'),
    import('../../build/output-renderers.js'),
  ]);
  const files = policyFiles(options, io);
  const outDir = path.resolve(io.cwd, options.out);
  const partial = outputRenderers.filter((r) => groups?.includes(r.group));
  const owns = (file: string): boolean => {
    const [folder = '', ...rest] = file.split('/');
    return partial.some((r) => (r.scope === 'language' ? isLanguage(folder) && rest.length === 1 && r.owns?.(rest[0]!) === true : r.owns?.(file) === true));
  };
  const writer = new OutputWriter(outDir, groups ? { merge: { owns } } : {});
  const diagnostics: Diagnostic[] = [];
  const findings: Diagnostic[] = [];
  const owners = new Map<string, number>();
  const idOf = new Map<number, string>();
  let fileCount = 0;
  let writeError: Error | undefined;

  const jobs = files.map((file, index) => ({
    index, file, displayPath: path.relative(io.cwd, file), csvBom: options.values.bom === true, acknowledged: options.acknowledged ?? [], ...layout,
    ...(languages ? { languages } : {}), ...(groups ? { groups } : {}),
  }));
  await compileMany(jobs, chooseJobs(jobs.length, jobsRequested), (result) => {
    diagnostics.push(...result.diagnostics);
    findings.push(...result.findings);
    if (result.id !== undefined) {
      idOf.set(result.index, result.id);
      const other = owners.get(result.id);
      // Results arrive in any order: the policy listed first keeps the id.
      if (other === undefined || result.index < other) owners.set(result.id, result.index);
    }
    if (hasErrors(diagnostics) || writeError) return; // keep checking the rest, but stage nothing more
    try {
      writer.stage(result.outputs);
      fileCount += result.outputs.length;
    } catch (error) {
      writeError = error as Error;
    }
  });

  for (const [index, id] of [...idOf].sort((a, b) => a[0] - b[0])) {
    const owner = owners.get(id)!;
    if (owner !== index) {
      diagnostics.push({
        ruleId: 'build/duplicate-policy-id', severity: 'error', file: jobs[index]!.displayPath, pointer: '/id',
        message: cli.t('diagnostics:reference.duplicatePolicy', { id, other: jobs[owner]!.displayPath }),
      });
    }
  }

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
  writer.commit();
  io.stderr(cli.t('cli:built', { count: files.length, out: relativeTo(io, outDir), files: fileCount }) + '\n');
  return EXIT_OK;
}

/** `policyc build [paths…] --out dist --lang nl,en --jobs N --bom`. */
export const buildCommand: Command = {
  name: 'build',
  formats: ['text', 'compact', 'json', 'sarif'],
  run: (options, io) => compileAndWrite(options, io),
};

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompileJob } from '../compile-job.js';
import { isHeadingLevel, isIdPrefix, type LayoutOptions } from '../../pipeline/layout-options.js';
import { countBySeverity, hasErrors, unacknowledged, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { applyRuleSettings } from '../../config/policyc-config.js';
import { duplicateIdDiagnostics, type PolicyId } from '../../pipeline/duplicate-ids.js';
import type { CompileJobResult } from '../compile-job.js';
import { isLanguage, messagesFor } from '../../i18n/messages.js';
import { sourceTexts } from '../../load/extends.js';
import {
  cli, EXIT_INVALID, EXIT_OK, EXIT_USAGE, maxWarnings, messageLanguage, packageVersion, parseLanguages, policyFiles, relativeTo, reportCounts, reportDiagnostics, UsageError,
  type CliIo, type Command, type CommonOptions,
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

/** What every compile job of one invocation shares: languages, message language, fragment layout, acknowledged findings, BOM. */
export function jobSettings(options: CommonOptions, groups?: readonly string[]): Omit<CompileJob, 'index' | 'file' | 'displayPath'> {
  const languages = options.lang ? parseLanguages(options.lang) : undefined;
  return {
    csvBom: options.values.bom === true, messageLanguage: messageLanguage(options),
    ...(languages ? { languages } : {}), ...(groups ? { groups } : {}),
    ...parseLayout(options.values),
    acknowledged: options.acknowledged ?? [],
    ...(options.values.history === true ? { history: true } : {}),
  };
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
  const messages = messagesFor(lang);
  const jobsRequested = parseJobs(options.values.jobs);
  const layout = parseLayout(options.values);
  const limit = maxWarnings(options);
  const strict = options.values.strict === true;
  const [{ compileMany, chooseJobs }, { OutputWriter }, { outputRenderers }, cache, { checkOutputFolder, OutputRefusal }] = await Promise.all([
    import('../compile-many.js'),
    import('../../output/output-writer.js'),
    import('../../output/output-renderers.js'),
    import('../../output/build-cache.js'),
    import('../../output/output-ownership.js'),
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

  const jobs: CompileJob[] = files.map((file, index) => ({ index, file, displayPath: path.relative(io.cwd, file), ...jobSettings(options, groups) }));

  // A full build keys each policy (text, tool, options) and leaves an organisation whose manifest has that key as it is (--force: rebuild all).
  const keys = new Map<number, string>();
  let cached = 0;
  // With --history the outputs depend on the git log as well as the text: every policy is compiled.
  const toCompile = groups || options.values.history === true ? jobs : jobs.filter((job) => {
    const text = readText(job.file);
    if (text === undefined) return true; // compiling reports why it cannot be read
    // The bases a policy extends are part of its input: a change to one rebuilds every policy that extends it.
    const settings = JSON.stringify({ messageLanguage: lang, idPrefix: job.idPrefix ?? null, headingLevel: job.headingLevel ?? null, rules: options.config.rules ?? {} });
    const key = cache.cacheKey([settings, ...sourceTexts(text, job.file)].join('\u0000'), { version: packageVersion(), ...(job.languages ? { languages: job.languages } : {}), csvBom: job.csvBom === true, acknowledged: job.acknowledged ?? [] });
    keys.set(job.index, key);
    const hit = options.values.force === true ? undefined : cache.cachedPolicy(outDir, text, key, job.displayPath);
    if (!hit) return true;
    diagnostics.push(...hit.diagnostics);
    findings.push(...applyRuleSettings(hit.findings, options.config.rules));
    ids.set(job.index, { id: hit.id, file: job.displayPath });
    cached++;
    return false;
  });

  const onResult = (result: CompileJobResult): void => {
    diagnostics.push(...result.diagnostics);
    findings.push(...applyRuleSettings(result.findings, options.config.rules));
    if (result.id !== undefined) ids.set(result.index, { id: result.id, file: result.displayPath, ...result.idPosition });
    if (hasErrors(diagnostics) || writeError) return; // keep checking the rest, but stage nothing more
    try {
      const key = keys.get(result.index);
      writer.stage(result.outputs, key ? cache.manifestExtras(key, result) : undefined);
      fileCount += result.outputs.length;
    } catch (error) {
      writeError = error as Error;
    }
  };
  try {
    await compileMany(toCompile, chooseJobs(toCompile.length, jobsRequested), onResult);
  } catch (error) {
    writer.abort(); // a crashed worker: release the lock and remove the staging folder before failing
    throw error;
  }

  // Results arrive in any order: the policy listed first keeps the id.
  diagnostics.push(...duplicateIdDiagnostics([...ids].sort((x, y) => x[0] - y[0]).map(([, entry]) => entry), messages));

  reportDiagnostics([...diagnostics, ...findings], options, io, lang);
  reportCounts([...diagnostics, ...findings], files.length, options, io);
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
  if (cached) io.stderr(cli.t('cli:builtCached', { count: cached }) + '\n');
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
  out: { type: 'string' }, lang: { type: 'string' }, jobs: { type: 'string' }, bom: { type: 'boolean' },
  'max-warnings': { type: 'string' }, strict: { type: 'boolean' },
} as const satisfies Command['flags'];

/** `policyc build [paths…] --out dist --lang nl,en --jobs N --bom [--watch]`. */
export const buildCommand: Command = {
  name: 'build',
  formats: ['text', 'compact', 'json', 'sarif'],
  flags: { ...outputFlags, 'id-prefix': { type: 'string' }, 'heading-level': { type: 'string' }, force: { type: 'boolean' }, watch: { type: 'boolean' }, history: { type: 'boolean' } },
  run: async (options, io) => {
    if (options.values.watch !== true) return compileAndWrite(options, io);
    const { watchAndBuild } = await import('./build-watch.js');
    return watchAndBuild(options, io, (o, i) => compileAndWrite(o, i));
  },
};

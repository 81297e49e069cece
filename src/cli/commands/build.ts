import path from 'node:path';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { summary } from '../../diagnostics/format-diagnostics.js';
import {
  cli, EXIT_INVALID, EXIT_OK, maxWarnings, parseLanguages, policyFiles, readPolicy, relativeTo, reportDiagnostics, type Command,
} from '../cli-support.js';

/**
 * `policyc build [paths…] --out dist --lang nl,en`: compile every policy and
 * write dist/<org>/<lang>/…; all or nothing — on any error the output folder
 * is left exactly as it was. Compliance findings are reported and do not stop
 * the build, unless --strict (then errors and warnings among them do) or
 * --max-warnings is exceeded.
 */
export const buildCommand: Command = {
  name: 'build',
  formats: ['text', 'json', 'sarif'],
  async run(options, io) {
    const languages = options.lang ? parseLanguages(options.lang) : undefined;
    const limit = maxWarnings(options);
    const strict = options.values.strict === true;
    const [{ compilePolicy }, { OutputWriter }] = await Promise.all([
      import('../../build/compile-policy.js'),
      import('../../build/output-writer.js'),
    ]);
    const files = policyFiles(options, io);
    const outDir = path.resolve(io.cwd, options.out);
    const writer = new OutputWriter(outDir);
    const diagnostics: Diagnostic[] = [];
    const findings: Diagnostic[] = [];
    const owners = new Map<string, string>();
    let fileCount = 0;
    for (const file of files) {
      const relative = path.relative(io.cwd, file);
      const read = readPolicy(file, io, 'en');
      diagnostics.push(...read.diagnostics);
      if (read.text === undefined) continue;
      const compiled = compilePolicy(read.text, relative, languages ? { languages } : {});
      diagnostics.push(...compiled.diagnostics);
      findings.push(...compiled.findings);
      if (compiled.id !== undefined) {
        const other = owners.get(compiled.id);
        if (other !== undefined) {
          diagnostics.push({
            ruleId: 'build/duplicate-policy-id', severity: 'error', file: relative, pointer: '/id',
            message: cli.t('diagnostics:reference.duplicatePolicy', { id: compiled.id, other }),
          });
          continue;
        }
        owners.set(compiled.id, relative);
      }
      if (hasErrors(diagnostics)) continue; // keep checking the rest, but stage nothing more
      try {
        writer.stage(compiled.outputs);
      } catch (error) {
        writer.abort();
        reportDiagnostics([...diagnostics, ...findings], options, io);
        io.stderr(cli.t('cli:writeFailed', { detail: (error as Error).message, out: relativeTo(io, outDir) }) + '\n');
        return EXIT_INVALID;
      }
      fileCount += compiled.outputs.length;
    }
    reportDiagnostics([...diagnostics, ...findings], options, io);
    const counts = summary(diagnostics);
    const found = summary(findings);
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
  },
};

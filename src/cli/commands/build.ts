import path from 'node:path';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { summary } from '../../diagnostics/format-diagnostics.js';
import { isLanguage } from '../../i18n/messages.js';
import {
  cli, EXIT_INVALID, EXIT_OK, parseLanguages, policyFiles, readPolicy, relativeTo, reportDiagnostics, type CliIo, type Command, type CommonOptions,
} from '../cli-support.js';

/**
 * `policyc build [paths…] --out dist --lang nl,en`: compile every policy and
 * write dist/<org>/<lang>/…; all or nothing — on any error the output folder
 * is left exactly as it was.
 */
export const buildCommand: Command = {
  name: 'build',
  formats: ['text', 'json'],
  run: (options, io) => compileAndWrite(options, io),
};

/**
 * Compiles the policies named on the command line and writes their outputs,
 * all or nothing; `groups` limits the outputs (see output-renderers.ts).
 */
export async function compileAndWrite(options: CommonOptions, io: CliIo, groups?: readonly string[]): Promise<number> {
  const languages = options.lang ? parseLanguages(options.lang) : undefined;
  const [{ compilePolicy }, { OutputWriter }, { outputRenderers }] = await Promise.all([
    import('../../build/compile-policy.js'),
    import('../../build/output-writer.js'),
    import('../../build/output-renderers.js'),
  ]);
  const files = policyFiles(options, io);
  const outDir = path.resolve(io.cwd, options.out);
  // A partial build replaces only the files of its own outputs, in each language folder.
  const partial = outputRenderers.filter((r) => groups?.includes(r.group));
  const owns = (file: string): boolean => {
    const [folder = '', ...rest] = file.split('/');
    return partial.some((r) => (r.scope === 'language' ? isLanguage(folder) && rest.length === 1 && r.owns?.(rest[0]!) === true : r.owns?.(file) === true));
  };
  const writer = new OutputWriter(outDir, groups ? { merge: { owns } } : {});
  const diagnostics: Diagnostic[] = [];
  const owners = new Map<string, string>();
  let fileCount = 0;
  for (const file of files) {
    const relative = path.relative(io.cwd, file);
    const read = readPolicy(file, io, 'en');
    diagnostics.push(...read.diagnostics);
    if (read.text === undefined) continue;
    const compiled = await compilePolicy(read.text, relative, {
      ...(languages ? { languages } : {}),
      ...(groups ? { groups } : {}),
      csvBom: options.values.bom === true,
    });
    diagnostics.push(...compiled.diagnostics);
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
      reportDiagnostics(diagnostics, options, io);
      io.stderr(cli.t('cli:writeFailed', { detail: (error as Error).message, out: relativeTo(io, outDir) }) + '\n');
      return EXIT_INVALID;
    }
    fileCount += compiled.outputs.length;
  }
  reportDiagnostics(diagnostics, options, io);
  const counts = summary(diagnostics);
  if (counts.error > 0) {
    writer.abort();
    io.stderr(cli.t('cli:buildFailed', { errors: counts.error, out: relativeTo(io, outDir) }) + '\n');
    return EXIT_INVALID;
  }
  writer.commit();
  io.stderr(cli.t('cli:built', { count: files.length, out: relativeTo(io, outDir), files: fileCount }) + '\n');
  return EXIT_OK;
}

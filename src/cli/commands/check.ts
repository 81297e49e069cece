import path from 'node:path';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { summary } from '../../diagnostics/format-diagnostics.js';
import { cli, EXIT_INVALID, EXIT_OK, parseLanguages, policyFiles, readPolicy, reportDiagnostics, type Command } from '../cli-support.js';

/** `policyc check [paths…]`: validate and resolve; exit 1 on any error. */
export const checkCommand: Command = {
  name: 'check',
  formats: ['text', 'json'],
  async run(options, io) {
    const messageLanguage = options.lang ? parseLanguages(options.lang)[0] ?? 'en' : 'en';
    const { analysePolicy } = await import('../../build/analyse-policy.js');
    const files = policyFiles(options, io);
    const diagnostics: Diagnostic[] = [];
    for (const file of files) {
      const read = readPolicy(file, io, messageLanguage);
      diagnostics.push(...read.diagnostics);
      if (read.text !== undefined) diagnostics.push(...analysePolicy(read.text, path.relative(io.cwd, file), messageLanguage).diagnostics);
    }
    reportDiagnostics(diagnostics, options, io);
    const counts = summary(diagnostics);
    if (options.format === 'text') io.stderr(cli.t('cli:checked', { count: files.length, errors: counts.error, warnings: counts.warning }) + '\n');
    return hasErrors(diagnostics) ? EXIT_INVALID : EXIT_OK;
  },
};

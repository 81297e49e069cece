import path from 'node:path';
import { countBySeverity, hasErrors, unacknowledged, type Diagnostic } from '../../diagnostics/diagnostic.js';
import {
  cli, EXIT_INVALID, EXIT_OK, maxWarnings, messageLanguage, policyFiles, readPolicy, reportDiagnostics, type Command,
} from '../cli-support.js';

/**
 * `policyc check [paths…]`: validate, resolve and run the compliance rules;
 * exit 1 on any error, or on more warnings than --max-warnings allows.
 */
export const checkCommand: Command = {
  name: 'check',
  formats: ['text', 'compact', 'json', 'sarif'],
  async run(options, io) {
    const lang = messageLanguage(options);
    const limit = maxWarnings(options);
    const { analysePolicy } = await import('../../build/analyse-policy.js');
    const files = policyFiles(options, io);
    const diagnostics: Diagnostic[] = [];
    for (const file of files) {
      const read = readPolicy(file, io, lang);
      diagnostics.push(...read.diagnostics);
      if (read.text === undefined) continue;
      const analysed = analysePolicy(read.text, path.relative(io.cwd, file), lang, { acknowledged: options.acknowledged ?? [] });
      diagnostics.push(...analysed.diagnostics, ...analysed.findings);
    }
    reportDiagnostics(diagnostics, options, io, lang);
    // Acknowledged findings are shown but fail nothing and count towards no limit.
    const counting = unacknowledged(diagnostics);
    const counts = countBySeverity(counting);
    const acknowledged = diagnostics.length - counting.length;
    if (options.format === 'text') {
      io.stderr(cli.t('cli:checked', { count: files.length, errors: counts.error, warnings: counts.warning, infos: counts.info }) + '\n');
      if (acknowledged > 0) io.stderr(cli.t('cli:acknowledged', { count: acknowledged }) + '\n');
    }
    if (limit !== undefined && counts.warning > limit) {
      io.stderr(cli.t('cli:tooManyWarnings', { warnings: counts.warning, limit }) + '\n');
      return EXIT_INVALID;
    }
    return hasErrors(counting) ? EXIT_INVALID : EXIT_OK;
  },
};

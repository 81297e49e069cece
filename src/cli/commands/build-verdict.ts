import { namedSome } from '../build-result.js';
import { messagesFor, type Messages } from '../../i18n/messages.js';
import { systemErrorText } from '../../diagnostics/system-error.js';
import { relativeTo } from '../cli-support.js';
import type { Build } from './build-state.js';

/** The failure under strict names where strict was asked for: --strict, or "strict": true in the config file. */
function strictKey(build: Build): string {
  return build.options.fromConfig?.includes('strict') ? 'report:buildStrictConfig' : 'report:buildStrict';
}

/** The config file as messages show it. */
function configName(build: Build): string {
  return build.options.config.file ? relativeTo(build.io, build.options.config.file) : '';
}

/** Why the build must not be written (a write error, --strict findings, too many warnings, errors), or undefined. */
export function verdict(build: Build): string | undefined {
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
  return namedSome(files, FAILED_FILES_SHOWN, report);
}

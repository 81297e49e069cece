import { unknownPolicyAcknowledgements } from '../../check/acknowledge.js';
import { applyRuleSettings } from '../../config/policyc-config.js';
import { duplicateIdDiagnostics, type PolicyId } from '../../pipeline/duplicate-ids.js';
import { positionOf } from '../../load/load-document.js';
import { countBySeverity, hasErrors, unacknowledged, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { messagesFor } from '../../i18n/messages.js';
import { mergeSharedFindings } from '../../diagnostics/shared-findings.js';
import { stopsComplianceCheck } from '../../diagnostics/stage-rule-ids.js';
import {
  EXIT_INVALID,
  EXIT_OK,
  maxWarnings,
  messageLanguage,
  findPolicyFiles,
  readPolicy,
  reportCounts,
  reportDiagnostics,
  diagnosticPath,
  type CliIo,
  type CommonOptions,
} from '../cli-support.js';
import { checkBases } from '../check-bases.js';
import { checkedBaseNote } from '../named-bases.js';

/**
 * `policyc check [paths…]`: validate, resolve and run the compliance rules;
 * exit 1 on any error, or on more warnings than --max-warnings allows. A chain's base named is checked as a
 * base (check-bases.ts), and the closing lines say which policies extend it.
 */
export async function run(options: CommonOptions, io: CliIo): Promise<number> {
  const lang = messageLanguage(options);
  const limit = maxWarnings(options);
  const { analyse } = await import('../../pipeline/analyse-policy.js');
  const { files, skipped, bases } = findPolicyFiles(options, io, true);
  const diagnostics: Diagnostic[] = [...skipped, ...checkBases(bases, io, analyse)];
  const ids: PolicyId[] = [];
  let unchecked = 0; // policies whose compliance rules did not run
  for (const file of files) {
    const read = readPolicy(file, io);
    diagnostics.push(...read.diagnostics);
    if (read.text === undefined) {
      unchecked++;
      continue;
    }
    const analysed = analyse(read.text, diagnosticPath(io, file), {
      path: file,
      acknowledged: options.acknowledged ?? [],
    });
    diagnostics.push(...analysed.diagnostics, ...applyRuleSettings(analysed.findings, options.config.rules));
    if (analysed.diagnostics.some(stopsComplianceCheck)) unchecked++;
    const id = (analysed.document?.value as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string' && analysed.document) {
      const { line, column } = positionOf(analysed.document, '/id');
      ids.push({ id, file: diagnosticPath(io, file), line, column });
    }
  }
  diagnostics.push(...duplicateIdDiagnostics(ids));
  // Every policy, each with its id: an acknowledgement in the config file for another id applies to nothing.
  if (options.paths.length === 0 && ids.length === files.length)
    diagnostics.push(...unknownPolicyAcknowledgements(options.acknowledged ?? [], new Set(ids.map((p) => p.id))));
  // A finding in a base that many of the policies share is said, and counted, once.
  const report = mergeSharedFindings(diagnostics);
  reportDiagnostics(report, options, io, lang, true);
  reportCounts(report, { policies: files.length, bases: bases.length, unchecked }, options, io);
  if (options.format === 'text') for (const base of bases) io.stderr(checkedBaseNote(base, options, io) + '\n');
  // Acknowledged findings are shown but fail nothing and count towards no limit.
  const counting = unacknowledged(report);
  const counts = countBySeverity(counting);
  if (limit !== undefined && counts.warning > limit) {
    io.stderr(messagesFor(lang).t('report:tooManyWarnings', { warnings: counts.warning, limit }) + '\n');
    return EXIT_INVALID;
  }
  return hasErrors(counting) ? EXIT_INVALID : EXIT_OK;
}

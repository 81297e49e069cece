import { compareDiagnostics, type Diagnostic, type LocalisedDiagnostic } from '../diagnostics/diagnostic.js';
import { localiseDiagnostics } from '../diagnostics/render-message.js';
import type { Language, Messages } from '../i18n/messages.js';
import { locate, type SourceDocument } from '../load/load-document.js';
import type { PolicyModel } from '../resolve/model.js';
import { positionPointer } from './absent-member.js';
import { applyAcknowledgements, type ExternalAcknowledgement, type ShownAt } from './acknowledge.js';
import { rules } from './rules.js';
import { positionInString } from '../validate/validate-document.js';

/**
 * Runs every rule of the catalogue over a resolved policy: whether it is
 * lawful and complete, as positioned diagnostics at the value at fault,
 * in source order; findings the privacy officer acknowledged are marked.
 */
export interface CheckOptions {
  /** Acknowledgements from outside the policy (the config file); those for other policies are ignored. */
  acknowledged?: readonly ExternalAcknowledgement[];
  /** Where a report shows a finding, when a chain moves it (default: its file, at that file's pointer). */
  shownAt?: (finding: Diagnostic) => ShownAt;
}

export function checkFindings(model: PolicyModel, document: SourceDocument, options: CheckOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    for (const finding of rule.check(model)) {
      const pos =
        finding.offset === undefined
          ? locate(document, positionPointer(document, finding.pointer))
          : positionInString(document, finding.pointer, finding.offset);
      diagnostics.push({
        ruleId: rule.id,
        severity: finding.severity ?? rule.severity,
        messageId: `rules:${rule.id}.${finding.variant ?? 'message'}`,
        ...(finding.vars ? { data: finding.vars } : {}),
        file: pos.file,
        pointer: finding.pointer,
        line: pos.line,
        column: pos.column,
        article: finding.article ?? rule.article,
      });
    }
  }
  const { acknowledged = [], shownAt } = options;
  return applyAcknowledgements(diagnostics, document, model.source, acknowledged, shownAt).sort(compareDiagnostics);
}

/** checkFindings with each message written in `lang` (the library API: 'nl' or 'en'). */
export function checkPolicy(
  model: PolicyModel,
  document: SourceDocument,
  lang: Language | Messages,
  options: CheckOptions = {},
): LocalisedDiagnostic[] {
  return localiseDiagnostics(checkFindings(model, document, options), lang);
}

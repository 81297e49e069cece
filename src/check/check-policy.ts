import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Messages } from '../i18n/messages.js';
import { textIn } from '../i18n/text-in.js';
import { locate, type SourceDocument } from '../load/load-document.js';
import type { RetentionRuleSource, Text } from '../policy/policy-types.js';
import type { PolicyModel } from '../resolve/model.js';
import { formatDuration, retentionPhrase } from '../render/retention-phrase.js';
import { applyAcknowledgements, type ExternalAcknowledgement } from './acknowledge.js';
import { rules, type Finding, type FindingValue, type Rule } from './rules.js';

/** A value in the message language: texts in that language (else the policy's source language), durations written out. */
function localise(value: FindingValue, messages: Messages, model: PolicyModel): string | number {
  if (typeof value !== 'object') return value;
  if ('duration' in value && typeof value.duration === 'string') return formatDuration(value.duration, messages);
  if ('retention' in value) return retentionPhrase(value.retention as RetentionRuleSource, messages);
  return textIn(value as Text, messages.lang, model.source.metadata.sourceLanguage);
}

/** The message for one finding of `rule`, from locales/<lang>/rules.json. */
export function ruleMessage(rule: Rule, finding: Finding, messages: Messages, model: PolicyModel): string {
  const vars = Object.fromEntries(
    Object.entries(finding.vars ?? {}).map(([k, v]) => [k, localise(v, messages, model)]),
  );
  return messages.t(`rules:${rule.id}.${finding.variant ?? 'message'}`, vars);
}

/**
 * Runs every rule of the catalogue over a resolved policy: whether it is
 * lawful and complete, as positioned diagnostics at the value at fault,
 * in source order; findings the privacy officer acknowledged are marked.
 */
export interface CheckOptions {
  /** Acknowledgements from outside the policy (the config file); those for other policies are ignored. */
  acknowledged?: readonly ExternalAcknowledgement[];
}

export function checkPolicy(
  model: PolicyModel,
  document: SourceDocument,
  messages: Messages,
  options: CheckOptions = {},
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    for (const finding of rule.check(model)) {
      const pos = locate(document, finding.pointer);
      diagnostics.push({
        ruleId: rule.id,
        severity: rule.severity,
        message: ruleMessage(rule, finding, messages, model),
        file: pos.file,
        pointer: finding.pointer,
        line: pos.line,
        column: pos.column,
        article: rule.article,
      });
    }
  }
  return applyAcknowledgements(diagnostics, document, model.source, options.acknowledged ?? [], messages).sort(
    compareDiagnostics,
  );
}

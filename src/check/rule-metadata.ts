import type { Messages } from '../i18n/messages.js';
import type { SarifRule } from '../diagnostics/format-sarif.js';
import { rules } from './rules.js';

/** Each catalogue rule with its title and explanation in one language (for SARIF and docs/rules.md). */
export function ruleMetadata(messages: Messages): SarifRule[] {
  return rules.map((r) => ({
    id: r.id,
    title: messages.t(`rules:${r.id}.title`),
    explanation: messages.t(`rules:${r.id}.explanation`),
    article: r.article,
    severity: r.severity,
  }));
}

import { messagesOf, type Language, type Messages } from '../i18n/messages.js';
import type { SarifRule } from '../diagnostics/format-sarif.js';
import { formatReference } from '../diagnostics/format-reference.js';
import { ruleDocsPath } from './rules-doc-path.js';
import { rules } from './rules.js';

/**
 * Each catalogue rule with its title and explanation in one language (for
 * SARIF and docs/rules.md), and where it is documented: `docsBase` + the
 * docs path, or the path alone (relative to the package) when no base is given.
 */
export function ruleMetadata(lang: Language | Messages, docsBase?: string): SarifRule[] {
  const messages = messagesOf(lang);
  return rules.map((r) => ({
    id: r.id,
    title: messages.t(`rules:${r.id}.title`),
    explanation: messages.t(`rules:${r.id}.explanation`),
    article: r.article,
    citation: formatReference(r.article, messages),
    severity: r.severity,
    helpUri: (docsBase ?? '') + ruleDocsPath(r.id, messages.lang),
  }));
}

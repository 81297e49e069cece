import type { ExternalAcknowledgement } from '../check/acknowledge.js';
import { checkPolicy } from '../check/check-policy.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { messagesFor, type Language } from '../i18n/messages.js';
import { loadDocument, type SourceDocument } from '../load/load-document.js';
import type { PolicyModel } from '../resolve/model.js';
import { resolvePolicy } from '../resolve/resolve-policy.js';
import { validateDocument } from '../validate/validate-document.js';

export interface AnalysedPolicy {
  document?: SourceDocument;
  model?: PolicyModel;
  diagnostics: Diagnostic[];
  /**
   * Compliance findings (src/check/), kept apart from the diagnostics that
   * stop a build: the caller decides whether they are fatal.
   */
  findings: Diagnostic[];
}

export interface AnalyseOptions {
  /** Run the compliance rules on the resolved model (default true). */
  check?: boolean;
  /** Acknowledged findings from the config file (see check/acknowledge.ts). */
  acknowledged?: readonly ExternalAcknowledgement[];
}

/** load → validate → resolve → check: the model and its findings, or the diagnostics that stopped it. */
export function analysePolicy(text: string, file: string, messageLanguage: Language = 'en', options: AnalyseOptions = {}): AnalysedPolicy {
  const messages = messagesFor(messageLanguage);
  const loaded = loadDocument(text, file, messages);
  if (!loaded.value) return { diagnostics: loaded.diagnostics, findings: [] };
  const document = loaded.value;
  const schemaDiagnostics = validateDocument(document, messages);
  if (hasErrors(schemaDiagnostics)) return { document, diagnostics: schemaDiagnostics, findings: [] };
  const resolved = resolvePolicy(document, messages);
  const diagnostics = [...schemaDiagnostics, ...resolved.diagnostics];
  if (hasErrors(diagnostics)) return { document, diagnostics, findings: [] };
  const findings = options.check === false ? [] : checkPolicy(resolved.value, document, messages, { acknowledged: options.acknowledged ?? [] });
  return { document, model: resolved.value, diagnostics, findings };
}


import type { ExternalAcknowledgement } from '../check/acknowledge.js';
import { checkPolicy } from '../check/check-policy.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { messagesFor, type Language } from '../i18n/messages.js';
import path from 'node:path';
import { loadExtended } from '../load/extends.js';
import type { SourceDocument } from '../load/load-document.js';
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
  /**
   * The files the policy is built from (absolute): the policy and every base
   * it extends. A change to any of them changes the result (for caches and --watch).
   */
  sources: string[];
}

export interface AnalyseOptions {
  /** Run the compliance rules on the resolved model (default true). */
  check?: boolean;
  /** The policy file on disk, for resolving `extends` (default: `file`, from the working folder). */
  path?: string;
  /** Acknowledged findings from the config file (see check/acknowledge.ts); the checker takes those for this policy's id. */
  acknowledged?: readonly ExternalAcknowledgement[];
}

/** load → validate → resolve → check: the model and its findings, or the diagnostics that stopped it. */
export function analysePolicy(
  text: string,
  file: string,
  messageLanguage: Language = 'en',
  options: AnalyseOptions = {},
): AnalysedPolicy {
  const messages = messagesFor(messageLanguage);
  const loaded = loadExtended(text, file, path.resolve(options.path ?? file), messages);
  const { sources } = loaded;
  if (!loaded.value) return { diagnostics: loaded.diagnostics, findings: [], sources };
  const document = loaded.value;
  const schemaDiagnostics = [...loaded.diagnostics, ...validateDocument(document, messages)];
  if (hasErrors(schemaDiagnostics)) return { document, diagnostics: schemaDiagnostics, findings: [], sources };
  const resolved = resolvePolicy(document, messages);
  const diagnostics = [...schemaDiagnostics, ...resolved.diagnostics];
  if (hasErrors(diagnostics)) return { document, diagnostics, findings: [], sources };
  const findings =
    options.check === false
      ? []
      : checkPolicy(resolved.value, document, messages, { acknowledged: options.acknowledged ?? [] });
  return { document, model: resolved.value, diagnostics, findings, sources };
}

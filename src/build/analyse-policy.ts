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
}

/** load → validate → resolve: the model, or the diagnostics that stopped it. */
export function analysePolicy(text: string, file: string, messageLanguage: Language = 'en'): AnalysedPolicy {
  const messages = messagesFor(messageLanguage);
  const loaded = loadDocument(text, file, messages);
  if (!loaded.value) return { diagnostics: loaded.diagnostics };
  const document = loaded.value;
  const schemaDiagnostics = validateDocument(document, messages);
  if (hasErrors(schemaDiagnostics)) return { document, diagnostics: schemaDiagnostics };
  const resolved = resolvePolicy(document, messages);
  const diagnostics = [...schemaDiagnostics, ...resolved.diagnostics];
  return hasErrors(diagnostics) ? { document, diagnostics } : { document, model: resolved.value, diagnostics };
}


import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasMessage } from '../i18n/messages.js';
import { joinPointer } from '../load/json-pointer.js';
import { locate, type SourceDocument } from '../load/load-document.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';

/**
 * A placeholder `policyc init` writes where only the practice can give the
 * value: `"FILL-IN:<what>"`, e.g. "FILL-IN:kvk-number". `<what>` names the
 * value in locales (diagnostics:fillInWhat.<what>).
 */
export const FILL_IN = 'FILL-IN:';

/** Every placeholder still in the document, by pointer, as an error at its position. */
export function fillInMarkers(doc: SourceDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (value: unknown, pointer: string): void => {
    if (typeof value === 'string') {
      if (value.startsWith(FILL_IN)) out.push(markerDiagnostic(doc, pointer, value.slice(FILL_IN.length)));
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, joinPointer(pointer, i)));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, joinPointer(pointer, k));
  };
  walk(doc.value, '');
  return out;
}

function markerDiagnostic(doc: SourceDocument, pointer: string, what: string): Diagnostic {
  const key = `diagnostics:fillInWhat.${what}`;
  const { file, line, column } = locate(doc, pointer);
  return {
    ruleId: 'policy/fill-in' satisfies StageRuleId<'validate'>,
    severity: 'error',
    file,
    pointer,
    line,
    column,
    messageId: 'diagnostics:fillIn',
    data: { what: { message: { messageId: hasMessage(key) ? key : 'diagnostics:fillInWhat.value' } } },
  };
}

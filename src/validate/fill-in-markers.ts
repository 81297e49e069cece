import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasMessage } from '../i18n/messages.js';
import { eachString } from '../load/each-string.js';
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
  eachString(doc.value, (text, path, isKey) => {
    if (!isKey && text.startsWith(FILL_IN))
      out.push(markerDiagnostic(doc, joinPointer('', ...path), text.slice(FILL_IN.length)));
  });
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

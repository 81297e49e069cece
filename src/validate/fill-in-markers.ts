import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasMessage } from '../i18n/messages.js';
import { eachString, type PathToken } from '../load/each-string.js';
import { joinPointer } from '../load/json-pointer.js';
import { locate, type SourceDocument } from '../load/load-document.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';

/**
 * A placeholder `policyc init` writes where only the practice can give the
 * value: `"FILL-IN:<what>"`, e.g. "FILL-IN:kvk-number". `<what>` names the
 * value in locales (diagnostics:fillInWhat.<what>).
 */
export const FILL_IN = 'FILL-IN:';

/**
 * What a practice of a chain states itself, whatever its base says: who the
 * controller is, where it is established and how to reach it (GDPR 13(1)(a)).
 * `policyc init --extends` writes these into every practice; a base's
 * placeholder for one of them is the practice's to fill in.
 */
export const ownController = {
  name: `${FILL_IN}practice-name`,
  kvkNumber: `${FILL_IN}kvk-number`,
  address: { street: `${FILL_IN}street`, postalCode: `${FILL_IN}postal-code`, city: `${FILL_IN}city` },
  contact: { email: `${FILL_IN}email`, phone: `${FILL_IN}phone` },
};

/** The pointers of ownController's values in a policy ('/controller/contact/phone', …). */
export const ownDetailPointers: ReadonlySet<string> = new Set(
  (function pointers(value: object, at: string): string[] {
    return Object.entries(value).flatMap(([key, v]) =>
      typeof v === 'object' ? pointers(v as object, `${at}/${key}`) : [`${at}/${key}`],
    );
  })(ownController, '/controller'),
);

/** Every placeholder still in the document, by pointer, as an error at its position. */
export function fillInMarkers(doc: SourceDocument): Diagnostic[] {
  const found = { doc, out: [] as Diagnostic[] };
  eachString(doc.value, fillInMarker, found);
  return found.out;
}

function fillInMarker(
  text: string,
  path: readonly PathToken[],
  isKey: boolean,
  { doc, out }: { doc: SourceDocument; out: Diagnostic[] },
): void {
  if (!isKey && text.startsWith(FILL_IN))
    out.push(markerDiagnostic(doc, joinPointer('', ...path), text.slice(FILL_IN.length)));
}

/** The message that names what a placeholder stands for (diagnostics:fillInWhat.<what>), else the general one. */
export function fillInWhatKey(what: string): string {
  const key = `diagnostics:fillInWhat.${what}`;
  return hasMessage(key) ? key : 'diagnostics:fillInWhat.value';
}

/**
 * A placeholder's error; where a base the policy extends gives a value (the base filled in after init --extends
 * copied its placeholder), it says to delete the placeholder to take that value, the base's value related.
 */
function markerDiagnostic(doc: SourceDocument, pointer: string, what: string): Diagnostic {
  const { file, line, column } = locate(doc, pointer);
  const overBase = doc.placeholdersOverBase?.find((p) => p.pointer === pointer)?.base;
  return {
    ruleId: 'policy/fill-in' satisfies StageRuleId<'validate'>,
    severity: 'error',
    file,
    pointer,
    line,
    column,
    messageId: overBase ? 'diagnostics:fillInOverBase' : 'diagnostics:fillIn',
    data: { what: { message: { messageId: fillInWhatKey(what) } } },
    ...(overBase ? { related: [{ ...overBase, messageId: 'diagnostics:related.baseValue' }] } : {}),
  };
}

import { analysePolicy } from '../build/analyse-policy.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Language } from '../i18n/messages.js';
import { positionOf } from '../load/load-document.js';
import { diffPolicies } from './diff-policies.js';
import { noticeDraft, type NoticeDraftOptions } from './notice-draft.js';
import type { DiffResult } from './render-diff.js';

/** One version of a policy as text, with the name it is reported under. */
export interface PolicyText {
  text: string;
  label: string;
}

/**
 * load → validate → resolve both versions, then compare them: the changes
 * and, when any is material, the notice draft. An invalid side stops here
 * with its diagnostics (the diff of an invalid policy would mislead).
 */
export function comparePolicies(
  oldSide: PolicyText, newSide: PolicyText, options: NoticeDraftOptions & { messageLanguage?: Language } = {},
): { value?: DiffResult; diagnostics: Diagnostic[] } {
  // The diff compares models; compliance findings are check's business, so the rules are not run.
  const before = analysePolicy(oldSide.text, oldSide.label, options.messageLanguage, { check: false });
  const after = analysePolicy(newSide.text, newSide.label, options.messageLanguage, { check: false });
  const diagnostics = [...before.diagnostics, ...after.diagnostics];
  if (!before.model || !after.model) return { diagnostics };
  const documents = { old: before.document!, new: after.document! };
  const changes = diffPolicies(before.model, after.model).map((change) => {
    const { line, column } = positionOf(documents[change.side], change.pointer);
    return { ...change, line, column };
  });
  const notice = noticeDraft(after.model, changes, options);
  return {
    value: {
      old: { label: oldSide.label, model: before.model },
      new: { label: newSide.label, model: after.model },
      changes,
      ...(notice ? { notice } : {}),
    },
    diagnostics,
  };
}

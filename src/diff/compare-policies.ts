import { analyse } from '../pipeline/analyse-policy.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceReader } from '../load/extends.js';
import { locate } from '../load/load-document.js';
import { diffPolicies } from './diff-policies.js';
import { noticeDraft, type NoticeDraftOptions } from './notice-draft.js';
import type { DiffResult } from './render-diff.js';

/** One version of a policy as text, with the name it is reported under. */
export interface PolicyText {
  text: string;
  label: string;
  /** The file the text belongs to, for resolving `extends`. */
  path?: string;
  /** Where its bases are read from: the working tree (default), or the revision the text came from. */
  reader?: SourceReader;
}

/**
 * load → validate → resolve both versions, then compare them: the changes
 * and, when any is material, the notice draft. An invalid side stops here
 * with its diagnostics (the diff of an invalid policy would mislead).
 */
export function comparePolicies(
  oldSide: PolicyText,
  newSide: PolicyText,
  options: NoticeDraftOptions = {},
): { value?: DiffResult; diagnostics: Diagnostic[] } {
  // The diff compares models; compliance findings are check's business, so the rules are not run.
  const analyseSide = (side: PolicyText): ReturnType<typeof analyse> =>
    analyse(side.text, side.label, {
      check: false,
      ...(side.path ? { path: side.path } : {}),
      ...(side.reader ? { reader: side.reader } : {}),
    });
  const before = analyseSide(oldSide);
  const after = analyseSide(newSide);
  const diagnostics = [...before.diagnostics, ...after.diagnostics];
  if (!before.model || !after.model) return { diagnostics };
  const documents = { old: before.document!, new: after.document! };
  const changes = diffPolicies(before.model, after.model).map((change) => {
    const document = documents[change.side];
    const { file, line, column } = locate(document, change.pointer);
    return { ...change, line, column, ...(file !== document.file ? { file } : {}) };
  });
  const notice = noticeDraft(after.model, changes, { ...options, oldModel: before.model });
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

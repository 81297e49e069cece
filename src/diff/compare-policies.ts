import { analyse } from '../pipeline/analyse-policy.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceReader } from '../load/extends.js';
import { locate, type SourceDocument } from '../load/load-document.js';
import { canonical } from './compare-values.js';
import { diffPolicies } from './diff-policies.js';
import { noticeDraft, type MetadataStatedIn, type NoticeDraftOptions } from './notice-draft.js';
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

export interface CompareOptions extends NoticeDraftOptions {
  /** Run the compliance rules on both sides and report the errors new in the new one (default true). */
  findings?: boolean;
  /**
   * Compare a side that is a base that policies extend as it is (default false): placeholders and the
   * organisation's own details may be left open (validate/left-open.ts); then no notice is drafted and the
   * rules do not run. Without it such a side is invalid, as any incomplete policy.
   */
  base?: boolean;
}

/** What a finding is, apart from where: the same rule about the same values is the same finding in both versions. */
const findingKey = (d: Diagnostic): string => `${d.ruleId}\u0000${canonical(d.data ?? {})}`;

/** The errors the new version has that the old one did not (acknowledged ones left out): a change may bring a legal error. */
function findingsNewIn(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  const old = new Set(before.map(findingKey));
  return after.filter((d) => d.severity === 'error' && !d.acknowledged && !old.has(findingKey(d)));
}

/**
 * load → validate → resolve both versions, then compare them: the changes
 * and, when any is material, the notice draft, and the check errors new in the new version. An invalid side stops here
 * with its diagnostics (the diff of an invalid policy would mislead).
 */
export function comparePolicies(
  oldSide: PolicyText,
  newSide: PolicyText,
  options: CompareOptions = {},
): { value?: DiffResult; diagnostics: Diagnostic[]; baseLike?: string[] } {
  // The compliance rules run on both sides, so that a change that brings a new error is not passed as harmless.
  const { findings: withFindings = true, base: asBase = false, ...draftOptions } = options;
  const analyseSide = (side: PolicyText): ReturnType<typeof analyse> =>
    analyse(side.text, side.label, {
      check: withFindings,
      base: asBase,
      ...(side.path ? { path: side.path } : {}),
      ...(side.reader ? { reader: side.reader } : {}),
    });
  const before = analyseSide(oldSide);
  const after = analyseSide(newSide);
  const diagnostics = [...before.diagnostics, ...after.diagnostics];
  // An invalid side that leaves open what a base may (its label in baseLike): the caller can say how to see its change.
  const analysed = [before, after];
  const baseLike = [oldSide, newSide]
    .filter((_, i) => analysed[i]!.leftOpen && !analysed[i]!.model)
    .map((s) => s.label);
  if (!before.model || !after.model) return { diagnostics, ...(baseLike.length ? { baseLike } : {}) };
  const documents = { old: before.document!, new: after.document! };
  const changes = diffPolicies(before.model, after.model).map((change) => {
    const document = documents[change.side];
    const { file, line, column } = locate(document, change.pointer);
    return { ...change, line, column, ...(file !== document.file ? { file } : {}) };
  });
  // A base sends no notice and is not checked: the policies that extend it do, and are.
  const base = Boolean(before.leftOpen ?? after.leftOpen);
  const newFindings = base ? [] : findingsNewIn(before.findings, after.findings);
  const notice = base
    ? undefined
    : noticeDraft(after.model, changes, {
        ...draftOptions,
        oldModel: before.model,
        newFindings,
        metadataStatedIn: metadataStatedIn(after.document!),
      });
  const side = (text: PolicyText, analysed: typeof before) => ({
    label: text.label,
    model: analysed.model!,
    ...(analysed.leftOpen ? { leftOpen: analysed.leftOpen } : {}),
  });
  return {
    value: {
      old: side(oldSide, before),
      new: side(newSide, after),
      changes,
      newFindings,
      ...(notice ? { notice } : {}),
    },
    diagnostics,
  };
}

/**
 * Where the new version's label and effective date are written when that is not the policy's own file (a chain's
 * base, a preset): the file to edit when the draft asks for a version or date of its own.
 */
function metadataStatedIn(document: SourceDocument): MetadataStatedIn {
  const stated: MetadataStatedIn = {};
  for (const key of ['version', 'effectiveDate'] as const) {
    const pointer = `/metadata/${key}`;
    if (!document.locations.get(pointer)) continue;
    const { file, line } = locate(document, pointer);
    if (file === document.file) continue;
    const preset = document.presets?.find((p) => p.file === file)?.name;
    stated[key] = { at: `${file}:${line}`, ...(preset ? { preset } : {}) };
  }
  return stated;
}

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Language } from '../i18n/messages.js';
import { didYouMean, didYouMeanHint } from '../validate/did-you-mean.js';
import { isAtOrBelow, joinPointer, parsePointer } from '../load/json-pointer.js';
import { filePointer, locate, type SourceDocument } from '../load/load-document.js';
import type { Acknowledgement } from '../policy/policy-types.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';

/**
 * An acknowledgement from outside the policy (the config file's
 * "acknowledged" list): the same shape plus the id of the policy it is for
 * and, for messages, where it was written.
 */
export interface ExternalAcknowledgement extends Acknowledgement {
  policy: string;
  /** The file it was written in (the config file), for the unmatched-acknowledgement diagnostic. */
  file?: string;
  /** Its JSON pointer in that file, for the same. */
  at?: string;
  /** Its 1-based position in that file, when the loader knows it. */
  line?: number;
  column?: number;
  /** The position of its "policy" value in that file, for the unknown-policy diagnostic. */
  policyPosition?: { line: number; column: number };
}

/** Where a report shows a finding: the file and that file's pointer (user-location's placement). */
export interface ShownAt {
  file?: string;
  pointer: string;
}

/** Where a finding is shown when nothing moves it: its file, at that file's own pointer. */
const inItsFile = (finding: Diagnostic, document: SourceDocument): ShownAt => ({
  ...(finding.file !== undefined ? { file: finding.file } : {}),
  pointer: filePointer(document, finding.pointer),
});

/**
 * The policy's pointer for `pointer` as `file` writes it, when every list item on its way is one that file holds
 * (the practice's own /purposes/0 is the policy's /purposes/3 when its base gives three before it); else undefined:
 * the file holds nothing there.
 */
function writtenIn(document: SourceDocument, file: string, pointer: string): string | undefined {
  let at = '';
  let written = '';
  let value: unknown = document.value;
  for (const token of parsePointer(pointer)) {
    written = joinPointer(written, token);
    if (!Array.isArray(value)) {
      at = joinPointer(at, token);
      value = (value as Record<string, unknown> | undefined)?.[token];
      continue;
    }
    const index = value.findIndex((_, i) => {
      const item = joinPointer(at, i);
      return locate(document, item).file === file && filePointer(document, item) === written;
    });
    if (index === -1) return undefined;
    at = joinPointer(at, index);
    value = value[index];
  }
  return at;
}

/** An acknowledgement and how its pointer is read (see covers). */
interface Reading {
  ack: Acknowledgement;
  /** The file it is written in (the policy's own, for the config's). */
  file: string;
  /** The policy's pointer of the value its pointer addresses in that file, when the file holds it. */
  own?: string;
}

function reading(ack: Acknowledgement, file: string, document: SourceDocument): Reading {
  const own = ack.pointer === undefined ? undefined : writtenIn(document, file, ack.pointer);
  return { ack, file, ...(own !== undefined ? { own } : {}) };
}

/**
 * Whether an acknowledgement covers a finding: same rule, and at its pointer or below it (or anywhere when no
 * pointer is given). The pointer is read in the file the acknowledgement is written in, when that file holds a value
 * there: then it covers that value, by the policy's pointer or as the report shows it in that file, and nothing a
 * base holds at the same index. Else it is the policy's pointer, or the one a report shows for the finding.
 */
function covers({ ack, file, own }: Reading, finding: Diagnostic, shown: ShownAt): boolean {
  if (ack.rule !== finding.ruleId) return false;
  const at = ack.pointer;
  if (at === undefined) return true;
  if (own !== undefined)
    return isAtOrBelow(finding.pointer, own) || (shown.file === file && isAtOrBelow(shown.pointer, at));
  return isAtOrBelow(finding.pointer, at) || isAtOrBelow(shown.pointer, at);
}

/**
 * Marks the findings the policy's metadata.acknowledged (and the config's
 * entries for this policy) accept, and reports every acknowledgement that
 * matches no finding, at the place it was written: a stale acknowledgement
 * would otherwise hide the next finding of that rule unseen.
 */
export function applyAcknowledgements(
  findings: Diagnostic[],
  document: SourceDocument,
  policy: { id: string; metadata: { acknowledged?: Acknowledgement[]; sourceLanguage?: Language } },
  external: readonly ExternalAcknowledgement[],
  shownAt: (finding: Diagnostic) => ShownAt = (f) => inItsFile(f, document),
): Diagnostic[] {
  // An entry inherited from a base is reported in the base, at its line (locate).
  const own = (policy.metadata.acknowledged ?? []).map((ack, i) => {
    const at = joinPointer('/metadata/acknowledged', i);
    const { file, line, column } = locate(document, at);
    return { ...reading(ack, file, document), at, inPolicy: true, reportIn: file, position: { line, column } };
  });
  // The config's are read as if written in the policy's own file.
  const outside = external
    .filter((a) => a.policy === policy.id)
    .map((ack) => ({
      ...reading(ack, document.file, document),
      at: ack.at ?? '',
      inPolicy: false,
      reportIn: ack.file,
      position: ack.line !== undefined ? { line: ack.line, column: ack.column ?? 1 } : undefined,
    }));
  const all = [...own, ...outside];
  // Nothing to match: where each finding is shown is not worked out (inUserFiles, for a policy that extends a base).
  if (!all.length) return findings;
  const shown = findings.map(shownAt);
  const marked = findings.map((f, i) => {
    const match = all.find((r) => covers(r, f, shown[i]!));
    if (!match) return f;
    return {
      ...f,
      acknowledged: {
        reason: match.ack.reason,
        source: match.inPolicy ? ('policy' as const) : ('config' as const),
      },
    };
  });
  const unmatched: Diagnostic[] = all
    .filter((r) => !findings.some((f, i) => covers(r, f, shown[i]!)))
    .map((r) => unmatchedAt(r, policy.id));
  return [...marked, ...unmatched];
}

/** The warning for an acknowledgement that matches no finding, at the place it was written. */
function unmatchedAt(
  r: Reading & { at: string; reportIn?: string; position?: { line: number; column: number } },
  policy: string,
): Diagnostic {
  const { ack } = r;
  return {
    ruleId: 'acknowledged/unmatched' satisfies StageRuleId<'acknowledge'>,
    severity: 'warning' as const,
    messageId: `diagnostics:acknowledgedUnmatched.${ack.pointer === undefined ? 'anywhere' : 'at'}`,
    data: { rule: ack.rule, pointer: ack.pointer ?? '', policy },
    ...(r.reportIn !== undefined ? { file: r.reportIn } : {}),
    pointer: r.at,
    ...(r.position ?? {}),
  };
}

/**
 * The config file's acknowledgements for a policy id that none of `ids` has
 * (a typo, or a policy removed or renamed): a warning at the id in the config
 * file, with a guess among the ids. Only for a run over every policy: a run
 * over some policies cannot tell a missing id from one it was not given.
 */
export function unknownPolicyAcknowledgements(
  external: readonly ExternalAcknowledgement[],
  ids: ReadonlySet<string>,
): Diagnostic[] {
  return external
    .filter((ack) => !ids.has(ack.policy))
    .map((ack) => {
      const guess = didYouMean(ack.policy, [...ids]);
      return {
        ruleId: 'acknowledged/unknown-policy' satisfies StageRuleId<'acknowledge'>,
        severity: 'warning' as const,
        messageId: 'diagnostics:acknowledgedUnknownPolicy',
        data: { policy: ack.policy, rule: ack.rule },
        ...(ack.file !== undefined ? { file: ack.file } : {}),
        pointer: ack.at !== undefined ? `${ack.at}/policy` : '',
        ...(ack.policyPosition ?? {}),
        ...(guess ? { hint: didYouMeanHint(guess) } : {}),
      };
    });
}

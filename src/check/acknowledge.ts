import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Language } from '../i18n/messages.js';
import { didYouMean, didYouMeanHint } from '../validate/did-you-mean.js';
import { isAtOrBelow, joinPointer } from '../load/json-pointer.js';
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

/**
 * Whether `ack` covers a finding: same rule, and at its pointer or below it (or anywhere when no pointer is given) —
 * the pointer in the policy, or as the file the finding is in has it (which reports show: filePointer).
 */
function covers(ack: Acknowledgement, finding: Diagnostic, document: SourceDocument): boolean {
  if (ack.rule !== finding.ruleId) return false;
  const at = ack.pointer;
  if (at === undefined) return true;
  return isAtOrBelow(finding.pointer, at) || isAtOrBelow(filePointer(document, finding.pointer), at);
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
): Diagnostic[] {
  // An entry inherited from a base is reported in the base, at its line (locate).
  const own = (policy.metadata.acknowledged ?? []).map((ack, i) => {
    const at = joinPointer('/metadata/acknowledged', i);
    const { file, line, column } = locate(document, at);
    return { ack, file, at, inPolicy: true, position: { line, column } };
  });
  const outside = external
    .filter((a) => a.policy === policy.id)
    .map((ack) => ({ ack, file: ack.file, at: ack.at ?? '', inPolicy: false, position: undefined }));
  const where = (
    ack: Acknowledgement & { line?: number; column?: number },
    position: { line: number; column: number } | undefined,
  ) => position ?? (ack.line !== undefined ? { line: ack.line, column: ack.column ?? 1 } : {});
  const marked = findings.map((f) => {
    const match = [...own, ...outside].find(({ ack }) => covers(ack, f, document));
    if (!match) return f;
    return {
      ...f,
      acknowledged: {
        reason: match.ack.reason,
        source: match.inPolicy ? ('policy' as const) : ('config' as const),
      },
    };
  });
  const unmatched: Diagnostic[] = [...own, ...outside]
    .filter(({ ack }) => !findings.some((f) => covers(ack, f, document)))
    .map(({ ack, file, at, position }) => {
      const pos = where(ack, position);
      const vars = { rule: ack.rule, pointer: ack.pointer ?? '', policy: policy.id };
      return {
        ruleId: 'acknowledged/unmatched' satisfies StageRuleId<'acknowledge'>,
        severity: 'warning' as const,
        messageId: `diagnostics:acknowledgedUnmatched.${ack.pointer === undefined ? 'anywhere' : 'at'}`,
        data: vars,
        ...(file !== undefined ? { file } : {}),
        pointer: at,
        ...pos,
      };
    });
  return [...marked, ...unmatched];
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

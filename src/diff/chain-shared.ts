import type { Messages } from '../i18n/messages.js';
import { joinList } from '../render/format.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sharedFindingKey } from '../diagnostics/shared-findings.js';
import { diffReport, reportFinding, type DiffResult, type ReportFinding, type ReportItem } from './diff-report.js';
import { itemLines } from './render-diff.js';

/** A policy of a chain compared with its earlier version. */
export interface Compared {
  label: string;
  id: string;
  result: DiffResult;
}

/** A change told in the same words, at the same place, in several policies (a chain's shared base). */
export interface SharedChange {
  lines: string[];
  /** The change as the first of its policies reports it, for the Markdown and HTML reports. */
  item: ReportItem;
  result: DiffResult;
  /** The policies that report it, by policyName. */
  policies: string[];
}

/** A new error found in a base that several policies of a chain extend: found once for each of them. */
export interface SharedFinding {
  /** Its sharedFindingKey. */
  key: string;
  /** As the report lists it, without the policy it was found for. */
  finding: ReportFinding;
  /** The policies whose new version has it, by policyName. */
  policies: string[];
}

/**
 * A policy as the user knows it: its folder as given ('policies/glimlach-delft'), with its id beside it where
 * the folder is named otherwise ('policies/ander (tandartspraktijk-de-linde)', diff:chain.policyName); a file not named
 * policy.json by its path.
 */
export function policyName({ label, id }: Pick<Compared, 'label' | 'id'>, m: Messages): string {
  const folder = label.replace(/[\\/]policy\.json$/, '');
  if (folder === label) return label;
  return folder.split(/[\\/]/).pop() === id ? folder : m.t('diff:chain.policyName', { folder, id });
}

/**
 * The changes that two or more policies report in exactly the same lines — sentence, location, file and
 * line: a change made once in the base they extend. In the order they first appear.
 */
export function sharedChanges(compared: readonly Compared[], m: Messages): SharedChange[] {
  const seen = new Map<string, SharedChange>();
  for (const entry of compared) {
    const { result } = entry;
    const name = policyName(entry, m);
    for (const item of diffReport(result, m).groups.flatMap((g) => g.items)) {
      const lines = itemLines(item, result, m);
      const key = lines.join('\n');
      const shared = seen.get(key) ?? { lines, item, result, policies: [] };
      if (!shared.policies.includes(name)) shared.policies.push(name);
      seen.set(key, shared);
    }
  }
  return [...seen.values()].filter((s) => s.policies.length > 1);
}

/**
 * The new errors that two or more policies' new versions have in the same base, at the same place and in the
 * same words (the sharedFindingKey of check's report), in the order they first appear.
 */
export function sharedFindings(compared: readonly Compared[], m: Messages): SharedFinding[] {
  const seen = new Map<string, SharedFinding>();
  for (const entry of compared) {
    const name = policyName(entry, m);
    for (const d of entry.result.newFindings ?? []) {
      const key = sharedFindingKey(d);
      if (key === undefined) continue;
      const shared = seen.get(key) ?? {
        key,
        finding: reportFinding(withoutPolicy(d), entry.result.new.label, m),
        policies: [],
      };
      if (!shared.policies.includes(name)) shared.policies.push(name);
      seen.set(key, shared);
    }
  }
  return [...seen.values()].filter((s) => s.policies.length > 1);
}

/** The finding without the policy it was found for: its message says no '(for policies/x/policy.json)'. */
function withoutPolicy({ policy: _policy, ...rest }: Diagnostic): Diagnostic {
  return rest;
}

/**
 * 'In 29 of 30 policies; not in: policies/x.': the fewer of the two lists is named (all: every policyName). A
 * change not in a policy may be there in other words; a finding not in it is not there.
 */
export function sharedWhere(
  shared: Pick<SharedChange, 'policies'>,
  all: readonly string[],
  m: Messages,
  what: 'change' | 'finding' = 'change',
): string {
  const count = shared.policies.length;
  const total = all.length;
  if (count === total) return m.t('diff:chain.sharedInAll', { total });
  const others = all.filter((name) => !shared.policies.includes(name));
  const most = what === 'change' ? 'diff:chain.sharedInMost' : 'diff:chain.sharedFindingInMost';
  return count > others.length
    ? m.t(most, { count, total, policies: joinList(others, m) })
    : m.t('diff:chain.sharedInFew', { count, total, policies: joinList(shared.policies, m) });
}

/**
 * A draft without what is each policy's own — its contact details, its signature, and its file where a sender
 * note names it (a new error found in the base 'for policies/x/policy.json') — : equal ones say the same. The file
 * is taken out of each text as written, before any is serialised, where JSON would escape a Windows path's
 * backslashes or a quote.
 */
function draftKey({ notice, new: { label } }: DiffResult): string | undefined {
  if (!notice) return undefined;
  return JSON.stringify(
    notice.texts.map(({ closing: _closing, signature: _signature, ...rest }) => withoutFile(rest, label)),
  );
}

/** `value` with `label` marked out of every string in it. */
function withoutFile(value: unknown, label: string): unknown {
  if (typeof value === 'string') return value.split(label).join('\u0000');
  if (Array.isArray(value)) return value.map((item) => withoutFile(item, label));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutFile(item, label)]));
}

/** For each policy whose draft says what an earlier one's says: that earlier policy. */
export function sameDrafts(compared: readonly Compared[]): Map<Compared, Compared> {
  const first = new Map<string, Compared>();
  const same = new Map<Compared, Compared>();
  for (const entry of compared) {
    const key = draftKey(entry.result);
    if (key === undefined) continue;
    const earlier = first.get(key);
    if (earlier) same.set(entry, earlier);
    else first.set(key, entry);
  }
  return same;
}

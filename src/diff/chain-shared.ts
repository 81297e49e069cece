import type { Messages } from '../i18n/messages.js';
import { joinList } from '../render/format.js';
import { diffReport, type DiffResult, type ReportItem } from './diff-report.js';
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

/**
 * A policy as the user knows it: its folder as given ('policies/glimlach-delft'), with its id beside it where
 * the folder is named otherwise ('policies/ander (tandartspraktijk-de-linde)'); a file not named policy.json by its path.
 */
export function policyName({ label, id }: Pick<Compared, 'label' | 'id'>): string {
  const folder = label.replace(/[\\/]policy\.json$/, '');
  if (folder === label) return label;
  return folder.split(/[\\/]/).pop() === id ? folder : `${folder} (${id})`;
}

/**
 * The changes that two or more policies report in exactly the same lines — sentence, location, file and
 * line: a change made once in the base they extend. In the order they first appear.
 */
export function sharedChanges(compared: readonly Compared[], m: Messages): SharedChange[] {
  const seen = new Map<string, SharedChange>();
  for (const entry of compared) {
    const { result } = entry;
    const name = policyName(entry);
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

/** 'In 29 of 30 policies; not in: policies/x.': the fewer of the two lists is named (all: every policyName). */
export function sharedWhere(shared: SharedChange, all: readonly string[], m: Messages): string {
  const count = shared.policies.length;
  const total = all.length;
  if (count === total) return m.t('diff:chain.sharedInAll', { total });
  const others = all.filter((name) => !shared.policies.includes(name));
  return count > others.length
    ? m.t('diff:chain.sharedInMost', { count, total, policies: joinList(others, m) })
    : m.t('diff:chain.sharedInFew', { count, total, policies: joinList(shared.policies, m) });
}

/**
 * A draft without what is each policy's own — its contact details, its signature, and its file where a sender
 * note names it (a new error found in the base 'for policies/x/policy.json') — : equal ones say the same.
 */
const draftKey = ({ notice, new: { label } }: DiffResult): string | undefined =>
  notice &&
  JSON.stringify(notice.texts.map(({ closing: _closing, signature: _signature, ...rest }) => rest))
    .split(label)
    .join('\u0000');

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

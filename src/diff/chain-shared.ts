import type { Messages } from '../i18n/messages.js';
import { joinList } from '../render/format.js';
import { diffReport, type DiffResult } from './diff-report.js';
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
  ids: string[];
}

/**
 * The changes that two or more policies report in exactly the same lines — sentence, location, file and
 * line: a change made once in the base they extend. In the order they first appear.
 */
export function sharedChanges(compared: readonly Compared[], m: Messages): SharedChange[] {
  const seen = new Map<string, SharedChange>();
  for (const { id, result } of compared) {
    for (const item of diffReport(result, m).groups.flatMap((g) => g.items)) {
      const lines = itemLines(item, result, m);
      const key = lines.join('\n');
      const entry = seen.get(key) ?? { lines, ids: [] };
      if (!entry.ids.includes(id)) entry.ids.push(id);
      seen.set(key, entry);
    }
  }
  return [...seen.values()].filter((s) => s.ids.length > 1);
}

/** 'In 29 of 30 policies; not in: x.': the fewer of the two lists is named. */
export function sharedWhere(shared: SharedChange, all: readonly string[], m: Messages): string {
  const count = shared.ids.length;
  const total = all.length;
  if (count === total) return m.t('diff:chain.sharedInAll', { total });
  const others = all.filter((id) => !shared.ids.includes(id));
  return count > others.length
    ? m.t('diff:chain.sharedInMost', { count, total, ids: joinList(others, m) })
    : m.t('diff:chain.sharedInFew', { count, total, ids: joinList(shared.ids, m) });
}

/** A draft without what is each policy's own (its contact details and signature): equal ones say the same. */
const draftKey = (result: DiffResult): string | undefined =>
  result.notice &&
  JSON.stringify(result.notice.texts.map(({ closing: _closing, signature: _signature, ...rest }) => rest));

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

import type { Messages } from '../i18n/messages.js';
import { formatDate, isMonth } from './format.js';

/** The messages a document words its version line with: both, version only, date only, neither (none: no line). */
export interface VersionLineKeys {
  both: string;
  version: string;
  date: string;
  neither?: string;
  /** Where the document states the policy's last change (a date other than the effective date): after the line, and alone when that is all it states. */
  lastModified?: { after: string; alone: string; afterMonth: string; aloneMonth: string };
}

export const noticeVersionKeys: VersionLineKeys = {
  both: 'notice:versionLine',
  version: 'notice:versionOnly',
  date: 'details:version.dateOnly',
};
export const registerVersionKeys: VersionLineKeys = {
  both: 'register:versionLine',
  version: 'register:versionOnly',
  date: 'register:dateOnly',
  neither: 'register:undated',
  lastModified: {
    after: 'register:lastModified',
    alone: 'register:lastModifiedOnly',
    afterMonth: 'register:lastModifiedMonth',
    aloneMonth: 'register:lastModifiedMonthOnly',
  },
};

/**
 * The one way a version line is written: what the policy states of its version
 * label and effective date — both, either, or neither ('' when the document has
 * no words for that) — so no line ever reads 'versie .'.
 */
export function versionLine(
  metadata: { version?: string; effectiveDate?: string; lastModified?: string },
  m: Messages,
  keys: VersionLineKeys,
): string {
  const { effectiveDate, lastModified } = metadata;
  // A version label that is the effective date itself ("2025-02-05") says nothing the date does not.
  const version = metadata.version === effectiveDate ? undefined : metadata.version;
  const date = effectiveDate ? formatDate(effectiveDate, m) : undefined;
  const changed =
    keys.lastModified && lastModified && lastModified !== effectiveDate ? formatDate(lastModified, m) : undefined;
  const line =
    version && date
      ? m.t(keys.both, { version, date })
      : version
        ? m.t(keys.version, { version })
        : date
          ? m.t(keys.date, { date })
          : undefined;
  if (changed && keys.lastModified) {
    // 'gewijzigd in mei 2020' where the statement gives only the month, 'op 5 mei 2020' for a day.
    const month = isMonth(lastModified!);
    const { after, alone, afterMonth, aloneMonth } = keys.lastModified;
    return line
      ? `${line} ${m.t(month ? afterMonth : after, { date: changed })}`
      : m.t(month ? aloneMonth : alone, { date: changed });
  }
  return line ?? (keys.neither ? m.t(keys.neither) : '');
}

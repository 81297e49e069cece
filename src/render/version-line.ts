import type { Messages } from '../i18n/messages.js';
import { formatDate } from './format.js';

/** The messages a document words its version line with: both, version only, date only, neither (none: no line). */
export interface VersionLineKeys {
  both: string;
  version: string;
  date: string;
  neither?: string;
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
};

/**
 * The one way a version line is written: what the policy states of its version
 * label and effective date — both, either, or neither ('' when the document has
 * no words for that) — so no line ever reads 'versie .'.
 */
export function versionLine(
  metadata: { version?: string; effectiveDate?: string },
  m: Messages,
  keys: VersionLineKeys,
): string {
  const { effectiveDate } = metadata;
  // A version label that is the effective date itself ("2025-02-05") says nothing the date does not.
  const version = metadata.version === effectiveDate ? undefined : metadata.version;
  const date = effectiveDate ? formatDate(effectiveDate, m) : undefined;
  if (version && date) return m.t(keys.both, { version, date });
  if (version) return m.t(keys.version, { version });
  if (date) return m.t(keys.date, { date });
  return keys.neither ? m.t(keys.neither) : '';
}

import type { LawId } from '../policy/policy-types.js';

/**
 * Laws a policy can cite by id. Names and abbreviations (which differ per
 * language: AVG / GDPR) live in locales/<lang>/terms.json under law.<id>.
 */
export interface LawFacts {
  id: LawId;
  /** The provision cited when the policy names the law without an article. */
  defaultProvision?: string;
}

export const laws: Readonly<Record<LawId, LawFacts>> = {
  gdpr: { id: 'gdpr' },
  uavg: { id: 'uavg' },
  wgbo: { id: 'wgbo', defaultProvision: 'BW 7:454' },
  awr: { id: 'awr', defaultProvision: 'art. 52' },
  wabvpz: { id: 'wabvpz' },
  wkkgz: { id: 'wkkgz' },
  popia: { id: 'popia' },
};

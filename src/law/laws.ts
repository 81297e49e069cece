import type { LawId } from '../policy/policy-types.js';

/**
 * Laws a policy can cite by id. Names and abbreviations (which differ per
 * language: AVG / GDPR) live in locales/<lang>/terms.json under law.<id>.
 */
export interface LawFacts {
  id: LawId;
  /**
   * The code an article of this law is cited in, when it is not the law's own
   * abbreviation: the WGBO is part of the Burgerlijk Wetboek, so its article
   * 7:454 is cited 'artikel 7:454 BW'. A law named without an article is
   * cited by name only: no article is ever supplied for the author.
   */
  code?: string;
}

export const laws: Readonly<Record<LawId, LawFacts>> = {
  gdpr: { id: 'gdpr' },
  uavg: { id: 'uavg' },
  wgbo: { id: 'wgbo', code: 'BW' },
  awr: { id: 'awr' },
  wabvpz: { id: 'wabvpz' },
  wkkgz: { id: 'wkkgz' },
  popia: { id: 'popia' },
};

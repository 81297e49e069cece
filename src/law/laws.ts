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
  /** Where the law's text is published (wetten.overheid.nl, EUR-Lex). */
  source: string;
  /** What about the law's data is not confirmed against its source. */
  verify?: string;
}

const overheid = (bwbr: string): string => `https://wetten.overheid.nl/${bwbr}/`;

export const laws: Readonly<Record<LawId, LawFacts>> = {
  gdpr: { id: 'gdpr', source: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' },
  uavg: { id: 'uavg', source: overheid('BWBR0040940') },
  // Book 7 of the Burgerlijk Wetboek, title 7 section 5 (art. 7:446-7:468).
  wgbo: { id: 'wgbo', code: 'BW', source: overheid('BWBR0005290') },
  awr: { id: 'awr', source: overheid('BWBR0002320') },
  wabvpz: { id: 'wabvpz', source: overheid('BWBR0023864') },
  // Every care provider has a complaints officer and is affiliated with a recognised disputes body
  // (degeschillencommissiezorg.nl, geschilleninstantieszorg.nl): the notice names them from complaints.officer and
  // complaints.disputesBody as 'zoals de Wkkgz vraagt', citing no article.
  wkkgz: {
    id: 'wkkgz',
    source: overheid('BWBR0037173'),
    verify:
      'the articles (15 complaints officer, 18 disputes body) recalled, not read on wetten.overheid.nl; that a complaint about how the file and data are handled is a complaint under the Wkkgz (art. 1, "klacht") read from its definition, not confirmed',
  },
  // Art. 88: the duty of secrecy of everyone practising an individual healthcare profession (legal review item 4).
  'wet-big': { id: 'wet-big', source: overheid('BWBR0006251') },
  // Art. 7.3.11: the youth-care worker gives no information from the file to others without consent (legal review item 4).
  jeugdwet: { id: 'jeugdwet', source: overheid('BWBR0034925') },
  popia: {
    id: 'popia',
    source: 'https://www.gov.za/documents/protection-personal-information-act',
    verify: 'address recalled, not confirmed (no network here)',
  },
};

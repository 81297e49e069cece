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
  // Every care provider appoints persons who advise a complainant free of charge (art. 15(1): "De zorgaanbieder wijst
  // een of meer daartoe geschikt te achten personen aan die een klager op diens verzoek gratis van advies dienen", the
  // klachtenfunctionaris), is affiliated with a disputes body the minister recognises (art. 18(1)-(2): "De
  // zorgaanbieder is aangesloten bij een geschilleninstantie"; "Een geschilleninstantie is erkend door Onze
  // Minister"), and brings its complaints arrangement and that body to its clients' attention (13(4), 18(5)). Read
  // in the act of 7 October 2015 as enacted (statengeneraal/laws-markdown,
  // wet/wet/kwaliteit/klachten/en/geschillen/zorg/BWBR0037173/README.md, 2015-11-13) and confirmed for today on
  // degeschillencommissiezorg.nl ("De Wkkgz verplicht iedere zorgaanbieder om een klachtenfunctionaris te hebben.
  // Daarnaast moet elke zorgaanbieder zich aansluiten bij een externe onafhankelijke geschilleninstantie.") and
  // geschilleninstantieszorg.nl ("Zorgaanbieders moeten daarom aangesloten zijn bij een erkende
  // geschilleninstantie."). At a care provider the notice names the disputes body from complaints.disputesBody "zoals de
  // {{law}} vraagt", with the act's name and abbreviation and no article (notice:complaints.disputesBody), and the
  // complaints officer from complaints.officer without naming the act; wkkgz/complaints-route-unstated cites 13(4),
  // 15 and 18.
  wkkgz: {
    id: 'wkkgz',
    source: overheid('BWBR0037173'),
    verify:
      'articles 13, 15 and 18 read in the text as enacted in 2015, not in the consolidated text in force on wetten.overheid.nl (the act has been amended since: a consolidation in force from 2020-01-01 exists, its definitions changed, its arts. 13, 15 and 18 not read; verify3); art. 1 defines no "klacht" (art. 14(1): a complaint about "een gedraging jegens een cliënt in het kader van de zorgverlening"), so that a complaint about how the file and data are handled is a Wkkgz complaint is read from that, not confirmed; art. 1(3) lets an order in council exempt pharmaceutical care: no order read, but the disputes body of SKGE for community pharmacies is recognised by the minister (skge.nl), so pharmacies are taken to be covered',
  },
  // Art. 88: the duty of secrecy of everyone practising an individual healthcare profession (legal review item 4).
  'wet-big': { id: 'wet-big', source: overheid('BWBR0006251') },
  // Art. 7.3.11: the youth-care worker gives no information from the file to others without consent (legal review item 4).
  jeugdwet: { id: 'jeugdwet', source: overheid('BWBR0034925') },
  popia: {
    id: 'popia',
    // Act 4 of 2013, Government Gazette 37067 of 26 November 2013, as AfricanLII publishes it (read 2026-12-07, verify3).
    source: 'https://lawlibrary.org.za/akn/za/act/2013/4',
  },
};

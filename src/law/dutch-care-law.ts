import type { Text } from '../policy/policy-types.js';
import { negationAlternatives } from './negation-words.js';

/**
 * Dutch care law the checker recognises in what a policy writes, as data:
 * patterns over ids, names and citations, because the schema has no marker
 * for these facts. Each entry names its source; "verify" marks a fact recalled
 * but not confirmed in a primary source.
 */

/**
 * Electronic exchange systems (elektronisch uitwisselingssysteem, Wabvpz
 * art. 1): a care provider makes data available through one only with the
 * patient's explicit consent (Wabvpz art. 15a(1)). Matched against processor
 * and recipient names. Not Mitz: it registers the patient's consent choices
 * (a consent service), it makes no medical data available; a recipient
 * named Mitz is not one through which the file is exchanged.
 */
const exchangeSystemNames =
  /\bLSP\b|landelijk schakelpunt|national switch point|\bVZVZ\b|uitwisselingssysteem|exchange system/i;

/** Whether a processor's or recipient's name (a string, or a text in each language) names an electronic exchange system. */
export const namesExchangeSystem = (name: string | Text): boolean =>
  (typeof name === 'string' ? [name] : Object.values(name)).some((n) => exchangeSystemNames.test(n));

/**
 * Words that say the patient's explicit consent is asked (for Wabvpz
 * art. 15a): explicit only, since art. 15a(1) asks for explicit consent, and
 * not where their sentence denies it (explicitConsentNegations).
 */
export const explicitConsentWords =
  /uitdrukkelijke? toestemming|expliciete? toestemming|explicit consent|express consent|consent explicitly|explicitly consent/i;

/**
 * Negations in the sentence of the consent words. An odd number denies the
 * consent ("hiervoor vragen wij geen uitdrukkelijke toestemming", "we do not
 * ask your explicit consent"); an even number affirms it ("zonder uw
 * uitdrukkelijke toestemming delen wij niets", "we do not share it without
 * your explicit consent").
 */
export const explicitConsentNegations = new RegExp(
  String.raw`\b(${negationAlternatives('zonder', 'niets', 'without', 'nothing')})\b|n't\b`,
  'gi',
);

/**
 * The Wkkgz complaints route as a policy's own complaints text (complaints.internal) names it: the complaints
 * officer, whom every care provider appoints to advise a complainant free of charge (Wkkgz art. 15; the act says
 * "daartoe geschikt te achten personen", "klachtenfunctionaris" is the name in use, also "klachtfunctionaris"), and
 * the disputes body recognised by the minister that it is affiliated with (art. 18(1)–(2); a sector's
 * "geschillencommissie"). Articles read in the act of 7 October 2015 as enacted (statengeneraal/laws-markdown,
 * BWBR0037173), not in its current consolidated text. A text that names them states the route in words.
 */
export const complaintsRouteWords = {
  officer: /klacht(?:en)?functionaris|klachtenbemiddelaar|complaints? (?:officer|official|mediator)/i,
  // SKGE (Stichting Klachten en Geschillen Eerstelijnszorg) holds the recognised disputes bodies for GP care and
  // community pharmacies (skge.nl), and GP practices name it alone ("aangesloten bij de SKGE").
  disputesBody:
    /geschilleninstantie|geschillencommissie|\bSKGE\b|Klachten en Geschillen Eerstelijnszorg|disputes? (?:body|committee|board)/i,
  // A complaints committee is neither. Under the Wet klachtrecht cliënten zorgsector (until 2016) it was the route;
  // the Wkkgz no longer requires one and requires the officer instead (rechtindezorg.nl, 25 January 2016: "met de
  // komst van de Wkkgz is de klachtencommissie niet langer vereist. Wat er wel moet zijn, is een
  // klachtenfunctionaris"). A provider may still have its complaints judged by one (ActiZ's model arrangement lets the
  // complainant choose it; GGD Zeeland's arrangement: "de commissie bevoegd tot klachtafhandeling", beside "degene die
  // de klachten opvangt en de klager ondersteunt"), and the Wet zorg en dwang has one of its own for involuntary
  // care; none of them advises the complainant free of charge (art. 15) or is the external body the minister
  // recognises (art. 18). A text that names one tells patients where to complain, but not the Wkkgz route.
  committee: /klacht(?:en)?commissie|complaints? (?:committee|commission)/i,
};

/** Secondary use of health data (legal review, missing check 3): purposes by their id or name. */
export const secondaryUse = {
  /** Scientific research and AI: 9(2)(j) with UAVG art. 24 or BW 7:458, or explicit consent. */
  research: /research|onderzoek|wetenschap|\bAI\b|artificial intelligence|kunstmatige intelligentie|machine learning/i,
  /**
   * Statistics: secondary use only of health data. A care provider's website statistics
   * ("Websitestatistieken") are not research on the file.
   */
  statistics: /statisti/i,
  /** Quality improvement outside the care relationship (within it, 9(2)(h) covers it). */
  quality: /quality|kwaliteit/i,
  /**
   * Not research under 9(2)(h): a medical examination ("medisch onderzoek") is part of the treatment
   * (BW 7:446(2)), as are diagnosis and population screening.
   */
  treatment: /behandel|diagnos|medisch onderzoek|bevolkingsonderzoek|examination|treatment/i,
  /** Not research on contact data alone: a satisfaction survey asks people, it re-uses no file. */
  survey: /tevredenheid|enqu[eê]te|satisfaction|survey/i,
  /**
   * Scientific research or statistics, which 9(2)(h) does not cover however the name also speaks of treatment or
   * quality ("Wetenschappelijk onderzoek naar behandelingen"). Not a medical examination, a population screening or a
   * satisfaction survey ("medisch onderzoek", "bevolkingsonderzoek", "tevredenheidsonderzoek").
   */
  scientific: /research|wetenschap|statisti|(?<!medisch |bevolkings|tevredenheids)onderzoek/i,
} as const;

/**
 * Art. 9(2) conditions under which a care provider's purpose can keep health
 * data in the medical file, which BW 7:454(3) has it keep for twenty years
 * whatever the basis the policy names: 9(2)(h), health care (with UAVG
 * art. 30(3)), and 9(2)(a), explicit consent, which a policy may name for the
 * treatment although the duty to keep the file does not depend on it
 * (wgbo/consent-for-medical-file reports that). A purpose with no condition
 * counts too (art9/condition-missing reports it). The other conditions place
 * the data outside the treatment: employment (b), research (j), public health
 * (i) and the rest.
 */
export const medicalFileConditions: ReadonlySet<string> = new Set(['9(2)(h)', '9(2)(a)']);

/**
 * BW 7:454 is about the file the care provider keeps on the patient under a
 * treatment agreement (7:446): health data on explicit consent alone (a
 * website contact form for visitors) is in it only when the purpose's data
 * subjects are patients or clients, or the purpose also rests on the contract
 * or a legal obligation. The schema has no marker for patients: a data
 * subject's id or name is the only evidence (a purpose naming no subjects
 * keeps counting).
 */
export const patientSubjects = /pati[eë]nt|cli[eë]nt/i;

/** Art. 6(1) bases that place a purpose on explicit consent within the treatment (see patientSubjects). */
export const treatmentBases: ReadonlySet<string> = new Set(['6(1)(b)', '6(1)(c)']);

/** Art. 9(2) conditions that allow secondary use of health data for research. */
export const researchConditions: ReadonlySet<string> = new Set(['9(2)(j)', '9(2)(a)']);

/**
 * The Dutch provisions that give 9(2)(j) effect: UAVG art. 24 (research and
 * statistics) and, for the medical file, BW 7:458 (WGBO; not 7:458a, which is
 * about the file after the patient's death).
 */
export const researchProvisions: ReadonlyArray<{ law: 'uavg' | 'wgbo'; article: RegExp }> = [
  { law: 'uavg', article: /\b24\b/ },
  { law: 'wgbo', article: /7:458(?!a)|\b458\b/ },
];

/** BW 7:458 (research on the file without consent), as a WGBO article is cited. */
export const researchArticleWgbo = researchProvisions[1]!.article;

/** Laws cited by a name that no longer applies: repealed, or renamed. */
export interface FormerLaw {
  id: string;
  /** Matched against free citations and explanations. */
  pattern: RegExp;
  /** When it stopped applying under this name (ISO date). */
  until: string;
  /** What applies now, as the message shows it (the same in both languages: names of Dutch and EU law). */
  now: string;
  verify?: string;
}

export const formerLaws: readonly FormerLaw[] = [
  // Repealed by the UAVG's implementing act when the GDPR took effect (25 May 2018).
  {
    id: 'wbp',
    pattern: /\bWbp\b|Wet bescherming persoonsgegevens|Personal Data Protection Act/i,
    until: '2018-05-25',
    now: 'AVG/GDPR + UAVG',
  },
  // Replaced by the Wvggz and the Wzd on 1 January 2020.
  {
    id: 'bopz',
    pattern: /\bBopz\b|Wet bijzondere opnemingen in psychiatrische ziekenhuizen/i,
    until: '2020-01-01',
    now: 'Wvggz, Wzd',
  },
  // Renamed the Wet aanvullende bepalingen verwerking persoonsgegevens in de zorg (Wabvpz): its art. 25, "Deze wet
  // wordt aangehaald als: Wet aanvullende bepalingen verwerking persoonsgegevens in de zorg.", is in force in that
  // wording since 2017-07-01 (the article's version date in the text of 2025-07-05 on wetten.overheid.nl, vendored
  // verbatim in rubentalstra/FerroEHR docs/law/nl/wabvpz/text.html).
  {
    id: 'wbsn-z',
    pattern: /\bWbsn-?z\b|Wet gebruik burgerservicenummer in de zorg/i,
    until: '2017-07-01',
    now: 'Wabvpz',
  },
  // Replaced by the Wet kwaliteit, klachten en geschillen zorg on 1 January 2016.
  { id: 'kwz', pattern: /Kwaliteitswet zorginstellingen/i, until: '2016-01-01', now: 'Wkkgz' },
  // The Wet klachtrecht cliënten zorgsector, likewise replaced by the Wkkgz on 1 January 2016.
  { id: 'wkcz', pattern: /\bWKCZ\b|Wet klachtrecht cli[eë]nten zorgsector/i, until: '2016-01-01', now: 'Wkkgz' },
  // The care reform of 1 January 2015: the AWBZ replaced by the Wet langdurige zorg, the Wet op de jeugdzorg by
  // the Jeugdwet, the Wmo of 2007 by the Wmo 2015. A bare "Wmo" is how the Wmo 2015 is commonly cited: only the
  // old act named with its year matches.
  {
    id: 'awbz',
    pattern: /\bAWBZ\b|Algemene Wet Bijzondere Ziektekosten/i,
    until: '2015-01-01',
    now: 'Wlz',
  },
  { id: 'wjz', pattern: /Wet op de jeugdzorg/i, until: '2015-01-01', now: 'Jeugdwet' },
  {
    id: 'wmo-2007',
    pattern: /\bWmo\s*\(?2007\)?|Wet maatschappelijke ondersteuning\s*\(?2007\)?/i,
    until: '2015-01-01',
    now: 'Wmo 2015',
  },
];

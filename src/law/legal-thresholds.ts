import type { Controller, LawId } from '../policy/policy-types.js';

/** GDPR 12(3): a request is answered within one month; the longest month has 31 days. */
export const responseTimeLimitDays = 31;

/** The shortest month: a term hoped for that is no longer is a faster aim beside the law's month, not the month made optional. */
export const shortestMonthDays = 28;

/**
 * Citations that give the BSN its legal ground. UAVG art. 46 is the
 * restriction (a national identification number only where a law provides),
 * not a ground; for care providers the ground is the Wabvpz (art. 4–5; the
 * Wbsn-z was renamed Wabvpz in 2017). Source: legal-review.md item 3.
 */
export const bsnGrounds: ReadonlyArray<{ law: LawId; article?: RegExp }> = [{ law: 'wabvpz' }];

/**
 * The BSN named in a data category's name or description (officer11 F8: Dijklander's "uw naam, uw BSN of gegevens
 * over uw behandeling"): the category holds the number whether or not it is flagged nationalIdentifier. Only the
 * number's own names; not "identiteitsbewijs" or "paspoort" (a copy of a foreign passport holds no BSN).
 */
export const bsnWords = /\b(?:bsn|burgerservicenummers?|citizen service numbers?)\b/i;

/**
 * UAVG art. 46 asks for a law, not for the Wabvpz: for staff that is tax and
 * social-insurance law (e.g. Wet op de loonbelasting 1964 art. 28), for
 * clients of youth care, social support or long-term care the Jeugdwet,
 * Wmo 2015, Wlz or Zvw. So any law cited for a purpose on these bases is
 * accepted when its data subjects are not patients (law review item 3).
 */
export const bsnLawBases: ReadonlySet<string> = new Set(['6(1)(c)', '6(1)(e)']);

/**
 * GDPR art. 10: data about criminal convictions and offences only under
 * official authority or where Union or member-state law allows it. The UAVG
 * gives the exceptions in art. 32 and 33; art. 31 is the rule itself: "Onverminderd
 * artikel 10 van de verordening mogen persoonsgegevens van strafrechtelijke aard
 * alleen worden verwerkt voor zover dit krachtens de artikelen 32 en 33 is
 * toegestaan." (UAVG as in force from 2026-09-01, jci1.3:c:BWBR0040940&hoofdstuk=3&paragraaf=3.2&artikel=31,
 * read in CKaniklides/AI-Legislation-Analysis data/BWBR0040940_2026-09-01_provisions.json, a copy of the
 * official XML.) Other laws allow it in their own field, e.g. the Wet justitiële en
 * strafvorderlijke gegevens for a certificate of conduct (VOG). A purpose
 * cites a ground when it names UAVG art. 32 or 33, or any law other than the
 * GDPR and the UAVG (by id, or a citation that is not of those two).
 */
export const criminalDataGrounds = {
  uavgArticles: /\b3[23]\b/,
  generalLaws: new Set<LawId>(['gdpr', 'uavg']),
  generalCitation: /\bU?AVG\b|\bGDPR\b|Uitvoeringswet|Algemene verordening/i,
} as const;

/**
 * Laws that give 9(2)(h) its professional-secrecy safeguard (GDPR 9(3)):
 * the UAVG, the care provider's duty of secrecy in BW 7:457 (WGBO),
 * the secrecy of every individual healthcare professional in Wet BIG art. 88
 * and the youth-care worker's in Jeugdwet art. 7.3.11 (legal review item 4;
 * the Jeugdwet article's text read on wetten.legaltools.nl, not on
 * wetten.overheid.nl itself). In the UAVG, art. 30(3)(a) lifts the ban for care
 * providers ("Gelet op artikel 9, tweede lid, onderdeel g en h, van de verordening,
 * is het verbod om gegevens over gezondheid te verwerken niet van toepassing indien
 * de verwerking geschiedt door: a. hulpverleners, instellingen of voorzieningen voor
 * gezondheidszorg of maatschappelijke dienstverlening, voor zover de verwerking
 * noodzakelijk is met het oog op een goede behandeling of verzorging van de betrokkene
 * dan wel het beheer van de betreffende instelling of beroepspraktijk"; 30(3)(b):
 * insurers) and art. 30(4) sets the 9(3) secrecy requirement: "Indien toepassing
 * wordt gegeven aan het eerste, tweede of derde lid, worden de gegevens alleen
 * verwerkt door personen die uit hoofde van ambt, beroep of wettelijk voorschrift
 * dan wel krachtens een overeenkomst tot geheimhouding zijn verplicht." (UAVG as in
 * force from 2026-09-01, jci1.3:c:BWBR0040940&hoofdstuk=3&paragraaf=3.1&artikel=30,
 * read in CKaniklides/AI-Legislation-Analysis data/BWBR0040940_2026-09-01_provisions.json,
 * a copy of the official XML; art. 30b(2) of the same text refers to "artikel 30,
 * vierde lid" for the same clause.) art9/professional-secrecy-missing cites both.
 */
export const professionalSecrecyLaws: ReadonlySet<LawId> = new Set(['uavg', 'wgbo', 'wet-big', 'jeugdwet']);

/** Words that state the safeguard itself: a notice that says the data is processed under professional secrecy has met 9(3) in substance. */
export const professionalSecrecyWords =
  /beroepsgeheim|geheimhoudingsplicht|medisch geheim|professional secrecy|duty of (confidentiality|secrecy)|\bWet BIG\b|jeugdwet/i;

/** GDPR 22(4): automated decisions on special data only with explicit consent or a substantial public interest. */
export const automatedDecisionSpecialConditions: ReadonlySet<string> = new Set(['9(2)(a)', '9(2)(g)']);

/** Bases under which the notice must say whether providing the data is a statutory or contractual requirement (GDPR 13(2)(e)). */
export const requirementBases: ReadonlySet<string> = new Set(['6(1)(b)', '6(1)(c)']);

/**
 * Transfer grounds of art. 46 and 47 (standard and ad-hoc clauses, binding
 * corporate rules, a code of conduct, certification): for these, 13(1)(f)
 * and 14(1)(f) ask the notice for "the means by which to obtain a copy of
 * them or where they have been made available". The same holds for the
 * second subparagraph of 49(1); the schema's 'derogation' does not say which
 * subparagraph of 49(1) it is, so derogations are not asked (art. 13(1)(f),
 * reference/gdpr-avg.md section 1).
 */
export const safeguardsWithCopy: ReadonlySet<string> = new Set([
  'scc',
  'ad-hoc-clauses',
  'bcr',
  'code-of-conduct',
  'certification',
]);

/** The kinds of care provider a policy can name (controller.careSector). */
export type CareSector = NonNullable<Controller['careSector']>;

/**
 * Kinds of care provider whose processing the Autoriteit Persoonsgegevens
 * counts as large-scale always, so that a data protection officer is
 * mandatory (GDPR 37(1)(c)): hospitals, GP out-of-hours posts and care groups.
 * Every other care provider only above 10,000 patients (registered, or treated
 * a year, in one information system): a number no policy gives, so
 * dpo/likely-mandatory asks instead. Pharmacies are among those others since
 * the AP's December 2018 clarification, as the KNMP reported it
 * (https://www.knmp.nl/actueel/nieuws/nieuws-2018/ap-verduidelijkt-begrip-2018grootschalige-gegevensverwerking2019-voor-apothekers,
 * 12 December 2018): "Iedere apotheek die gemiddeld aan meer dan 10.000 patiënten per jaar farmaceutische zorg
 * verleent, verwerkt op grote schaal bijzondere persoonsgegevens. ... De AP nuanceert hiermee haar eerdere standpunt
 * voor apotheken ... Wanneer er minder dan 10.000 patiënten in het apotheekinformatiesysteem staan ingeschreven,
 * ziet de AP dat – net als bij andere zorgaanbieders – niet als grootschalig." KBS Advocaten reports the same
 * (https://www.kbsadvocaten.nl/ap-trekt-de-grens-van-10-000-patienten-voor-grootschalige-verwerkingen-door-naar-ook-andere-zorgsectoren/),
 * as do pit-recht.nl and security.nl, which name only hospitals, GP out-of-hours posts and care groups as always
 * large-scale. The earlier position (May 2018: pharmacies always, unless the pharmacist works alone; ICT&health,
 * https://icthealth.nl/nieuws/ap-verduidelijkt-begrip-grootschalige-verwerking-kleinere-zorgaanbieders; AAG;
 * reference/gdpr-avg.md section 4) is what the project held before.
 */
export const largeScaleCare = {
  sectors: new Set<CareSector>(['hospital', 'gp-out-of-hours', 'care-group']),
  /**
   * The AP's line for every other care provider: large-scale when more than this many patients are registered, or
   * treated a year, in one information system (the KNMP's report of 12 December 2018 and KBS Advocaten above). The
   * messages interpolate it (i18n/law-values.ts), in each language's way of writing numbers.
   */
  patientsAbove: 10_000,
  /**
   * Kinds for which the 10,000-patient line is reported as the AP's: GP practices and institutions for medical
   * specialist care (May 2018), pharmacies and "andere zorgaanbieders" whose "praktijk" has that many (December 2018,
   * pit-recht.nl and security.nl). Youth care and "other" are not named there: dpo/likely-mandatory gives them no
   * number (officer review 2, finding 5).
   */
  patientCountSectors: new Set<CareSector>([
    'pharmacy',
    'gp-practice',
    'medical-specialist',
    'mental-health',
    'dental',
    'physiotherapy',
    'midwifery',
  ]),
  verify:
    "the AP's own page not read; AVG Helpdesk Zorg (https://www.avghelpdeskzorg.nl/onderwerpen/grootschaligheid, undated) still lists pharmacies that are not sole practices as always large-scale, while its own FG page (…/functionaris-gegevensbescherming-fg/fg-twijfel-wel-of-geen-fg) follows the December 2018 line, as does the AP press release of 11 December 2018 cited by Cordemeyer & Slager (eurocloud.org; verify3): a pharmacy without a DPO is asked (dpo/likely-mandatory), which is true under both positions",
} as const;

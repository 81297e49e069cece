import type {
  LawId,
  LawReference,
  RetentionConditionId,
  RetentionStartId,
  SpecialCategoryId,
} from '../policy/policy-types.js';
import { durationInDays } from './durations.js';

/**
 * Minimum retention periods set by Dutch law, as data. The compliance check
 * compares every retention rule that covers matching data with `period`.
 */
export interface RetentionMinimum {
  /** The check rule that reports a shorter period. */
  ruleId: string;
  /** The legal minimum, an ISO 8601 duration. */
  period: string;
  /**
   * Start events earlier than the one the law counts from: the same period
   * counted from them ends too soon (20 years from collection is shorter
   * than 20 years from the last change to the file).
   */
  startsTooEarly?: readonly RetentionStartId[];
  /**
   * The event the law counts the period from, where the data knows it (a notice states it beside the
   * minimum; a minimum without it states none): a key of layout:retention.legalMinimumFrom.
   */
  from?: MinimumStart;
  /**
   * The law asks for longer where good care requires it (BW 7:454(3): "of zoveel langer als redelijkerwijs
   * uit de zorg van een goed hulpverlener voortvloeit"): a notice says so beside the minimum.
   */
  longerForCare?: boolean;
  /** Retention criteria (without a period) that can end before the minimum does. */
  endsTooSoon?: readonly RetentionConditionId[];
  /** The law, when the schema knows it by id. */
  law?: LawId;
  article: string;
  /**
   * How a rule that cites `law` names this minimum's article, where the law has other articles: a rule that cites
   * another one ('7:457') does not keep this term (lawStartBeside).
   */
  citedAs?: RegExp;
  /** A fact recalled but not confirmed in a primary source: confirm it before relying on it. */
  verify?: string;
  /**
   * The duty to keep is one the erasure right gives way to (GDPR 17(3)(b): processing needed for a legal obligation):
   * the notice's erasure right names the data it covers. Not the medical file's: BW 7:455 makes its term no reason
   * to refuse destruction.
   */
  limitsErasure?: true;
  /** Which data the minimum applies to. */
  appliesTo: {
    /** Data of this special category… */
    special?: SpecialCategoryId;
    /**
     * …only in the medical file: at a care provider (law/care-provider.ts),
     * used by a purpose that keeps it for care whatever its art. 6 basis
     * (policy/policy-facts.ts inMedicalFile, with medicalFileConditions of
     * law/dutch-care-law.ts), or by no purpose.
     */
    medicalFile?: boolean;
    /** Data whose retention rule cites this law. */
    citedLaw?: LawId;
    /** Data whose retention rule cites a law by a free citation matching this pattern. */
    citationPattern?: RegExp;
    /**
     * Data whose category id matches: the schema has no marker for fiscal
     * records, so the category's id is the best evidence there is.
     */
    categoryIdPattern?: RegExp;
    /**
     * Data whose category id matches `categoryId` and that a purpose whose id or name matches `purpose` uses: an
     * id that says less than categoryIdPattern ('financial') counts only for such a purpose.
     */
    categoryUsedFor?: { categoryId: RegExp; purpose: RegExp };
  };
}

/** The events the legal minimums are counted from (the law's own, not necessarily a retention rule's start). */
export type MinimumStart = 'last-file-change' | 'end-of-clinical-trial';

/**
 * A purpose in which the organisation is the one paid: it invoices, bills, claims from the insurer, keeps its books or
 * receives payments. Not one about the client's own debts ('Hulp bij betalingsregelingen met schuldeisers', 'Help with
 * payment arrangements with creditors'): a bare 'betaling' or 'payment' matched those, and a client's debts are no
 * part of the organisation's administration (AWR art. 52(1); secondread9 S5, as privacy officer's review 8 D7). Only
 * words of debt help exclude a purpose: 'facturering en incasso van openstaande schulden' is billing.
 */
const billingPurpose = new RegExp(
  String.raw`^(?![\s\S]*(\bschuld(hulp|sanering|bemiddeling|eiser)|\bdebt (counsel|help|advice|relief)|\bcreditors?\b|betalingsregeling|payment arrangement))[\s\S]*?(` +
    [
      String.raw`\b(factu\w*|invoic\w*|billing|bills?|declar(atie|eer|eert|eren)\w*|boekhoud\w*|accounting)\b`,
      String.raw`\bbetalingen (ontvangen|innen|verwerken)\b|\b(ontvangen|innen|afhandel\w*|verwerk\w*) van (de |uw |je )?betalingen\b`,
      String.raw`\bbetalings(beheer|verwerking|verkeer)\b|\bpayment (management|processing|handling)\b`,
      String.raw`\bpayments? (from|by) (you|clients|patients)\b|\b(take|taking|receive|receiving|collect\w*|process\w*) (of )?payments?\b`,
      String.raw`\bfinanci[eë]le (afhandeling|administratie)\b|\bfinancial (settlement|administration)\b`,
    ].join('|') +
    ')',
  'i',
);

export const retentionMinimums: readonly RetentionMinimum[] = [
  {
    // WGBO: 20 years since 1 January 2020 (previously 15), from the last change to the file. BW 7:454(3) as in force
    // since 2020-01-01 (consolidation of 2026-07-01, vendored verbatim from wetten.overheid.nl in rubentalstra/FerroEHR
    // docs/law/nl/bw7-geneeskundige-behandelingsovereenkomst/text.html): "Onverminderd het bepaalde in artikel 455
    // bewaart de hulpverlener het dossier gedurende twintig jaren, te rekenen vanaf het tijdstip waarop de laatste
    // wijziging in het dossier heeft plaatsgevonden, of zoveel langer als redelijkerwijs uit de zorg van een goed
    // hulpverlener voortvloeit." It holds for medical acts without a treatment agreement too, 7:464(1): "Indien in de
    // uitoefening van een geneeskundig beroep of bedrijf anders dan krachtens een behandelingsovereenkomst handelingen
    // op het gebied van de geneeskunst worden verricht, zijn deze afdeling ... van overeenkomstige toepassing voor
    // zover de aard van de rechtsbetrekking zich daartegen niet verzet." So for youth health care (JGZ) by a GGD under
    // the Wet publieke gezondheid: examining and advising to prevent disease or assess health (7:446(2)(a)), and the
    // Wpg itself calls its records "patiëntgegevens als bedoeld in artikel 7:454 van het Burgerlijk Wetboek"
    // (art. 5(3), consolidation of 2015 in statengeneraal/laws-markdown; not read in the current text). GGD Drenthe
    // (https://www.ggddrenthe.nl/privacy/jeugdgezondheidszorg-en-privacy/) keeps the JGZ file "tenminste 20 jaar na
    // afloop zorg Jeugdgezondheidszorg op 18-jarige leeftijd", GGD Fryslân until the child is 38.
    ruleId: 'retention/medical-file-too-short',
    period: 'P20Y',
    // BW 7:454(3) counts "vanaf het tijdstip van de laatste wijziging in het dossier".
    startsTooEarly: ['collection', 'submission'],
    from: 'last-file-change',
    longerForCare: true,
    // Kept only while the treatment, care or contract lasts: the file must outlive it by 20 years. Kept until
    // consent is withdrawn: the duty to keep the file does not depend on consent (only the patient's
    // request for destruction, BW 7:455, ends it sooner; 'until-deletion-request' is therefore not here).
    // Kept "as long as necessary": no term at all, where the law sets 20 years from the last change.
    endsTooSoon: [
      'treatment-duration',
      'care-duration',
      'contract-duration',
      'until-consent-withdrawn',
      'as-long-as-necessary',
    ],
    law: 'wgbo',
    article: 'BW 7:454(3)',
    citedAs: /\b454\b/,
    appliesTo: { special: 'health', medicalFile: true },
  },
  {
    // The fiscal duty to keep the records for 7 years: AWR art. 52(4), "Voorzover bij of krachtens de belastingwet
    // niet anders is bepaald, zijn administratieplichtigen verplicht de in de voorgaande leden bedoelde
    // gegevensdragers gedurende zeven jaar te bewaren." Read in the consolidated text of 2015 as mirrored by
    // statengeneraal/laws-markdown (wet/algemene/wet/inzake/rijksbelastingen/BWBR0002320/README.md); a 2026 source
    // quotes the same paragraph at https://wetten.overheid.nl/BWBR0002320/2026-01-01/#HoofdstukVIII_Afdeling2_Artikel52.
    // No `from`: the article's text says nothing of what the 7 years count from, so a notice names no start.
    ruleId: 'retention/fiscal-records-too-short',
    period: 'P7Y',
    // The reference (shared/reference/gdpr-avg.md) names this duty, and 17(3)(b) the obligation as a limit to erasure.
    // The other minimums are not marked: whether a patient's request under 7:455 or the Jeugdwet ends them is not read.
    limitsErasure: true,
    law: 'awr',
    article: 'AWR 52(4)',
    // Lid 1 (same text): "Administratieplichtigen zijn gehouden van hun vermogenstoestand en van alles betreffende
    // hun bedrijf, zelfstandig beroep of werkzaamheid ... een administratie te voeren en de daartoe behorende boeken,
    // bescheiden en andere gegevensdragers ... te bewaren": the organisation's own administration. A category id
    // that says invoicing, billing or accounting is that; one that says only 'financial' may be a client's
    // financial situation recorded for support (debts, income: privacy officer's review 8, D7), so it counts only
    // where a purpose that bills or takes payment uses it (billingPurpose).
    appliesTo: {
      citedLaw: 'awr',
      categoryIdPattern: /invoice|billing|factu|fiscal|accounting|boekhoud/,
      categoryUsedFor: {
        categoryId: /financ/,
        purpose: billingPurpose,
      },
    },
  },
  {
    // Jeugdwet art. 7.3.8: the jeugdhulpverlener (the youth-care worker, in the 2015 text) keeps the file 20 years (since 2020, as the WGBO),
    // counted from the end of the youth care. Two secondary sources agree: zorg-informatie.nl ("ten minste
    // 20 jaar ... na beëindiging van de zorg") and the newer rijksoverheid.nl answer
    // (https://www.rijksoverheid.nl/onderwerpen/jeugdhulp/vraag-en-antwoord/dossier-jeugdhulp-bewaartermijn:
    // "Een dossier jeugdhulp blijft minimaal 20 jaar bestaan na afloop van de zorg … Dat staat in de
    // Jeugdwet"); an older rijksoverheid.nl answer said 15 years. PONT/lexdigitalis (I. Smeding, 6 August 2024) gives 20
    // years too, but counted "vanaf de laatste wijziging in het dossier", as 7:454(3); the 2015 text (15 years) counted
    // each document from its receipt or making. No `from` while the start is disputed (see verify).
    ruleId: 'retention/youth-care-file-too-short',
    period: 'P20Y',
    endsTooSoon: ['treatment-duration', 'care-duration', 'contract-duration'],
    law: 'jeugdwet',
    article: 'Jeugdwet 7.3.8',
    verify:
      'term of 20 years given by zorg-informatie.nl, rijksoverheid.nl (dossier-jeugdhulp-bewaartermijn) and PONT (2024-08-06); its start disputed ("na afloop van de zorg" against "vanaf de laatste wijziging in het dossier"); the current article text not read on wetten.overheid.nl',
    appliesTo: { citedLaw: 'jeugdwet', citationPattern: /jeugdwet/i, categoryIdPattern: /jeugd|youth/ },
  },
  {
    // Regulation (EU) 536/2014 art. 58: the clinical-trial master file is archived for at least 25 years after the end of the trial.
    ruleId: 'retention/clinical-trial-file-too-short',
    period: 'P25Y',
    // "for at least 25 years after the end of the clinical trial".
    from: 'end-of-clinical-trial',
    endsTooSoon: ['treatment-duration', 'care-duration', 'contract-duration'],
    article: 'Reg. (EU) 536/2014 art. 58',
    appliesTo: {
      citationPattern: /536\/2014|clinical trial|klinisch geneesmiddelenonderzoek/i,
      categoryIdPattern: /clinical-trial|trial-master|klinisch-onderzoek|geneesmiddelenonderzoek/,
    },
  },
  {
    // Blood (Directive 2002/98/EC art. 14(3)) and tissues and cells (Directive 2004/23/EC art. 8(4)): traceability data 30 years.
    // Dutch texts read as of 2014–2015: Eisenbesluit lichaamsmateriaal 2006 art. 7.3(2) (the institution where material was
    // applied keeps the data "minstens 30 jaar") and 4.2(4) (tissue establishments, "tenminste 30 jaar na het laatste
    // gebruik"); Regeling voorschriften bloedvoorziening art. 7(4), "ten minste 30 jaar", which binds the blood supply
    // organisation (Sanquin).
    ruleId: 'retention/traceability-too-short',
    period: 'P30Y',
    endsTooSoon: ['treatment-duration', 'care-duration', 'contract-duration'],
    article: 'Dir. 2002/98/EC art. 14(3); Dir. 2004/23/EC art. 8(4)',
    verify:
      'the Dutch texts read are those of 2014–2015, not the current consolidations; no such duty found for a hospital blood bank',
    appliesTo: {
      citationPattern: /2002\/98|2004\/23|bloedvoorziening|lichaamsmateriaal|traceab|traceer/i,
      categoryIdPattern: /blood|bloed|tissue|weefsel|lichaamsmateriaal|traceab|traceer/,
    },
  },
];

/**
 * Whether a retention rule that cites `cites` cites the law of `min`: by its id, or by a free citation matching
 * the minimum's pattern. What the policy itself says, unlike a category's id (appliesTo.categoryIdPattern): the
 * notice states a duty to keep only for data the policy keeps under that law (second-read review 3, finding 6).
 */
export function citesLawOf(min: RetentionMinimum, cites: LawReference | undefined): boolean {
  const { citedLaw, citationPattern } = min.appliesTo;
  return (
    (citedLaw !== undefined && cites?.law === citedLaw) ||
    (citationPattern !== undefined && Object.values(cites?.citation ?? {}).some((t) => citationPattern.test(t)))
  );
}

/** A retention rule as far as its period and the law it cites go. */
type CitingRule = { period?: string; legalSource?: { law?: LawId } };

/** A retention rule as far as its term and the law it cites go. */
type CitingTerm = CitingRule & {
  from?: RetentionStartId;
  condition?: RetentionConditionId;
  earliestOf?: readonly unknown[];
  maximum?: boolean;
  legalSource?: { article?: string };
};

/** The minima of the law a rule cites, and its period in days; undefined when it cites no known law or has no period. */
function citedLawMinima(rule: CitingRule): { minima: RetentionMinimum[]; days: number } | undefined {
  const law = rule.legalSource?.law;
  const days = rule.period === undefined ? undefined : durationInDays(rule.period);
  if (law === undefined || days === undefined) return undefined;
  return { minima: retentionMinimums.filter((min) => min.law === law), days };
}

/**
 * The minimum of the law a rule cites as the law that sets its period, when that minimum is longer than the
 * period ('15 years, under the WGBO', which requires 20): then the law does not set it. The check reports
 * the short period itself.
 */
export function citedLawMinimum(rule: CitingRule): RetentionMinimum | undefined {
  const cited = citedLawMinima(rule);
  return cited?.minima.find((min) => cited.days < (durationInDays(min.period) ?? 0));
}

/**
 * The minimum of the law a rule cites as the law that sets its period, when the period is longer than
 * every minimum of that law ('10 years, under the AWR', which requires 7): the law asks less than the
 * rule keeps, so a notice must not let it read as the law's term.
 */
export function longerThanCitedLaw(rule: CitingRule): RetentionMinimum | undefined {
  const cited = citedLawMinima(rule);
  if (!cited?.minima.length) return undefined;
  return cited.minima.every((min) => cited.days > (durationInDays(min.period) ?? Infinity))
    ? cited.minima[0]
    : undefined;
}

/**
 * Whether a rule cites, as the law that sets its period, a law whose minimum is longer than that period
 * (citedLawMinimum): a notice that says 'under the WGBO' states what is not so.
 */
export function shorterThanCitedLaw(rule: CitingRule): boolean {
  return citedLawMinimum(rule) !== undefined;
}

/** A start of a legal minimum that a rule can name as well (the end of a clinical trial it cannot). */
type RuleStart = Extract<MinimumStart, RetentionStartId>;

/** The law's start beside a rule that keeps the law's term: the minimum, and whether the rule names a start of its own. */
export interface LawStart {
  minimum: RetentionMinimum & { from: RuleStart };
  /** The rule counts from a start of its own, which is not the law's; false where it names none. */
  ownStart: boolean;
}

/**
 * Where a rule keeps the term of the law it cites — that law's minimum with a start, for the article cited or
 * none, the same period as one plain term (no condition, no list of terms, not 'at most') — but does not count it
 * from the law's start: the start a notice must state as the law's. iPractice's '20 jaar na het einde van de
 * behandelovereenkomst, op grond van de wet' gave its own start as the law's, which counts from the last change to
 * the file (BW 7:454(3)); Dental Clinics' '20 jaar, op grond van de wet' gave none (notice8 review, findings 1 and 3).
 * Not a start earlier than the law's (startsTooEarly): that term ends too soon, and retention/*-too-short and the
 * notice's note on it say what the law requires; nor a period from deletion (backups).
 */
export function lawStartBeside(rule: CitingTerm): LawStart | undefined {
  if (rule.condition || rule.earliestOf || rule.maximum || rule.from === 'deletion') return undefined;
  const cited = citedLawMinima(rule);
  const article = rule.legalSource?.article;
  const minimum = cited?.minima.find(
    (min): min is LawStart['minimum'] =>
      min.from === ('last-file-change' satisfies RuleStart) &&
      durationInDays(min.period) === cited.days &&
      (article === undefined || min.citedAs === undefined || min.citedAs.test(article)),
  );
  if (rule.from === undefined) return minimum && { minimum, ownStart: false };
  if (!minimum || rule.from === minimum.from || (minimum.startsTooEarly ?? []).includes(rule.from)) return undefined;
  return { minimum, ownStart: true };
}

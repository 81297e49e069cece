import { citesLawOf, retentionMinimums, type RetentionMinimum } from '../law/retention-minimums.js';
import { durationInDays } from '../law/durations.js';
import { isAtOrBelow } from '../load/json-pointer.js';
import type { LawReference, RetentionTermSource } from './policy-types.js';
import type { DataCategory, PolicyModel, RetentionRule } from '../resolve/model.js';
import { inMedicalFile, isCareProvider, isNamed, retentionFor } from './policy-facts.js';

/**
 * Retention rules that end before a legal minimum (law/retention-minimums.ts) for data the minimum applies
 * to, the law's reach over a policy: what the retention/*-too-short checks report, and what the notice's
 * summary does not state as the period (a patient would read '6 months' for a file the law keeps 20 years;
 * English review, finding 1).
 */

/** Whether the minimum applies to the category, kept under a rule that cites `ruleCites`. */
export function minimumApplies(
  min: RetentionMinimum,
  model: PolicyModel,
  category: DataCategory,
  ruleCites: LawReference | undefined,
): boolean {
  const a = min.appliesTo;
  if (a.special !== undefined) {
    if (!category.specials.includes(a.special)) return false;
    // The medical file, whatever basis its purpose names; not e.g. staff health data under an employment condition.
    if (!a.medicalFile) return true;
    if (!isCareProvider(model)) return false;
    // The author's word where given: call recordings are health data a care provider keeps outside the file.
    if (category.partOfMedicalFile !== undefined) return category.partOfMedicalFile;
    return category.usedBy.length === 0 || category.usedBy.some((p) => inMedicalFile(model, p));
  }
  return citesLawOf(min, ruleCites) || (a.categoryIdPattern?.test(category.id) ?? false) || usedFor(min, category);
}

/** Whether the minimum's categoryUsedFor holds: the category's id, and a purpose that uses it, by id or name. */
function usedFor(min: RetentionMinimum, category: DataCategory): boolean {
  const u = min.appliesTo.categoryUsedFor;
  return u !== undefined && u.categoryId.test(category.id) && category.usedBy.some((p) => isNamed(p, u.purpose));
}

/** A retention rule that keeps data a legal minimum applies to for less than the minimum, with that data. */
export interface ShortRetention {
  rule: RetentionRule;
  /** The rule's period in days; undefined when it ends on a criterion (min.endsTooSoon). */
  days: number | undefined;
  covered: DataCategory[];
}

/** The retention rules that end before `min` allows, for data it applies to. */
export function shorterThan(min: RetentionMinimum, model: PolicyModel): ShortRetention[] {
  const minimumDays = durationInDays(min.period) ?? 0;
  // Loops, not callbacks made on every call: a warm process keeps a module-level function's optimised code.
  const found: ShortRetention[] = [];
  for (const rule of model.retention) {
    // A period counted from deletion (backups) is how long deleted data lingers, not how long the record is kept.
    if (rule.from === 'deletion') continue;
    // A list of terms ends at the first of them (earliestOf): it is too short when any of its terms is.
    let days: number | undefined;
    let tooShort = false;
    for (const term of rule.earliestOf ?? [rule]) {
      const termDays = term.period === undefined ? undefined : durationInDays(term.period);
      if (termDays !== undefined && (days === undefined || termDays < days)) days = termDays;
      tooShort ||= endsTooSoon(min, minimumDays, termDays, term);
    }
    if (!tooShort) continue;
    const covered: DataCategory[] = [];
    for (const c of model.dataCategories)
      if (retentionFor(model, c).includes(rule) && minimumApplies(min, model, c, rule.legalSource)) covered.push(c);
    if (covered.length) found.push({ rule, days, covered });
  }
  return found;
}

/**
 * The legal minimums the rule ends before, for data they apply to (what retention/*-too-short reports for it),
 * less those whose finding the privacy officer acknowledged: the notice states such a rule's period as written,
 * without the law's minimum beside it (first-user review, finding 2: call recordings are not the file).
 */
export function minimumsFailedBy(model: PolicyModel, rule: RetentionRule): RetentionMinimum[] {
  return (failedMinimums(model).get(rule) ?? []).filter((min) => !acknowledgedFor(model, rule, min));
}

/**
 * Whether a retention rule keeps the medical file for less than the law's minimum (BW 7:454(3)), finding not
 * acknowledged: the notice then does not say the file is kept as the law asks, and points to the retention table
 * (Cosmetic Clinic keeps it 6 months; patient10 review, F1).
 */
export const keepsFileShorterThanLaw = (model: PolicyModel): boolean =>
  model.retention.some((rule) => minimumsFailedBy(model, rule).some((min) => min.appliesTo.medicalFile === true));

/**
 * Whether the notice names the minimum where a rule ends before it (the retention table and the purpose cards):
 * not one still to be confirmed (`verify`), as the notice states no law that is not sure.
 */
export const isStatedMinimum = (min: RetentionMinimum): boolean => min.verify === undefined;

/** Whether the officer acknowledged the rule's finding of `min` (its pointer is the rule's period, start or condition). */
const acknowledgedFor = (model: PolicyModel, rule: RetentionRule, min: RetentionMinimum): boolean =>
  (model.acknowledgedFindings ?? []).some((f) => f.ruleId === min.ruleId && isAtOrBelow(f.pointer, rule.pointer));

/**
 * Each rule's failed minimums, worked out once per model: the notice asks for every rule in the
 * table, the summary and every purpose card, in each language, and shorterThan walks every
 * category's retention (asked per call, it took a fifth of a warm compile of Doctolib).
 */
const failedByModel = new WeakMap<PolicyModel, Map<RetentionRule, RetentionMinimum[]>>();

function failedMinimums(model: PolicyModel): Map<RetentionRule, RetentionMinimum[]> {
  let failed = failedByModel.get(model);
  if (failed === undefined) {
    failed = new Map();
    for (const min of retentionMinimums)
      for (const { rule } of shorterThan(min, model)) failed.set(rule, [...(failed.get(rule) ?? []), min]);
    failedByModel.set(model, failed);
  }
  return failed;
}

/** Whether one term ends before `min`: a shorter period (or an equal one from too early a start), or a criterion that ends too soon. */
function endsTooSoon(
  min: RetentionMinimum,
  minimumDays: number,
  days: number | undefined,
  term: Pick<RetentionTermSource, 'from' | 'condition'>,
): boolean {
  const startsEarly = term.from !== undefined && (min.startsTooEarly ?? []).includes(term.from);
  if (days !== undefined) return days < minimumDays || (startsEarly && days <= minimumDays);
  return term.condition !== undefined && (min.endsTooSoon ?? []).includes(term.condition);
}

/**
 * Whether the rule ends before any legal minimum for data it applies to (retention/*-too-short), whether or not
 * the officer acknowledged the finding (`minimumsFailedBy` leaves acknowledged ones out).
 */
export function endsBeforeLegalMinimum(model: PolicyModel, rule: RetentionRule): boolean {
  return failedMinimums(model).has(rule);
}

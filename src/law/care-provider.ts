import type { LawId, LawReference, PolicySource } from '../policy/policy-types.js';

/**
 * Whether a policy is a care provider's (zorgaanbieder under the WGBO), so
 * that the patient's rights of BW 7:446–468 apply. Derived, not only read
 * from the optional flag: a policy is a care provider's when it says so
 * (`controller.isCareProvider`), when it processes health data under
 * GDPR 9(2)(h) (health care) for treatment (see outsideTreatment), or when it
 * cites the WGBO anywhere. The notice, the register and the compliance check
 * all ask this one function.
 */
export function isCareProvider(source: PolicySource): boolean {
  if (source.controller.isCareProvider !== undefined) return source.controller.isCareProvider;
  let derived = derivedCare.get(source);
  if (derived === undefined) derivedCare.set(source, (derived = derivesCare(source)));
  return derived;
}

/** Asked for every purpose by notice, register and checker: derived once per policy. */
const derivedCare = new WeakMap<PolicySource, boolean>();

function derivesCare(source: PolicySource): boolean {
  const health = new Set(source.dataCategories.filter((c) => [c.special].flat().includes('health')).map((c) => c.id));
  const healthCare = source.purposes.some(
    (p) =>
      p.specialCategoryCondition?.condition === '9(2)(h)' &&
      !outsideTreatment(p.specialCategoryCondition.lawReference) &&
      p.dataCategories.some((id) => health.has(id)),
  );
  return healthCare || citesLaw(source, 'wgbo');
}

/**
 * 9(2)(h) covers health and social care at large, the WGBO only medical
 * treatment (BW 7:446): a purpose whose art. 9 exception cites UAVG art. 30(3)
 * under another letter than a (sub b: insurers within Wft art. 1:1 and
 * insurance intermediaries; 30(3) has no other letter, UAVG text of
 * 2026-09-01, see law/legal-thresholds.ts), the Jeugdwet or the Wmo 2015
 * is not a care provider's under the WGBO.
 */
function outsideTreatment(reference: LawReference | undefined): boolean {
  if (reference === undefined) return false;
  if (reference.law !== undefined && nonTreatmentLaws.has(reference.law)) return true;
  const letter = reference.law === 'uavg' ? uavg30Subsection3Letter.exec(reference.article ?? '')?.[1] : undefined;
  if (letter !== undefined && letter.toLowerCase() !== 'a') return true;
  return Object.values(reference.citation ?? {}).some((t) => nonTreatmentCitations.test(t));
}

/** UAVG art. 30(3) and its letter, as authors write it: '30(3)(b)', '30 lid 3, aanhef en onder b', 'art. 30, derde lid, sub b'. */
const uavg30Subsection3Letter =
  /\b30\b\D*?(?:\(3\)|lid 3|derde lid)\W*(?:aanhef en\s+)?(?:onder|sub|under|point)?\s*\(?([a-z])\)?(?![a-z])/i;

/** Laws of care outside medical treatment, by id: youth care (Jeugdwet). */
const nonTreatmentLaws: ReadonlySet<LawId> = new Set(['jeugdwet']);

/** The same laws cited in words, and social support (Wmo 2015), which the schema has no id for. */
const nonTreatmentCitations = /jeugdwet|\bWmo\b|maatschappelijke ondersteuning|social support act/i;

/** True when any law reference in the policy (a retention source, an obligation, an art. 9 law, applicableLaws…) names `law`. */
function citesLaw(value: unknown, law: string): boolean {
  // Loops, not closures made per call (docs/architecture.md, "No closures made per call").
  if (Array.isArray(value)) {
    for (const v of value) if (citesLaw(v, law)) return true;
    return false;
  }
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  if (record.law === law) return true;
  for (const key in record) if (citesLaw(record[key], law)) return true;
  return false;
}

import type { PolicySource } from '../policy/policy-types.js';

/**
 * Whether a policy is a care provider's (zorgaanbieder under the WGBO), so
 * that the patient's rights of BW 7:446–468 apply. Derived, not only read
 * from the optional flag: a policy is a care provider's when it says so
 * (`controller.isCareProvider`), when it processes health data under
 * GDPR 9(2)(h) (health care), or when it cites the WGBO anywhere. The notice,
 * the register and the compliance check all ask this one function.
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
  const health = new Set(source.dataCategories.filter((c) => c.special === 'health').map((c) => c.id));
  const healthCare = source.purposes.some(
    (p) => p.specialCategoryCondition?.condition === '9(2)(h)' && p.dataCategories.some((id) => health.has(id)),
  );
  return healthCare || citesLaw(source, 'wgbo');
}

/** True when any law reference in the policy (a retention source, an obligation, an art. 9 law, applicableLaws…) names `law`. */
function citesLaw(value: unknown, law: string): boolean {
  if (Array.isArray(value)) return value.some((v) => citesLaw(v, law));
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  if (record.law === law) return true;
  return Object.values(record).some((v) => citesLaw(v, law));
}

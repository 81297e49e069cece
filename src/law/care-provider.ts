import type { LawId, SpecialConditionId } from '../policy/policy-types.js';
import type { PolicyModel } from '../resolve/model.js';

/**
 * Whether the controller is a care provider (zorgaanbieder) whose records are
 * a medical file under the WGBO (BW 7:446 ff.), recognised from what the
 * policy says rather than from an optional flag alone:
 * - `controller.isCareProvider` when the author set it (true or false);
 * - otherwise health data processed for care: under art. 9(2)(h) (medical
 *   diagnosis, the provision of health care);
 * - or a citation of a law that only binds care providers (careLaws).
 */
export const careLaws: ReadonlySet<LawId> = new Set(['wgbo', 'wkkgz']);

/** The art. 9(2) conditions under which health data is processed for care. */
export const careConditions: ReadonlySet<SpecialConditionId> = new Set(['9(2)(h)']);

export interface CareProviderEvidence {
  careProvider: boolean;
  /** How it was recognised: the flag, health data for care, or a care law cited. */
  reason: 'stated' | 'health-care-data' | 'care-law' | 'none';
}

function citesCareLaw(model: PolicyModel): boolean {
  const s = model.source;
  const refs = [
    ...(s.applicableLaws ?? []),
    ...model.retention.map((r) => r.legalSource),
    ...model.purposes.flatMap((p) => [...p.bases.map((b) => b.legalObligation), p.specialCategoryCondition?.lawReference]),
  ];
  return refs.some((r) => r?.law !== undefined && careLaws.has(r.law));
}

/** Whether `model`'s controller is a care provider, and why. */
export function careProviderEvidence(model: PolicyModel): CareProviderEvidence {
  const stated = model.source.controller.isCareProvider;
  if (stated !== undefined) return { careProvider: stated, reason: 'stated' };
  const forCare = model.purposes.some(
    (p) => careConditions.has(p.specialCategoryCondition?.condition as SpecialConditionId) && p.dataCategories.some((c) => c.special === 'health'),
  );
  if (forCare) return { careProvider: true, reason: 'health-care-data' };
  if (citesCareLaw(model)) return { careProvider: true, reason: 'care-law' };
  return { careProvider: false, reason: 'none' };
}

export function isCareProvider(model: PolicyModel): boolean {
  return careProviderEvidence(model).careProvider;
}

import type { LawReference, RetentionConditionId } from '../policy/policy-types.js';
import { joinPointer } from '../load/json-pointer.js';
import type { DataCategory, PolicyModel, Purpose, RetentionRule } from '../resolve/model.js';

/**
 * Small questions the rules ask of a resolved policy. They read optional
 * fields defensively, so that fields the schema may grow (per-data legal
 * bases, "earliest of" retention terms) slot in without changing the rules.
 */

/** Per-data legal bases, when the schema has them: `legalBases: [{ basis, … }]`. */
interface BasisEntry {
  basis?: string;
  legitimateInterest?: unknown;
}

function basisEntries(purpose: Purpose): BasisEntry[] {
  const entries = (purpose as { legalBases?: unknown }).legalBases;
  return Array.isArray(entries) ? (entries as BasisEntry[]) : [];
}

/** Every art. 6(1) basis a purpose names. */
export function basesOf(purpose: Purpose): string[] {
  const bases = basisEntries(purpose).flatMap((e) => (typeof e.basis === 'string' ? [e.basis] : []));
  if (purpose.legalBasis) bases.unshift(purpose.legalBasis);
  return [...new Set(bases)];
}

/** True when the purpose names its legitimate interest, at purpose level or with a per-data basis. */
export function namesLegitimateInterest(purpose: Purpose): boolean {
  return purpose.legitimateInterest !== undefined || basisEntries(purpose).some((e) => e.basis === '6(1)(f)' && e.legitimateInterest !== undefined);
}

/** Every law a purpose cites: its legal obligation and the law behind its art. 9 condition. */
export function lawsCitedBy(purpose: Purpose): LawReference[] {
  return [purpose.legalObligation, purpose.specialCategoryCondition?.lawReference].filter((r): r is LawReference => r !== undefined);
}

/**
 * The retention rules that cover a data category: rules that list it, and
 * rules without a category list attached to a purpose (or processing done as
 * a processor) that uses it.
 */
export function retentionFor(model: PolicyModel, category: DataCategory): RetentionRule[] {
  const rules = new Set(model.retention.filter((r) => r.categories.includes(category)));
  const users = [...category.usedBy, ...model.processorActivities.filter((a) => a.dataCategories.includes(category))];
  for (const user of users) {
    for (const rule of user.retention) if (!rule.dataCategories?.length) rules.add(rule);
  }
  return [...rules];
}

/** Data categories used by a purpose or by processing done as a processor. */
export function isInUse(model: PolicyModel, category: DataCategory): boolean {
  return category.usedBy.length > 0 || model.processorActivities.some((a) => a.dataCategories.includes(category));
}

/** Conditions that give no concrete end: "as long as necessary" (EDPB WP260 rev.01 asks for a period or concrete criteria). */
export const vagueConditions: ReadonlySet<RetentionConditionId> = new Set(['as-long-as-necessary']);

/** A purpose's data categories that are special (art. 9). */
export function specialCategories(purpose: Purpose): DataCategory[] {
  return purpose.dataCategories.filter((c) => c.special !== undefined);
}

/** An object somewhere in the policy, with its pointer and the nearest enclosing object that has a name. */
export interface FoundObject {
  pointer: string;
  value: Record<string, unknown>;
  named?: { name: unknown };
}

/**
 * Every object in the authored policy where `key` has `value`, wherever the
 * schema puts it (processors, recipients, or a policy-wide transfer), so a
 * rule keeps working as the schema grows.
 */
export function objectsWith(model: PolicyModel, key: string, value: unknown): FoundObject[] {
  const found: FoundObject[] = [];
  const walk = (node: unknown, pointer: string, named: { name: unknown } | undefined): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, joinPointer(pointer, i), named));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    const here = 'name' in object && pointer !== '' ? { name: object.name } : named;
    if (object[key] === value) found.push({ pointer, value: object, ...(here ? { named: here } : {}) });
    for (const [k, v] of Object.entries(object)) walk(v, joinPointer(pointer, k), here);
  };
  walk(model.source, '', undefined);
  return found;
}

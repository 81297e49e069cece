import { consentBases } from '../law/legal-bases.js';
import { rights as rightFacts, type RightTrigger } from '../law/rights.js';
import { joinPointer } from '../load/json-pointer.js';
import type { RightId } from '../policy/policy-types.js';
import type { DerivedRight, Purpose } from './model.js';
import type { ResolveContext } from './resolve-context.js';

/** The rights the notice explains: derived from the purposes, less those set aside (art. 11(2)); the rights section's lists checked. */
export function resolveRights(ctx: ResolveContext, purposes: readonly Purpose[]): DerivedRight[] {
  checkAdditionalRights(ctx);
  const notApplicable = rightsSetAside(ctx);
  const rights = ctx.source.rights;
  return deriveRights(purposes, new Set(Object.keys(rights?.notes ?? {}) as RightId[]), rights?.stated).filter(
    (r) => !notApplicable.has(r.id),
  );
}

/** Additional rights: unique ids, and none that is a GDPR right (those belong in rights.stated). */
function checkAdditionalRights(ctx: ResolveContext): void {
  const additionalIds = new Set<string>();
  (ctx.source.rights?.additional ?? []).forEach((right, i) => {
    const pointer = joinPointer('', 'rights', 'additional', i);
    if (rightFacts.some((r) => r.id === right.id)) {
      ctx.report(
        'resolve/gdpr-right-as-additional',
        joinPointer(pointer, 'id'),
        'diagnostics:rights.gdprRightAsAdditional',
        { id: right.id },
      );
      additionalIds.add(right.id);
    } else ctx.claim(additionalIds, right.id, pointer);
  });
}

/** The rights set aside (art. 11(2)); such a right cannot also be one the statement grants. */
function rightsSetAside(ctx: ResolveContext): Set<RightId> {
  const notApplicable = new Set<RightId>();
  const rights = ctx.source.rights;
  (rights?.notApplicable ?? []).forEach((entry, i) => {
    const pointer = joinPointer('', 'rights', 'notApplicable', i, 'right');
    if (rights?.stated?.includes(entry.right))
      ctx.report('resolve/right-not-applicable-but-stated', pointer, 'diagnostics:rights.notApplicableButStated', {
        id: entry.right,
      });
    notApplicable.add(entry.right);
  });
  return notApplicable;
}

/**
 * The rights the notice must explain: those that always apply, those brought
 * into play by any basis of any purpose (law/rights.ts), those the policy
 * explains itself (`noted`, for rights listed only then) and those the
 * statement itself lists (`stated`).
 */
function deriveRights(
  purposes: readonly Purpose[],
  noted: ReadonlySet<RightId> = new Set(),
  stated: readonly RightId[] = [],
): DerivedRight[] {
  const derived: DerivedRight[] = [];
  for (const right of rightFacts) {
    const when = right.appliesWhen;
    const isStated = stated.includes(right.id);
    if (when === 'noted') {
      if (noted.has(right.id) || isStated)
        derived.push({ id: right.id, article: right.article, purposes: [], bases: [], stated: isStated });
      continue;
    }
    if (when === 'always') {
      derived.push({ id: right.id, article: right.article, purposes: [], bases: [], stated: isStated });
      continue;
    }
    // Loops, not closures made per call (docs/architecture.md, "No closures made per call").
    const triggering: Purpose[] = [];
    const bases = new Set<string>();
    for (const p of purposes) {
      if (when === 'automated') {
        if (p.automatedDecision !== undefined) triggering.push(p);
        continue;
      }
      const ids = triggers(p, when);
      if (ids.length === 0) continue;
      triggering.push(p);
      for (const id of ids) bases.add(id);
    }
    if (triggering.length === 0 && !isStated) continue;
    derived.push({
      id: right.id,
      article: right.article,
      purposes: triggering,
      bases: [...bases].sort(),
      stated: isStated,
    });
  }
  return derived;
}

/** The bases and conditions of one purpose that bring a right into play. */
function triggers(p: Purpose, when: 'consent' | readonly RightTrigger[]): string[] {
  const ids = p.bases.map((b) => b.basis as string);
  if (p.specialCategoryCondition) ids.push(p.specialCategoryCondition.condition);
  if (when === 'consent') return ids.filter((id) => consentBases.has(id));
  if (p.directMarketing) ids.push('direct-marketing');
  return ids.filter((id) => (when as readonly string[]).includes(id));
}

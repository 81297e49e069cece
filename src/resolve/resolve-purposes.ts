import { joinPointer } from '../load/json-pointer.js';
import type { LegalBasisPartSource, PurposeSource } from '../policy/policy-types.js';
import type { DataCategory, DataSubject, OtherController, Purpose, PurposeBasis } from './model.js';
import type { References } from './resolve-collections.js';
import type { ResolveContext } from './resolve-context.js';

/**
 * The purposes, their references resolved; each data category, recipient and
 * processor a purpose uses learns that it does (`usedBy`).
 */
export function resolvePurposes(ctx: ResolveContext, refs: References): Purpose[] {
  const purposeIds = new Set<string>();
  const purposes: Purpose[] = [];
  const sources = ctx.source.purposes;
  // A loop, not a closure made per call (docs/architecture.md, "No closures made per call").
  for (let i = 0; i < sources.length; i++) {
    const p = sources[i]!;
    const pointer = joinPointer('', 'purposes', i);
    if (!ctx.claim(purposeIds, p.id, pointer)) continue;
    const purpose = resolvePurpose(ctx, refs, p, pointer);
    for (const c of purpose.dataCategories) c.usedBy.push(purpose);
    for (const r of purpose.recipients) r.usedBy.push(purpose);
    for (const r of purpose.processors) r.usedBy.push(purpose);
    purposes.push(purpose);
  }
  return purposes;
}

function resolvePurpose(ctx: ResolveContext, refs: References, p: PurposeSource, pointer: string): Purpose {
  const at = (property: string): string => joinPointer(pointer, property);
  // Looked up in the order the properties are listed: diagnostics keep that order.
  const dataSubjects = ctx.lookUp(p.dataSubjects, refs.subjects, at('dataSubjects'), 'dataSubject');
  const dataCategories = ctx.lookUp(p.dataCategories, refs.categories, at('dataCategories'), 'dataCategory');
  const recipients = ctx.lookUp(p.recipients, refs.recipients, at('recipients'), 'recipient');
  const processors = ctx.lookUp(p.processors, refs.processors, at('processors'), 'processor');
  const retention = ctx.lookUp(p.retention, refs.retention, at('retention'), 'retention');
  const { controller, jointControllers } = purposeControllers(ctx, refs.controllers, p, pointer);
  const bases = purposeBases(ctx, p, pointer, dataCategories, dataSubjects);
  // Every purpose in one shape, the schema's properties in its order (undefined where not written):
  // the notice, register and checker read purposes in hundreds of places, each then of one map.
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    registerDescription: p.registerDescription,
    legalBasis: p.legalBasis,
    legalBasisExplanation: p.legalBasisExplanation,
    legalBases: p.legalBases,
    legalBasisStatement: p.legalBasisStatement,
    legalObligation: p.legalObligation,
    publicTask: p.publicTask,
    legitimateInterest: p.legitimateInterest,
    controller,
    jointControllers,
    specialCategoryCondition: p.specialCategoryCondition,
    requirement: p.requirement,
    dataSubjects,
    dataCategories,
    recipients,
    processors,
    retention,
    automatedDecision: p.automatedDecision,
    directMarketing: p.directMarketing,
    systems: p.systems,
    pointer,
    bases,
    usesSpecialData: dataCategories.some((c) => c.specials.length > 0),
  } satisfies Record<keyof Purpose, unknown>;
}

/** The purpose's own controller and joint controllers (art. 26), which need the essence of their arrangement (26(2)). */
function purposeControllers(
  ctx: ResolveContext,
  controllers: ReadonlyMap<string, OtherController>,
  p: PurposeSource,
  pointer: string,
): { controller: OtherController | undefined; jointControllers: OtherController[] } {
  const controller =
    p.controller === undefined
      ? undefined
      : ctx.lookUpOne(p.controller, controllers, joinPointer(pointer, 'controller'), 'controller');
  const jointControllers = ctx.lookUp(
    p.jointControllers,
    controllers,
    joinPointer(pointer, 'jointControllers'),
    'controller',
  );
  if (p.jointControllers && !ctx.source.jointArrangement) {
    ctx.report(
      'resolve/joint-arrangement-missing',
      joinPointer(pointer, 'jointControllers'),
      'diagnostics:controllers.jointArrangementMissing',
      {},
      undefined,
      'key',
    );
  }
  return { controller, jointControllers };
}

/** The purpose's bases, normalised; a basis part may only name the purpose's own data categories and subjects. */
function purposeBases(
  ctx: ResolveContext,
  p: PurposeSource,
  pointer: string,
  own: DataCategory[],
  subjects: DataSubject[],
): PurposeBasis[] {
  const single = p.legalBasis ?? p.legalBasisExplanation ?? p.legalObligation ?? p.publicTask ?? p.legitimateInterest;
  if (p.legalBases && single !== undefined) {
    ctx.report(
      'resolve/conflicting-legal-bases',
      joinPointer(pointer, 'legalBases'),
      'diagnostics:purpose.conflictingBases',
      {},
      undefined,
      'key',
    );
  }
  if (p.legalBases) {
    const owned: OwnedBy = {
      categories: new Map(own.map((c) => [c.id, c])),
      subjects: new Map(subjects.map((s) => [s.id, s])),
    };
    const parts: PurposeBasis[] = [];
    for (let j = 0; j < p.legalBases.length; j++)
      parts.push(basisPart(ctx, p.legalBases[j]!, joinPointer(pointer, 'legalBases', j), owned));
    return parts;
  }
  if (!p.legalBasis) return [];
  const written = {
    basis: p.legalBasis,
    explanation: p.legalBasisExplanation,
    legalObligation: p.legalObligation,
    publicTask: p.publicTask,
    legitimateInterest: p.legitimateInterest,
  };
  return [purposeBasis(written, joinPointer(pointer, 'legalBasis'), [], [])];
}

/** A basis part in one shape, the schema's properties in its order (undefined where not written): many places read them. */
function purposeBasis(
  part: Omit<LegalBasisPartSource, 'dataCategories' | 'consentBy'>,
  pointer: string,
  dataCategories: DataCategory[],
  consentBy: DataSubject[],
): PurposeBasis {
  return {
    basis: part.basis,
    appliesTo: part.appliesTo,
    dataCategories,
    explanation: part.explanation,
    consentBy,
    legalObligation: part.legalObligation,
    publicTask: part.publicTask,
    legitimateInterest: part.legitimateInterest,
    pointer,
  } satisfies Record<keyof PurposeBasis, unknown>;
}

/** The purpose's own data categories and data subjects, by id: what a basis part may name. */
interface OwnedBy {
  categories: ReadonlyMap<string, DataCategory>;
  subjects: ReadonlyMap<string, DataSubject>;
}

/** One part of legalBases, its references resolved. */
function basisPart(ctx: ResolveContext, part: LegalBasisPartSource, pointer: string, owned: OwnedBy): PurposeBasis {
  // Whose consent it is means nothing on another basis: refused rather than left out of every output.
  if (part.consentBy && part.basis !== '6(1)(a)')
    ctx.report(
      'resolve/consent-by-without-consent',
      joinPointer(pointer, 'consentBy'),
      'diagnostics:purpose.consentByWithoutConsent',
      { basis: part.basis },
      undefined,
      'key',
    );
  const at = (key: string): string => joinPointer(pointer, key);
  const dataCategories = ctx.lookUp(part.dataCategories, owned.categories, at('dataCategories'), 'purposeDataCategory');
  const consentBy = ctx.lookUp(part.consentBy, owned.subjects, at('consentBy'), 'purposeDataSubject');
  return purposeBasis(part, pointer, dataCategories, consentBy);
}

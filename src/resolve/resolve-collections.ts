import { joinPointer } from '../load/json-pointer.js';
import type {
  DataCategory,
  DataSubject,
  OtherController,
  Processor,
  ProcessorActivity,
  Recipient,
  RetentionRule,
} from './model.js';
import type { ResolveContext } from './resolve-context.js';

/** Every collection a purpose or activity refers to, by id. */
export interface References {
  subjects: Map<string, DataSubject>;
  categories: Map<string, DataCategory>;
  processors: Map<string, Processor>;
  controllers: Map<string, OtherController>;
  recipients: Map<string, Recipient>;
  retention: Map<string, RetentionRule>;
}

/** Indexes the collections that others refer to (duplicates reported), then the retention rules over them. */
export function resolveReferences(ctx: ResolveContext): References {
  const { source } = ctx;
  const subjects = ctx.index(source.dataSubjects, 'dataSubjects') as Map<string, DataSubject>;
  const categories = resolveDataCategories(ctx);
  const processors = withUsedBy(ctx.index(source.processors, 'processors')) as Map<string, Processor>;
  const controllers = ctx.index(source.controllers, 'controllers') as Map<string, OtherController>;
  const recipients = withUsedBy(ctx.index(source.recipients, 'recipients')) as Map<string, Recipient>;
  return { subjects, categories, processors, controllers, recipients, retention: resolveRetention(ctx, categories) };
}

/** Each item with an empty `usedBy`, filled in as purposes are resolved. */
function withUsedBy<T>(map: Map<string, T>): Map<string, T & { usedBy: [] }> {
  // Loops here and below, not closures made per call (docs/architecture.md, "No closures made per call").
  const result = new Map<string, T & { usedBy: [] }>();
  for (const [id, item] of map) result.set(id, { ...item, usedBy: [] });
  return result;
}

/** The data categories; a special one contradicts `collectsSpecialCategories: false`. */
function resolveDataCategories(ctx: ResolveContext): Map<string, DataCategory> {
  const categories = new Map<string, DataCategory>();
  for (const [id, { special, ...c }] of ctx.index(ctx.source.dataCategories, 'dataCategories'))
    categories.set(id, { ...c, usedBy: [], specials: special === undefined ? [] : [special].flat() });
  if (ctx.source.collectsSpecialCategories === false) {
    for (const c of categories.values()) {
      if (c.specials.length > 0)
        ctx.report(
          'resolve/special-category-contradiction',
          joinPointer(c.pointer, 'special'),
          'diagnostics:data.specialContradiction',
          { id: c.id },
        );
    }
  }
  return categories;
}

/** The retention rules with their data categories; a rule is either a term or the earliest of terms. */
function resolveRetention(
  ctx: ResolveContext,
  categories: ReadonlyMap<string, DataCategory>,
): Map<string, RetentionRule> {
  const retention = new Map<string, RetentionRule>();
  const rules = ctx.source.retention ?? [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const pointer = joinPointer('', 'retention', i);
    if (!ctx.claim(retention, rule.id, pointer)) continue;
    if (rule.earliestOf && (rule.period || rule.condition)) {
      ctx.report(
        'resolve/conflicting-retention-terms',
        joinPointer(pointer, 'earliestOf'),
        'diagnostics:retention.conflictingTerms',
        {},
        undefined,
        'key',
      );
    }
    retention.set(rule.id, {
      ...rule,
      pointer,
      categories: ctx.lookUp(rule.dataCategories, categories, joinPointer(pointer, 'dataCategories'), 'dataCategory'),
    });
  }
  return retention;
}

/** The activities the organisation carries out as a processor for others (art. 30(2)), references resolved. */
export function resolveProcessorActivities(ctx: ResolveContext, refs: References): ProcessorActivity[] {
  const activityIds = new Set<string>();
  const activities: ProcessorActivity[] = [];
  (ctx.source.processorActivities ?? []).forEach((a, i) => {
    const pointer = joinPointer('', 'processorActivities', i);
    if (!ctx.claim(activityIds, a.id, pointer)) return;
    const at = (property: string): string => joinPointer(pointer, property);
    activities.push({
      ...a,
      pointer,
      dataSubjects: ctx.lookUp(a.dataSubjects, refs.subjects, at('dataSubjects'), 'dataSubject'),
      dataCategories: ctx.lookUp(a.dataCategories, refs.categories, at('dataCategories'), 'dataCategory'),
      subProcessors: ctx.lookUp(a.subProcessors, refs.processors, at('subProcessors'), 'processor'),
      retention: ctx.lookUp(a.retention, refs.retention, at('retention'), 'retention'),
    });
  });
  return activities;
}

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { messagesFor, type Language, type Messages } from '../i18n/messages.js';
import { authorities, defaultAuthority } from '../law/authorities.js';
import { consentBases } from '../law/legal-bases.js';
import { rights as rightFacts } from '../law/rights.js';
import { locate, type SourceDocument } from '../load/load-document.js';
import { joinPointer } from '../load/json-pointer.js';
import type { PolicySource, PurposeSource, RightId } from '../policy/policy-types.js';
import { didYouMean } from '../validate/did-you-mean.js';
import type {
  DataCategory, DataSubject, DerivedRight, OtherController, PolicyModel, Processor, ProcessorActivity, Purpose, PurposeBasis, Recipient, RetentionRule,
} from './model.js';

/**
 * Turns a schema-valid document into a model: references between purposes,
 * data categories, processors, recipients and retention rules resolved
 * (a dangling or duplicate id is an error at its position), rights derived
 * from the bases actually used, retention written out per language.
 */
export function resolvePolicy(doc: SourceDocument, messages: Messages): { value: PolicyModel; diagnostics: Diagnostic[] } {
  const source = doc.value as PolicySource;
  const diagnostics: Diagnostic[] = [];
  const report = (ruleId: string, pointer: string, key: string, vars: Record<string, unknown>, suggestion?: string, where: 'value' | 'key' = 'value'): void => {
    const pos = locate(doc, pointer, where);
    diagnostics.push({
      ruleId, severity: 'error', message: messages.t(key, vars), file: pos.file, pointer, line: pos.line, column: pos.column,
      ...(suggestion ? { suggestion: messages.t('diagnostics:didYouMean', { value: suggestion }) } : {}),
    });
  };

  /**
   * True when `id` is not yet taken in `seen` (a map of items, or a set of
   * ids — which it then records); a repeat is reported at its position
   * (pointer/id) and the caller skips the item.
   */
  const claim = (seen: Set<string> | Map<string, unknown>, id: string, pointer: string): boolean => {
    if (!seen.has(id)) {
      if (seen instanceof Set) seen.add(id);
      return true;
    }
    report('reference/duplicate-id', joinPointer(pointer, 'id'), 'diagnostics:reference.duplicateId', { id });
    return false;
  };

  /** Indexes a collection by id, reporting duplicates. */
  function index<T extends { id: string }>(items: T[] | undefined, collection: string): Map<string, T & { pointer: string }> {
    const map = new Map<string, T & { pointer: string }>();
    (items ?? []).forEach((item, i) => {
      const pointer = joinPointer('', collection, i);
      if (claim(map, item.id, pointer)) map.set(item.id, { ...item, pointer });
    });
    return map;
  }

  const subjects = index(source.dataSubjects, 'dataSubjects') as Map<string, DataSubject>;
  const categories = new Map<string, DataCategory>(
    [...index(source.dataCategories, 'dataCategories')].map(([id, c]) => [id, { ...c, usedBy: [] }]),
  );
  if (source.collectsSpecialCategories === false) {
    for (const c of categories.values()) {
      if (c.special) report('data/special-category-contradiction', joinPointer(c.pointer, 'special'), 'diagnostics:data.specialContradiction', { id: c.id });
    }
  }
  const processors = new Map<string, Processor>(
    [...index(source.processors, 'processors')].map(([id, p]) => [id, { ...p, usedBy: [] }]),
  );
  const controllers = index(source.controllers, 'controllers') as Map<string, OtherController>;
  const recipients = new Map<string, Recipient>(
    [...index(source.recipients, 'recipients')].map(([id, r]) => [id, { ...r, usedBy: [] }]),
  );

  /** Looks up each id in `ids`; a dangling one is reported at its own position. */
  function lookUp<T>(ids: string[] | undefined, map: Map<string, T>, base: string, kind: string): T[] {
    const found: T[] = [];
    (ids ?? []).forEach((id, j) => {
      const item = map.get(id);
      if (item) found.push(item);
      else {
        report('reference/dangling', joinPointer(base, j), 'diagnostics:reference.dangling', {
          id, kind: messages.t(`diagnostics:reference.kind.${kind}`),
        }, didYouMean(id, [...map.keys()]));
      }
    });
    return found;
  }

  function lookUpOne<T>(id: string, map: Map<string, T>, pointer: string, kind: string): T | undefined {
    const item = map.get(id);
    if (!item) {
      report('reference/dangling', pointer, 'diagnostics:reference.dangling', { id, kind: messages.t(`diagnostics:reference.kind.${kind}`) }, didYouMean(id, [...map.keys()]));
    }
    return item;
  }

  const languages = source.metadata.languages;
  const retention = new Map<string, RetentionRule>();
  (source.retention ?? []).forEach((rule, i) => {
    const pointer = joinPointer('', 'retention', i);
    if (!claim(retention, rule.id, pointer)) return;
    if (rule.earliestOf && (rule.period || rule.condition)) {
      report('retention/conflicting-terms', joinPointer(pointer, 'earliestOf'), 'diagnostics:retention.conflictingTerms', {}, undefined, 'key');
    }
    retention.set(rule.id, {
      ...rule, pointer,
      categories: lookUp(rule.dataCategories, categories, joinPointer(pointer, 'dataCategories'), 'dataCategory'),
    });
  });

  const purposeIds = new Set<string>();
  const purposes: Purpose[] = [];
  source.purposes.forEach((p, i) => {
    const pointer = joinPointer('', 'purposes', i);
    if (!claim(purposeIds, p.id, pointer)) return;
    const purpose: Purpose = {
      ...p,
      pointer,
      dataSubjects: lookUp(p.dataSubjects, subjects, joinPointer(pointer, 'dataSubjects'), 'dataSubject'),
      dataCategories: lookUp(p.dataCategories, categories, joinPointer(pointer, 'dataCategories'), 'dataCategory'),
      recipients: lookUp(p.recipients, recipients, joinPointer(pointer, 'recipients'), 'recipient'),
      processors: lookUp(p.processors, processors, joinPointer(pointer, 'processors'), 'processor'),
      retention: lookUp(p.retention, retention, joinPointer(pointer, 'retention'), 'retention'),
      ...purposeControllers(p, pointer),
      bases: [],
      usesSpecialData: false,
    };
    purpose.bases = purposeBases(p, pointer, purpose.dataCategories);
    purpose.usesSpecialData = purpose.dataCategories.some((c) => c.special !== undefined);
    for (const c of purpose.dataCategories) c.usedBy.push(purpose);
    for (const r of purpose.recipients) r.usedBy.push(purpose);
    for (const r of purpose.processors) r.usedBy.push(purpose);
    purposes.push(purpose);
  });

  /** The purpose's own controller and joint controllers (art. 26), which need the essence of their arrangement (26(2)). */
  function purposeControllers(p: PurposeSource, pointer: string): { controller: OtherController | undefined; jointControllers: OtherController[] } {
    const controller = p.controller === undefined ? undefined : lookUpOne(p.controller, controllers, joinPointer(pointer, 'controller'), 'controller');
    const jointControllers = lookUp(p.jointControllers, controllers, joinPointer(pointer, 'jointControllers'), 'controller');
    if (p.jointControllers && !source.jointArrangement) {
      report('controllers/joint-arrangement-missing', joinPointer(pointer, 'jointControllers'), 'diagnostics:controllers.jointArrangementMissing', {}, undefined, 'key');
    }
    return { controller, jointControllers };
  }

  /** The purpose's bases, normalised; a basis part may only name the purpose's own data categories. */
  function purposeBases(p: PurposeSource, pointer: string, own: DataCategory[]): PurposeBasis[] {
    const single = p.legalBasis ?? p.legalBasisExplanation ?? p.legalObligation ?? p.publicTask ?? p.legitimateInterest;
    if (p.legalBases && single !== undefined) {
      report('purpose/conflicting-legal-bases', joinPointer(pointer, 'legalBases'), 'diagnostics:purpose.conflictingBases', {}, undefined, 'key');
    }
    if (p.legalBases) {
      const ownById = new Map(own.map((c) => [c.id, c]));
      return p.legalBases.map((part, j) => {
        const partPointer = joinPointer(pointer, 'legalBases', j);
        return {
          ...part, pointer: partPointer,
          dataCategories: lookUp(part.dataCategories, ownById, joinPointer(partPointer, 'dataCategories'), 'purposeDataCategory'),
        };
      });
    }
    if (!p.legalBasis) return [];
    return [{
      basis: p.legalBasis,
      pointer: joinPointer(pointer, 'legalBasis'),
      dataCategories: [],
      ...(p.legalBasisExplanation ? { explanation: p.legalBasisExplanation } : {}),
      ...(p.legalObligation ? { legalObligation: p.legalObligation } : {}),
      ...(p.publicTask ? { publicTask: p.publicTask } : {}),
      ...(p.legitimateInterest ? { legitimateInterest: p.legitimateInterest } : {}),
    }];
  }

  const activityIds = new Set<string>();
  const processorActivities: ProcessorActivity[] = [];
  (source.processorActivities ?? []).forEach((a, i) => {
    const pointer = joinPointer('', 'processorActivities', i);
    if (!claim(activityIds, a.id, pointer)) return;
    processorActivities.push({
      ...a,
      pointer,
      dataSubjects: lookUp(a.dataSubjects, subjects, joinPointer(pointer, 'dataSubjects'), 'dataSubject'),
      dataCategories: lookUp(a.dataCategories, categories, joinPointer(pointer, 'dataCategories'), 'dataCategory'),
      subProcessors: lookUp(a.subProcessors, processors, joinPointer(pointer, 'subProcessors'), 'processor'),
      retention: lookUp(a.retention, retention, joinPointer(pointer, 'retention'), 'retention'),
    });
  });

  // Additional rights: unique ids, and none that is a GDPR right (those belong in rights.stated).
  const additionalIds = new Set<string>();
  (source.rights?.additional ?? []).forEach((right, i) => {
    const pointer = joinPointer('', 'rights', 'additional', i);
    if (rightFacts.some((r) => r.id === right.id)) {
      report('rights/gdpr-right-as-additional', joinPointer(pointer, 'id'), 'diagnostics:rights.gdprRightAsAdditional', { id: right.id });
      additionalIds.add(right.id);
    } else claim(additionalIds, right.id, pointer);
  });

  // A right set aside (art. 11(2)) cannot also be one the statement grants.
  const notApplicable = new Set<RightId>();
  (source.rights?.notApplicable ?? []).forEach((entry, i) => {
    const pointer = joinPointer('', 'rights', 'notApplicable', i, 'right');
    if (source.rights?.stated?.includes(entry.right)) report('rights/not-applicable-but-stated', pointer, 'diagnostics:rights.notApplicableButStated', { id: entry.right });
    notApplicable.add(entry.right);
  });

  return {
    value: {
      source,
      id: source.id,
      languages,
      dataSubjects: [...subjects.values()],
      dataCategories: [...categories.values()],
      purposes,
      processorActivities,
      processors: [...processors.values()],
      recipients: [...recipients.values()],
      retention: [...retention.values()],
      rights: deriveRights(purposes, new Set(Object.keys(source.rights?.notes ?? {}) as RightId[]), source.rights?.stated)
        .filter((r) => !notApplicable.has(r.id)),
      controllers: [...controllers.values()],
      authority: authorities[source.complaints?.authority ?? defaultAuthority],
    },
    diagnostics,
  };
}

/**
 * The rights the notice must explain: those that always apply, those brought
 * into play by any basis of any purpose (law/rights.ts), those the policy
 * explains itself (`noted`, for rights listed only then) and those the
 * statement itself lists (`stated`).
 */
export function deriveRights(
  purposes: readonly Purpose[], noted: ReadonlySet<RightId> = new Set(), stated: readonly RightId[] = [],
): DerivedRight[] {
  const derived: DerivedRight[] = [];
  for (const right of rightFacts) {
    const when = right.appliesWhen;
    const isStated = stated.includes(right.id);
    if (when === 'noted') {
      if (noted.has(right.id) || isStated) derived.push({ id: right.id, article: right.article, purposes: [], bases: [], stated: isStated });
      continue;
    }
    if (when === 'always') {
      derived.push({ id: right.id, article: right.article, purposes: [], bases: [], stated: isStated });
      continue;
    }
    /** The bases and conditions of one purpose that bring this right into play. */
    const triggers = (p: Purpose): string[] => {
      if (when === 'automated') return [];
      const ids = p.bases.map((b) => b.basis as string);
      if (p.specialCategoryCondition) ids.push(p.specialCategoryCondition.condition);
      if (when === 'consent') return ids.filter((id) => consentBases.has(id));
      if (p.directMarketing) ids.push('direct-marketing');
      return ids.filter((id) => (when as readonly string[]).includes(id));
    };
    const triggering = purposes.filter((p) => (when === 'automated' ? p.automatedDecision !== undefined : triggers(p).length > 0));
    if (triggering.length === 0 && !isStated) continue;
    const bases = [...new Set(triggering.flatMap(triggers))].sort();
    derived.push({ id: right.id, article: right.article, purposes: triggering, bases, stated: isStated });
  }
  return derived;
}

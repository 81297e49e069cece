import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { messagesFor, type Language, type Messages } from '../i18n/messages.js';
import { authorities, defaultAuthority } from '../law/authorities.js';
import { consentBases } from '../law/legal-bases.js';
import { rights as rightFacts } from '../law/rights.js';
import { positionOf, type SourceDocument } from '../load/load-document.js';
import { joinPointer } from '../load/json-pointer.js';
import type { LegalBasisId, PolicySource, RightId } from '../policy/policy-types.js';
import { didYouMean } from '../validate/did-you-mean.js';
import type {
  DataCategory, DataSubject, DerivedRight, PolicyModel, Processor, ProcessorActivity, Purpose, Recipient, RetentionRule,
} from './model.js';
import { retentionPhrase } from './retention-phrase.js';

/**
 * Turns a schema-valid document into a model: references between purposes,
 * data categories, processors, recipients and retention rules resolved
 * (a dangling or duplicate id is an error at its position), rights derived
 * from the bases actually used, retention written out per language.
 */
export function resolvePolicy(doc: SourceDocument, messages: Messages): { value: PolicyModel; diagnostics: Diagnostic[] } {
  const source = doc.value as PolicySource;
  const diagnostics: Diagnostic[] = [];
  const report = (ruleId: string, pointer: string, key: string, vars: Record<string, unknown>, suggestion?: string): void => {
    const pos = positionOf(doc, pointer);
    diagnostics.push({
      ruleId, severity: 'error', message: messages.t(key, vars), file: doc.file, pointer, line: pos.line, column: pos.column,
      ...(suggestion ? { suggestion: messages.t('diagnostics:didYouMean', { value: suggestion }) } : {}),
    });
  };

  /** Indexes a collection by id, reporting duplicates. */
  function index<T extends { id: string }>(items: T[] | undefined, collection: string): Map<string, T & { pointer: string }> {
    const map = new Map<string, T & { pointer: string }>();
    (items ?? []).forEach((item, i) => {
      const pointer = joinPointer('', collection, i);
      if (map.has(item.id)) {
        report('reference/duplicate-id', joinPointer(pointer, 'id'), 'diagnostics:reference.duplicateId', { id: item.id });
        return;
      }
      map.set(item.id, { ...item, pointer });
    });
    return map;
  }

  const subjects = index(source.dataSubjects, 'dataSubjects') as Map<string, DataSubject>;
  const categories = new Map<string, DataCategory>(
    [...index(source.dataCategories, 'dataCategories')].map(([id, c]) => [id, { ...c, usedBy: [] }]),
  );
  const processors = new Map<string, Processor>(
    [...index(source.processors, 'processors')].map(([id, p]) => [id, { ...p, usedBy: [] }]),
  );
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

  const languages = source.metadata.languages;
  const phraseMessages = new Map<Language, Messages>(languages.map((lang) => [lang, messagesFor(lang, source.metadata.formality)]));
  const retention = new Map<string, RetentionRule>();
  (source.retention ?? []).forEach((rule, i) => {
    const pointer = joinPointer('', 'retention', i);
    if (retention.has(rule.id)) {
      report('reference/duplicate-id', joinPointer(pointer, 'id'), 'diagnostics:reference.duplicateId', { id: rule.id });
      return;
    }
    const phrase = {} as Record<Language, string>;
    for (const [lang, m] of phraseMessages) phrase[lang] = retentionPhrase(rule, m);
    retention.set(rule.id, {
      ...rule, pointer, phrase,
      categories: lookUp(rule.dataCategories, categories, joinPointer(pointer, 'dataCategories'), 'dataCategory'),
    });
  });

  const purposeIds = new Set<string>();
  const purposes: Purpose[] = [];
  source.purposes.forEach((p, i) => {
    const pointer = joinPointer('', 'purposes', i);
    if (purposeIds.has(p.id)) {
      report('reference/duplicate-id', joinPointer(pointer, 'id'), 'diagnostics:reference.duplicateId', { id: p.id });
      return;
    }
    purposeIds.add(p.id);
    const purpose: Purpose = {
      ...p,
      pointer,
      dataSubjects: lookUp(p.dataSubjects, subjects, joinPointer(pointer, 'dataSubjects'), 'dataSubject'),
      dataCategories: lookUp(p.dataCategories, categories, joinPointer(pointer, 'dataCategories'), 'dataCategory'),
      recipients: lookUp(p.recipients, recipients, joinPointer(pointer, 'recipients'), 'recipient'),
      processors: lookUp(p.processors, processors, joinPointer(pointer, 'processors'), 'processor'),
      retention: lookUp(p.retention, retention, joinPointer(pointer, 'retention'), 'retention'),
      usesSpecialData: false,
    };
    purpose.usesSpecialData = purpose.dataCategories.some((c) => c.special !== undefined);
    for (const c of purpose.dataCategories) c.usedBy.push(purpose);
    for (const r of purpose.recipients) r.usedBy.push(purpose);
    for (const r of purpose.processors) r.usedBy.push(purpose);
    purposes.push(purpose);
  });

  const activityIds = new Set<string>();
  const processorActivities: ProcessorActivity[] = [];
  (source.processorActivities ?? []).forEach((a, i) => {
    const pointer = joinPointer('', 'processorActivities', i);
    if (activityIds.has(a.id)) {
      report('reference/duplicate-id', joinPointer(pointer, 'id'), 'diagnostics:reference.duplicateId', { id: a.id });
      return;
    }
    activityIds.add(a.id);
    processorActivities.push({
      ...a,
      pointer,
      dataSubjects: lookUp(a.dataSubjects, subjects, joinPointer(pointer, 'dataSubjects'), 'dataSubject'),
      dataCategories: lookUp(a.dataCategories, categories, joinPointer(pointer, 'dataCategories'), 'dataCategory'),
      subProcessors: lookUp(a.subProcessors, processors, joinPointer(pointer, 'subProcessors'), 'processor'),
      retention: lookUp(a.retention, retention, joinPointer(pointer, 'retention'), 'retention'),
    });
  });

  const legalBasesUsed = [...new Set(purposes.flatMap((p) => (p.legalBasis ? [p.legalBasis] : [])))].sort() as LegalBasisId[];

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
      rights: deriveRights(purposes, new Set(Object.keys(source.rights?.notes ?? {}) as RightId[])),
      authority: authorities[source.complaints?.authority ?? defaultAuthority],
      legalBasesUsed,
    },
    diagnostics,
  };
}

/**
 * The rights the notice must explain, from the bases actually used
 * (law/rights.ts), plus those the policy explains itself (`noted`).
 */
export function deriveRights(purposes: readonly Purpose[], noted: ReadonlySet<RightId> = new Set()): DerivedRight[] {
  const derived: DerivedRight[] = [];
  for (const right of rightFacts) {
    const when = right.appliesWhen;
    if (when === 'noted') {
      if (noted.has(right.id)) derived.push({ id: right.id, article: right.article, purposes: [], bases: [] });
      continue;
    }
    if (when === 'always') {
      derived.push({ id: right.id, article: right.article, purposes: [], bases: [] });
      continue;
    }
    const triggering = purposes.filter((p) => {
      if (when === 'automated') return p.automatedDecision !== undefined;
      if (when === 'consent') {
        return (p.legalBasis !== undefined && consentBases.has(p.legalBasis)) ||
          (p.specialCategoryCondition !== undefined && consentBases.has(p.specialCategoryCondition.condition));
      }
      return p.legalBasis !== undefined && when.includes(p.legalBasis);
    });
    if (triggering.length === 0) continue;
    const bases = new Set<string>();
    for (const p of triggering) {
      if (p.legalBasis && (when !== 'consent' || consentBases.has(p.legalBasis))) bases.add(p.legalBasis);
      if (when === 'consent' && p.specialCategoryCondition && consentBases.has(p.specialCategoryCondition.condition)) {
        bases.add(p.specialCategoryCondition.condition);
      }
    }
    derived.push({ id: right.id, article: right.article, purposes: triggering, bases: [...bases].sort() });
  }
  return derived;
}

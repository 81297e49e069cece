import { isInEea, partyCountries, partyLocationPaths } from '../law/eea.js';
import { joinPointer } from '../load/json-pointer.js';
import type { PolicyModel, Purpose } from '../resolve/model.js';
import { durationInDays } from '../law/durations.js';
import { changeClassAt } from './change-class.js';
import { changeKinds, type ChangeKind } from './change-kinds.js';
import type { Change, Value, ValueType } from './change.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Record_ = { [key: string]: Json };

/**
 * How a property is compared. Anything without a rule is compared
 * generically: text (per language) as 'wording', other values as 'changed'.
 */
type Rule =
  /** One value replaced by another, e.g. a legal basis; `cleared` when the new version has none. */
  | { scalar: ChangeKind; as: ValueType; cleared?: ChangeKind }
  /** A list of ids or values: one change per element added or removed; `ref` names the collection the ids point into. */
  | { set: { added: ChangeKind; removed: ChangeKind }; ref?: CollectionKey; as?: ValueType }
  /** An optional object that appears or disappears (its inner changes compared generically). */
  | { presence: { added: ChangeKind; removed: ChangeKind } }
  /** A list of objects matched by one property (legal bases by `basis`): one change per entry added or removed, matched entries compared under `path.*`. */
  | { keyed: { key: string; label?: string; added: ChangeKind; removed: ChangeKind; as: ValueType; single?: ChangeKind } }
  /** Every difference below this property is of one kind (contact details, legal bases). */
  | { subtree: ChangeKind }
  /** Countries: a new one outside the EEA is a new transfer. */
  | { locations: true }
  | { ignore: true };

type CollectionKey = 'dataSubjects' | 'dataCategories' | 'processors' | 'recipients' | 'retention' | 'controllers' | 'purposes' | 'processorActivities';

interface CollectionSpec {
  key: CollectionKey;
  added: ChangeKind;
  removed: ChangeKind;
  /** Rules by property path inside an item ('transfer.mechanism'). */
  rules: Record<string, Rule>;
  /** Parties (processors, recipients): countries of establishment, storage and transfer compared together. */
  party?: boolean;
  /** Retention rules: the terms compared together, longer or shorter. */
  retention?: boolean;
}

/** The properties of a retention rule that together make its period. */
const retentionTerms = [
  'period', 'maximum', 'minimum', 'longerForCare', 'from', 'condition', 'withConsent', 'endsOnObjection', 'legalSource',
  'earliestOf', 'legalClaimsHold', 'deletionHandling', 'afterwards',
];

const refSet = (ref: CollectionKey, added: ChangeKind, removed: ChangeKind): Rule => ({ set: { added, removed }, ref });

/**
 * The collections of identified items, in the order the report lists them.
 * Referenced collections come before the ones that refer to them, so that
 * renames are known before references are compared.
 */
const collections: CollectionSpec[] = [
  { key: 'dataSubjects', added: 'data-subject-added', removed: 'data-subject-removed', rules: {} },
  {
    key: 'dataCategories', added: 'data-category-added', removed: 'data-category-removed',
    rules: { special: { scalar: 'data-category-special', as: 'specialCategory', cleared: 'data-category-not-special' } },
  },
  {
    key: 'processors', added: 'processor-added', removed: 'processor-removed', party: true,
    rules: { 'transfer.mechanism': { scalar: 'transfer-safeguard-changed', as: 'mechanism' }, name: { scalar: 'party-name-changed', as: 'text' } },
  },
  {
    key: 'recipients', added: 'recipient-added', removed: 'recipient-removed', party: true,
    rules: {
      'transfer.mechanism': { scalar: 'transfer-safeguard-changed', as: 'mechanism' },
      name: { scalar: 'party-name-changed', as: 'text' },
      type: { scalar: 'changed', as: 'recipientType' },
    },
  },
  {
    key: 'retention', added: 'retention-added', removed: 'retention-removed', retention: true,
    rules: { dataCategories: refSet('dataCategories', 'retention-data-added', 'retention-data-removed') },
  },
  {
    key: 'controllers', added: 'other-controller-added', removed: 'other-controller-removed',
    rules: {
      name: { scalar: 'controller-changed', as: 'literal' },
      kvkNumber: { scalar: 'controller-changed', as: 'literal' },
      address: { subtree: 'contact-changed' },
      contact: { subtree: 'contact-changed' },
      dpo: { subtree: 'contact-changed' },
      // Whether it is a public authority describes the organisation; the bases that follow are compared on each purpose.
      publicAuthority: { scalar: 'changed', as: 'literal' },
    },
  },
  {
    key: 'purposes', added: 'purpose-added', removed: 'purpose-removed',
    rules: {
      // A basis given in words is a basis: stating, dropping or changing it (or its law) changes the basis.
      legalBasisStatement: { subtree: 'legal-basis-changed' },
      'legalBases.*.publicTask': { subtree: 'legal-basis-changed' },
      controller: { scalar: 'purpose-controller-changed', as: 'id' },
      jointControllers: refSet('controllers', 'joint-controller-added', 'joint-controller-removed'),
      // The bases as the resolver normalised them (purpose.bases), whichever form the policy wrote them in:
      // a basis added or dropped, or data moved between bases, is a changed legal basis; one basis for another is one change.
      legalBases: { keyed: { key: 'basis', added: 'legal-basis-changed', removed: 'legal-basis-changed', as: 'basis', single: 'legal-basis-changed' } },
      'legalBases.*.basis': { ignore: true },
      'legalBases.*.dataCategories': refSet('dataCategories', 'legal-basis-data-added', 'legal-basis-data-removed'),
      'legalBases.*.legalObligation': { subtree: 'legal-basis-changed' },
      'specialCategoryCondition.condition': { scalar: 'special-condition-changed', as: 'specialCondition' },
      dataSubjects: refSet('dataSubjects', 'purpose-subject-added', 'purpose-subject-removed'),
      dataCategories: refSet('dataCategories', 'purpose-data-added', 'purpose-data-removed'),
      processors: refSet('processors', 'purpose-processor-added', 'purpose-processor-removed'),
      recipients: refSet('recipients', 'purpose-recipient-added', 'purpose-recipient-removed'),
      retention: refSet('retention', 'purpose-retention-added', 'purpose-retention-removed'),
      automatedDecision: { presence: { added: 'automated-decision-added', removed: 'automated-decision-removed' } },
    },
  },
  {
    key: 'processorActivities', added: 'processor-activity-added', removed: 'processor-activity-removed',
    rules: {
      dataSubjects: refSet('dataSubjects', 'changed', 'changed'),
      dataCategories: refSet('dataCategories', 'changed', 'changed'),
      subProcessors: refSet('processors', 'changed', 'changed'),
      retention: refSet('retention', 'changed', 'changed'),
    },
  },
];

/** Rules for the rest of the document, by path from the root. */
const documentRules: Record<string, Rule> = {
  $schema: { ignore: true },
  id: { ignore: true },
  metadata: { ignore: true },
  'controller.name': { scalar: 'controller-changed', as: 'literal' },
  'controller.kvkNumber': { scalar: 'controller-changed', as: 'literal' },
  'controller.address': { subtree: 'contact-changed' },
  'controller.contact': { subtree: 'contact-changed' },
  'controller.website': { subtree: 'contact-changed' },
  // Being a public authority describes the organisation; the bases that follow from it are compared on each purpose.
  'controller.publicAuthority': { scalar: 'changed', as: 'literal' },
  jointArrangement: { subtree: 'joint-arrangement-changed' },
  'rights.notApplicable': { subtree: 'right-exception-changed' },
  'rights.judicialRemedy': { presence: { added: 'judicial-remedy-added', removed: 'judicial-remedy-removed' } },
  dpo: { subtree: 'contact-changed' },
  representative: { subtree: 'contact-changed' },
  contact: { subtree: 'contact-changed' },
  'rights.contact': { subtree: 'contact-changed' },
  'rights.responseTime': { scalar: 'changed', as: 'duration' },
  // Rights the policy grants beyond the GDPR's: one dropped is material.
  'rights.additional': { keyed: { key: 'id', label: 'name', added: 'right-added', removed: 'right-removed', as: 'text' } },
  'changes.noticePeriod': { scalar: 'changed', as: 'duration' },
  'transfers.storageLocations': { locations: true },
};

/** Properties of model items that the resolver adds; not part of what was written. */
const derivedProperties = new Set(['pointer', 'usedBy', 'categories', 'usesSpecialData', 'bases']);

/** How a purpose may write one basis on itself: these properties are compared as its normalised `bases` instead. */
const singleBasisFields: Record<string, string> = {
  basis: 'legalBasis', explanation: 'legalBasisExplanation', legalObligation: 'legalObligation', publicTask: 'publicTask', legitimateInterest: 'legitimateInterest',
};

interface Item {
  id: string;
  pointer: string;
  record: Record_;
}

/** A model item as plain data: references back to ids, derived properties dropped. */
function plainItem(item: object): Record_ {
  const record: Record_ = {};
  for (const [key, value] of Object.entries(item)) {
    if (derivedProperties.has(key) || value === undefined) continue;
    const isRef = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && 'pointer' in v;
    record[key] = Array.isArray(value) && value.some(isRef) ? value.map((v: { id: string }) => v.id) : isRef(value) ? value.id : value as Json;
  }
  return record;
}

function itemsOf(model: PolicyModel, key: CollectionKey): Item[] {
  return (model[key] as Array<{ id: string; pointer: string }>).map((item) => ({
    id: item.id, pointer: item.pointer, record: key === 'purposes' ? purposeRecord(item as Purpose) : plainItem(item),
  }));
}

/** A purpose as compared: its bases always in the per-data form (purpose.bases), however the policy wrote them. */
function purposeRecord(purpose: Purpose): Record_ {
  const record = plainItem(purpose);
  for (const field of Object.values(singleBasisFields)) delete record[field];
  delete record.legalBases;
  if (purpose.bases.length) {
    record.legalBases = purpose.bases.map(({ pointer: _pointer, dataCategories, ...rest }) => ({ ...rest, dataCategories: dataCategories.map((c) => c.id) }) as unknown as Json);
  }
  return record;
}

/**
 * Where a change inside a purpose's normalised bases lies in the document:
 * a purpose that wrote one basis on itself (legalBasis, legalObligation…)
 * has no legalBases list, so `legalBases/0/legalObligation` is its `legalObligation`.
 */
function singleBasisPlaces(model: PolicyModel): Map<string, string> {
  return new Map(model.purposes.filter((p) => p.legalBases === undefined && p.legalBasis !== undefined).map((p) => [joinPointer(p.pointer, 'legalBases', 0), p.pointer]));
}

function placeInDocument(places: Map<string, string>, pointer: string, field: string | undefined): { pointer: string; field?: string } {
  const match = /^(.*\/legalBases\/0)(?:\/([^/]+))?(\/.*)?$/.exec(pointer);
  const purpose = match && places.get(match[1]!);
  if (!match || !purpose) return { pointer, ...(field !== undefined ? { field } : {}) };
  const own = singleBasisFields[match[2] ?? 'basis'] ?? match[2]!;
  const singleField = field?.replace(/^legalBases(?:\.\*)?(?:\.([^.]+))?/, (_all, part?: string) => singleBasisFields[part ?? 'basis'] ?? part ?? 'legalBasis');
  return { pointer: `${joinPointer(purpose, own)}${match[3] ?? ''}`, ...(singleField !== undefined ? { field: singleField } : {}) };
}


/** Canonical JSON (keys sorted), for equality. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v);
}

const isPlainObject = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Text given per language ({nl, en}): compared as wording. */
function isText(v: unknown): boolean {
  return isPlainObject(v) && Object.keys(v).length > 0 && Object.entries(v).every(([k, x]) => /^[a-z]{2}$/.test(k) && typeof x === 'string');
}

/** Text written for people (per language), as opposed to names, ids, codes and addresses. */
const isWords = (v: unknown): boolean => isText(v) || (Array.isArray(v) && v.length > 0 && v.every(isWords));

const itemName = (record: Record_ | undefined): Value | undefined =>
  record && record.name !== undefined ? { type: 'text', value: record.name } : undefined;

function at(record: Record_ | undefined, path: string): Json | undefined {
  let value: Json | undefined = record;
  for (const part of path.split('.')) value = isPlainObject(value) ? value[part] : undefined;
  return value;
}

/** Countries where a party is established, stores or sends data. */
/**
 * The changes from one version of a policy to the next, on the resolved
 * models: items matched by id (or, when only the id changed, reported as
 * renamed), properties compared by the rules above.
 */
export function diffPolicies(oldModel: PolicyModel, newModel: PolicyModel): Change[] {
  const changes: Change[] = [];
  const renames = new Map<CollectionKey, Map<string, string>>();
  const newItems = new Map<CollectionKey, Map<string, Item>>();
  const oldItems = new Map<CollectionKey, Map<string, Item>>();

  const places = { old: singleBasisPlaces(oldModel), new: singleBasisPlaces(newModel) };
  const push = (kind: ChangeKind, pointer: string, side: 'old' | 'new', extra: Partial<Change> = {}): void => {
    const facts = changeKinds[kind];
    const { field: _field, ...rest } = extra;
    const place = placeInDocument(places[side], pointer, extra.field);
    // A change of no particular kind takes its class from the schema's x-change annotation of the property.
    const changeClass = kind === 'changed' || kind === 'wording' ? changeClassAt(place.pointer) : facts.class;
    changes.push({ kind, class: changeClass, article: facts.article, side, ...rest, ...place });
  };

  /** The name of an item an id points to, in the version given. */
  const refName = (collection: CollectionKey, id: string, side: 'old' | 'new'): Value => {
    const item = (side === 'old' ? oldItems : newItems).get(collection)?.get(id);
    return itemName(item?.record) ?? { type: 'id', value: id };
  };

  /** An old item's content with the id left out and its references renamed: equal content means a rename. */
  const renamedContent = (spec: CollectionSpec, record: Record_, mapRefs: boolean): string => {
    const { id: _id, ...rest } = record;
    if (mapRefs) {
      for (const [path, rule] of Object.entries(spec.rules)) {
        if (!('set' in rule) || !rule.ref || !Array.isArray(rest[path])) continue;
        const map = renames.get(rule.ref);
        rest[path] = (rest[path] as string[]).map((id) => map?.get(id) ?? id);
      }
    }
    return canonical(rest);
  };

  /** Compares two values at `path` below a subject, by rule or generically. */
  const compare = (
    rules: Record<string, Rule>, path: string, pointer: string, oldValue: Json | undefined, newValue: Json | undefined,
    context: { subject?: Value; oldPointer: string; inherited?: ChangeKind },
  ): void => {
    if (canonical(oldValue) === canonical(newValue)) return;
    const side = newValue === undefined ? 'old' : 'new';
    const where = side === 'old' ? context.oldPointer : pointer;
    const subject = context.subject ? { subject: context.subject } : {};
    const rule = rules[path];
    const base = { ...subject, field: path };
    if (rule && 'ignore' in rule) return;
    if (rule && 'scalar' in rule) {
      push(newValue === undefined && rule.cleared ? rule.cleared : rule.scalar, where, side, { ...base, ...valuePair(oldValue, newValue, rule.as) });
      return;
    }
    if (rule && 'set' in rule) {
      const oldList = (Array.isArray(oldValue) ? oldValue : []) as string[];
      const newList = (Array.isArray(newValue) ? newValue : []) as string[];
      const map = rule.ref ? renames.get(rule.ref) : undefined;
      const oldMapped = oldList.map((id) => map?.get(id) ?? id);
      newList.forEach((id, i) => {
        if (oldMapped.includes(id)) return;
        push(rule.set.added, joinPointer(pointer, i), 'new', { ...base, new: rule.ref ? refName(rule.ref, id, 'new') : { type: rule.as ?? 'literal', value: id } });
      });
      oldMapped.forEach((id, i) => {
        if (newList.includes(id)) return;
        push(rule.set.removed, joinPointer(context.oldPointer, i), 'old', { ...base, old: rule.ref ? refName(rule.ref, oldList[i]!, 'old') : { type: rule.as ?? 'literal', value: id } });
      });
      return;
    }
    if (rule && 'keyed' in rule) {
      const { key, added, removed, as, single } = rule.keyed;
      const shown = (item: Record_): Value => ({ type: as, value: item[rule.keyed.label ?? key] });
      const oldList = asRecords(oldValue);
      const newList = asRecords(newValue);
      if (single && oldList.length === 1 && newList.length === 1 && canonical(oldList[0]![key]) !== canonical(newList[0]![key])) {
        // One entry for another (the one basis of a purpose changed): one change, the rest compared as usual.
        push(single, joinPointer(pointer, 0, key), 'new', { ...base, old: shown(oldList[0]!), new: shown(newList[0]!) });
        compare(rules, `${path}.*`, joinPointer(pointer, 0), oldList[0], newList[0], { ...context, oldPointer: joinPointer(context.oldPointer, 0) });
        return;
      }
      const indexIn = (list: Record_[], item: Record_): number => list.findIndex((x) => canonical(x[key]) === canonical(item[key]));
      newList.forEach((item, i) => {
        const j = indexIn(oldList, item);
        if (j < 0) push(added, joinPointer(pointer, i), 'new', { ...base, new: shown(item) });
        else compare(rules, `${path}.*`, joinPointer(pointer, i), oldList[j], item, { ...context, oldPointer: joinPointer(context.oldPointer, j) });
      });
      oldList.forEach((item, j) => {
        if (indexIn(newList, item) < 0) push(removed, joinPointer(context.oldPointer, j), 'old', { ...base, old: shown(item) });
      });
      return;
    }
    if (rule && 'locations' in rule) {
      compareLocations(asStrings(oldValue), asStrings(newValue), pointer, context.oldPointer, base);
      return;
    }
    if (rule && 'presence' in rule && (oldValue === undefined || newValue === undefined)) {
      push(oldValue === undefined ? rule.presence.added : rule.presence.removed, where, side, base);
      return;
    }
    const inherited = rule && 'subtree' in rule ? rule.subtree : context.inherited;
    if ((isPlainObject(oldValue) || oldValue === undefined) && (isPlainObject(newValue) || newValue === undefined) && !isText(oldValue) && !isText(newValue)) {
      const keys = [...new Set([...Object.keys(newValue ?? {}), ...Object.keys(oldValue ?? {})])];
      for (const key of keys) {
        compare(rules, path ? `${path}.${key}` : key, joinPointer(pointer, key), (oldValue as Record_ | undefined)?.[key], (newValue as Record_ | undefined)?.[key], {
          ...context, oldPointer: joinPointer(context.oldPointer, key), ...(inherited ? { inherited } : {}),
        });
      }
      return;
    }
    const kind = inherited ?? (isWords(oldValue ?? newValue) && isWords(newValue ?? oldValue) ? 'wording' : 'changed');
    push(kind, where, side, { ...base, ...valuePair(oldValue, newValue, isWords(oldValue ?? newValue) ? 'text' : 'literal') });
  };

  /** A new country outside the EEA is a new transfer; other countries are places the data is kept. */
  const compareLocations = (
    oldList: string[], newList: string[], pointer: string, oldPointer: string, base: Partial<Change>, indexPointer = true,
  ): void => {
    newList.forEach((c, i) => {
      if (oldList.includes(c) || newList.indexOf(c) !== i) return;
      push(isInEea(c) ? 'location-added' : 'transfer-added', indexPointer ? joinPointer(pointer, i) : pointer, 'new', { ...base, new: { type: 'country', value: c } });
    });
    oldList.forEach((c, i) => {
      if (newList.includes(c) || oldList.indexOf(c) !== i) return;
      push(isInEea(c) ? 'location-removed' : 'transfer-removed', indexPointer ? joinPointer(oldPointer, i) : oldPointer, 'old', { ...base, old: { type: 'country', value: c } });
    });
  };

  for (const spec of collections) {
    const olds = itemsOf(oldModel, spec.key);
    const news = itemsOf(newModel, spec.key);
    oldItems.set(spec.key, new Map(olds.map((i) => [i.id, i])));
    newItems.set(spec.key, new Map(news.map((i) => [i.id, i])));
    const newById = newItems.get(spec.key)!;
    const oldById = oldItems.get(spec.key)!;
    const unmatchedNew = news.filter((i) => !oldById.has(i.id));
    const unmatchedOld = olds.filter((i) => !newById.has(i.id));
    const renameMap = new Map<string, string>();
    renames.set(spec.key, renameMap);
    const pairs: Array<[Item, Item]> = olds.filter((i) => newById.has(i.id)).map((i) => [i, newById.get(i.id)!]);

    // Renames: an unmatched old item whose content equals an unmatched new one's.
    const claimed = new Set<Item>();
    for (const o of unmatchedOld) {
      const content = renamedContent(spec, o.record, true);
      const n = unmatchedNew.find((candidate) => !claimed.has(candidate) && renamedContent(spec, candidate.record, false) === content);
      if (!n) continue;
      claimed.add(n);
      renameMap.set(o.id, n.id);
      push('renamed', joinPointer(n.pointer, 'id'), 'new', { subject: itemName(n.record) ?? { type: 'id', value: n.id }, old: { type: 'id', value: o.id }, new: { type: 'id', value: n.id } });
    }

    for (const n of unmatchedNew) {
      if (claimed.has(n)) continue;
      const name = itemName(n.record) ?? { type: 'id', value: n.id };
      // A new retention rule is told by its terms; other new items by their name.
      push(spec.added, n.pointer, 'new', spec.retention ? { subject: name, new: { type: 'retention', value: n.record } } : { new: name });
      // A new party outside the EEA is also a new transfer.
      if (spec.party) compareLocations([], partyCountries(n.record).filter((c) => !isInEea(c)), n.pointer, n.pointer, { subject: name }, false);
    }
    for (const [o, n] of pairs) compareItem(spec, o, n);
    for (const o of unmatchedOld) {
      if (!renameMap.has(o.id)) push(spec.removed, o.pointer, 'old', { old: itemName(o.record) ?? { type: 'id', value: o.id } });
    }
  }

  function compareItem(spec: CollectionSpec, o: Item, n: Item): void {
    const subject = itemName(n.record) ?? { type: 'id', value: n.id };
    const rules: Record<string, Rule> = { ...spec.rules, id: { ignore: true } };
    if (spec.party) {
      for (const path of partyLocationPaths) rules[path] = { ignore: true };
      compareLocations(partyCountries(o.record), partyCountries(n.record), n.pointer, o.pointer, { subject }, false);
    }
    if (spec.retention) {
      for (const path of retentionTerms) rules[path] = { ignore: true };
      const oldTerms = retentionTerms.map((k) => o.record[k]);
      const newTerms = retentionTerms.map((k) => n.record[k]);
      if (canonical(oldTerms) !== canonical(newTerms)) {
        const kind = retentionChangeKind(o.record, n.record);
        const periodOnly = retentionTerms.every((k) => k === 'period' || canonical(o.record[k]) === canonical(n.record[k])) &&
          o.record.period !== undefined && n.record.period !== undefined;
        push(kind, periodOnly ? joinPointer(n.pointer, 'period') : n.pointer, 'new', {
          subject,
          ...(periodOnly
            ? { old: { type: 'duration', value: o.record.period }, new: { type: 'duration', value: n.record.period } }
            : { old: { type: 'retention', value: o.record }, new: { type: 'retention', value: n.record } }),
        });
      }
    }
    compare(rules, '', n.pointer, o.record, n.record, { subject, oldPointer: o.pointer });
  }

  // The rest of the document: controller, contact, texts, anything added to the schema later.
  const collectionKeys = new Set<string>(collections.map((c) => c.key));
  const rest = (model: PolicyModel): Record_ =>
    Object.fromEntries(Object.entries(model.source).filter(([k]) => !collectionKeys.has(k))) as Record_;
  compare(documentRules, '', '', rest(oldModel), rest(newModel), { oldPointer: '' });

  // Rights, as derived from the bases used: one that no longer applies is material.
  const oldRights = oldModel.rights.map((r) => r.id);
  const newRights = newModel.rights.map((r) => r.id);
  for (const r of newModel.rights) {
    if (!oldRights.includes(r.id)) push('right-added', r.purposes[0]?.pointer ?? '', 'new', { new: { type: 'right', value: r.id } });
  }
  for (const r of oldModel.rights) {
    if (!newRights.includes(r.id)) push('right-removed', r.purposes[0]?.pointer ?? '', 'old', { old: { type: 'right', value: r.id } });
  }

  // Report order: by kind as the table lists them (purposes first), then in document order.
  const rank = new Map(Object.keys(changeKinds).map((kind, i) => [kind, i]));
  return changes
    .map((change, i) => ({ change, i }))
    .sort((a, b) => rank.get(a.change.kind)! - rank.get(b.change.kind)! || a.i - b.i)
    .map(({ change }) => change);
}

function asRecords(value: Json | undefined): Record_[] {
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}

function asStrings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function valuePair(oldValue: Json | undefined, newValue: Json | undefined, as: ValueType): Pick<Change, 'old' | 'new'> {
  return {
    ...(oldValue !== undefined ? { old: { type: as, value: oldValue } } : {}),
    ...(newValue !== undefined ? { new: { type: as, value: newValue } } : {}),
  };
}

/**
 * Longer or shorter when only the period (or the consent period) differs and
 * both can be measured; otherwise the terms changed in a way that cannot be
 * shown to be shorter, which counts as material.
 */
function retentionChangeKind(o: Record_, n: Record_): ChangeKind {
  const differing = retentionTerms.filter((k) => canonical(o[k]) !== canonical(n[k]));
  if (differing.length === 1 && (differing[0] === 'period' || differing[0] === 'withConsent')) {
    const key = differing[0];
    const before = typeof o[key] === 'string' ? durationInDays(o[key] as string) : undefined;
    const after = typeof n[key] === 'string' ? durationInDays(n[key] as string) : undefined;
    if (before !== undefined && after !== undefined) {
      if (after > before) return 'retention-longer';
      if (after < before) return 'retention-shorter';
      return 'changed';
    }
  }
  return 'retention-changed';
}

import { isInEea, partyCountries, partyLocationPaths } from '../law/eea.js';
import { isBelow, joinPointer } from '../load/json-pointer.js';
import type { PolicyModel, Purpose } from '../resolve/model.js';
import { durationInDays } from '../law/durations.js';
import { changeClassAt } from './change-class.js';
import { changeArticle, changeClassOf, changeKinds, type ChangeKind } from './change-kinds.js';
import type { Change } from './change.js';
import {
  canonical,
  compareLocations,
  compareValues,
  itemName,
  type DiffContext,
  type Item,
  type Push,
} from './compare-values.js';
import { foldPartyChanges } from './fold-changes.js';
import {
  collections,
  documentRules,
  retentionTerms,
  type CollectionKey,
  type CollectionSpec,
  type Json,
  type Record_,
  type Rule,
} from './diff-rules.js';

/** Properties of model items that the resolver adds; not part of what was written. */
const derivedProperties = new Set(['pointer', 'usedBy', 'categories', 'usesSpecialData', 'bases']);

/** How a purpose may write one basis on itself: these properties are compared as its normalised `bases` instead. */
const singleBasisFields: Record<string, string> = {
  basis: 'legalBasis',
  explanation: 'legalBasisExplanation',
  legalObligation: 'legalObligation',
  publicTask: 'publicTask',
  legitimateInterest: 'legitimateInterest',
};

/** A model item as plain data: references back to ids, derived properties dropped. */
function plainItem(item: object): Record_ {
  const record: Record_ = {};
  for (const [key, value] of Object.entries(item)) {
    if (derivedProperties.has(key) || value === undefined) continue;
    if (key === 'specials') {
      // A data category's special categories, compared as `special` is written: one, a list, or none ("health" and
      // ["health"] say the same).
      const specials = value as readonly string[];
      if (specials.length) record.special = specials.length === 1 ? specials[0]! : [...specials];
      continue;
    }
    const isRef = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && 'pointer' in v;
    record[key] =
      Array.isArray(value) && value.some(isRef)
        ? value.map((v: { id: string }) => v.id)
        : isRef(value)
          ? value.id
          : (value as Json);
  }
  return record;
}

function itemsOf(model: PolicyModel, key: CollectionKey): Item[] {
  return (model[key] as Array<{ id: string; pointer: string }>).map((item) => ({
    id: item.id,
    pointer: item.pointer,
    record: key === 'purposes' ? purposeRecord(item as Purpose) : plainItem(item),
  }));
}

/** A purpose as compared: its bases always in the per-data form (purpose.bases), however the policy wrote them. */
function purposeRecord(purpose: Purpose): Record_ {
  const record = plainItem(purpose);
  for (const field of Object.values(singleBasisFields)) delete record[field];
  delete record.legalBases;
  if (purpose.bases.length) {
    record.legalBases = purpose.bases.map(
      ({ pointer: _pointer, dataCategories, consentBy, ...rest }) =>
        ({
          ...rest,
          dataCategories: dataCategories.map((c) => c.id),
          ...(consentBy.length ? { consentBy: consentBy.map((s) => s.id) } : {}),
        }) as unknown as Json,
    );
  }
  return record;
}

/**
 * Where a change inside a purpose's normalised bases lies in the document:
 * a purpose that wrote one basis on itself (legalBasis, legalObligation…)
 * has no legalBases list, so `legalBases/0/legalObligation` is its `legalObligation`.
 */
function singleBasisPlaces(model: PolicyModel): Map<string, string> {
  return new Map(
    model.purposes
      .filter((p) => p.legalBases === undefined && p.legalBasis !== undefined)
      .map((p) => [joinPointer(p.pointer, 'legalBases', 0), p.pointer]),
  );
}

function placeInDocument(
  places: Map<string, string>,
  pointer: string,
  field: string | undefined,
): { pointer: string; field?: string } {
  const match = /^(.*\/legalBases\/0)(?:\/([^/]+))?(\/.*)?$/.exec(pointer);
  const purpose = match && places.get(match[1]!);
  if (!match || !purpose) return { pointer, ...(field !== undefined ? { field } : {}) };
  const own = singleBasisFields[match[2] ?? 'basis'] ?? match[2]!;
  const singleField = field?.replace(
    /^legalBases(?:\.\*)?(?:\.([^.]+))?/,
    (_all, part?: string) => singleBasisFields[part ?? 'basis'] ?? part ?? 'legalBasis',
  );
  return {
    pointer: `${joinPointer(purpose, own)}${match[3] ?? ''}`,
    ...(singleField !== undefined ? { field: singleField } : {}),
  };
}

/** Records a change at its place in the document, with its class and article. */
function pusher(changes: Change[], oldModel: PolicyModel, newModel: PolicyModel): Push {
  const places = { old: singleBasisPlaces(oldModel), new: singleBasisPlaces(newModel) };
  return (kind, pointer, side, extra = {}) => {
    const { field: _field, ...rest } = extra;
    const place = placeInDocument(places[side], pointer, extra.field);
    // A change of no particular kind takes its class from the schema's x-change annotation of the property.
    const value = (extra.new ?? extra.old)?.value;
    const changeClass =
      kind === 'changed' || kind === 'wording' ? changeClassAt(place.pointer) : changeClassOf(kind, value);
    const article = changeArticle(kind, place.pointer, value);
    changes.push({ kind, class: changeClass, article, side, ...rest, ...place });
  };
}

/**
 * The changes from one version of a policy to the next, on the resolved
 * models: items matched by id (or, when only the id changed, reported as
 * renamed), properties compared by the rules in diff-rules.ts.
 */
export function diffPolicies(oldModel: PolicyModel, newModel: PolicyModel): Change[] {
  const changes: Change[] = [];
  const ctx: DiffContext = {
    changes,
    renames: new Map(),
    items: { old: new Map(), new: new Map() },
    push: pusher(changes, oldModel, newModel),
  };
  for (const spec of collections) diffCollection(ctx, spec, itemsOf(oldModel, spec.key), itemsOf(newModel, spec.key));
  // The rest of the document: controller, contact, texts, anything added to the schema later.
  const collectionKeys = new Set<string>(collections.map((c) => c.key));
  const rest = (model: PolicyModel): Record_ =>
    Object.fromEntries(Object.entries(model.source).filter(([k]) => !collectionKeys.has(k))) as Record_;
  compareValues(ctx, { rules: documentRules, path: '', pointer: '', oldPointer: '' }, rest(oldModel), rest(newModel));
  diffRights(ctx, oldModel, newModel);
  diffLanguages(ctx, oldModel, newModel);
  foldPartyChanges(ctx, { old: oldModel, new: newModel });
  markBasesInWords(changes, oldModel, newModel);
  // Report order: by kind as the table lists them (purposes first), then in document order.
  const rank = new Map(Object.keys(changeKinds).map((kind, i) => [kind, i]));
  return changes
    .map((change, i) => ({ change, i }))
    .sort((a, b) => rank.get(a.change.kind)! - rank.get(b.change.kind)! || a.i - b.i)
    .map(({ change }) => change);
}

/**
 * A purpose's art. 6(1) bases all gone while the purpose, kept, now states its basis in words: that change is
 * marked (Change.inWords), so that it is not told as 'no legal basis any more' beside the words.
 */
function markBasesInWords(changes: Change[], oldModel: PolicyModel, newModel: PolicyModel): void {
  for (const change of changes) {
    if (change.kind !== 'legal-basis-changed' || change.new !== undefined || change.side !== 'old') continue;
    const before = oldModel.purposes.find((p) => isBelow(change.pointer, p.pointer));
    const after = before && newModel.purposes.find((p) => p.id === before.id);
    if (after?.legalBasisStatement && !after.bases.length) change.inWords = true;
  }
}

/** One collection: items matched by id, renames found, the rest added or removed. */
function diffCollection(ctx: DiffContext, spec: CollectionSpec, olds: Item[], news: Item[]): void {
  const oldById = new Map(olds.map((i) => [i.id, i]));
  const newById = new Map(news.map((i) => [i.id, i]));
  ctx.items.old.set(spec.key, oldById);
  ctx.items.new.set(spec.key, newById);
  const unmatchedNew = news.filter((i) => !oldById.has(i.id));
  const unmatchedOld = olds.filter((i) => !newById.has(i.id));
  const renameMap = findRenames(ctx, spec, unmatchedOld, unmatchedNew);
  for (const n of unmatchedNew) {
    if ([...renameMap.values()].includes(n.id)) continue;
    const name = itemName(n.record) ?? { type: 'id', value: n.id };
    // A new retention rule is told by its terms; other new items by their name.
    ctx.push(
      spec.added,
      n.pointer,
      'new',
      spec.retention ? { subject: name, new: { type: 'retention', value: n.record } } : { new: name },
    );
    // A new party outside the EEA is also a new transfer.
    if (spec.party) {
      compareLocations(
        ctx,
        [],
        partyCountries(n.record).filter((c) => !isInEea(c)),
        { pointer: n.pointer, oldPointer: n.pointer, extra: { subject: name, newParty: true }, indexPointer: false },
      );
    }
  }
  for (const o of olds) {
    const n = newById.get(o.id);
    if (n) compareItem(ctx, spec, o, n);
  }
  for (const o of unmatchedOld) {
    if (!renameMap.has(o.id))
      ctx.push(spec.removed, o.pointer, 'old', { old: itemName(o.record) ?? { type: 'id', value: o.id } });
  }
}

/** Renames: an unmatched old item whose content equals an unmatched new one's. */
function findRenames(
  ctx: DiffContext,
  spec: CollectionSpec,
  unmatchedOld: Item[],
  unmatchedNew: Item[],
): Map<string, string> {
  const renameMap = new Map<string, string>();
  ctx.renames.set(spec.key, renameMap);
  const claimed = new Set<Item>();
  for (const o of unmatchedOld) {
    const content = renamedContent(ctx, spec, o.record, true);
    const n = unmatchedNew.find(
      (candidate) => !claimed.has(candidate) && renamedContent(ctx, spec, candidate.record, false) === content,
    );
    if (!n) continue;
    claimed.add(n);
    renameMap.set(o.id, n.id);
    ctx.push('renamed', joinPointer(n.pointer, 'id'), 'new', {
      subject: itemName(n.record) ?? { type: 'id', value: n.id },
      old: { type: 'id', value: o.id },
      new: { type: 'id', value: n.id },
    });
  }
  return renameMap;
}

/** An old item's content with the id left out and its references renamed: equal content means a rename. */
function renamedContent(ctx: DiffContext, spec: CollectionSpec, record: Record_, mapRefs: boolean): string {
  const { id: _id, ...rest } = record;
  if (mapRefs) {
    for (const [path, rule] of Object.entries(spec.rules)) {
      if (!('set' in rule) || !rule.ref || !Array.isArray(rest[path])) continue;
      const map = ctx.renames.get(rule.ref);
      rest[path] = (rest[path] as string[]).map((id) => map?.get(id) ?? id);
    }
  }
  return canonical(rest);
}

/** An item in both versions: its locations and retention terms compared as a whole, the rest by rule. */
function compareItem(ctx: DiffContext, spec: CollectionSpec, o: Item, n: Item): void {
  const subject = itemName(n.record) ?? { type: 'id', value: n.id };
  const rules: Record<string, Rule> = { ...spec.rules, id: { ignore: true } };
  if (spec.party) {
    for (const path of partyLocationPaths) rules[path] = { ignore: true };
    compareLocations(ctx, partyCountries(o.record), partyCountries(n.record), {
      pointer: n.pointer,
      oldPointer: o.pointer,
      extra: { subject },
      indexPointer: false,
    });
  }
  if (spec.retention) {
    for (const path of retentionTerms) rules[path] = { ignore: true };
    compareRetention(ctx, o, n, subject);
  }
  compareValues(ctx, { rules, path: '', pointer: n.pointer, oldPointer: o.pointer, subject }, o.record, n.record);
}

/** A retention rule's terms: longer, shorter or changed, at its period when only that differs. */
function compareRetention(ctx: DiffContext, o: Item, n: Item, subject: Change['subject']): void {
  const oldTerms = retentionTerms.map((k) => o.record[k]);
  const newTerms = retentionTerms.map((k) => n.record[k]);
  if (canonical(oldTerms) === canonical(newTerms)) return;
  const kind = retentionChangeKind(o.record, n.record);
  if (kind === undefined) return;
  const periodOnly =
    retentionTerms.every((k) => k === 'period' || canonical(o.record[k]) === canonical(n.record[k])) &&
    o.record.period !== undefined &&
    n.record.period !== undefined;
  ctx.push(kind, periodOnly ? joinPointer(n.pointer, 'period') : n.pointer, 'new', {
    ...(subject ? { subject } : {}),
    ...(periodOnly
      ? { old: { type: 'duration', value: o.record.period }, new: { type: 'duration', value: n.record.period } }
      : { old: { type: 'retention', value: o.record }, new: { type: 'retention', value: n.record } }),
  });
}

/** Rights, as derived from the bases used: one that no longer applies is material. */
function diffRights(ctx: DiffContext, oldModel: PolicyModel, newModel: PolicyModel): void {
  const oldRights = oldModel.rights.map((r) => r.id);
  const newRights = newModel.rights.map((r) => r.id);
  for (const r of newModel.rights) {
    if (!oldRights.includes(r.id))
      ctx.push('right-added', r.purposes[0]?.pointer ?? '', 'new', { new: { type: 'right', value: r.id } });
  }
  for (const r of oldModel.rights) {
    if (!newRights.includes(r.id))
      ctx.push('right-removed', r.purposes[0]?.pointer ?? '', 'old', { old: { type: 'right', value: r.id } });
  }
}

/** The languages the notice is written in (metadata is otherwise about the document, not compared). */
function diffLanguages(ctx: DiffContext, oldModel: PolicyModel, newModel: PolicyModel): void {
  newModel.languages.forEach((lang, i) => {
    if (!oldModel.languages.includes(lang))
      ctx.push('language-added', `/metadata/languages/${i}`, 'new', { new: { type: 'language', value: lang } });
  });
  oldModel.languages.forEach((lang, i) => {
    if (!newModel.languages.includes(lang))
      ctx.push('language-removed', `/metadata/languages/${i}`, 'old', { old: { type: 'language', value: lang } });
  });
}

/**
 * Longer or shorter when only the period (or the consent period) differs and
 * both can be measured; none when they measure the same ('P20Y' written as
 * 'P240M' says the same); otherwise the terms changed in a way that cannot be
 * shown to be shorter, which counts as material.
 */
function retentionChangeKind(o: Record_, n: Record_): ChangeKind | undefined {
  const differing = retentionTerms.filter((k) => canonical(o[k]) !== canonical(n[k]));
  if (differing.length === 1 && (differing[0] === 'period' || differing[0] === 'withConsent')) {
    const key = differing[0];
    const before = typeof o[key] === 'string' ? durationInDays(o[key] as string) : undefined;
    const after = typeof n[key] === 'string' ? durationInDays(n[key] as string) : undefined;
    if (before !== undefined && after !== undefined) {
      if (after > before) return 'retention-longer';
      if (after < before) return 'retention-shorter';
      return undefined;
    }
  }
  return 'retention-changed';
}

import { isInEea } from '../law/eea.js';
import { joinPointer } from '../load/json-pointer.js';
import type { ChangeKind } from './change-kinds.js';
import { isTextAt, valueTypeAt } from './change-class.js';
import type { Change, Value, ValueType } from './change.js';
import type { CollectionKey, Json, Record_, Rule } from './diff-rules.js';

/** An item of a collection as compared: its id, where it is, and its content as plain data. */
export interface Item {
  id: string;
  pointer: string;
  record: Record_;
}

export type Side = 'old' | 'new';
export type Push = (kind: ChangeKind, pointer: string, side: Side, extra?: Partial<Change>) => void;

/** What every comparison shares: the changes found, the renames and items seen, and how a change is recorded. */
export interface DiffContext {
  changes: Change[];
  /** Per collection: old id → new id of items only renamed. */
  renames: Map<CollectionKey, Map<string, string>>;
  items: Record<Side, Map<CollectionKey, Map<string, Item>>>;
  push: Push;
}

/** Where a comparison is: the rules in force, the property path, and the pointers on both sides. */
export interface Place {
  rules: Record<string, Rule>;
  path: string;
  pointer: string;
  oldPointer: string;
  subject?: Value;
  /** The kind of every difference below a `subtree` rule. */
  inherited?: ChangeKind;
}

/** Canonical JSON (keys sorted), for equality. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export const isPlainObject = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Text written for people (per language, or a list of such texts), as the schema marks it at `pointer`: compared as wording. */
const isWords = (v: unknown, pointer: string): boolean => (isPlainObject(v) || Array.isArray(v)) && isTextAt(pointer);

export const itemName = (record: Record_ | undefined): Value | undefined =>
  record && record.name !== undefined ? { type: 'name', value: record.name } : undefined;

/** The name of an item an id points to, in the version given (its id when it has no name). */
function refName(ctx: DiffContext, collection: CollectionKey, id: string, side: Side): Value {
  return itemName(ctx.items[side].get(collection)?.get(id)?.record) ?? { type: 'id', value: id };
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

/** A handler for one shape of rule; false when it leaves the values to the generic comparison. */
type Handler<R extends Rule> = (
  ctx: DiffContext,
  rule: R,
  at: Place,
  oldValue: Json | undefined,
  newValue: Json | undefined,
) => boolean;
type RuleOf<K extends string> = Extract<Rule, Record<K, unknown>>;

/** The rule's shape: the one property that tells the kinds of Rule apart. */
const shapes = ['scalar', 'set', 'keyed', 'presence', 'subtree', 'locations', 'ignore'] as const;
type Shape = (typeof shapes)[number];
const shapeOf = (rule: Rule): Shape => shapes.find((s) => s in rule)!;

const base = (at: Place): Partial<Change> => ({ ...(at.subject ? { subject: at.subject } : {}), field: at.path });
const sideOf = (newValue: Json | undefined): Side => (newValue === undefined ? 'old' : 'new');
const whereOn = (at: Place, side: Side): string => (side === 'old' ? at.oldPointer : at.pointer);

const compareScalar: Handler<RuleOf<'scalar'>> = (ctx, rule, at, oldValue, newValue) => {
  const side = sideOf(newValue);
  ctx.push(newValue === undefined && rule.cleared ? rule.cleared : rule.scalar, whereOn(at, side), side, {
    ...base(at),
    ...valuePair(oldValue, newValue, rule.as),
  });
  return true;
};

/** A list of ids or values: one change per element added or removed, references followed through renames. */
const compareSet: Handler<RuleOf<'set'>> = (ctx, rule, at, oldValue, newValue) => {
  const oldList = (Array.isArray(oldValue) ? oldValue : []) as string[];
  const newList = (Array.isArray(newValue) ? newValue : []) as string[];
  const map = rule.ref ? ctx.renames.get(rule.ref) : undefined;
  const oldMapped = oldList.map((id) => map?.get(id) ?? id);
  const shown = (id: string, side: Side): Value =>
    rule.ref ? refName(ctx, rule.ref, id, side) : { type: rule.as ?? 'literal', value: id };
  newList.forEach((id, i) => {
    if (!oldMapped.includes(id))
      ctx.push(rule.set.added, joinPointer(at.pointer, i), 'new', { ...base(at), new: shown(id, 'new') });
  });
  oldMapped.forEach((id, i) => {
    if (!newList.includes(id))
      ctx.push(rule.set.removed, joinPointer(at.oldPointer, i), 'old', {
        ...base(at),
        old: rule.ref ? shown(oldList[i]!, 'old') : shown(id, 'old'),
      });
  });
  return true;
};

/** Entries matched on a key: one change per entry added or removed, matched entries compared under `path.*`. */
const compareKeyed: Handler<RuleOf<'keyed'>> = (ctx, rule, at, oldValue, newValue) => {
  const { key, added, removed, as, asSet } = rule.keyed;
  const shown = (item: Record_): Value => ({ type: as, value: item[rule.keyed.label ?? key] });
  const oldList = asRecords(oldValue);
  const newList = asRecords(newValue);
  const entry = (i: number, j: number): Place => ({
    ...at,
    path: `${at.path}.*`,
    pointer: joinPointer(at.pointer, i),
    oldPointer: joinPointer(at.oldPointer, j),
  });
  if (asSet) return compareKeySets(ctx, rule, at, oldList, newList);
  const indexIn = (list: Record_[], item: Record_): number =>
    list.findIndex((x) => canonical(x[key]) === canonical(item[key]));
  newList.forEach((item, i) => {
    const j = indexIn(oldList, item);
    if (j < 0) ctx.push(added, joinPointer(at.pointer, i), 'new', { ...base(at), new: shown(item) });
    else compareValues(ctx, entry(i, j), oldList[j], item);
  });
  oldList.forEach((item, j) => {
    if (indexIn(newList, item) < 0)
      ctx.push(removed, joinPointer(at.oldPointer, j), 'old', { ...base(at), old: shown(item) });
  });
  return true;
};

/** An entry with only its key and the properties named: what a new entry is compared against. */
const bare = (item: Record_, keep: string[]): Record_ =>
  Object.fromEntries(Object.entries(item).filter(([k]) => keep.includes(k)));

/** The keys compared as one set ('6(1)(c) and 6(1)(f)', was '6(1)(b) and 6(1)(c)'); matched entries compared under `path.*`. */
function compareKeySets(
  ctx: DiffContext,
  rule: RuleOf<'keyed'>,
  at: Place,
  oldList: Record_[],
  newList: Record_[],
): boolean {
  const { key, as, asSet } = rule.keyed;
  const keyOf = (item: Record_): string => canonical(item[key]);
  const oldKeys = oldList.map(keyOf);
  const newKeys = newList.map(keyOf);
  const firstNew = newKeys.findIndex((k) => !oldKeys.includes(k));
  const firstGone = oldKeys.findIndex((k) => !newKeys.includes(k));
  if (firstNew >= 0 || firstGone >= 0) {
    const side: Side = firstNew >= 0 ? 'new' : 'old';
    const values = (list: Record_[]): Json[] | undefined => (list.length ? list.map((item) => item[key]!) : undefined);
    const pointer =
      side === 'new' ? joinPointer(at.pointer, firstNew, key) : joinPointer(at.oldPointer, firstGone, key);
    ctx.push(asSet!, pointer, side, { ...base(at), ...valuePair(values(oldList), values(newList), as) });
  }
  newList.forEach((item, i) => {
    const j = oldKeys.indexOf(keyOf(item));
    const place = { ...at, path: `${at.path}.*`, pointer: joinPointer(at.pointer, i) };
    if (j >= 0) compareValues(ctx, { ...place, oldPointer: joinPointer(at.oldPointer, j) }, oldList[j], item);
    // A new entry's own details (the interest of a 6(1)(f) basis, the law of a 6(1)(c) one) are told as new;
    // what the set change already says (the key) and the lists it names are not told again.
    else compareValues(ctx, { ...place, oldPointer: place.pointer }, bare(item, rule.keyed.keep ?? []), item);
  });
  return true;
}

const comparePresence: Handler<RuleOf<'presence'>> = (ctx, rule, at, oldValue, newValue) => {
  const [wasAbsent, isAbsent] = [absent(oldValue, rule), absent(newValue, rule)];
  if (wasAbsent === isAbsent) return false;
  const side = isAbsent && newValue === undefined ? 'old' : 'new';
  ctx.push(wasAbsent ? rule.presence.added : rule.presence.removed, whereOn(at, side), side, base(at));
  return true;
};

/** Whether a value counts as absent for a presence rule: not there, or with the properties of its `absentWhen`. */
function absent(value: Json | undefined, rule: RuleOf<'presence'>): boolean {
  if (value === undefined) return true;
  const when = rule.presence.absentWhen;
  return when !== undefined && isPlainObject(value) && Object.entries(when).every(([k, v]) => value[k] === v);
}

const handlers: { [S in Shape]: Handler<RuleOf<S>> } = {
  scalar: compareScalar,
  set: compareSet,
  keyed: compareKeyed,
  presence: comparePresence,
  // Every difference below is of the rule's kind: left to the generic comparison, which inherits it.
  subtree: () => false,
  locations: (ctx, _rule, at, oldValue, newValue) => {
    compareLocations(ctx, asStrings(oldValue), asStrings(newValue), {
      pointer: at.pointer,
      oldPointer: at.oldPointer,
      extra: base(at),
    });
    return true;
  },
  ignore: () => true,
};

/** Compares two values at a place below a subject, by its rule or generically. */
export function compareValues(
  ctx: DiffContext,
  at: Place,
  oldValue: Json | undefined,
  newValue: Json | undefined,
): void {
  if (canonical(oldValue) === canonical(newValue)) return;
  const rule = at.rules[at.path];
  if (rule && (handlers[shapeOf(rule)] as Handler<Rule>)(ctx, rule, at, oldValue, newValue)) return;
  const inherited = rule && 'subtree' in rule ? rule.subtree : at.inherited;
  const isObject = (v: Json | undefined): boolean => (isPlainObject(v) || v === undefined) && !isTextAt(at.pointer);
  if (isObject(oldValue) && isObject(newValue)) {
    const keys = [...new Set([...Object.keys(newValue ?? {}), ...Object.keys(oldValue ?? {})])];
    for (const key of keys) {
      const inner: Place = {
        ...at,
        path: at.path ? `${at.path}.${key}` : key,
        pointer: joinPointer(at.pointer, key),
        oldPointer: joinPointer(at.oldPointer, key),
        ...(inherited ? { inherited } : {}),
      };
      compareValues(ctx, inner, (oldValue as Record_ | undefined)?.[key], (newValue as Record_ | undefined)?.[key]);
    }
    return;
  }
  const side = sideOf(newValue);
  const kind =
    inherited ??
    (isWords(oldValue ?? newValue, at.pointer) && isWords(newValue ?? oldValue, at.pointer) ? 'wording' : 'changed');
  const as = isWords(oldValue ?? newValue, at.pointer) ? 'text' : (valueTypeAt(whereOn(at, side)) ?? 'literal');
  ctx.push(kind, whereOn(at, side), side, { ...base(at), ...valuePair(oldValue, newValue, as) });
}

/** A new country outside the EEA is a new transfer; other countries are places the data is kept. */
export function compareLocations(
  ctx: DiffContext,
  oldList: string[],
  newList: string[],
  where: { pointer: string; oldPointer: string; extra: Partial<Change>; indexPointer?: boolean },
): void {
  const indexed = where.indexPointer ?? true;
  newList.forEach((c, i) => {
    if (oldList.includes(c) || newList.indexOf(c) !== i) return;
    ctx.push(
      isInEea(c) ? 'location-added' : 'transfer-added',
      indexed ? joinPointer(where.pointer, i) : where.pointer,
      'new',
      { ...where.extra, new: { type: 'country', value: c } },
    );
  });
  oldList.forEach((c, i) => {
    if (newList.includes(c) || oldList.indexOf(c) !== i) return;
    ctx.push(
      isInEea(c) ? 'location-removed' : 'transfer-removed',
      indexed ? joinPointer(where.oldPointer, i) : where.oldPointer,
      'old',
      { ...where.extra, old: { type: 'country', value: c } },
    );
  });
}

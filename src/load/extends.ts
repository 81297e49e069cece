import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, MessageRef, MessageValue } from '../diagnostics/diagnostic.js';
import { languages } from '../i18n/messages.js';
import { nearestProjectRoot } from '../config/project-root.js';
import { isWithin, presetsDir, realPlace, shownFrom } from '../paths.js';
import { didYouMean, didYouMeanHint } from '../validate/did-you-mean.js';
import { FILL_IN } from '../validate/fill-in-markers.js';
import { joinPointer } from './json-pointer.js';
import {
  loadDocument,
  locate,
  positionOf,
  type NodeLocation,
  type PresetSource,
  type Removal,
  type ReplacedList,
  type SourceDocument,
} from './load-document.js';
import { parseJsonOnce } from './parse-json-once.js';
import { decodeUtf8, type DecodedText } from './decode-utf8.js';
import { notUtf8, unreadableDetail } from './read-policy-file.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';

/** `"extends": "preset:<name>"` names a preset shipped in the package (presets/<name>.json). */
export const PRESET_PREFIX = 'preset:';

/** A policy's own keys: never taken from a base. */
const notInherited = new Set(['$schema', 'id', 'extends', 'remove']);

/**
 * Lists whose entries are statements of their own: a policy's entries are
 * added to its bases' (an acknowledgement written in a shared base still holds
 * in a practice that acknowledges another finding), not put in their place.
 */
const appendedLists = new Set(['/metadata/acknowledged']);

/**
 * The properties that hold lists of ids referring to items elsewhere in the
 * policy (the schema's arrays of #/$defs/ref; test/schema-extends.test.ts
 * keeps the two the same). A policy that gives such a list replaces its
 * base's whole: ids the base has, or adds later, that it leaves out are
 * noted (SourceDocument.replacedLists) for the check to report.
 */
export const referenceListKeys: ReadonlySet<string> = new Set([
  'dataSubjects',
  'dataCategories',
  'recipients',
  'processors',
  'retention',
  'jointControllers',
  'subProcessors',
  'consentBy',
]);

/**
 * Where base policies are read from: the working tree, or (for a diff
 * against a git revision) the revision itself. Presets always come from the
 * package. `read` gives the text as a policy's is read (decodeUtf8: strict
 * UTF-8, or where it is not), and throws when a file that exists cannot be read.
 */
export interface SourceReader {
  exists(absolute: string): boolean;
  read(absolute: string): DecodedText;
}

export const workingTree: SourceReader = {
  exists: (absolute) => existsSync(absolute),
  read: (absolute) => decodeUtf8(readFileSync(absolute)),
};

export interface ExtendedDocument {
  value?: SourceDocument;
  /**
   * Every file the document was built from (absolute paths): the policy and its bases, in load order; a base that is
   * not UTF-8 too (a fix to it is watched for, and what is found in it says for which policy).
   */
  sources: string[];
  /** The text of each of `sources`, as read ('' for a base that is not UTF-8). */
  texts: string[];
  diagnostics: Diagnostic[];
}

/**
 * Loads a policy and, when it `extends` base policies or presets, merges them
 * under it: objects key by key, lists of items with ids by id (the policy's
 * item is merged into the base's item with the same id, its values winning;
 * `remove` drops inherited ids), acknowledgements appended to the bases',
 * anything else (texts, plain lists, values) replaced whole. Every
 * value keeps the file and position it was written at, so a diagnostic
 * about an inherited value points into the base.
 */
export function loadExtended(
  text: string,
  file: string,
  absolutePath: string,
  chain: readonly string[] = [],
  reader: SourceReader = workingTree,
): ExtendedDocument {
  const loaded = loadDocument(text, file);
  const doc = loaded.value;
  const sources = [absolutePath];
  const texts = [text];
  if (!doc) return { sources, texts, diagnostics: loaded.diagnostics };
  const entries = extendsEntries(doc.value);
  if (!entries.length) return { value: doc, sources, texts, diagnostics: [] };

  const diagnostics: Diagnostic[] = [];
  const bases: SourceDocument[] = [];
  const presets: PresetSource[] = [];
  const root = projectOf(chain[0] ?? absolutePath);
  for (const { name, pointer } of entries) {
    const target = findBase(doc, { name, pointer }, absolutePath, [...chain, absolutePath], reader, root);
    if ('problem' in target) {
      diagnostics.push(target.problem);
      continue;
    }
    let decoded: DecodedText;
    try {
      decoded = (target.preset ? workingTree : reader).read(target.absolute);
    } catch (error) {
      diagnostics.push(unreadableBase(doc, pointer, name, target.absolute, error as NodeJS.ErrnoException));
      continue;
    }
    // Not UTF-8: reported in the base, at the first byte that is not, as for a policy (and for which policy).
    if (!('text' in decoded)) {
      diagnostics.push(notUtf8(decoded, target.display));
      if (!sources.includes(target.absolute)) {
        sources.push(target.absolute);
        texts.push('');
      }
      continue;
    }
    const base = loadBase(decoded.text, target, [...chain, absolutePath], target.preset ? workingTree : reader);
    base.sources.forEach((source, i) => {
      if (sources.includes(source)) return;
      sources.push(source);
      texts.push(base.texts[i]!);
    });
    diagnostics.push(...base.diagnostics);
    if (base.value) bases.push(base.value);
    presets.push(...presetsThrough(target, base.value, pointer));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { sources, texts, diagnostics };
  const inherited = bases.reduce((merged, base) => mergeDocuments(merged, base, undefined));
  const byBases = bases.flatMap((base) => base.removals ?? []);
  const merged = mergeDocuments(inherited, doc, doc, removals(doc, inherited, diagnostics), byBases);
  const all = [...byBases, ...removalsWritten(doc)];
  const value = { ...merged, ...(presets.length ? { presets } : {}), ...(all.length ? { removals: all } : {}) };
  return { value, sources, texts, diagnostics };
}

/**
 * The base an `extends` entry names, or the problem with it at the entry: outside the project `root` (not looked
 * for, so nothing of it is read), not found (with a guess inside the project), or a cycle through `chain`.
 */
function findBase(
  doc: SourceDocument,
  { name, pointer }: { name: string; pointer: string },
  absolutePath: string,
  chain: readonly string[],
  reader: SourceReader,
  root: string,
): { absolute: string; display: string; preset: boolean } | { problem: Diagnostic } {
  if (outsideProject(name, absolutePath, root)) return { problem: extendsProblem(doc, pointer, 'outside', name) };
  const target = locateBase(name, doc.file, absolutePath, reader);
  if (target && !chain.includes(target.absolute)) return target;
  if (target) return { problem: extendsProblem(doc, pointer, 'cycle', name) };
  const near = nearbyBase(name, absolutePath, reader, chain);
  const guess = near !== undefined && !outsideProject(near, absolutePath, root) ? near : undefined;
  return { problem: extendsProblem(doc, pointer, 'notFound', name, '', guess) };
}

/** The presets a base is or is built from (a preset's own bases are presets too), as reached through `via`. */
function presetsThrough(
  target: { absolute: string; display: string; preset: boolean },
  base: SourceDocument | undefined,
  via: string,
): PresetSource[] {
  const own = isPresetFile(target.absolute)
    ? [{ file: target.display, name: PRESET_PREFIX + path.basename(target.absolute, '.json'), via }]
    : [];
  return [...own, ...(base?.presets ?? []).map((p) => ({ ...p, via }))];
}

/**
 * The folder a policy's bases must lie in: its project's root, the nearest folder above it that holds policies/ or
 * policyc.config.json (nearestProjectRoot); where there is none, the folder that holds the folder of the policy's
 * folder (the project of a <folder>/<org>/policy.json layout whose folder is not called policies/, with its
 * shared/ beside it). A base outside it is not read (review webdev10, finding 9): a pull request checked in CI could
 * otherwise make policyc read any file of the machine and print parts of it.
 */
export function projectOf(policy: string): string {
  const folder = path.dirname(policy);
  return nearestProjectRoot(folder) ?? path.dirname(path.dirname(folder));
}

/**
 * Whether the base `name`, written in the file `absolutePath`, lies outside the project folder `root`: as written,
 * or once symbolic links are followed (a link in the project to /etc/passwd). A preset, or a file of the package's
 * presets folder (which a preset's own `extends` names), is never outside.
 */
function outsideProject(name: string, absolutePath: string, root: string): boolean {
  if (name.startsWith(PRESET_PREFIX)) return false;
  const absolute = path.resolve(path.dirname(absolutePath), name);
  if (path.dirname(absolute) === presetsDir) return false;
  return !isWithin(absolute, root) || !isWithin(realPlace(absolute), realPlace(root));
}

/** A file of the package's presets folder: read-only to the user (it is inside node_modules). */
function isPresetFile(absolute: string): boolean {
  return path.dirname(absolute) === presetsDir;
}

/**
 * Bases as loaded, kept per process for the next policy that extends them (a
 * chain's practices share one base): reused while the base and every file
 * below it read the same, for the same display path and chain.
 */
const baseCache = new Map<string, { key: string; result: ExtendedDocument }>();

function loadBase(
  text: string,
  target: { absolute: string; display: string },
  chain: readonly string[],
  reader: SourceReader,
): ExtendedDocument {
  // Only bases from the working tree are kept: a revision's are read once per diff anyway.
  if (reader !== workingTree) return loadExtended(text, target.display, target.absolute, chain, reader);
  const key = [target.display, ...chain].join('\u0000');
  const cached = baseCache.get(target.absolute);
  if (
    cached?.key === key &&
    cached.result.texts[0] === text &&
    cached.result.sources.every((file, i) => i === 0 || readIfAny(file) === cached.result.texts[i])
  ) {
    return cached.result;
  }
  const result = loadExtended(text, target.display, target.absolute, chain);
  baseCache.set(target.absolute, { key, result });
  return result;
}

function readIfAny(file: string): string | undefined {
  try {
    const decoded = workingTree.read(file);
    return 'text' in decoded ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The files a policy is built from — its own and every base it extends, read
 * without the positional loader — with their texts (for cache keys) and the
 * paths their diagnostics show when the policy is shown as `displayPath`. A
 * base that cannot be read adds nothing here; loading the policy reports it.
 */
export function policySources(
  text: string,
  absolutePath: string,
  displayPath: string,
  seen: Set<string> = new Set([absolutePath]),
  root: string = projectOf(absolutePath),
): { text: string; display: string }[] {
  let value: unknown;
  try {
    value = parseJsonOnce(text);
  } catch {
    return [{ text, display: displayPath }];
  }
  const sources = [{ text, display: displayPath }];
  for (const { name } of extendsEntries(value)) {
    if (outsideProject(name, absolutePath, root)) continue;
    const target = locateBase(name, displayPath, absolutePath, workingTree);
    if (!target || seen.has(target.absolute)) continue;
    seen.add(target.absolute);
    const base = readIfAny(target.absolute);
    if (base !== undefined) sources.push(...policySources(base, target.absolute, target.display, seen, root));
  }
  return sources;
}

function extendsEntries(value: unknown): { name: string; pointer: string }[] {
  const list = (value as { extends?: unknown } | null)?.extends;
  if (typeof list === 'string') return [{ name: list, pointer: '/extends' }];
  if (!Array.isArray(list)) return [];
  return list.flatMap((name, i) => (typeof name === 'string' ? [{ name, pointer: `/extends/${i}` }] : []));
}

/** The presets shipped in the package, by name. */
export function presetNames(): string[] {
  return existsSync(presetsDir)
    ? readdirSync(presetsDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -5))
        .sort()
    : [];
}

/**
 * Where an `extends` entry points: a preset, or a path relative to the
 * extending file. Shown relative to where the extending file is shown from.
 */
function locateBase(
  name: string,
  file: string,
  absolutePath: string,
  reader: SourceReader,
): { absolute: string; display: string; preset: boolean } | undefined {
  const preset = name.startsWith(PRESET_PREFIX) ? name.slice(PRESET_PREFIX.length) : undefined;
  if (preset !== undefined && !presetNames().includes(preset)) return undefined;
  const absolute =
    preset !== undefined ? path.join(presetsDir, `${preset}.json`) : path.resolve(path.dirname(absolutePath), name);
  if (!(preset !== undefined ? workingTree : reader).exists(absolute)) return undefined;
  return {
    preset: preset !== undefined,
    absolute,
    display: shownFrom(path.dirname(file), path.dirname(absolutePath), absolute),
  };
}

/**
 * A base that is there but cannot be read, at the `extends` value naming it: a folder (name the policy file in
 * it), or Node's reason with the path as the policy gives it (`name`), not the absolute one Node names.
 */
function unreadableBase(
  doc: SourceDocument,
  pointer: string,
  name: string,
  absolute: string,
  error: NodeJS.ErrnoException,
): Diagnostic {
  if (error.code === 'EISDIR') return extendsProblem(doc, pointer, 'folder', name);
  return extendsProblem(doc, pointer, 'unreadable', name, unreadableDetail(error, absolute, name));
}

/**
 * For a base path that names no file: the path with the closest .json file in its folder in its place (chian.json
 * → chain.json), or with the closest folder beside a mistyped one that holds the file (shard/ → shared/), as the
 * policy would write it; never the policy itself or a file that extends it (`chain`, absolute), which would be a
 * cycle. Only in the working tree.
 */
export function nearbyBase(
  name: string,
  absolutePath: string,
  reader: SourceReader,
  chain: readonly string[],
): string | undefined {
  if (name.startsWith(PRESET_PREFIX) || reader !== workingTree) return undefined;
  // ..\\shared\\chain.json, copied from Windows: JSON paths take forward slashes, wherever policyc runs.
  if (name.includes('\\')) return slashed(name, absolutePath, chain);
  const target = path.resolve(path.dirname(absolutePath), name);
  const folder = path.dirname(target);
  const outside = (file: string) => !chain.includes(path.resolve(file));
  const file = didYouMean(
    path.basename(target),
    entries(folder, (e) => e.isFile() && e.name.endsWith('.json') && outside(path.join(folder, e.name))),
  );
  if (file !== undefined) return path.posix.join(path.posix.dirname(name), file);
  const parent = path.dirname(folder);
  const other = didYouMean(
    path.basename(folder),
    entries(parent, (e) => e.isDirectory() && outside(path.join(parent, e.name, path.basename(target)))),
  );
  if (other === undefined || !existsSync(path.join(parent, other, path.basename(target)))) return undefined;
  return path.posix.join(path.posix.dirname(path.posix.dirname(name)), other, path.posix.basename(name));
}

/** A base path written with backslashes: the same path with forward slashes when it names a file, else its guess. */
function slashed(name: string, absolutePath: string, chain: readonly string[]): string | undefined {
  const forward = name.replaceAll('\\', '/');
  const target = path.resolve(path.dirname(absolutePath), forward);
  if (existsSync(target) && !chain.includes(target)) return forward;
  return nearbyBase(forward, absolutePath, workingTree, chain);
}

/** The names of a folder's entries that `keep` accepts; none when it cannot be read. */
function entries(folder: string, keep: (entry: Dirent) => boolean): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter(keep)
      .map((e) => e.name);
  } catch {
    return [];
  }
}

function extendsProblem(
  doc: SourceDocument,
  pointer: string,
  kind: 'notFound' | 'cycle' | 'unreadable' | 'folder' | 'outside',
  name: string,
  detail: MessageValue = '',
  nearby?: string,
): Diagnostic {
  const { line, column } = positionOf(doc, pointer);
  const guess =
    kind === 'notFound' && name.startsWith(PRESET_PREFIX)
      ? didYouMean(
          name,
          presetNames().map((p) => PRESET_PREFIX + p),
        )
      : nearby;
  return {
    ruleId: extendsRuleIds[kind],
    severity: 'error',
    file: doc.file,
    pointer,
    line,
    column,
    messageId: `diagnostics:extends.${kind}`,
    data: {
      name,
      detail,
      presets: presetNames()
        .map((p) => PRESET_PREFIX + p)
        .join(', '),
    },
    ...(guess ? { hint: guessHint(name, guess) } : {}),
  };
}

const extendsRuleIds = {
  notFound: 'extends/not-found',
  cycle: 'extends/cycle',
  unreadable: 'extends/unreadable',
  folder: 'extends/unreadable',
  outside: 'extends/outside-project',
} as const satisfies Record<string, StageRuleId<'load'>>;

/** The hint for a base path not found: use forward slashes (when that is the whole fix), else did you mean. */
function guessHint(name: string, guess: string): MessageRef {
  return guess === name.replaceAll('\\', '/')
    ? { messageId: 'diagnostics:extends.forwardSlashes', data: { value: guess } }
    : didYouMeanHint(guess);
}

/** The policy's `remove` lists: inherited ids to drop, per top-level list; an id that is not inherited is an error. */
function removals(doc: SourceDocument, inherited: SourceDocument, diagnostics: Diagnostic[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const remove = (doc.value as { remove?: unknown }).remove;
  if (!isObject(remove)) return out;
  for (const [list, ids] of Object.entries(remove)) {
    if (!Array.isArray(ids)) continue;
    const have = new Set(idsOf((inherited.value as Record<string, unknown>)[list]));
    const given = idsOf((doc.value as Record<string, unknown>)[list]);
    ids.forEach((id, i) => {
      if (typeof id !== 'string') return;
      const pointer = joinPointer('/remove', list, i);
      if (!have.has(id)) return void diagnostics.push(removeProblem(doc, pointer, 'removeUnknown', { id, list }));
      (out.get(list) ?? out.set(list, new Set()).get(list)!).add(id);
      // Removed and given: the item would come back as a new one, without the base's values.
      const own = given.indexOf(id);
      if (own >= 0)
        diagnostics.push(removeProblem(doc, pointer, 'removeGiven', { id, item: joinPointer('', list, own) }));
    });
  }
  return out;
}

/** The entries of the policy's `remove` lists, each where it is written. */
function removalsWritten(doc: SourceDocument): Removal[] {
  const remove = (doc.value as { remove?: unknown }).remove;
  if (!isObject(remove)) return [];
  return Object.entries(remove).flatMap(([list, ids]) =>
    Array.isArray(ids)
      ? ids.flatMap((id, i) =>
          typeof id === 'string'
            ? [{ list, id, file: doc.file, ...positionOf(doc, joinPointer('/remove', list, i)) }]
            : [],
        )
      : [],
  );
}

/** A problem with an entry of the policy's `remove` lists, at that entry. */
function removeProblem(
  doc: SourceDocument,
  pointer: string,
  key: 'removeUnknown' | 'removeGiven',
  data: Record<string, string>,
): Diagnostic {
  const { line, column } = positionOf(doc, pointer);
  const ruleId: StageRuleId<'load'> = key === 'removeUnknown' ? 'extends/remove-unknown' : 'extends/remove-given';
  return {
    ruleId,
    severity: 'error',
    file: doc.file,
    pointer,
    line,
    column,
    messageId: `diagnostics:extends.${key}`,
    data,
  };
}

/** One value to merge: where it sits in which document. */
interface Side {
  value: unknown;
  doc: SourceDocument;
  pointer: string;
}

/**
 * `child` over `base`. Locations carry the file and text they come from
 * (`origin`), except those of `own`, the document the result is reported as.
 */
function mergeDocuments(
  base: SourceDocument,
  child: SourceDocument,
  own: SourceDocument | undefined,
  removed = new Map<string, Set<string>>(),
  byBases: readonly Removal[] = [],
): SourceDocument {
  const locations = new Map<string, NodeLocation>();
  const baseValue = Object.fromEntries(
    Object.entries(base.value as Record<string, unknown>).filter(([k]) => !notInherited.has(k)),
  );
  const removedIds = new Set([...removed.values()].flatMap((ids) => [...ids]));
  const merger = new Merger(locations, own, removedIds, byBases);
  const value = merger.merge(
    { value: baseValue, doc: base, pointer: '' },
    { value: child.value, doc: child, pointer: '' },
    '',
    removed,
  );
  const { replaced, nearOverrides, overBase, removedByBase } = merger;
  return {
    file: child.file,
    text: child.text,
    value,
    locations,
    ...(replaced.length ? { replacedLists: replaced } : {}),
    ...(nearOverrides.length ? { nearOverrides } : {}),
    ...(overBase.length ? { placeholdersOverBase: overBase } : {}),
    ...(removedByBase.length ? { removedByBase } : {}),
  };
}

class Merger {
  readonly replaced: ReplacedList[] = [];
  readonly nearOverrides: { pointer: string; inherited: string }[] = [];
  readonly overBase: NonNullable<SourceDocument['placeholdersOverBase']> = [];
  readonly removedByBase: NonNullable<SourceDocument['removedByBase']> = [];

  constructor(
    private readonly out: Map<string, NodeLocation>,
    private readonly own: SourceDocument | undefined,
    /** Every id the policy removes: a list of its own that leaves them out says nothing new. */
    private readonly removedIds: ReadonlySet<string> = new Set(),
    /** The ids the policy's bases remove: an item of the policy's own with one of them completes nothing. */
    private readonly byBases: readonly Removal[] = [],
  ) {}

  merge(a: Side | undefined, b: Side | undefined, at: string, removed?: ReadonlyMap<string, Set<string>>): unknown {
    if (!b) return this.copy(a!, at);
    if (!a) return this.copy(b, at);
    if (isObject(a.value) && isObject(b.value) && !isText(b.value)) {
      this.place(b, at);
      const result: Record<string, unknown> = {};
      for (const key of new Set([...Object.keys(a.value), ...Object.keys(b.value)])) {
        const sub = (s: Side): Side | undefined =>
          key in (s.value as object)
            ? { value: (s.value as Record<string, unknown>)[key], doc: s.doc, pointer: joinPointer(s.pointer, key) }
            : undefined;
        const inherited = sub(a);
        const drop = removed?.get(key);
        result[key] =
          drop && inherited
            ? this.mergeList(inherited, sub(b), joinPointer(at, key), drop)
            : this.merge(inherited, sub(b), joinPointer(at, key));
      }
      return result;
    }
    if (isIdList(a.value) && isIdList(b.value)) return this.mergeList(a, b, at, new Set());
    if (appendedLists.has(at) && Array.isArray(a.value) && Array.isArray(b.value)) return this.append(a, b, at);
    this.noteReplaced(a, b, at);
    this.notePlaceholderOverBase(a, b, at);
    return this.copy(b, at);
  }

  /** A placeholder of the policy's own where its base gives a value (one filled in after init --extends copied it). */
  notePlaceholderOverBase(a: Side, b: Side, at: string): void {
    if (!this.own || b.doc !== this.own || !isPlaceholder(b.value) || a.value === undefined || isPlaceholder(a.value))
      return;
    this.overBase.push({ pointer: at, base: locate(a.doc, a.pointer) });
  }

  /** A list of ids the policy itself gives in place of a base's that holds ids it leaves out. */
  noteReplaced(a: Side, b: Side, at: string): void {
    if (!this.own || b.doc !== this.own || !referenceListKeys.has(at.slice(at.lastIndexOf('/') + 1))) return;
    if (!isStringList(a.value) || !isStringList(b.value)) return;
    const given = new Set(b.value);
    const missing = a.value.filter((id) => !given.has(id) && !this.removedIds.has(id));
    if (missing.length) this.replaced.push({ pointer: at, base: locate(a.doc, a.pointer), missing });
  }

  /** The base's entries, then the child's, each keeping its own file and position. */
  append(a: Side, b: Side, at: string): unknown[] {
    this.place(b, at);
    const entries = [a, b].flatMap((s) =>
      (s.value as unknown[]).map((value, i) => ({ value, doc: s.doc, pointer: joinPointer(s.pointer, i) })),
    );
    return entries.map((entry, i) => this.copy(entry, joinPointer(at, i)));
  }

  /** Items with ids: the base's in order (merged with the child's item of the same id, removed ones dropped), then the child's new ones. */
  mergeList(a: Side, b: Side | undefined, at: string, removed: Set<string>): unknown[] {
    this.place(b ?? a, at);
    const items = (s: Side): Side[] =>
      (s.value as unknown[]).map((value, i) => ({ value, doc: s.doc, pointer: joinPointer(s.pointer, i) }));
    const childItems = b && Array.isArray(b.value) ? items(b) : [];
    const byId = new Map(childItems.map((s) => [(s.value as { id: string }).id, s]));
    const result: unknown[] = [];
    for (const item of items(a)) {
      const id = (item.value as { id?: unknown }).id;
      if (typeof id === 'string' && removed.has(id)) continue;
      const override = typeof id === 'string' ? byId.get(id) : undefined;
      if (override) byId.delete(id as string);
      result.push(this.merge(item, override, joinPointer(at, result.length)));
    }
    const inherited = idsOf(a.value);
    for (const item of childItems) {
      const { id } = item.value as { id: string };
      if (byId.get(id) !== item || removed.has(id)) continue;
      this.noteNearOverride(item, id, inherited, joinPointer(at, result.length));
      this.noteRemovedByBase(item, id, at, joinPointer(at, result.length));
      result.push(this.copy(item, joinPointer(at, result.length)));
    }
    return result;
  }

  /** A new item of the policy's own in a top-level list (`list`) whose id a base removes (init --extends copied it). */
  noteRemovedByBase(item: Side, id: string, list: string, at: string): void {
    if (!this.own || item.doc !== this.own) return;
    const removal = this.byBases.find((r) => r.id === id && `/${r.list}` === list);
    if (removal) this.removedByBase.push({ pointer: at, removal });
  }

  /** A new item of the policy's own whose id is a plausible typo of an inherited one (practise-system). */
  noteNearOverride(item: Side, id: string, inherited: readonly string[], at: string): void {
    if (!this.own || item.doc !== this.own) return;
    const guess = didYouMean(id, inherited);
    if (guess !== undefined) this.nearOverrides.push({ pointer: at, inherited: guess });
  }

  /** A value taken whole: its locations and those of everything in it. */
  copy(side: Side, at: string): unknown {
    this.place(side, at);
    if (Array.isArray(side.value))
      side.value.forEach((v, i) =>
        this.copy({ value: v, doc: side.doc, pointer: joinPointer(side.pointer, i) }, joinPointer(at, i)),
      );
    else if (isObject(side.value))
      for (const [k, v] of Object.entries(side.value))
        this.copy({ value: v, doc: side.doc, pointer: joinPointer(side.pointer, k) }, joinPointer(at, k));
    return side.value;
  }

  /** The location of `side`'s value at `at` in the result: with its file, and its pointer there when that differs. */
  place(side: Side, at: string): void {
    const loc = side.doc.locations.get(side.pointer);
    if (!loc) return;
    const written = loc.pointer ?? side.pointer;
    const origin = loc.origin || side.doc === this.own ? {} : { origin: { file: side.doc.file, text: side.doc.text } };
    const pointer = written === at ? undefined : written;
    if (!('origin' in origin) && pointer === loc.pointer) this.out.set(at, loc);
    else {
      const { pointer: _was, ...rest } = loc;
      this.out.set(at, { ...rest, ...origin, ...(pointer === undefined ? {} : { pointer }) });
    }
  }
}

function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith(FILL_IN);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A text in several languages ({"nl": …, "en": …}): replaced whole, never mixed with the base's. */
function isText(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => (languages as readonly string[]).includes(k));
}

function isIdList(value: unknown): value is { id: string }[] {
  return Array.isArray(value) && value.every((v) => isObject(v) && typeof v.id === 'string');
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function idsOf(value: unknown): string[] {
  return isIdList(value) ? value.map((v) => v.id) : [];
}

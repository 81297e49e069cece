import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { joinList, languages } from '../../i18n/messages.js';
import { loadExtended, nearbyBase, presetNames, PRESET_PREFIX, workingTree } from '../../load/extends.js';
import { isBelow } from '../../load/json-pointer.js';
import { notUtf8 } from '../../load/read-policy-file.js';
import { posixRelative, presetsDir } from '../../paths.js';
import { jsonFilesIn, writtenAsBase } from '../../pipeline/chain-bases.js';
import { didYouMean } from '../../validate/did-you-mean.js';
import { FILL_IN, ownController, ownDetailPointers } from '../../validate/fill-in-markers.js';
import { cli, relativeTo, UsageError, withDidYouMean, type CliIo } from '../cli-support.js';

/** The base `--extends` names: a preset, or a policy file given relative to where policyc runs. */
export interface InitBase {
  /** As given: `preset:<name>` or the path. */
  name: string;
  preset: boolean;
  absolute: string;
}

/** `--extends` resolved: a preset that exists, or a file that does; otherwise a usage error naming it. */
export function initBase(name: string, io: CliIo): InitBase {
  if (name.startsWith(PRESET_PREFIX)) {
    const preset = name.slice(PRESET_PREFIX.length);
    const names = presetNames();
    if (names.includes(preset)) return { name, preset: true, absolute: path.join(presetsDir, `${preset}.json`) };
    const guess = didYouMean(preset, names);
    throw new UsageError(
      withDidYouMean(
        cli.t('cli:init.badPreset', {
          name,
          presets: joinList(
            names.map((p) => PRESET_PREFIX + p),
            cli,
            'or',
          ),
        }),
        guess && PRESET_PREFIX + guess,
      ),
    );
  }
  const absolute = path.resolve(io.cwd, name);
  if (!statOf(absolute)?.isFile()) {
    const guess = nearBase(name, absolute, io);
    throw new UsageError(withDidYouMean(cli.t('cli:init.noBase', { file: relativeTo(io, absolute, name) }), guess));
  }
  return { name, preset: false, absolute };
}

/**
 * For an --extends that names no file: in the folder it names (shared), a base as init --base writes one, else its
 * one .json file; otherwise a file near the name (chian.json).
 */
function nearBase(name: string, absolute: string, io: CliIo): string | undefined {
  const files = statOf(absolute)?.isDirectory() ? jsonFilesIn(absolute) : [];
  const inFolder = files.find(writtenAsBase) ?? (files.length === 1 ? files[0] : undefined);
  if (inFolder) return relativeTo(io, inFolder);
  return nearbyBase(name, path.join(io.cwd, 'policy.json'), workingTree, []);
}

/** What is at `file`, or undefined when nothing (or nothing readable) is. */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * A thin policy extending `base`, for a new policy in `folder`: the
 * controller's own details and every placeholder the base leaves open (at the
 * same place; in a list of items with ids, in an item with the base's id), each
 * a FILL-IN; or the diagnostics that keep the base from loading.
 */
export function thinPolicy(
  base: InitBase,
  folder: string,
  own: Record<string, unknown>,
  io: CliIo,
): { policy: Record<string, unknown> } | { diagnostics: Diagnostic[] } {
  const open = openIn(base, io);
  if ('diagnostics' in open) return open;
  const reference = base.preset ? base.name : posixRelative(folder, base.absolute);
  const details: Record<string, unknown> = { controller: structuredClone(ownController) };
  // A way to reach the practice that the base gives (a chain-wide e-mail address) is the practice's too, unless it
  // writes its own. Who the controller is (name, KvK number, address) is still asked: a practice that took the
  // chain's without a word would name another organisation as its controller.
  for (const pointer of ownDetailPointers)
    if (isBelow(pointer, '/controller/contact') && givenAt(open.value, pointer))
      leaveOut(details, pointer.split('/').slice(1));
  return { policy: deepMerge({ ...own, extends: reference, ...details }, open.placeholders) };
}

/** Whether the value at `pointer` is given: there, and not a placeholder. */
function givenAt(value: unknown, pointer: string): boolean {
  let at = value;
  for (const key of pointer.split('/').slice(1)) at = isPlainObject(at) ? at[key] : undefined;
  return at !== undefined && !(typeof at === 'string' && at.startsWith(FILL_IN));
}

/**
 * A chain's base extending the preset `base`: the preset's placeholders but the practice's own details (its
 * name, KvK number, address, e-mail and phone), which each practice's `init --extends` asks for.
 */
export function chainBase(
  base: InitBase,
  own: Record<string, unknown>,
  io: CliIo,
): { policy: Record<string, unknown> } | { diagnostics: Diagnostic[] } {
  const open = openIn(base, io);
  if ('diagnostics' in open) return open;
  for (const pointer of ownDetailPointers) leaveOut(open.placeholders, pointer.split('/').slice(1));
  return { policy: deepMerge({ ...own, extends: base.name }, open.placeholders) };
}

/**
 * The placeholders the base leaves open (its own $schema and id aside) and the base as loaded (its bases merged in),
 * or the diagnostics that keep it from loading.
 */
function openIn(
  base: InitBase,
  io: CliIo,
): { placeholders: Record<string, unknown>; value: unknown } | { diagnostics: Diagnostic[] } {
  const shown = base.preset ? base.name : relativeTo(io, base.absolute, base.name);
  // Read as any base is: a base that is not UTF-8 is reported in it, at the first byte that is not.
  const decoded = workingTree.read(base.absolute);
  if (!('text' in decoded)) return { diagnostics: [notUtf8(decoded, shown)] };
  const loaded = loadExtended(decoded.text, shown, base.absolute);
  if (!loaded.value || loaded.diagnostics.some((d) => d.severity === 'error'))
    return { diagnostics: loaded.diagnostics.filter((d) => d.severity === 'error') };
  const open = (openPlaceholders(loaded.value.value) ?? {}) as Record<string, unknown>;
  delete open.$schema;
  delete open.id;
  return { placeholders: open, value: loaded.value.value };
}

/** `value` without the value at `keys`, and without the objects that leaves empty. */
function leaveOut(value: Record<string, unknown>, [key, ...rest]: string[]): void {
  if (key === undefined || !(key in value)) return;
  const inner = value[key];
  if (rest.length && isPlainObject(inner)) leaveOut(inner, rest);
  if (!rest.length || (isPlainObject(inner) && !Object.keys(inner).length)) delete value[key];
}

/** Only the parts of `value` that hold a placeholder, keeping ids of list items and taking texts and plain lists whole. */
function openPlaceholders(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith(FILL_IN) ? value : undefined;
  if (Array.isArray(value)) {
    const items = value.map(openPlaceholders);
    if (!items.some((item) => item !== undefined)) return undefined;
    if (!value.every(hasId)) return value;
    return value.flatMap((base, i) => (items[i] === undefined ? [] : [{ id: base.id, ...(items[i] as object) }]));
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const entries = Object.entries(value).flatMap(([key, v]) => {
    const kept = openPlaceholders(v);
    return kept === undefined ? [] : [[key, kept] as const];
  });
  if (!entries.length) return undefined;
  return isText(value) ? value : Object.fromEntries(entries);
}

function hasId(value: unknown): value is { id: string } {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

/** A text in several languages: replaced whole when a policy overrides it, so copied whole. */
function isText(value: object): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => (languages as readonly string[]).includes(k));
}

/** `b` into `a`, key by key, `a`'s keys first. */
function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = isPlainObject(mine) && isPlainObject(value) ? deepMerge(mine, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

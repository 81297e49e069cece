import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isAtOrBelow } from '../load/json-pointer.js';
import { filePointer, locate, type PresetSource, type SourceDocument } from '../load/load-document.js';
import { ownDetailPointers } from '../validate/fill-in-markers.js';

/**
 * A diagnostic of a chain's policy as reports show it: a plausible typo of an inherited id asked about, the
 * practice's own detail left open placed in the practice (not for a base), one in a preset moved to a file the user
 * writes, and the others at their own file's pointer.
 */
export function inUserFiles(given: Diagnostic, doc: SourceDocument, base: boolean): Diagnostic {
  const found = nearOverrideHint(given, doc);
  const own = base ? found : ownDetailLeftOpen(found, doc);
  const moved = doc.presets ? outOfPresets(own, doc) : own;
  // Moved ones carry the pointer of the place they were moved to; the others are given their file's.
  return moved === found ? inItsFile(found, doc) : moved;
}

/**
 * A placeholder a practice inherits for one of its own details (ownController: its name, address, phone …) and
 * does not fill in, reported at the practice — the nearest place in it that holds the value (its /controller/contact),
 * else its `extends` entry — saying that the practice gives no value and the base leaves a placeholder, the base's
 * line related: filled in at the base, the value would hold for every practice that extends it.
 */
function ownDetailLeftOpen(d: Diagnostic, doc: SourceDocument): Diagnostic {
  if (d.ruleId !== 'policy/fill-in' || d.file === doc.file || d.line === undefined) return d;
  if (!ownDetailPointers.has(d.pointer)) return d;
  const preset = doc.presets?.find((p) => p.file === d.file);
  const where = preset
    ? { messageId: 'diagnostics:related.inheritedFromPreset', data: { preset: preset.name } }
    : { messageId: 'diagnostics:related.basePlaceholder' };
  const related = { file: d.file!, line: d.line, column: d.column ?? 1, ...where };
  return {
    ...d,
    ...ownPlace(doc, d.pointer),
    messageId: 'diagnostics:fillInOwn',
    related: [...(d.related ?? []), related],
  };
}

/** The nearest place for `pointer` in the policy's own file (it, or an object holding it), else its `extends`. */
function ownPlace(doc: SourceDocument, pointer: string): Place {
  for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const loc = doc.locations.get(p);
    if (loc && !loc.origin) return placeAt(doc, p, pointer);
  }
  return { ...locate(doc, '/extends'), pointer };
}

/** Where a diagnostic is placed, with its pointer as written in that file. */
interface Place {
  file: string;
  line: number;
  column: number;
  pointer: string;
}

/** `pointer` reported at its ancestor `p` (its key, when it has one): the pointer as that file has it. */
function placeAt(doc: SourceDocument, p: string, pointer: string): Place {
  return { ...locate(doc, p, 'key'), pointer: filePointer(doc, p) + pointer.slice(p.length) };
}

/**
 * The diagnostic's pointer as the file it is positioned in has it (filePointer), when that is the file the
 * document places the pointer in: the policy's index of an item differs when a base contributes items before it.
 */
function inItsFile(d: Diagnostic, doc: SourceDocument): Diagnostic {
  if (d.file === undefined || locate(doc, d.pointer).file !== d.file) return d;
  const pointer = filePointer(doc, d.pointer);
  return pointer === d.pointer ? d : { ...d, pointer };
}

/**
 * A diagnostic positioned in one of the package's presets, which the user cannot edit (it is inside
 * node_modules), moved to the nearest place in a file the user writes: the value itself or the nearest object
 * holding it that the practice (or its base) gives — an item it overrides, the object it fills in — else the
 * `extends` entry the preset comes through. The preset's line is kept as a related location.
 */
function outOfPresets(d: Diagnostic, doc: SourceDocument): Diagnostic {
  const preset = doc.presets?.find((p) => p.file === d.file);
  if (!preset || d.line === undefined) return d;
  const inherited = {
    file: preset.file,
    line: d.line,
    column: d.column ?? 1,
    messageId: 'diagnostics:related.inheritedFromPreset',
    data: { preset: preset.name },
  };
  return { ...d, ...userPlace(doc, d.pointer, preset), related: [...(d.related ?? []), inherited] };
}

/** The nearest place for `pointer` (it, or an object holding it, short of the whole policy) in a file the user writes. */
function userPlace(doc: SourceDocument, pointer: string, preset: PresetSource): Place {
  const presetFiles = new Set(doc.presets!.map((p) => p.file));
  for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const loc = doc.locations.get(p);
    if (loc && !presetFiles.has(loc.origin?.file ?? doc.file)) return placeAt(doc, p, pointer);
  }
  const narrowed = leftOutBy(doc, pointer);
  if (narrowed !== undefined) return placeAt(doc, narrowed, narrowed);
  return { ...locate(doc, preset.via), pointer };
}

/**
 * The list of ids the policy gives in place of an inherited one that leaves out the item `pointer` is in (a
 * practice's retention rule that narrows the preset's data categories leaves a category without one): where the
 * fix is, for a finding about that item.
 */
function leftOutBy(doc: SourceDocument, pointer: string): string | undefined {
  const [list, index] = pointer.split('/').slice(1, 3);
  const items = (doc.value as Record<string, unknown>)[list ?? ''];
  const item = Array.isArray(items) ? (items[Number(index)] as { id?: unknown } | undefined) : undefined;
  const id = item?.id;
  if (typeof id !== 'string') return undefined;
  return doc.replacedLists?.find((r) => r.missing.includes(id))?.pointer;
}

/**
 * A diagnostic about an item the policy adds whose id is a plausible typo of an inherited one (nearOverrides): the
 * hint asks whether it meant to override the base's item, when it has no hint of its own.
 */
function nearOverrideHint(d: Diagnostic, doc: SourceDocument): Diagnostic {
  if (d.hint || !doc.nearOverrides) return d;
  const near = doc.nearOverrides.find((n) => isAtOrBelow(d.pointer, n.pointer));
  return near ? { ...d, hint: { messageId: 'diagnostics:overrideDidYouMean', data: { id: near.inherited } } } : d;
}

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, type PresetSource, type SourceDocument } from '../load/load-document.js';

/**
 * A diagnostic positioned in one of the package's presets, which the user cannot edit (it is inside
 * node_modules), moved to the nearest place in a file the user writes: the value itself or the nearest object
 * holding it that the practice (or its base) gives — an item it overrides, the object it fills in — else the
 * `extends` entry the preset comes through. The preset's line is kept as a related location.
 */
export function outOfPresets(d: Diagnostic, doc: SourceDocument): Diagnostic {
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
function userPlace(
  doc: SourceDocument,
  pointer: string,
  preset: PresetSource,
): { file: string; line: number; column: number } {
  const presetFiles = new Set(doc.presets!.map((p) => p.file));
  for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const loc = doc.locations.get(p);
    if (loc && !presetFiles.has(loc.origin?.file ?? doc.file)) return locate(doc, p, 'key');
  }
  return locate(doc, preset.via);
}

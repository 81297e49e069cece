import type { Diagnostic, RelatedLocation } from '../diagnostics/diagnostic.js';
import { isAtOrBelow, joinPointer, parentPointer } from '../load/json-pointer.js';
import { ownDetailPointers } from './fill-in-markers.js';

/**
 * A mistyped key ("kvk" for "kvkNumber", guessed in its hint) leaves the key it stands for without a value: the
 * error that says so — a required key missing, a placeholder for a practice's own detail inherited from a base —
 * is folded into the typo's, which is where the fix is. The placeholder's place is kept, related to the typo.
 */
export function foldMistypedKeys(diagnostics: Diagnostic[], ownFile: string): Diagnostic[] {
  const typos = diagnostics.flatMap((d) => {
    const key = guessedKey(d);
    return key === undefined ? [] : [{ typo: d, key, meant: joinPointer(parentPointer(d.pointer), key) }];
  });
  if (!typos.length) return diagnostics;
  const related = new Map<Diagnostic, RelatedLocation[]>();
  const folded = diagnostics.filter((d) => {
    const by = typos.find((t) => leftOpenAt(d, t.meant, ownFile));
    if (!by) return true;
    if (d.ruleId === 'policy/fill-in' && d.line !== undefined) {
      const at = { file: d.file!, line: d.line, column: d.column ?? 1 };
      const place = { ...at, messageId: 'diagnostics:related.leftOpenByTypo', data: { property: by.key } };
      related.set(by.typo, [...(related.get(by.typo) ?? []), place]);
    }
    return false;
  });
  return folded.map((d) => (related.has(d) ? { ...d, related: [...(d.related ?? []), ...related.get(d)!] } : d));
}

/** The key an unknown-property error guesses ("did you mean …?"), if any. */
function guessedKey(d: Diagnostic): string | undefined {
  if (d.ruleId !== 'schema/unknown-property' || d.hint?.messageId !== 'diagnostics:didYouMean') return undefined;
  const value = d.hint.data?.value;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Whether `d` says the value at (or below) `meant` is missing: a required key, or a placeholder another file leaves
 * for one of the practice's own details (ownDetailPointers: its KvK number, its phone).
 */
function leftOpenAt(d: Diagnostic, meant: string, ownFile: string): boolean {
  if (d.ruleId === 'schema/required') return d.pointer === meant;
  return (
    d.ruleId === 'policy/fill-in' &&
    d.file !== ownFile &&
    ownDetailPointers.has(d.pointer) &&
    isAtOrBelow(d.pointer, meant)
  );
}

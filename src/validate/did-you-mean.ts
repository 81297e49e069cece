import type { MessageRef } from '../diagnostics/diagnostic.js';

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Edits a typo of a word this long may have: one, or two in a word of eight or more letters. */
function editLimit(input: string): number {
  return input.length >= 8 ? 2 : 1;
}

/**
 * The candidate `input` is most plausibly a typo of, or nothing. Plausible
 * means: the same word in another case, or within the edit limit (one edit,
 * two for a word of eight or more letters; an adjacent swap counts as one),
 * and closer than every other candidate. A tie suggests nothing: '6(1)(g)'
 * is as near to 6(1)(a) as to 6(1)(f), and 'minimum' is not a typo of
 * 'maximum' (two edits in seven letters) — a guess that changes the meaning
 * is worse than none.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const distance = candidate.toLowerCase() === input.toLowerCase() ? 0.5 : editDistance(input, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance) tied = true;
  }
  return !tied && bestDistance <= editLimit(input) ? best : undefined;
}

/** The hint a diagnostic carries for a guess: did you mean "<guess>"? */
export function didYouMeanHint(guess: string): MessageRef {
  return { messageId: 'diagnostics:didYouMean', data: { value: guess } };
}

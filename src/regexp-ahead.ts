/**
 * Regular expressions compiled ahead, to machine code only. V8 compiles a regular expression when it first runs, to
 * bytecode for its interpreter, and when it runs a second time, again, to machine code, parsing it anew. The law's
 * long word patterns, which the rules run on every text or sentence of a policy, were compiled both ways in every
 * cold `check` and `build`: compiling regular expressions was a third of a cold check's instructions (148 of 447
 * million on its main thread; bare node takes 88). A regular expression that first runs on a
 * subject of 1,000 characters or more (V8's kTierUpForSubjectLengthValue) is compiled to machine code at once, and
 * only so (for two-byte subjects too). A V8 without that rule compiles them as before: what they match is the same.
 *
 * So a pattern that a policy's analysis or rendering runs more than once is marked where it is made (compiledAhead),
 * and the marked patterns are compiled when the first policy is analysed (compileMarkedPatterns), not when a
 * command that analyses none loads their modules; a pattern made for one policy is compiled as it is made
 * (compileNow).
 */

/** Long enough for V8 to compile straight to machine code; blanks, on which the marked patterns fail at once. */
const LONG_SUBJECT = ' '.repeat(1000);

/** Marked patterns not yet compiled. */
const marked: RegExp[] = [];

/** `pattern`, compiled to machine code now (by a run on a long subject); its lastIndex stays 0. */
export function compileNow<T extends RegExp>(pattern: T): T {
  pattern.test(LONG_SUBJECT);
  pattern.lastIndex = 0;
  return pattern;
}

/** `pattern`, marked to be compiled to machine code when the first policy is analysed (compileMarkedPatterns). */
export function compiledAhead<T extends RegExp>(pattern: T): T {
  marked.push(pattern);
  return pattern;
}

/** Compiles the patterns marked so far (by the modules loaded so far) that are not compiled yet. */
export function compileMarkedPatterns(): void {
  if (marked.length === 0) return; // every analysis but the first
  for (const pattern of marked.splice(0)) compileNow(pattern);
}

/**
 * Regular expressions compiled ahead, to machine code only. V8 compiles a regular expression when it first runs, to
 * bytecode for its interpreter, and when it runs a second time, again, to machine code, parsing it anew. The law's
 * long word patterns, which the rules run on every text or sentence of a policy, were compiled both ways in every
 * cold `check` and `build`: compiling regular expressions was a third of a cold check's instructions (148 of 447
 * million on its main thread; bare node takes 88). A regular expression that first runs on a
 * subject of 1,000 characters or more (V8's kTierUpForSubjectLengthValue) is compiled to machine code at once, and
 * only so (for two-byte subjects too). A V8 without that rule compiles them as before: what they match is the same.
 *
 * So a pattern that a policy's analysis or rendering may run more than once is compiled where it is first used
 * (compiledOnce: `compiledOnce(pattern).test(s)`), and a pattern made for one policy as it is made (compileNow).
 * Not all ahead, before the first policy: most policies never run some of them (the legitimate interests' patterns
 * without a named interest, the representative's without a refusal to erase), and compiling those was 1–2% of a
 * cold build's instructions.
 */

/** Long enough for V8 to compile straight to machine code; blanks, on which the patterns fail at once. */
const LONG_SUBJECT = ' '.repeat(1000);

/** `pattern`, compiled to machine code now (by a run on a long subject); its lastIndex stays 0. */
export function compileNow<T extends RegExp>(pattern: T): T {
  pattern.test(LONG_SUBJECT);
  pattern.lastIndex = 0;
  return pattern;
}

/** The patterns compiledOnce has compiled. */
const compiled = new WeakSet<RegExp>();

/**
 * `pattern`, compiled to machine code (compileNow) the first time it is passed here; call it where the pattern is
 * used, before lastIndex matters (a global pattern's is reset to 0 that first time).
 */
export function compiledOnce<T extends RegExp>(pattern: T): T {
  if (compiled.has(pattern)) return pattern;
  compiled.add(pattern);
  return compileNow(pattern);
}

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { analyse as Analyse } from '../pipeline/analyse-policy.js';
import { ownDetailPointers } from '../validate/fill-in-markers.js';
import { diagnosticPath, readPolicy, type CliIo } from './cli-support.js';
import type { NamedBase } from './named-bases.js';

/**
 * A chain's bases checked as bases: what they state, by the schema and the references (errors as in any policy),
 * without what a base may leave to its practices (a missing id or practice detail) and without the compliance
 * rules, which judge a whole policy. Each placeholder it leaves open is an info at its place.
 */
export function checkBases(bases: readonly NamedBase[], io: CliIo, analyse: typeof Analyse): Diagnostic[] {
  const checked = new Set(bases.map(({ file }) => diagnosticPath(io, file)));
  return bases.flatMap(({ file }) => {
    const shown = diagnosticPath(io, file);
    const read = readPolicy(file, io);
    if (read.text === undefined) return read.diagnostics;
    const analysed = analyse(read.text, shown, { path: file, base: true, check: false });
    const found = [...analysed.diagnostics, ...(analysed.leftOpen ?? []).flatMap(leftOpenInBase)];
    // What one base inherits from another checked with it is said once, by the other's own check.
    return [...read.diagnostics, ...found.filter((d) => d.file === shown || !checked.has(d.file ?? ''))];
  });
}

/**
 * A placeholder a base leaves open, as an info: filled in there it holds for every practice, else each practice
 * fills it in. The practice's own details (its name, address …), which a base leaves out, and the missing id or
 * parts of the controller are the practices' and not reported.
 */
function leftOpenInBase(d: Diagnostic): Diagnostic[] {
  if (d.ruleId !== 'policy/fill-in' || ownDetailPointers.has(d.pointer)) return [];
  return [{ ...d, severity: 'info', messageId: 'diagnostics:fillInBase' }];
}

import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * What a base that policies extend may leave to them, and still be compared as it is (`policyc diff` of a
 * chain's base): a placeholder (`"FILL-IN:…"`) anywhere, and a missing id or a missing part of the
 * organisation's own details. Each entry is a rule id and, for a missing property, the pointers it may be at.
 * Anything else the schema finds still stops the comparison: the model could not be built truthfully.
 */
const leftOpen: ReadonlyArray<{ ruleId: string; at?: RegExp }> = [
  { ruleId: 'policy/fill-in' },
  { ruleId: 'schema/required', at: /^\/(?:id|controller(?:\/.*)?)$/ },
];

/** Whether a problem is one a base may leave open for the policies that extend it. */
export function isLeftOpen(d: Diagnostic): boolean {
  return leftOpen.some((entry) => entry.ruleId === d.ruleId && (entry.at?.test(d.pointer) ?? true));
}

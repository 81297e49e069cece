import type { Diagnostic } from './diagnostic.js';

/**
 * What makes diagnostics found in a shared base for different policies one
 * finding: the same file, position, rule, message and values, hint and
 * acknowledgement. A finding acknowledged for some policies and not others
 * stays two: each entry has one status that every reporter acts on — the
 * open one counts (--max-warnings, --strict) and is an open SARIF result, the
 * accepted one carries the reason and the SARIF suppression — and each says
 * for which policies it holds. Undefined for a diagnostic about the policy's
 * own file.
 */
export function sharedFindingKey(d: Diagnostic): string | undefined {
  if (d.policy === undefined) return undefined;
  return JSON.stringify([
    d.file ?? '',
    d.line ?? 0,
    d.column ?? 0,
    d.pointer,
    d.ruleId,
    d.severity,
    d.messageId,
    d.data ?? null,
    d.hint ?? null,
    d.article ?? null,
    d.acknowledged ?? null,
  ]);
}

/**
 * The diagnostics with each finding in a base that several policies share
 * said once: the first, its `policy` replaced by `policies` (every policy it
 * was found for, in order). `merged` rewrites such a diagnostic (a reporter
 * writes its message anew); the others are returned as they are.
 */
export function mergeSharedFindings<D extends Diagnostic>(
  diagnostics: readonly D[],
  merged: (d: D) => D = (d) => d,
): D[] {
  const groups = new Map<string, { first: D; policies: string[] }>();
  // A diagnostic of the policy's own file, or the key of a shared finding, in the order first seen.
  const order: (D | string)[] = [];
  for (const d of diagnostics) {
    const key = sharedFindingKey(d);
    if (key === undefined) order.push(d);
    else if (groups.has(key)) groups.get(key)!.policies.push(d.policy!);
    else {
      groups.set(key, { first: d, policies: [d.policy!] });
      order.push(key);
    }
  }
  return order.map((item) => {
    if (typeof item !== 'string') return item;
    const { first, policies } = groups.get(item)!;
    if (policies.length === 1) return first;
    const once: D = { ...first, policies };
    delete once.policy;
    return merged(once);
  });
}

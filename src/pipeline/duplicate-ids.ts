import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';

/** A policy's id and where it is written. */
export interface PolicyId {
  id: string;
  file: string;
  line?: number;
  column?: number;
}

/**
 * Two policies with one id would write one output folder: every policy after
 * the first (in the order given) with an id already taken gets an error at
 * its id, naming the first.
 */
export function duplicateIdDiagnostics(ids: readonly PolicyId[]): Diagnostic[] {
  const first = new Map<string, PolicyId>();
  const diagnostics: Diagnostic[] = [];
  for (const entry of ids) {
    const owner = first.get(entry.id);
    if (!owner) {
      first.set(entry.id, entry);
      continue;
    }
    diagnostics.push({
      ruleId: 'build/duplicate-policy-id' satisfies StageRuleId<'build'>,
      severity: 'error',
      file: entry.file,
      pointer: '/id',
      ...(entry.line !== undefined ? { line: entry.line, column: entry.column } : {}),
      messageId: 'diagnostics:reference.duplicatePolicy',
      data: { id: entry.id, other: owner.file },
    });
  }
  return diagnostics;
}

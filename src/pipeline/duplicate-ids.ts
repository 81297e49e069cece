import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';

/** A policy's id and where it is written. */
export interface PolicyId {
  id: string;
  file: string;
  line?: number;
  column?: number;
}

/** Whether `file` lies in a folder named after `id` (policies/de-linde/policy.json for de-linde). */
function inOwnFolder(id: string, file: string): boolean {
  return path.basename(path.dirname(file)) === id;
}

/**
 * Of the policies that share an id, the one that keeps it, by id (its index in `entries`): the one in a folder
 * named after the id, else the first in the order given. A folder copied to start another practice
 * (policies/de-linde-copy, its "id" still de-linde) never takes the id from the original, wherever it sorts.
 */
export function idOwners(entries: readonly { id?: string | undefined; file: string }[]): Map<string, number> {
  const owners = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (entry.id === undefined) return;
    const owner = owners.get(entry.id);
    const takes = !inOwnFolder(entry.id, entries[owner ?? index]!.file) && inOwnFolder(entry.id, entry.file);
    if (owner === undefined || takes) owners.set(entry.id, index);
  });
  return owners;
}

/** The error at `entry`'s id: the policy in `owner` (a display path) keeps that id. */
export function duplicateIdDiagnostic(entry: PolicyId, owner: string): Diagnostic {
  return {
    ruleId: 'build/duplicate-policy-id' satisfies StageRuleId<'build'>,
    severity: 'error',
    file: entry.file,
    pointer: '/id',
    ...(entry.line !== undefined ? { line: entry.line, column: entry.column } : {}),
    messageId: 'diagnostics:reference.duplicatePolicy',
    data: { id: entry.id, other: owner },
  };
}

/**
 * Two policies with one id would write one output folder: every policy with an id that another keeps (idOwners)
 * gets an error at its id, naming that one.
 */
export function duplicateIdDiagnostics(ids: readonly PolicyId[]): Diagnostic[] {
  const owners = idOwners(ids);
  return ids.flatMap((entry, index) => {
    const owner = owners.get(entry.id)!;
    return owner === index ? [] : [duplicateIdDiagnostic(entry, ids[owner]!.file)];
  });
}

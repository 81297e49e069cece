import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { lexists } from '../lexists.js';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';
import { didYouMean } from '../validate/did-you-mean.js';

/** The name of a policy's file in its folder. */
export const POLICY_FILE = 'policy.json';

/**
 * A sub-folder skipped for want of policy.json that looks as if it was meant
 * to hold policies: a file named almost policy.json (`misnamed`), or
 * sub-folders of its own that hold policies (`nested`: found one level down
 * only). A folder of bases (policies/shared/chain.json) is neither.
 */
export interface SkippedFolder {
  folder: string;
  misnamed?: string;
  nested?: string;
}

/**
 * Policy files for the given paths: a file is taken as it is; a folder holding
 * policy.json is that policy; any other folder contributes <sub>/policy.json
 * for each sub-folder. Sorted, so that builds are deterministic. Paths that
 * match nothing are returned in `missing`; sub-folders skipped that look
 * meant to hold a policy, in `skipped`.
 */
export function findPolicies(paths: readonly string[]): {
  files: string[];
  missing: string[];
  skipped: SkippedFolder[];
} {
  const files = new Set<string>();
  const missing: string[] = [];
  const skipped: SkippedFolder[] = [];
  for (const p of paths) {
    if (!existsSync(p)) {
      missing.push(p);
      continue;
    }
    if (statSync(p).isFile()) {
      files.add(p);
      continue;
    }
    const own = path.join(p, POLICY_FILE);
    // A policy.json that is a dangling link is a policy that fails to load (and stops the build), not a folder without one.
    if (lexists(own)) {
      files.add(own);
      continue;
    }
    const folders = readdirSync(p, { withFileTypes: true }).filter((e) => isFolder(p, e));
    const found = folders.filter((e) => lexists(path.join(p, e.name, POLICY_FILE)));
    if (found.length === 0) missing.push(p);
    for (const f of found) files.add(path.join(p, f.name, POLICY_FILE));
    for (const e of folders) {
      const skip = found.includes(e) ? undefined : skippedFolder(path.join(p, e.name));
      if (skip) skipped.push(skip);
    }
  }
  // A folder named too (policyc check policies policies/noord) was not skipped after all.
  const named = new Set(paths.map((p) => path.resolve(p)));
  const left = skipped.filter((s) => !named.has(path.resolve(s.folder)) && !(s.nested && files.has(s.nested)));
  return { files: [...files].sort(), missing, skipped: left.sort((a, b) => (a.folder < b.folder ? -1 : 1)) };
}

/**
 * A sub-folder, or a symbolic link to one (policies/x linked to a shared
 * folder is a policy as much as when named on the command line).
 */
function isFolder(parent: string, entry: Dirent): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(path.join(parent, entry.name)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * For a path that matched nothing (`missing`): a file in it, or beside it,
 * named almost policy.json (policies/x holding Policy.json), or undefined.
 */
export function misnamedPolicy(missing: string): string | undefined {
  const folder = existsSync(missing) ? missing : path.dirname(missing);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return undefined;
  const misnamed = skippedFolder(folder)?.misnamed;
  return misnamed && path.basename(misnamed) !== POLICY_FILE ? misnamed : undefined;
}

/** For a path that does not exist (policies/x/nope.json): the policy.json beside it, or undefined. */
export function policyBeside(missing: string): string | undefined {
  const file = path.join(path.dirname(missing), POLICY_FILE);
  return !existsSync(missing) && existsSync(file) ? file : undefined;
}

/** Why a sub-folder without policy.json looks meant to hold policies, or undefined. */
function skippedFolder(folder: string): SkippedFolder | undefined {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return undefined;
  }
  const misnamed = entries.find((e) => e.isFile() && isMisnamedPolicy(e.name));
  if (misnamed) return { folder, misnamed: path.join(folder, misnamed.name) };
  const nested = entries.find((e) => e.isDirectory() && existsSync(path.join(folder, e.name, POLICY_FILE)));
  return nested ? { folder, nested: path.join(folder, nested.name, POLICY_FILE) } : undefined;
}

/** Policy.json, polciy.json, policy.jsonc, policy.json.txt: a file that was most likely meant to be policy.json. */
export function isMisnamedPolicy(name: string): boolean {
  return /^policy\./i.test(name) || didYouMean(name, [POLICY_FILE]) !== undefined;
}

/**
 * A warning for each skipped folder that looks meant to hold policies, so
 * that a policy is never left out unseen; `display` writes a path as reports show it.
 */
export function skippedFolderDiagnostics(
  skipped: readonly SkippedFolder[],
  display: (file: string) => string,
): Diagnostic[] {
  return skipped.map((s) => ({
    ruleId: 'input/skipped-folder' satisfies StageRuleId<'load'>,
    severity: 'warning',
    file: display(s.misnamed ?? s.folder),
    pointer: '',
    messageId: s.misnamed ? 'diagnostics:input.skippedMisnamed' : 'diagnostics:input.skippedNested',
    data: { folder: display(s.folder), ...(s.nested ? { example: display(s.nested) } : {}) },
  }));
}

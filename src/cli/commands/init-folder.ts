import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findPolicies } from '../../pipeline/find-policies.js';
import type { InitBase } from './init-extends.js';

/**
 * The folder a new policy is made in: of the config file's policies folders, the first that holds a policy
 * extending the same base (a chain's dental practices in one folder, its GP practices in another), else the
 * first; without a config, policies/.
 */
export function policyFolder(folders: readonly string[] | undefined, base: InitBase | undefined, cwd: string): string {
  const first = path.resolve(cwd, folders?.[0] ?? 'policies');
  if (!base || !folders || folders.length < 2) return first;
  const same = folders.find((folder) => findPolicies([folder]).files.some((file) => extendsBase(file, base)));
  return same ?? first;
}

/** Whether the policy file's `extends` names `base` (the same preset, or the same file from where it stands). */
function extendsBase(file: string, base: InitBase): boolean {
  let named: unknown;
  try {
    named = (JSON.parse(readFileSync(file, 'utf8')) as { extends?: unknown }).extends;
  } catch {
    return false; // a policy that does not read is not evidence of where the new one belongs
  }
  if (typeof named !== 'string') return false;
  return base.preset ? named === base.name : path.resolve(path.dirname(file), named) === base.absolute;
}

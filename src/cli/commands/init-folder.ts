import path from 'node:path';
import { policiesExtending } from '../../pipeline/chain-bases.js';
import { findPolicies } from '../../pipeline/find-policies.js';
import type { InitBase } from './init-extends.js';

/**
 * The folder a new policy is made in: of the config file's policies folders, the first that holds a policy
 * extending the same base, directly or through another base, in an `extends` of one name or a list
 * (policiesExtending): a chain's dental practices in one folder, its GP practices in another; else the first;
 * without a config, policies/.
 */
export function policyFolder(folders: readonly string[] | undefined, base: InitBase | undefined, cwd: string): string {
  const first = path.resolve(cwd, folders?.[0] ?? 'policies');
  if (!base || !folders || folders.length < 2) return first;
  const same = folders.find((folder) => policiesExtending(base.absolute, findPolicies([folder]).files).length > 0);
  return same ?? first;
}

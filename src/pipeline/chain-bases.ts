import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { policySources } from '../load/extends.js';
import { parseJsonOnce } from '../load/parse-json-once.js';
import { POLICY_FILE } from './find-policies.js';

/**
 * The policies (absolute paths) that extend `base`, directly or through another base, read without the
 * positional loader; a policy that cannot be read or parsed extends nothing here.
 */
export function policiesExtending(base: string, policies: readonly string[]): string[] {
  const target = path.resolve(base);
  return policies.filter((policy) => {
    const text = readText(policy);
    if (text === undefined || path.resolve(policy) === target) return false;
    // Shown from its absolute path, every base a policy is built from is shown by its absolute path.
    return policySources(text, policy, policy)
      .slice(1)
      .some((source) => path.resolve(source.display) === target);
  });
}

/**
 * Whether a file no policy extends is written as a chain's base, as `policyc init --base` writes one: not named
 * policy.json, no `id` (a policy needs one; a base has none, as `id` is never inherited), and an `extends` or a
 * `$schema` naming the policy schema.
 */
export function writtenAsBase(file: string): boolean {
  if (path.basename(file) === POLICY_FILE) return false;
  const text = readText(file);
  if (text === undefined) return false;
  let value: unknown;
  try {
    value = parseJsonOnce(text);
  } catch {
    return false;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || 'id' in value) return false;
  const schema = (value as { $schema?: unknown }).$schema;
  return 'extends' in value || (typeof schema === 'string' && schema.endsWith('policy.schema.json'));
}

/** The `.json` files directly in `folder`, sorted. */
export function jsonFilesIn(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => path.join(folder, e.name))
      .sort();
  } catch {
    return [];
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

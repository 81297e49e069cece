import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { policySources, PRESET_PREFIX } from '../load/extends.js';
import { parseJsonOnce } from '../load/parse-json-once.js';
import { schemaPath } from '../paths.js';
import { isMisnamedPolicy, POLICY_FILE } from './find-policies.js';

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
 * Whether a file named on the command line is a chain's base: never a file named (almost) policy.json, which is a
 * practice's policy however it is written; always a file a policy of the project extends (`extendedBy`), whose
 * mistakes its check then reports; else one written as a base (writtenAsBase) that does not lie in a practice's
 * folder (beside a policy.json), where it is that practice's draft.
 */
export function isChainBase(file: string, extendedBy: readonly string[]): boolean {
  const name = path.basename(file);
  if (name === POLICY_FILE || isMisnamedPolicy(name)) return false;
  if (extendedBy.length > 0) return true;
  return !existsSync(path.join(path.dirname(file), POLICY_FILE)) && writtenAsBase(file);
}

/**
 * Whether a file no policy extends is written as a chain's base, as `policyc init --base` writes one: every key a
 * key of the policy schema (not tsconfig.json's compilerOptions), no `id` (a policy needs one; a base's would not
 * be inherited), an `extends` naming presets or .json files (not renovate.json's "config:recommended": a policy
 * draft copied from a preset has none), and a `$schema`, if any, naming the policy schema. A base may name the
 * controller (a chain that is one B.V. with many locations states its name, KvK number and address there).
 */
export function writtenAsBase(file: string): boolean {
  const value = jsonObject(file);
  if (!value) return false;
  const { $schema } = value;
  const bases = ([] as unknown[]).concat(value.extends ?? []);
  const schemaKeysOnly = Object.keys(value).every((key) => policyKeys().has(key));
  const namesBases = bases.length > 0 && bases.every((b) => typeof b === 'string' && isBaseName(b));
  const policySchema = $schema === undefined || (typeof $schema === 'string' && $schema.endsWith(SCHEMA_FILE));
  return schemaKeysOnly && !('id' in value) && namesBases && policySchema;
}

/** What `extends` names in a base: a preset, or a .json file. */
const isBaseName = (name: string): boolean => name.startsWith(PRESET_PREFIX) || name.endsWith('.json');

const SCHEMA_FILE = 'policy.schema.json';

let keys: ReadonlySet<string> | undefined;

/** The top-level keys of the policy schema. */
function policyKeys(): ReadonlySet<string> {
  keys ??= new Set(Object.keys((JSON.parse(readFileSync(schemaPath, 'utf8')) as { properties: object }).properties));
  return keys;
}

/** The JSON object in a file, or undefined when it cannot be read or holds no object. */
function jsonObject(file: string): Record<string, unknown> | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  try {
    const value = parseJsonOnce(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
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

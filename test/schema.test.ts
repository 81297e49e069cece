import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/policy.schema.json'), 'utf8'));

/** Every (path, subschema) pair in the schema. */
function* subschemas(node: unknown, at = '#'): Generator<[string, Record<string, unknown>]> {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return;
  const s = node as Record<string, unknown>;
  yield [at, s];
  for (const key of ['properties', '$defs', 'patternProperties']) {
    for (const [name, child] of Object.entries((s[key] as Record<string, unknown>) ?? {})) yield* subschemas(child, `${at}/${key}/${name}`);
  }
  if (s.items) yield* subschemas(s.items, `${at}/items`);
}

describe('schema/policy.schema.json', () => {
  it('is a valid JSON Schema 2020-12 document with an $id', () => {
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(schema.$id).toMatch(/^https:\/\//);
  });

  it('describes every property and definition', () => {
    const missing: string[] = [];
    for (const [at, s] of subschemas(schema)) {
      if (/\/(properties|\$defs)\/[^/]+$/.test(at) && typeof s.description !== 'string') missing.push(at);
    }
    expect(missing).toEqual([]);
  });

  it('closes every object: additionalProperties false', () => {
    const open: string[] = [];
    for (const [at, s] of subschemas(schema)) if (s.type === 'object' && s.additionalProperties !== false) open.push(at);
    expect(open).toEqual([]);
  });

  it('src/policy/policy-types.ts names every schema property (drift check)', () => {
    const types = readFileSync(path.join(repoRoot, 'src/policy/policy-types.ts'), 'utf8');
    const missing = new Set<string>();
    for (const [at, s] of subschemas(schema)) {
      // Multilingual texts are typed once, as Record<Language, string>.
      if (at === '#/$defs/text' || at === '#/$defs/markdown') continue;
      for (const name of Object.keys((s.properties as Record<string, unknown>) ?? {})) {
        if (!new RegExp(`(^|[\\s{;])${name.replace('$', '\\$')}\\??:`, 'm').test(types)) missing.add(name);
      }
    }
    expect([...missing]).toEqual([]);
  });
});

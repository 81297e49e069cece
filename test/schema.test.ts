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
    for (const [name, child] of Object.entries((s[key] as Record<string, unknown>) ?? {}))
      yield* subschemas(child, `${at}/${key}/${name}`);
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
    for (const [at, s] of subschemas(schema))
      if (s.type === 'object' && s.additionalProperties !== false) open.push(at);
    expect(open).toEqual([]);
  });

  it('src/policy/policy-types.ts is what the schema generates (run npm run compile after editing the schema)', async () => {
    // @ts-expect-error -- a plain ES module script without type declarations
    const { policyTypesSource, typesFile } = await import('../scripts/policy-types.mjs');
    expect(readFileSync(typesFile, 'utf8')).toBe(await policyTypesSource());
  });

  it('the generated types follow a change of the schema', async () => {
    // @ts-expect-error -- a plain ES module script without type declarations
    const { policyTypesSource } = await import('../scripts/policy-types.mjs');
    const generated: string = await policyTypesSource();
    // Removing or retyping a property changes the text the test above compares.
    expect(generated).toMatch(/^\s+kvkNumber\?: string;$/m);
    expect(generated).toMatch(/^\s+languages: Language\[\];$/m);
    expect(generated).toMatch(/^export type LegalBasisId = '6\(1\)\(a\)'/m);
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { createAjv, readPolicySchemaText } from '../../src/validate/create-ajv.js';
import { generatedValidatorPath } from '../../src/paths.js';
import { withoutAnnotations } from '../../src/validate/runtime-schema.js';
import { repoRoot } from '../support/cli.js';
import { readFixture } from '../support/fixtures.js';

describe('ahead-of-time schema validator (npm run compile)', () => {
  const generated = createRequire(import.meta.url)(generatedValidatorPath) as ValidateFunction & {
    default: ValidateFunction;
    schemaBytes: string;
    schema: object;
  };
  const full = JSON.parse(readPolicySchemaText()) as object;
  const runtime = createAjv({ standalone: false }).compile(withoutAnnotations(full) as object);
  const annotated = createAjv({ standalone: false }).compile(full);
  /** An error without the (verbose) schema it quotes. */
  const bare = (errors: ValidateFunction['errors']) =>
    (errors ?? []).map(({ schema: _s, parentSchema: _p, ...rest }) => rest);

  it('exists and matches the schema on disk', () => {
    expect(existsSync(generatedValidatorPath)).toBe(true);
    expect(Buffer.from(generated.schemaBytes, 'latin1').toString('utf8')).toBe(readPolicySchemaText());
  });

  it('carries the schema as validated, equal to stripping the annotations at run time', () => {
    expect(generated.schema).toEqual(withoutAnnotations(full));
  });

  const documents = [
    ...readdirSync(path.join(repoRoot, 'test/fixtures/invalid'))
      .map((f) => `invalid/${f}`)
      .filter((f) => f !== 'invalid/malformed-json.json'),
    'minimal/policy.json',
  ];
  it.each(documents)('agrees with the schema compiled at run time on %s', (fixture) => {
    const value = JSON.parse(readFixture(fixture));
    const validate = generated.default ?? generated;
    const a = validate(value);
    const aErrors = validate.errors;
    const b = runtime(value);
    expect(a).toBe(b);
    expect(aErrors ?? null).toEqual(runtime.errors ?? null);
    // Dropping the annotations changes no verdict and no error.
    expect(annotated(value)).toBe(b);
    expect(bare(annotated.errors)).toEqual(bare(runtime.errors));
  });

  it('drops annotation keywords but keeps properties of those names and data', () => {
    const schema = {
      description: 'gone',
      'x-change': { class: 'material' },
      properties: { description: { type: 'string', description: 'gone too', title: 't' } },
      $defs: { title: { enum: [{ description: 'data stays' }] } },
    };
    expect(withoutAnnotations(schema)).toEqual({
      properties: { description: { type: 'string' } },
      $defs: { title: { enum: [{ description: 'data stays' }] } },
    });
  });
});

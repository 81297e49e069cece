import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { createAjv, readPolicySchemaText, schemaHash } from '../src/validate/create-ajv.js';
import { generatedValidatorPath } from '../src/paths.js';
import { repoRoot } from './support/cli.js';
import { readFixture } from './support/fixtures.js';

describe('ahead-of-time schema validator (npm run compile)', () => {
  const generated = createRequire(import.meta.url)(generatedValidatorPath) as ValidateFunction & {
    default: ValidateFunction;
    schemaHash: string;
  };
  const runtime = createAjv({ standalone: false }).compile(JSON.parse(readPolicySchemaText()));

  it('exists and matches the schema on disk', () => {
    expect(existsSync(generatedValidatorPath)).toBe(true);
    expect(generated.schemaHash).toBe(schemaHash(readPolicySchemaText()));
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
  });
});

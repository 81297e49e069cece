import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { runGeneratedFile } from '../code-cache.js';
import { createAjv, readPolicySchemaText } from './create-ajv.js';
import { generatedValidatorPath, schemaPath } from '../paths.js';
import { withoutAnnotations } from './runtime-schema.js';

export interface PolicySchema {
  /** The schema as validated (without descriptions and x-change), for walkers that follow its x-translated and x-markdown marks. */
  schema: Record<string, unknown>;
  validate: ValidateFunction;
}

let loaded: PolicySchema | undefined;

/**
 * The policy schema validator, once per process: the standalone code that
 * `npm run compile` generates when it matches the schema on disk, otherwise
 * the schema compiled now (running from source, or after a schema edit).
 */
export function policySchema(): PolicySchema {
  if (loaded) return loaded;
  loaded = loadGenerated();
  if (!loaded) {
    const schema = withoutAnnotations(JSON.parse(readPolicySchemaText())) as Record<string, unknown>;
    loaded = { schema, validate: createAjv({ standalone: false }).compile(schema) };
  }
  return loaded;
}

/**
 * The generated validator, run with its code cache (src/code-cache.ts), when
 * it was made from the schema on disk: the file's bytes (read as latin1, which
 * decodes nothing) equal the ones it was generated from.
 */
function loadGenerated(): PolicySchema | undefined {
  const module = runGeneratedFile(generatedValidatorPath) as
    | (ValidateFunction & { default?: ValidateFunction; schemaBytes?: string; schema?: Record<string, unknown> })
    | undefined;
  if (!module?.schema || module.schemaBytes !== readFileSync(schemaPath, 'latin1')) return undefined;
  return { schema: module.schema, validate: module.default ?? module };
}

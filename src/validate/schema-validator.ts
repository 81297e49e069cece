import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { createAjv, readPolicySchemaText } from './create-ajv.js';
import { generatedValidatorPath } from '../paths.js';
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
  const text = readPolicySchemaText();
  loaded = loadGenerated(text);
  if (!loaded) {
    const schema = withoutAnnotations(JSON.parse(text)) as Record<string, unknown>;
    loaded = { schema, validate: createAjv({ standalone: false }).compile(schema) };
  }
  return loaded;
}

function loadGenerated(schemaText: string): PolicySchema | undefined {
  if (!existsSync(generatedValidatorPath)) return undefined;
  const module = createRequire(import.meta.url)(generatedValidatorPath) as ValidateFunction & {
    default?: ValidateFunction;
    schemaText?: string;
    schema?: Record<string, unknown>;
  };
  if (module.schemaText !== schemaText || !module.schema) return undefined;
  return { schema: module.schema, validate: module.default ?? module };
}

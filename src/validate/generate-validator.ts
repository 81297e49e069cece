import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { generatedValidatorPath, packageRoot } from '../paths.js';
import { createAjv, readPolicySchemaText, schemaHash } from './create-ajv.js';
import { withoutAnnotations } from './runtime-schema.js';

/**
 * The schema compiled to standalone JavaScript (CommonJS) with the schema's
 * hash, so that a run pays no schema compilation and a stale file is noticed.
 */
export function generateValidatorSource(): string {
  const text = readPolicySchemaText();
  const ajv = createAjv({ standalone: true });
  const standaloneCode = (
    createRequire(import.meta.url)('ajv/dist/standalone') as { default: (a: unknown, v: unknown) => string }
  ).default;
  const code = standaloneCode(ajv, ajv.compile(withoutAnnotations(JSON.parse(text)) as object));
  return `${code}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(text))};\n`;
}

// `node lib/validate/generate-validator.js` writes the file.
if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.join(packageRoot, 'lib', 'validate', 'generate-validator.js')
) {
  writeFileSync(generatedValidatorPath, generateValidatorSource());
}

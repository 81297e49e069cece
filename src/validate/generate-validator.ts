import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { withIdLine } from '../code-id.js';
import { generatedValidatorPath, packageRoot, schemaPath } from '../paths.js';
import { createAjv, readPolicySchemaText } from './create-ajv.js';
import { withoutAnnotations } from './runtime-schema.js';

/**
 * The schema compiled to standalone JavaScript (CommonJS) with the schema
 * file's bytes and the schema without annotations, so that a run pays no schema
 * compilation or stripping, and a stale file is noticed. Its first line is
 * the id that its code cache is kept under (src/code-cache.ts).
 */
function generateValidatorSource(): string {
  const text = readPolicySchemaText();
  const ajv = createAjv({ standalone: true });
  const standaloneCode = (
    createRequire(import.meta.url)('ajv/dist/standalone') as { default: (a: unknown, v: unknown) => string }
  ).default;
  const schema = withoutAnnotations(JSON.parse(text)) as object;
  const code = standaloneCode(ajv, ajv.compile(schema));
  return withIdLine(
    [
      code,
      // The schema file's bytes (as a latin1 string): comparing them with the file read as latin1 is a native
      // string comparison with no UTF-8 decoding, where hashing would cost more (the first SHA-256 of a process
      // sets up OpenSSL; a JS hash runs uncompiled).
      `module.exports.schemaBytes = ${JSON.stringify(readFileSync(schemaPath).toString('latin1'))};`,
      // The schema as validated, for the walkers: parsed from a string literal, which is faster than an object literal.
      `module.exports.schema = JSON.parse(${JSON.stringify(JSON.stringify(schema))});`,
      '',
    ].join('\n'),
  );
}

// `node lib/validate/generate-validator.js` writes the file.
if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.join(packageRoot, 'lib', 'validate', 'generate-validator.js')
) {
  writeFileSync(generatedValidatorPath, generateValidatorSource());
}

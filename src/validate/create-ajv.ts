import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { schemaPath } from '../paths.js';
import { formats } from './formats.js';

// ajv is CommonJS: required lazily, so that a run with the ahead-of-time
// validator never loads ajv's compiler.
const require = createRequire(import.meta.url);

export function readPolicySchemaText(): string {
  return readFileSync(schemaPath, 'utf8');
}

/**
 * The one ajv configuration, shared by the ahead-of-time compiler
 * (generate-validator.ts, run by `npm run compile`) and the runtime fallback.
 * x-translated and x-markdown are annotations to ajv; text-checks.ts acts on them.
 * x-not-rendered marks metadata that no output shows (test/schema-markers.test.ts reads it).
 * x-form names the message a value that misses its `pattern` gets (diagnostics:schema.pattern.<x-form>).
 * x-synonyms gives, for an `enum`, the Dutch words an author may write for its values ({ "fysiotherapie":
 * "physiotherapy" }): the enum error's hint guesses the value from them (key-guess.ts).
 */
export function createAjv(options: { standalone: boolean }): Ajv2020 {
  const { Ajv2020 } = require('ajv/dist/2020') as typeof import('ajv/dist/2020.js');
  const { _ } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    // A processor's name is a proper name (string) or a description per language (object).
    allowUnionTypes: true,
    verbose: true,
    ...(options.standalone
      ? // The generated file sits in lib/validate/, beside formats.js.
        { code: { source: true, formats: _`require("./formats.js").formats` } }
      : {}),
  });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  ajv.addKeyword({ keyword: 'x-translated', schemaType: 'boolean' });
  ajv.addKeyword({ keyword: 'x-markdown', schemaType: 'boolean' });
  ajv.addKeyword({ keyword: 'x-not-rendered', schemaType: 'boolean' });
  ajv.addKeyword({ keyword: 'x-form', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-synonyms', schemaType: 'object' });
  // Whether a change to the property is material or editorial, and why (read by the diff: src/diff/change-class.ts).
  ajv.addKeyword({ keyword: 'x-change', schemaType: 'object' });
  return ajv;
}

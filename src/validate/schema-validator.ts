import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { DataValidationCxt } from 'ajv/dist/types/index.js';
import addFormatsModule from 'ajv-formats';
import { schemaPath } from '../paths.js';
import { findMarkdownHazards, type MarkdownHazard } from './markdown-safety.js';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export interface TranslationErrorParams {
  missingLanguage: string;
}
export interface MarkdownErrorParams {
  hazard: MarkdownHazard;
}

let compiled: ValidateFunction | undefined;

/** The policy schema, compiled once per process. */
export function policySchemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
  addFormats(ajv, ['date', 'email', 'uri']);

  ajv.addKeyword({
    keyword: 'x-translated',
    type: 'object',
    schemaType: 'boolean',
    errors: true,
    validate: function translated(this: unknown, _schema: boolean, data: Record<string, unknown>, _parent?: unknown, cxt?: DataValidationCxt) {
      const self = translated as unknown as { errors: Partial<ErrorObject>[] | null };
      const declared = declaredLanguages(cxt?.rootData);
      const missing = declared.filter((lang) => typeof data[lang] !== 'string');
      self.errors = missing.map((missingLanguage) => ({
        keyword: 'x-translated',
        params: { missingLanguage } satisfies TranslationErrorParams,
      }));
      return missing.length === 0;
    },
  });

  ajv.addKeyword({
    keyword: 'x-markdown',
    type: 'string',
    schemaType: 'boolean',
    errors: true,
    validate: function markdown(this: unknown, _schema: boolean, data: string) {
      const self = markdown as unknown as { errors: Partial<ErrorObject>[] | null };
      const hazards = findMarkdownHazards(data);
      self.errors = hazards.map((hazard) => ({ keyword: 'x-markdown', params: { hazard } satisfies MarkdownErrorParams }));
      return hazards.length === 0;
    },
  });

  compiled = ajv.compile(schema);
  return compiled;
}

/** metadata.languages when it is well-formed; otherwise nothing to demand. */
function declaredLanguages(root: unknown): string[] {
  const langs = (root as { metadata?: { languages?: unknown } } | undefined)?.metadata?.languages;
  return Array.isArray(langs) ? langs.filter((l): l is string => l === 'nl' || l === 'en') : [];
}

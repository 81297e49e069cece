import { isLanguage, type Language } from '../i18n/messages.js';
import { joinPointer } from '../load/json-pointer.js';
import { findMarkdownHazards, type MarkdownHazard } from './markdown-safety.js';

/** A problem in a multilingual text: a missing language, or unsafe Markdown. */
export type TextProblem =
  | { kind: 'missing-translation'; pointer: string; language: Language }
  | { kind: 'unsafe-markdown'; pointer: string; hazard: MarkdownHazard };

type SchemaNode = Record<string, unknown>;

/**
 * Walks the document along the schema and acts on its annotations:
 * `x-translated` (every language in metadata.languages is present) and
 * `x-markdown` (no raw HTML, no unsafe link). The schema is the single
 * statement of which values are texts; this walker follows $ref,
 * properties, patternProperties, items, and if/then/else on a type test
 * (a processor's name: a string, or a text per language), which is all the
 * policy schema uses to reach a text.
 */
export function findTextProblems(schema: SchemaNode, document: unknown): TextProblem[] {
  const defs = (schema.$defs ?? {}) as Record<string, SchemaNode>;
  const declared = declaredLanguages(document);
  const problems: TextProblem[] = [];

  const resolve = (node: SchemaNode): SchemaNode => {
    let current = node;
    while (typeof current.$ref === 'string') current = defs[current.$ref.replace('#/$defs/', '')] ?? {};
    return current;
  };

  const walk = (nodeIn: SchemaNode, value: unknown, pointer: string): void => {
    const node = resolve(nodeIn);
    const test = node.if as SchemaNode | undefined;
    if (test && typeof test.type === 'string') {
      const branch = (jsonType(value) === test.type ? node.then : node.else) as SchemaNode | undefined;
      if (branch) walk(branch, value, pointer);
    }
    if (node['x-markdown'] === true && typeof value === 'string') {
      for (const hazard of findMarkdownHazards(value)) problems.push({ kind: 'unsafe-markdown', pointer, hazard });
    }
    if (Array.isArray(value)) {
      if (node.items) value.forEach((item, i) => walk(node.items as SchemaNode, item, joinPointer(pointer, i)));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if (node['x-translated'] === true) {
      for (const language of declared) {
        if (typeof object[language] !== 'string')
          problems.push({ kind: 'missing-translation', pointer: joinPointer(pointer, language), language });
      }
    }
    const properties = (node.properties ?? {}) as Record<string, SchemaNode>;
    const patterns = Object.entries((node.patternProperties ?? {}) as Record<string, SchemaNode>);
    for (const [key, child] of Object.entries(object)) {
      const childSchema = properties[key] ?? patterns.find(([pattern]) => new RegExp(pattern, 'u').test(key))?.[1];
      if (childSchema) walk(childSchema, child, joinPointer(pointer, key));
    }
  };

  walk(schema, document, '');
  return problems;
}

/** The JSON Schema type name of a parsed JSON value. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** metadata.languages when it is well-formed; otherwise nothing to demand. */
function declaredLanguages(document: unknown): Language[] {
  const langs = (document as { metadata?: { languages?: unknown } } | undefined)?.metadata?.languages;
  return Array.isArray(langs) ? langs.filter((l): l is Language => typeof l === 'string' && isLanguage(l)) : [];
}

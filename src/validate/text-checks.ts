import { isLanguage, type Language } from '../i18n/messages.js';
import type { PathToken } from '../load/each-string.js';
import { joinPointer, parsePointer } from '../load/json-pointer.js';
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
  const walk: TextWalk = { defs, declared: declaredLanguages(document), problems: [], path: [] };
  walkTexts(walk, schema, document);
  return walk.problems;
}

/**
 * One walk's state. The walk is a module-level function, not a closure made on every call: a warm process keeps its
 * optimised code.
 */
interface TextWalk {
  defs: Record<string, SchemaNode>;
  declared: Language[];
  problems: TextProblem[];
  /** The path to the value being walked, joined into a pointer only for a problem (see eachString). */
  path: PathToken[];
}

function walkTexts(walk: TextWalk, nodeIn: SchemaNode, value: unknown): void {
  const { path, problems } = walk;
  const node = resolveRef(walk.defs, nodeIn);
  const test = node.if as SchemaNode | undefined;
  if (test && typeof test.type === 'string') {
    const branch = (jsonType(value) === test.type ? node.then : node.else) as SchemaNode | undefined;
    if (branch) walkTexts(walk, branch, value);
  }
  if (node['x-markdown'] === true && typeof value === 'string') {
    for (const hazard of findMarkdownHazards(value))
      problems.push({ kind: 'unsafe-markdown', pointer: joinPointer('', ...path), hazard });
  }
  if (Array.isArray(value)) {
    const items = node.items as SchemaNode | undefined;
    if (items)
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walkTexts(walk, items, value[i]);
        path.pop();
      }
    return;
  }
  if (!value || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  if (node['x-translated'] === true) {
    for (const language of walk.declared) {
      if (typeof object[language] !== 'string')
        problems.push({ kind: 'missing-translation', pointer: joinPointer('', ...path, language), language });
    }
  }
  const properties = (node.properties ?? {}) as Record<string, SchemaNode>;
  const keys = Object.keys(object);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const childSchema = properties[key] ?? patternSchema(node, key);
    if (!childSchema) continue;
    path.push(key);
    walkTexts(walk, childSchema, object[key]);
    path.pop();
  }
}

/**
 * Whether the string at `pointer` in `document` is Markdown to the schema (x-markdown): the notice renders it as
 * Markdown. Any other text is shown as typed, so a link written in it is no link. Follows the schema as walkTexts
 * does (references, items, properties, pattern properties, the branch of a type test), along one path.
 */
export function isMarkdownAt(schema: SchemaNode, document: unknown, pointer: string): boolean {
  const defs = (schema.$defs ?? {}) as Record<string, SchemaNode>;
  let node: SchemaNode | undefined = schema;
  let value = document;
  for (const token of parsePointer(pointer)) {
    node = memberSchema(defs, node, value, token);
    if (!node || !value || typeof value !== 'object') return false;
    value = (value as Record<string, unknown>)[token];
  }
  return node !== undefined && typeof value === 'string' && marksMarkdown(defs, node, value);
}

/** Whether the string's schema node, or the branch its type test takes, has x-markdown (as walkTexts reads both). */
function marksMarkdown(defs: Record<string, SchemaNode>, nodeIn: SchemaNode, value: string): boolean {
  const node = resolveRef(defs, nodeIn);
  if (node['x-markdown'] === true) return true;
  const test = node.if as SchemaNode | undefined;
  if (!test || typeof test.type !== 'string') return false;
  const branch = (jsonType(value) === test.type ? node.then : node.else) as SchemaNode | undefined;
  return branch !== undefined && marksMarkdown(defs, branch, value);
}

/** The schema of `value`'s member `token` under `nodeIn`: an item, a property, a pattern property, or the same in the branch its type test takes. */
function memberSchema(
  defs: Record<string, SchemaNode>,
  nodeIn: SchemaNode,
  value: unknown,
  token: string,
): SchemaNode | undefined {
  const node = resolveRef(defs, nodeIn);
  const own = Array.isArray(value)
    ? (node.items as SchemaNode | undefined)
    : (((node.properties ?? {}) as Record<string, SchemaNode>)[token] ?? patternSchema(node, token));
  if (own) return own;
  const test = node.if as SchemaNode | undefined;
  if (!test || typeof test.type !== 'string') return undefined;
  const branch = (jsonType(value) === test.type ? node.then : node.else) as SchemaNode | undefined;
  return branch ? memberSchema(defs, branch, value, token) : undefined;
}

/** The schema node a $ref leads to (through any chain of them). */
function resolveRef(defs: Record<string, SchemaNode>, node: SchemaNode): SchemaNode {
  let current = node;
  while (typeof current.$ref === 'string') current = defs[current.$ref.replace('#/$defs/', '')] ?? {};
  return current;
}

/** The schema's patternProperties, compiled once each. */
const patternRegexes = new Map<string, RegExp>();

/** The schema of the first of the node's patternProperties that the key matches. */
function patternSchema(node: SchemaNode, key: string): SchemaNode | undefined {
  const patterns = (node.patternProperties ?? {}) as Record<string, SchemaNode>;
  for (const pattern of Object.keys(patterns)) {
    let regex = patternRegexes.get(pattern);
    if (!regex) patternRegexes.set(pattern, (regex = new RegExp(pattern, 'u')));
    if (regex.test(key)) return patterns[pattern];
  }
  return undefined;
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

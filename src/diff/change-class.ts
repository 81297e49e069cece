import { readFileSync } from 'node:fs';
import { schemaPath } from '../paths.js';
import type { ChangeClass } from './change-kinds.js';
import type { ValueType } from './change.js';
import { valueTypeOfDef, valueTypeOfEnum } from './diff-rules.js';

/**
 * The class of a change at a place in the policy, from the schema's
 * `x-change` annotations ({ class, reason }): the annotation of the deepest
 * property on the way to that place. A property without one counts as
 * material: a change nobody has judged must be announced.
 */
export interface SchemaNode {
  type?: string | string[];
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
  additionalProperties?: SchemaNode | boolean;
  patternProperties?: Record<string, SchemaNode>;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  'x-change'?: { class: ChangeClass; reason: string };
}

let root: SchemaNode | undefined;
const schema = (): SchemaNode => (root ??= JSON.parse(readFileSync(schemaPath, 'utf8')) as SchemaNode);

function deref(node: SchemaNode, top: SchemaNode): SchemaNode {
  let current = node;
  for (let i = 0; current.$ref && i < 20; i++) {
    const path = current.$ref.replace(/^#\//, '').split('/');
    current = path.reduce<SchemaNode>((n, key) => (n as Record<string, SchemaNode>)[key]!, top);
  }
  return current;
}

/** The schema of a property matched by one of the node's patternProperties (rights.notes.<right>), if any. */
function matchingPattern(node: SchemaNode, key: string): SchemaNode | undefined {
  const found = Object.entries(node.patternProperties ?? {}).find(([pattern]) => new RegExp(pattern, 'u').test(key));
  return found?.[1];
}

/** The schemas a value at `key` below `node` may match: properties, items and every branch of a combinator. */
function children(node: SchemaNode, key: string, top: SchemaNode): SchemaNode[] {
  const here = deref(node, top);
  const own: SchemaNode[] = [];
  if (here.properties?.[key]) own.push(here.properties[key]);
  else if (/^\d+$/.test(key) && here.items) own.push(here.items);
  else if (matchingPattern(here, key)) own.push(matchingPattern(here, key)!);
  else if (typeof here.additionalProperties === 'object') own.push(here.additionalProperties);
  for (const branch of [...(here.oneOf ?? []), ...(here.anyOf ?? []), ...(here.allOf ?? [])])
    own.push(...children(branch, key, top));
  return own;
}

const keysOf = (pointer: string): string[] =>
  pointer
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));

/** The schema's definitions of text written for people, per language. */
const TEXT_DEFS = new Set(['#/$defs/text', '#/$defs/markdown']);

/** Whether the schema says the value at `pointer` is a text per language (or a list of them): texts are recognised from the schema, not guessed from their keys. */
export function isTextAt(pointer: string, top: SchemaNode = schema()): boolean {
  let nodes: SchemaNode[] = [top];
  for (const key of keysOf(pointer)) nodes = nodes.flatMap((n) => children(n, key, top));
  const isText = (n: SchemaNode): boolean =>
    (n.$ref !== undefined && TEXT_DEFS.has(n.$ref)) || (n.items !== undefined && isText(n.items));
  return nodes.some(isText);
}

/** `/purposes/1/legalObligation/law` → the class the schema gives the deepest annotated property on that path. */
export function changeClassAt(pointer: string, top: SchemaNode = schema()): ChangeClass {
  const keys = keysOf(pointer);
  let nodes: SchemaNode[] = [top];
  let found: ChangeClass | undefined;
  for (const key of keys) {
    nodes = nodes.flatMap((n) => children(n, key, top));
    if (nodes.length === 0) break;
    const annotated = /^\d+$/.test(key) ? undefined : nodes.find((n) => n['x-change'])?.['x-change'];
    if (!/^\d+$/.test(key)) found = annotated?.class ?? 'material';
  }
  return found ?? 'material';
}

/** A schema node with the `$defs` entry whose property it is (for inline enums). */
interface Placed {
  node: SchemaNode;
  def?: string;
}

const defName = (ref: string): string => ref.replace(/^#\/\$defs\//, '');

/** Like `children`, each child with the name of the `$defs` entry it is a property of. */
function placedChildren(at: Placed, key: string, top: SchemaNode): Placed[] {
  let { node, def } = at;
  for (let i = 0; node.$ref && i < 20; i++) {
    def = defName(node.$ref);
    node = deref({ $ref: node.$ref }, top);
  }
  const own: Placed[] = [];
  if (node.properties?.[key]) own.push({ node: node.properties[key], ...(def ? { def } : {}) });
  else if (/^\d+$/.test(key) && node.items) own.push({ node: node.items, ...(def ? { def } : {}) });
  else if (matchingPattern(node, key)) own.push({ node: matchingPattern(node, key)!, ...(def ? { def } : {}) });
  else if (typeof node.additionalProperties === 'object')
    own.push({ node: node.additionalProperties, ...(def ? { def } : {}) });
  for (const branch of [...(node.oneOf ?? []), ...(node.anyOf ?? []), ...(node.allOf ?? [])])
    own.push(...placedChildren({ node: branch, ...(def ? { def } : {}) }, key, top));
  return own;
}

/** How one schema node's values are worded, from the tables in diff-rules.ts; undefined for plain values. */
function typeOfNode(at: Placed, key: string): ValueType | undefined {
  const { node } = at;
  const ref = node.$ref ?? node.items?.$ref;
  if (ref && valueTypeOfDef[defName(ref)]) return valueTypeOfDef[defName(ref)];
  if (node.type === 'boolean') return 'flag';
  return node.enum && at.def ? valueTypeOfEnum[`${at.def}.${key}`] : undefined;
}

/** The type a value at `pointer` is worded as, read from the schema: a country, a law, a yes/no property… */
export function valueTypeAt(pointer: string, top: SchemaNode = schema()): ValueType | undefined {
  const keys = keysOf(pointer);
  let nodes: Placed[] = [{ node: top }];
  for (const key of keys) nodes = nodes.flatMap((n) => placedChildren(n, key, top));
  const property = [...keys].reverse().find((k) => !/^\d+$/.test(k)) ?? '';
  return nodes.map((n) => typeOfNode(n, property)).find((t) => t !== undefined);
}

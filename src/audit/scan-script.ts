import { parse, type Node as AcornNode, type Options } from 'acorn';
import { ancestor } from 'acorn-walk';
import type { CatalogueIndex } from './catalogue-index.js';
import {
  positionIn,
  type ReferenceVia,
  type ScanProblem,
  type SiteReference,
  type TextOrigin,
} from './site-reference.js';

/** A string that names another host: `https://…` or protocol-relative `//…`. */
const absoluteUrl = /^(?:https?:)?\/\/[^/\s]/i;

// acorn's node types are loose (estree types are not a dependency): read the fields used here.
interface JsNode extends AcornNode {
  value?: unknown;
  name?: string;
  computed?: boolean;
  operator?: string;
  callee?: JsNode;
  object?: JsNode;
  property?: JsNode;
  left?: JsNode;
  right?: JsNode;
  arguments?: JsNode[];
  quasis?: { value: { cooked?: string | null } }[];
}

const parseOptions: Options = {
  ecmaVersion: 'latest',
  locations: true,
  allowHashBang: true,
  allowReturnOutsideFunction: true,
};

/** Parses as a classic script, then as a module; the first error when neither works. */
function parseScript(code: string): { ast?: AcornNode; error?: { message: string; line: number; column: number } } {
  try {
    return { ast: parse(code, { ...parseOptions, sourceType: 'script' }) };
  } catch (scriptError) {
    try {
      return { ast: parse(code, { ...parseOptions, sourceType: 'module' }) };
    } catch {
      const e = scriptError as Error & { loc?: { line: number; column: number } };
      return {
        error: {
          message: e.message.replace(/\s*\(\d+:\d+\)$/, ''),
          line: e.loc?.line ?? 1,
          column: (e.loc?.column ?? 0) + 1,
        },
      };
    }
  }
}

function propertyName(node: JsNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier') return node.name;
  return typeof node.value === 'string' ? node.value : undefined;
}

/** How a string reaches the network: the call it is (part of) the first argument of. */
function viaOf(ancestors: readonly JsNode[]): ReferenceVia {
  for (const node of [...ancestors].reverse().slice(1, 4)) {
    if (node.type !== 'CallExpression' && node.type !== 'NewExpression') continue;
    const callee = node.callee!;
    const name = callee.type === 'Identifier' ? callee.name : propertyName(callee.property);
    if (name === 'fetch') return 'fetch';
    if (name === 'sendBeacon') return 'beacon';
    if (name === 'open' && callee.type === 'MemberExpression') return 'xhr';
    return 'script';
  }
  return 'script';
}

/** The text a string expression starts with: 'a=' + b → 'a='. */
function leadingString(node: JsNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis?.[0]?.value.cooked ?? undefined;
  if (node.type === 'BinaryExpression' && node.operator === '+') return leadingString(node.left);
  return undefined;
}

function isDocumentCookie(node: JsNode | undefined): boolean {
  if (node?.type !== 'MemberExpression' || propertyName(node.property) !== 'cookie' || node.computed) return false;
  const object = node.object!;
  return (
    (object.type === 'Identifier' && object.name === 'document') ||
    (object.type === 'MemberExpression' && propertyName(object.property) === 'document')
  );
}

/**
 * Every URL to another host, tag id and third-party script API a script
 * mentions, and every cookie it writes through `document.cookie` (or
 * `cookieStore.set`), at file positions. Strings are read from the syntax
 * tree, so comments and look-alike text in other strings do not count.
 */
export function scanScript(
  code: string,
  origin: TextOrigin,
  catalogue: CatalogueIndex,
): { references: SiteReference[]; problems: ScanProblem[] } {
  const parsed = parseScript(code);
  if (!parsed.ast) {
    const at = positionIn(origin, parsed.error!.line, parsed.error!.column);
    return { references: [], problems: [{ file: origin.file, ...at, detail: parsed.error!.message }] };
  }
  const references: SiteReference[] = [];
  const add = (node: JsNode, kind: SiteReference['kind'], value: string, via: ReferenceVia): void => {
    const start = node.loc!.start;
    references.push({ kind, value, via, file: origin.file, ...positionIn(origin, start.line, start.column + 1) });
  };
  const onString = (node: JsNode, value: string | undefined, ancestors: JsNode[]): void => {
    if (value === undefined) return;
    if (absoluteUrl.test(value)) add(node, 'url', value, viaOf(ancestors));
    else if (catalogue.byTagId(value)) add(node, 'tag-id', value, 'script');
  };
  ancestor(parsed.ast, {
    Literal: (node, _state, ancestors) =>
      onString(
        node as JsNode,
        typeof (node as JsNode).value === 'string' ? ((node as JsNode).value as string) : undefined,
        ancestors as JsNode[],
      ),
    TemplateLiteral: (node, _state, ancestors) =>
      onString(node as JsNode, leadingString(node as JsNode), ancestors as JsNode[]),
    CallExpression: (node) => {
      const call = node as JsNode;
      const callee = call.callee!;
      if (callee.type === 'Identifier' && catalogue.byGlobal(callee.name!)) add(call, 'global', callee.name!, 'script');
      if (
        callee.type === 'MemberExpression' &&
        propertyName(callee.property) === 'set' &&
        propertyName(callee.object) === 'cookieStore'
      ) {
        add(call, 'cookie', leadingString(call.arguments?.[0]) ?? '', 'script');
      }
    },
    MemberExpression: (node) => {
      const member = node as JsNode;
      const name = member.computed ? undefined : propertyName(member.property);
      if (name !== undefined && catalogue.byGlobal(name)) add(member.property!, 'global', name, 'script');
    },
    AssignmentExpression: (node) => {
      const assignment = node as JsNode;
      if (!isDocumentCookie(assignment.left)) return;
      const written = leadingString(assignment.right);
      add(assignment, 'cookie', written?.includes('=') ? written.slice(0, written.indexOf('=')).trim() : '', 'script');
    },
  });
  return { references, problems: [] };
}

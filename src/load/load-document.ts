import { parse, type AnyNode } from '@humanwhocodes/momoa';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { joinPointer } from './json-pointer.js';
import { findTooDeep, MAX_JSON_DEPTH } from './json-depth.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';

export interface SourcePosition {
  line: number;
  column: number;
  offset: number;
}

export interface NodeLocation {
  /** Where the value starts. */
  value: SourcePosition;
  /** Where the value ends (exclusive). */
  valueEnd: SourcePosition;
  /** Where the member's key starts, for values inside objects. */
  key?: SourcePosition;
  /** The file the value is written in, when it is not the document's own (a value inherited through `extends`). */
  origin?: { file: string; text: string };
}

/** A parsed policy: the plain value plus a map from JSON pointer to source position. */
export interface SourceDocument {
  file: string;
  text: string;
  value: unknown;
  locations: Map<string, NodeLocation>;
}

/**
 * Parses JSON text, keeping the position of every value by JSON pointer.
 * Malformed JSON yields one positioned 'json/syntax' diagnostic and no value;
 * JSON nested deeper than MAX_JSON_DEPTH one 'json/too-deep'. A leading
 * byte-order mark (Windows editors write one) is skipped.
 */
export function loadDocument(
  textIn: string,
  file: string,
): { value: SourceDocument | undefined; diagnostics: Diagnostic[] } {
  const text = textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn;
  const deep = findTooDeep(text);
  if (deep) {
    return {
      value: undefined,
      diagnostics: [
        {
          ruleId: 'json/too-deep' satisfies StageRuleId<'load'>,
          severity: 'error',
          file,
          pointer: '',
          ...deep,
          messageId: 'diagnostics:json.tooDeep',
          data: { limit: MAX_JSON_DEPTH },
        },
      ],
    };
  }
  let ast;
  try {
    ast = parse(text, { mode: 'json', ranges: false, tokens: false });
  } catch (error) {
    const e = error as { message?: string; line?: number; column?: number };
    const detail = String(e.message ?? error).replace(/\s*\(\d+:\d+\)\s*$/, '');
    return {
      value: undefined,
      diagnostics: [
        {
          ruleId: 'json/syntax' satisfies StageRuleId<'load'>,
          severity: 'error',
          messageId: 'diagnostics:json.syntax',
          data: { detail },
          file,
          pointer: '',
          line: e.line ?? 1,
          column: e.column ?? 1,
        },
      ],
    };
  }
  const locations = new Map<string, NodeLocation>();
  const value = toValue(ast.body, '', locations);
  return { value: { file, text, value, locations }, diagnostics: [] };
}

function toValue(node: AnyNode, pointer: string, locations: Map<string, NodeLocation>): unknown {
  const previous = locations.get(pointer);
  locations.set(pointer, {
    value: node.loc.start,
    valueEnd: node.loc.end,
    ...(previous?.key ? { key: previous.key } : {}),
  });
  switch (node.type) {
    case 'Object': {
      const out: Record<string, unknown> = {};
      for (const member of node.members) {
        const name = member.name.type === 'String' ? member.name.value : member.name.name;
        const childPointer = joinPointer(pointer, name);
        locations.set(childPointer, {
          key: member.name.loc.start,
          value: member.value.loc.start,
          valueEnd: member.value.loc.end,
        });
        // Duplicate keys: the last one wins, as in JSON.parse.
        Object.defineProperty(out, name, {
          value: toValue(member.value, childPointer, locations),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case 'Array':
      return node.elements.map((element, i) => toValue(element.value, joinPointer(pointer, i), locations));
    case 'String':
    case 'Number':
    case 'Boolean':
      return node.value;
    case 'Null':
      return null;
    default:
      throw new Error(`unexpected JSON node ${node.type}`);
  }
}

/** The file and position to report for a pointer (see positionOf): inherited values point into their base file. */
export function locate(
  doc: SourceDocument,
  pointer: string,
  prefer: 'key' | 'value' = 'value',
): { file: string; line: number; column: number } {
  const { position, origin } = find(doc, pointer, prefer);
  return { file: origin?.file ?? doc.file, line: position.line, column: position.column };
}

function find(
  doc: SourceDocument,
  pointer: string,
  prefer: 'key' | 'value',
): { position: SourcePosition; origin?: NodeLocation['origin'] } {
  let p = pointer;
  for (;;) {
    const loc = doc.locations.get(p);
    if (loc)
      return { position: (prefer === 'key' && loc.key) || loc.value, ...(loc.origin ? { origin: loc.origin } : {}) };
    if (p === '') return { position: { line: 1, column: 1, offset: 0 } };
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/**
 * The position to report for a pointer: the value itself, or else the
 * nearest ancestor that exists (a missing property is reported at its parent).
 */
export function positionOf(doc: SourceDocument, pointer: string, prefer: 'key' | 'value' = 'value'): SourcePosition {
  return find(doc, pointer, prefer).position;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type AnyNode } from '@humanwhocodes/momoa';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinPointer } from '../../src/load/json-pointer.js';
import { positionTable } from '../../src/load/json-positions.js';
import type { NodeLocation } from '../../src/load/load-document.js';
import { repoRoot } from '../support/cli.js';

/** Every position positionTable holds, by pointer. */
function scanPositions(text: string): Map<string, NodeLocation> {
  const table = positionTable(text);
  return new Map([...table.pointers()].map((pointer) => [pointer, table.get(pointer)!] as const));
}

/** The reader scanPositions must agree with: momoa's AST, walked into the same pointer map. */
function momoaPositions(text: string): Map<string, NodeLocation> {
  const out = new Map<string, NodeLocation>();
  const walk = (node: AnyNode, pointer: string, key?: NodeLocation['key']): void => {
    out.set(pointer, { value: node.loc.start, valueEnd: node.loc.end, ...(key ? { key } : {}) });
    if (node.type === 'Object')
      for (const m of node.members) {
        const name = m.name.type === 'String' ? m.name.value : m.name.name;
        walk(m.value, joinPointer(pointer, name), m.name.loc.start);
      }
    if (node.type === 'Array') node.elements.forEach((e, i) => walk(e.value, joinPointer(pointer, i)));
  };
  walk(parse(text, { mode: 'json', ranges: false, tokens: false }).body, '');
  return out;
}

const sorted = (m: Map<string, NodeLocation>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** JSON text of a value, laid out with every whitespace JSON allows: spaces, tabs, LF, CR and CRLF. */
const space = fc.constantFrom('', ' ', '\t', '\n', '\r', '\r\n', '  \n\t');
const layout = (value: unknown, ws: () => string): string => {
  if (Array.isArray(value)) return `[${ws()}${value.map((v) => layout(v, ws) + ws()).join(`,${ws()}`)}]`;
  if (value !== null && typeof value === 'object')
    return `{${ws()}${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}${ws()}:${ws()}${layout(v, ws)}${ws()}`)
      .join(`,${ws()}`)}}`;
  return JSON.stringify(value);
};
const keyOrText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('a/b', 'a~b', '', '\u2028', '"', '\\', '😀', '\r\n'),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    keyOrText,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(keyOrText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('scanPositions', () => {
  it('finds every value, key and end where momoa does, on generated JSON laid out every way', () => {
    fc.assert(
      fc.property(json, fc.array(space, { minLength: 1, maxLength: 20 }), (value, spaces) => {
        let i = 0;
        const text = layout(value, () => spaces[i++ % spaces.length]!);
        expect(sorted(scanPositions(text))).toEqual(sorted(momoaPositions(text)));
      }),
      { numRuns: 500, seed: 1205 },
    );
  });

  it('agrees with momoa on every policy in policies/', () => {
    for (const org of ['doctolib', 'ies', 'dental-clinics', 'ipractice', 'cosmetic-clinic']) {
      const text = readFileSync(path.join(repoRoot, 'policies', org, 'policy.json'), 'utf8');
      expect(sorted(scanPositions(text)), org).toEqual(sorted(momoaPositions(text)));
    }
  });

  it('keeps the last of duplicate keys, as JSON.parse does', () => {
    const positions = scanPositions('{"a": 1,\n "a": [2]}');
    expect(positions.get('/a')).toEqual({
      key: { line: 2, column: 2, offset: 10 },
      value: { line: 2, column: 7, offset: 15 },
      valueEnd: { line: 2, column: 10, offset: 18 },
    });
    expect(positions.get('/a/0')?.value).toEqual({ line: 2, column: 8, offset: 16 });
  });
});

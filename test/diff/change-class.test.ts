import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeClassAt, isTextAt } from '../../src/diff/change-class.js';
import { repoRoot } from '../support/cli.js';

type Node = Record<string, any>;
const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/policy.schema.json'), 'utf8')) as Node;

/** Every property the schema defines, with where it is. */
function properties(node: unknown, where: string, found: Array<[string, Node]>): Array<[string, Node]> {
  if (Array.isArray(node)) node.forEach((n, i) => properties(n, `${where}/${i}`, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node as Node)) {
      if (key === 'properties')
        for (const [name, prop] of Object.entries(value as Node))
          found.push([`${where}/properties/${name}`, prop as Node]);
      properties(value, `${where}/${key}`, found);
    }
  }
  return found;
}

describe('x-change: materiality in the schema', () => {
  it('annotates every property of the schema with a class and a reason', () => {
    const all = properties(schema, '#', []);
    expect(all.length).toBeGreaterThan(200);
    const missing = all
      .filter(
        ([, p]) => !['material', 'editorial'].includes(p['x-change']?.class) || !(p['x-change']?.reason?.length > 5),
      )
      .map(([where]) => where);
    expect(missing).toEqual([]);
  });

  it('reads the class of the deepest property on the way, through $ref, items and combinators', () => {
    expect(changeClassAt('/collectsSpecialCategories')).toBe('material');
    expect(changeClassAt('/purposes/3/legalObligation/law')).toBe('material');
    expect(changeClassAt('/purposes/3/legalObligation/citation')).toBe('editorial');
    expect(changeClassAt('/purposes/0/legalBases/1/explanation/nl')).toBe('editorial');
    expect(changeClassAt('/controller/contact/phone')).toBe('editorial');
    expect(changeClassAt('/processors/2/transfer/mechanism')).toBe('material');
  });

  it('counts a property without an annotation as material', () => {
    const tiny = {
      properties: {
        a: { 'x-change': { class: 'editorial' as const, reason: 'test' }, properties: { b: { type: 'string' } } },
        c: { type: 'string' },
      },
    };
    expect(changeClassAt('/a', tiny)).toBe('editorial');
    expect(changeClassAt('/a/b', tiny)).toBe('material');
    expect(changeClassAt('/c', tiny)).toBe('material');
  });
});

describe('texts recognised from the schema', () => {
  it('a property the schema types as text is text; names, codes and laws are not, whatever their keys look like', () => {
    expect(isTextAt('/purposes/0/name')).toBe(true);
    expect(isTextAt('/purposes/0/description')).toBe(true);
    expect(isTextAt('/controller/address')).toBe(false);
    expect(isTextAt('/purposes/0/legalObligation/law')).toBe(false);
    expect(isTextAt('/processors/0/serverLocations')).toBe(false);
  });
  it('a small schema: a $defs/text reference and a list of them are text, a plain object is not', () => {
    const top = {
      $defs: { text: { type: 'object' } },
      properties: {
        a: { $ref: '#/$defs/text' },
        b: { type: 'array', items: { $ref: '#/$defs/text' } },
        c: { type: 'object' },
      },
    };
    expect([isTextAt('/a', top), isTextAt('/b', top), isTextAt('/b/0', top), isTextAt('/c', top)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

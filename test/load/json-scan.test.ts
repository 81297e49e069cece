import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachString, type PathToken } from '../../src/load/each-string.js';
import { scanJson } from '../../src/load/json-depth.js';
import { joinPointer } from '../../src/load/json-pointer.js';
import { closingQuote } from '../../src/load/json-string-end.js';

/**
 * The scans that run over every character or value of a policy, against the
 * plain step-by-step versions they replaced (which a cold process ran an
 * order of magnitude slower): same answers on random text and values.
 */

/** Steps through the string from its opening quote: a backslash escapes the next character. */
function steppedClosingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** The too-deep scan as it was: one character at a time, strings skipped the same way. */
function steppedTooDeep(text: string, limit: number): { line: number; column: number } | undefined {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '\n') {
      line++;
      lineStart = i + 1;
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return { line, column: i - lineStart + 1 };
    } else if (c === ']' || c === '}') depth--;
  }
  return undefined;
}

/** Text made of what the scans look at: quotes, backslashes, brackets, line breaks and a letter. */
const scanText = fc
  .array(fc.constantFrom('"', '\\', '[', ']', '{', '}', '\n', 'a', ' '), { maxLength: 60 })
  .map((cs) => cs.join(''));

describe('closingQuote', () => {
  it('finds the quote that stepping through the string finds, or none', () => {
    fc.assert(
      fc.property(scanText, (tail) => {
        const text = `x"${tail}`;
        expect(closingQuote(text, 1)).toBe(steppedClosingQuote(text, 1));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('scanJson: the bracket that goes too deep', () => {
  it('answers as the character-by-character scan does, malformed text included', () => {
    fc.assert(
      fc.property(scanText, fc.integer({ min: 0, max: 4 }), (text, limit) => {
        expect(scanJson(text, limit).tooDeep).toEqual(steppedTooDeep(text, limit));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('eachString', () => {
  /** The walk it replaced: Object.entries, depth first, a pointer per value. */
  function entriesWalk(value: unknown, pointer = '', out: string[] = []): string[] {
    if (typeof value === 'string') out.push(`value ${pointer} ${value}`);
    else if (Array.isArray(value)) value.forEach((v, i) => entriesWalk(v, joinPointer(pointer, i), out));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        out.push(`key ${joinPointer(pointer, k)} ${k}`);
        entriesWalk(v, joinPointer(pointer, k), out);
      }
    return out;
  }

  it('visits every string and property name, in the same order and at the same pointer', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const value: unknown = JSON.parse(JSON.stringify(json));
        const seen: string[] = [];
        eachString(value, (text: string, path: readonly PathToken[], isKey: boolean) => {
          seen.push(`${isKey ? 'key' : 'value'} ${joinPointer('', ...path)} ${text}`);
        });
        expect(seen).toEqual(entriesWalk(value));
      }),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tidyDocument, trimLineEnds } from '../../src/render/text-whitespace.js';

/** The definition tidyDocument replaces: four passes over the document. */
function tidyByRegex(text: string): string {
  return (
    trimLineEnds(text)
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+/, '')
      .trimEnd() + '\n'
  );
}

const whitespaceHeavy = fc
  .array(fc.constantFrom(' ', '\t', '\n', '\n', '\r', '\u00a0', 'a', 'b <p>', '\u2028'), { maxLength: 60 })
  .map((chars) => chars.join(''));

describe('tidyDocument', () => {
  it('equals trimming line ends, collapsing blank lines and trimming the ends, on any text', () => {
    fc.assert(
      // Tidied texts too: tidyDocument hands an already tidy text back as it is.
      fc.property(fc.oneof(whitespaceHeavy, fc.string(), whitespaceHeavy.map(tidyByRegex)), (text) => {
        expect(tidyDocument(text)).toBe(tidyByRegex(text));
      }),
      { numRuns: 5000, seed: 20261205 },
    );
  });

  it('keeps indentation and one blank line between blocks, and drops the rest', () => {
    expect(tidyDocument('\n\n  <h1>A</h1>   \n\n\n\n\t\n<p>b</p>\n<p>c</p>  \n\n')).toBe(
      '  <h1>A</h1>\n\n<p>b</p>\n<p>c</p>\n',
    );
  });
});

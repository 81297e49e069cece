import fc from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { COMMON_URI, uri } from '../../src/validate/formats.js';

const fullUri = fullFormats.uri as (value: string) => boolean;

/** Strings built from the pieces URIs are made of, so that both answers occur often. */
const uriLike = fc
  .array(
    fc.constantFrom(
      ...['http', 'https', 'mailto', 'tel', 'x', 'A', '1', ':', '//', '/', '?', '#', '@', '%', '%4F', '%g1', '[', ']'],
      ...['::1', 'v1.x', '.', '-', '+', '~', '!', '$', "'", '(', '*', ',', ';', '=', '&', ' ', '"', '<', 'é', '\\'],
      ...['8080', '10.0.0.1', 'www.example.nl', 'user', 'ä', '\n', '\u0000'],
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

const piece = fc.constantFrom(
  ...['a', 'Z', '0', '-', '.', '_', '~', '!', '$', '&', "'", '(', ')', '*', '+', ',', ';', '=', ':', '@', '/', '?'],
  ...['%41', '%a', '%zz', '%', ' ', '"', '<', '>', '[', ']', '{', '|', '\\', '^', '`', '#', 'é', '\n', '::1', 'v1.x'],
);
const part = (maxLength: number) => fc.array(piece, { maxLength }).map((p) => p.join(''));
/** Scheme, `:`, `//` or not, host, port, path, query and fragment, each of any piece: near misses of every part. */
const uriShaped = fc
  .tuple(
    fc.oneof(fc.constantFrom('http', 'https', 'mailto', 'tel', 'a+b.c-d', '1x', 'x y', ''), part(3)),
    fc.constantFrom(':', ':/', '://', ':///', '', '//'),
    part(6),
    fc.constantFrom('', ':', ':80', ':8a', ':-1'),
    part(8),
    fc.constantFrom('', '?', '?a=b', '?%zz', '? '),
    fc.constantFrom('', '#', '#x', '##', '#%41', '# '),
  )
  .map((parts) => parts.join(''));

describe('the uri format', () => {
  it('answers as ajv-formats’ uri on any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(uriLike, fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })),
        (s) => {
          expect(uri(s)).toBe(fullUri(s));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('takes the shortcut only for what ajv-formats accepts', () => {
    fc.assert(
      fc.property(fc.oneof(uriShaped, uriLike, fc.webUrl()), (s) => {
        if (COMMON_URI.test(s)) expect(fullUri(s)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('takes the shortcut for the URIs policies hold, and leaves the rest to ajv-formats', () => {
    for (const s of ['https://www.example.nl/privacy?x=1#top', 'http://example.nl:8080/', 'mailto:fg@example.nl'])
      expect(COMMON_URI.test(s)).toBe(true);
    for (const s of ['http://[::1]/', 'http://user@example.nl/', 'https://example .nl', 'no-scheme/path']) {
      expect(COMMON_URI.test(s)).toBe(false);
      expect(uri(s)).toBe(fullUri(s));
    }
  });
});

import { describe, expect, it } from 'vitest';

/**
 * The setup file test/support/buffer-equality.ts gives toEqual a native tester for two Buffers. The tests that
 * compare two builds' files rely on it, so a tester that answered "equal" too easily would let them pass on
 * different outputs: these cases hold it to vitest's own meaning.
 */
describe('toEqual on Buffers (test/support/buffer-equality.ts)', () => {
  it('equal bytes are equal, also inside a Map', () => {
    expect(Buffer.from('abc')).toEqual(Buffer.from('abc'));
    expect(new Map([['a', Buffer.from('x')]])).toEqual(new Map([['a', Buffer.from('x')]]));
  });

  it('one different byte, another length, or a Uint8Array of the same bytes is not equal', () => {
    expect(Buffer.from('abc')).not.toEqual(Buffer.from('abd'));
    expect(Buffer.from('abc')).not.toEqual(Buffer.from('ab'));
    expect(Buffer.from('abc')).not.toEqual(new Uint8Array(Buffer.from('abc')));
    expect(new Map([['a', Buffer.from('x')]])).not.toEqual(new Map([['a', Buffer.from('y')]]));
  });
});

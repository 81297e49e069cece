import { describe, expect, it } from 'vitest';
import { isAtOrBelow, isBelow } from '../../src/load/json-pointer.js';

/** The one test of "inside this value" that acknowledgements, retention minimums, duplicate keys and the diff share. */
describe('isBelow and isAtOrBelow', () => {
  it('a pointer inside the value, not a sibling whose name starts the same', () => {
    expect(isBelow('/retention/0/period', '/retention/0')).toBe(true);
    expect(isBelow('/retention/0', '/retention/0')).toBe(false);
    expect(isBelow('/retention/01/period', '/retention/0')).toBe(false);
    expect(isBelow('/retention', '/retention/0')).toBe(false);
  });

  it('the value itself counts as covered; the whole document ("") holds every pointer', () => {
    expect(isAtOrBelow('/retention/0', '/retention/0')).toBe(true);
    expect(isAtOrBelow('/retention/0/period', '/retention/0')).toBe(true);
    expect(isAtOrBelow('/retention/01', '/retention/0')).toBe(false);
    expect(isBelow('/purposes', '')).toBe(true);
    expect(isAtOrBelow('', '')).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDuration, isIsoDate } from '../../src/diff/dates.js';

describe('addDuration', () => {
  it.each([
    ['2025-01-10', 'P15D', '2025-01-25'],
    ['2024-12-20', 'P15D', '2025-01-04'],
    ['2025-01-31', 'P1M', '2025-02-28'],
    ['2024-01-31', 'P1M', '2024-02-29'],
    ['2024-02-29', 'P1Y', '2025-02-28'],
    ['2025-03-01', 'P2W', '2025-03-15'],
    ['2025-11-15', 'P1Y2M3D', '2027-01-18'],
  ])('%s + %s = %s', (date, duration, expected) => {
    expect(addDuration(date, duration)).toBe(expected);
  });

  it('adds days as the calendar does, for any date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
        fc.integer({ min: 0, max: 400 }),
        (d, days) => {
          const iso = d.toISOString().slice(0, 10);
          const expected = new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
          expect(addDuration(iso, `P${days}D`)).toBe(expected);
        },
      ),
    );
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2025-02-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['25-01-01', false],
    ['2025-1-1', false],
  ])('%s → %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });
});

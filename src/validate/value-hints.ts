import type { MessageRef } from '../diagnostics/diagnostic.js';
import { calendarDate } from './date-rewrite.js';

/**
 * Hints that take a wrong value one step further, to the value to write: the list form of a text where a list
 * stands, a true/false or number without its quotes, the day a date in YYYY-MM-DD form does not have, and the
 * ISO 8601 form of a period written in words (review webdev10, finding 10).
 */

/**
 * The hint for a value of the wrong type: in quotes where only a text stands (a KvK number), a text in a list
 * where a list stands ("NEN 7510" → ["NEN 7510"]), without quotes where true/false or a number stands ("false").
 */
export function typeHint(value: unknown, types: readonly string[]): MessageRef | undefined {
  if (types.length === 1 && types[0] === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
    return { messageId: 'diagnostics:inQuotes', data: { value: JSON.stringify(String(value)) } };
  if (typeof value !== 'string') return undefined;
  if (types.includes('array')) return { messageId: 'diagnostics:asList', data: { value: JSON.stringify([value]) } };
  const unquoted = value.trim();
  const bare =
    (types.includes('boolean') && /^(true|false)$/.test(unquoted)) ||
    (types.includes('integer') && /^-?\d+$/.test(unquoted)) ||
    (types.includes('number') && /^-?\d+(\.\d+)?$/.test(unquoted));
  return bare ? { messageId: 'diagnostics:withoutQuotes', data: { value: unquoted } } : undefined;
}

/** For a date in YYYY-MM-DD form that is no day of the calendar (2027-02-30, 2027-13-01): what is wrong with it. */
export function noSuchDayHint(value: string): MessageRef | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!parts) return undefined;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) return { messageId: 'diagnostics:noSuchMonth', data: { month: parts[2]! } };
  if (calendarDate(year, month, day) !== undefined) return undefined;
  return {
    messageId: 'diagnostics:noSuchDay',
    data: { day, year, month: { message: { messageId: `terms:month.${month}` } } },
  };
}

/** Words for a unit of a period, Dutch and English, singular and plural, with its ISO 8601 letter. */
const unitLetters: Record<string, string> = {
  jaar: 'Y',
  jaren: 'Y',
  year: 'Y',
  years: 'Y',
  maand: 'M',
  maanden: 'M',
  month: 'M',
  months: 'M',
  week: 'W',
  weken: 'W',
  weeks: 'W',
  dag: 'D',
  dagen: 'D',
  day: 'D',
  days: 'D',
};

/** For a period written in words ("20 jaar", "1 month"): the hint to write its ISO 8601 form (P20Y, P1M). */
export function durationHint(value: string): MessageRef | undefined {
  const parts = /^(\d+)\s*([a-z]+)$/i.exec(value.trim());
  const letter = parts ? unitLetters[parts[2]!.toLowerCase()] : undefined;
  return letter
    ? { messageId: 'diagnostics:writeValue', data: { value: `P${Number(parts![1])}${letter}` } }
    : undefined;
}

import { parseDuration } from '../law/durations.js';
import { calendarDate } from '../validate/date-rewrite.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Is `value` a real calendar date written YYYY-MM-DD? */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) !== undefined;
}

/**
 * A calendar date plus an ISO 8601 duration (years, months, weeks, days), in
 * UTC so the result is the same everywhere. Adding months keeps the day of the
 * month where it exists and otherwise takes the month's last day
 * (31 January + P1M = 28 or 29 February).
 */
export function addDuration(date: string, duration: string): string {
  const d = parseDuration(duration);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (!d) return date;
  const totalMonths = year * 12 + (month - 1) + d.years * 12 + d.months;
  const y = Math.floor(totalMonths / 12);
  const mo = totalMonths % 12;
  const lastDay = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const result = new Date(Date.UTC(y, mo, Math.min(day, lastDay) + d.weeks * 7 + d.days));
  return `${pad(result.getUTCFullYear(), 4)}-${pad(result.getUTCMonth() + 1)}-${pad(result.getUTCDate())}`;
}

/**
 * A date written the Dutch way, day first (1-3-2026, 01.03.2026, 15/3/2026), or ISO with single digits
 * (2026-3-1), as the YYYY-MM-DD the schema asks for: '2026-03-01'. Only where the reading is certain: a
 * real calendar date, a four-digit year, and, with slashes (which English writes month first), a day
 * above 12. Anything else: undefined.
 */
export function isoDateFor(value: string): string | undefined {
  const dayFirst = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/.exec(value.trim());
  if (dayFirst) {
    const [, day, separator, month, year] = dayFirst;
    if (separator === '/' && Number(day) <= 12) return undefined;
    return calendarDate(Number(year), Number(month), Number(day));
  }
  const yearFirst = /^(\d{4})([-./])(\d{1,2})\2(\d{1,2})$/.exec(value.trim());
  return yearFirst ? calendarDate(Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4])) : undefined;
}

/** The day as YYYY-MM-DD when it is a real calendar date (no 31 April, no 29 February 2026), else undefined. */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

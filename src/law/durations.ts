/** ISO 8601 durations as the schema allows them (PnYnMnWnD): arithmetic only, no wording (that is src/render/retention-phrase.ts). */
const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

export function parseDuration(iso: string): DurationParts | undefined {
  const m = DURATION.exec(iso);
  if (!m || iso === 'P') return undefined;
  return { years: Number(m[1] ?? 0), months: Number(m[2] ?? 0), weeks: Number(m[3] ?? 0), days: Number(m[4] ?? 0) };
}

/** Approximate length in days, for comparing periods (a year is 365.25 days, a month 30.44). */
export function durationInDays(iso: string): number | undefined {
  const d = parseDuration(iso);
  return d && d.years * 365.25 + d.months * 30.4375 + d.weeks * 7 + d.days;
}

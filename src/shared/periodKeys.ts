/**
 * Period keys of the boards (UTC): a day `2026-11-27`, an ISO week `2026-W48` (with the ISO
 * week-year: 2024-12-30 is in `2025-W01`), a month `2026-11`. Pure: every function takes the
 * instant it works on; none reads the clock.
 */

const DAY_MS = 86_400_000;

/** Calendar periods a board can cover, besides all time. */
export const calendarPeriodKinds = ['day', 'week', 'month'] as const;
export type CalendarPeriodKind = (typeof calendarPeriodKinds)[number];

const keyPatterns: Record<CalendarPeriodKind, RegExp> = {
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  week: /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
};

/** How each kind's key is written, for error messages. */
export const periodKeyExamples: Record<CalendarPeriodKind, string> = {
  day: 'a day such as 2026-11-27',
  week: 'an ISO week such as 2026-W48',
  month: 'a month such as 2026-11',
};

/** The UTC day of `instant`, `YYYY-MM-DD`. */
export function utcDayKey(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The UTC month of `instant`, `YYYY-MM`. */
export function utcMonthKey(instant: Date): string {
  return instant.toISOString().slice(0, 7);
}

/** The ISO week of `instant` in UTC, `YYYY-Www`, with the ISO week-year (the year of its Thursday). */
export function isoWeekKey(instant: Date): string {
  const day = Math.floor(instant.getTime() / DAY_MS);
  // 1970-01-01 was a Thursday: weekday 0 = Monday … 6 = Sunday.
  const weekday = (((day + 3) % 7) + 7) % 7;
  const thursday = new Date((day - weekday + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - utcMidnight(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The key of the `kind` period that `instant` falls in. */
export function periodKeyOf(kind: CalendarPeriodKind, instant: Date): string {
  return kind === 'day' ? utcDayKey(instant) : kind === 'week' ? isoWeekKey(instant) : utcMonthKey(instant);
}

/** True when `key` is a well-formed, existing period of `kind` (no 2026-02-30, no 2025-W53). */
export function isPeriodKey(kind: CalendarPeriodKind, key: string): boolean {
  try {
    periodBounds(kind, key);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instants `[start, end)` of a period, in UTC. Throws on a malformed key and on a period
 * that does not exist: the calendar would roll 2026-02-30 over to March 2nd and 2025-W53 to
 * 2026-W01, and a board must not silently answer another period than the one asked for.
 */
export function periodBounds(kind: CalendarPeriodKind, key: string): { start: Date; end: Date } {
  if (!keyPatterns[kind].test(key)) throw new RangeError(`Not ${periodKeyExamples[kind]}: ${key}`);
  const bounds = calendarBounds(kind, key);
  if (periodKeyOf(kind, bounds.start) !== key) throw new RangeError(`No such ${kind}: ${key}`);
  return bounds;
}

function calendarBounds(kind: CalendarPeriodKind, key: string): { start: Date; end: Date } {
  if (kind === 'day') {
    const [year, month, day] = key.split('-').map(Number) as [number, number, number];
    const start = new Date(utcMidnight(year, month - 1, day));
    return { start, end: new Date(start.getTime() + DAY_MS) };
  }
  if (kind === 'month') {
    const [year, month] = key.split('-').map(Number) as [number, number];
    return { start: new Date(utcMidnight(year, month - 1, 1)), end: new Date(utcMidnight(year, month, 1)) };
  }
  const [year, week] = key.split('-W').map(Number) as [number, number];
  // ISO week 1 holds January 4th; weeks start on Monday.
  const jan4 = utcMidnight(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  const start = new Date(jan4 - jan4Weekday * DAY_MS + (week - 1) * 7 * DAY_MS);
  return { start, end: new Date(start.getTime() + 7 * DAY_MS) };
}

/** Midnight UTC of a calendar date; unlike `Date.UTC`, years 0-99 are not read as 1900-1999. */
function utcMidnight(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

/** Whole UTC days from 1970-01-01 to the day of `instant` (the trending board's clock). */
export function utcDayNumber(instant: Date): number {
  return Math.floor(instant.getTime() / DAY_MS);
}

/**
 * Calendar math shared by the client, the mocks and the server. Pure and deterministic: every
 * function takes the instant and the time zone it works on; none reads the clock.
 *
 * Instants are `Date`s; calendar days are `YYYY-MM-DD` strings ("day keys") in a named IANA zone.
 */

const DAY_MS = 86_400_000;
const formatterCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatterCache.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatterCache.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone name this runtime knows (e.g. `UTC`, `Europe/Paris`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (Paris in winter: +3 600 000). */
export function timeZoneOffsetMs(instant: Date, timeZone: string): number {
  // UTC without Intl: formatToParts is slow, and a range's bounds ask several times per request.
  if (timeZone === 'UTC') return 0;
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The calendar day (`YYYY-MM-DD`) that `instant` falls on in `timeZone`. */
export function dayKey(instant: Date, timeZone = 'UTC'): string {
  if (timeZone === 'UTC') {
    // The common case without Intl (formatToParts is slow on a hot path); years 0-9999 only.
    const iso = instant.toISOString();
    if (iso.length === 24) return iso.slice(0, 10);
  }
  const w = wallClock(instant, timeZone);
  return `${String(w.year).padStart(4, '0')}-${pad(w.month)}-${pad(w.day)}`;
}

/** The first instant of calendar day `day` in `timeZone` (handles DST shifts). */
export function startOfDay(day: string, timeZone = 'UTC'): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  // The offset at the guess can differ from the offset at the answer across a DST change:
  // correct once with the offset found at the first answer.
  let instant = wall - timeZoneOffsetMs(new Date(wall), timeZone);
  instant = wall - timeZoneOffsetMs(new Date(instant), timeZone);
  // When midnight itself does not exist (a DST jump at 00:00), the day starts at the jump.
  if (dayKey(new Date(instant), timeZone) !== day) instant += 3_600_000;
  return new Date(instant);
}

/** `day` moved by `days` calendar days (negative goes back). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every calendar day from `first` to `last`, both included. */
export function eachDay(first: string, last: string): string[] {
  const days: string[] = [];
  // By milliseconds rather than addDays per day: a summary lists its days several times.
  const lastMs = utcMidnightMs(last);
  for (let ms = utcMidnightMs(first); ms <= lastMs; ms += DAY_MS) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return days;
}

function utcMidnightMs(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** A half-open interval of instants `[start, end)` with the zone its days are counted in. */
export interface ResolvedRange {
  start: Date;
  end: Date;
  timeZone: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Turns `from` / `to` query values into instants. A date `from` starts at that day's midnight in
 * `timeZone`; a date `to` includes that whole day; a timestamp is taken as the exact instant
 * (`to` exclusive). Missing bounds default to the `defaultDays` calendar days ending today.
 */
export function resolveRange(
  { from, to, timeZone = 'UTC' }: { from?: string; to?: string; timeZone?: string },
  now: Date,
  defaultDays = 30,
): ResolvedRange {
  const end =
    to === undefined
      ? startOfDay(addDays(dayKey(now, timeZone), 1), timeZone)
      : DATE_ONLY.test(to)
        ? startOfDay(addDays(to, 1), timeZone)
        : new Date(to);
  const start =
    from === undefined
      ? startOfDay(addDays(dayKey(new Date(end.getTime() - 1), timeZone), 1 - defaultDays), timeZone)
      : DATE_ONLY.test(from)
        ? startOfDay(from, timeZone)
        : new Date(from);
  return { start, end, timeZone };
}

/** The calendar days a resolved range touches, in its zone (empty when the range is empty). */
export function daysInRange(range: ResolvedRange): string[] {
  if (range.end.getTime() <= range.start.getTime()) return [];
  return eachDay(
    dayKey(range.start, range.timeZone),
    dayKey(new Date(range.end.getTime() - 1), range.timeZone),
  );
}

/** A preset of the last `days` calendar days ending today in `timeZone`, as date bounds. */
export function lastDaysRange(days: number, now: Date, timeZone = 'UTC'): { from: string; to: string } {
  const today = dayKey(now, timeZone);
  return { from: addDays(today, 1 - days), to: today };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Share days in a time zone, and the streak over them. Shares are grouped by the database into
 * 15-minute UTC buckets (every time zone's offset today is a multiple of 15 minutes), and each
 * bucket is given its local day here with `Intl`, so the server's and the database's time zone
 * data can never disagree (a zone `Intl` accepts but Postgres does not know would be a 500).
 */

/** The calendar day (`YYYY-MM-DD`) of `instant` in `timeZone`. */
export function localDay(instant: Date, timeZone: string): string {
  const formatter = dayFormatters.get(timeZone) ?? makeFormatter(timeZone);
  return formatter.format(instant);
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function makeFormatter(timeZone: string): Intl.DateTimeFormat {
  // en-CA formats dates as YYYY-MM-DD.
  const formatter = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  if (dayFormatters.size > 100) dayFormatters.clear();
  dayFormatters.set(timeZone, formatter);
  return formatter;
}

/** The calendar day `days` after `day` (calendar arithmetic: DST never moves it). */
export function addCalendarDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The streak of a set of days with a share, as of `today`. */
export interface ShareStreak {
  /** Consecutive days ending today, or yesterday when there is no share yet today. */
  current: number;
  longest: number;
  lastShareDay: string | null;
}

/** Counts the current and longest runs of consecutive days in `days`. */
export function shareStreak(days: Iterable<string>, today: string): ShareStreak {
  const set = new Set(days);
  const sorted = [...set].sort();
  let longest = 0;
  let run = 0;
  let previous: string | undefined;
  for (const day of sorted) {
    run = previous !== undefined && addCalendarDays(previous, 1) === day ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  let current = 0;
  let cursor = set.has(today) ? today : addCalendarDays(today, -1);
  while (set.has(cursor)) {
    current += 1;
    cursor = addCalendarDays(cursor, -1);
  }
  return { current, longest, lastShareDay: sorted.at(-1) ?? null };
}

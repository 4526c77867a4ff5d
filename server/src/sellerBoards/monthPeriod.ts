/** Board periods: `'all'` or a UTC month `'YYYY-MM'`, as stored in `podium_seller_boards.period`. */
export type BoardPeriodKey = 'all' | (string & {});

/** The UTC month (`YYYY-MM`) `instant` falls in: the same key the triggers compute in SQL. */
export function monthKeyOf(instant: Date): string {
  return instant.toISOString().slice(0, 7);
}

/** The half-open UTC interval `[start, end)` of month `YYYY-MM`. */
export function monthBounds(month: string): { start: Date; end: Date } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return { start: utcMonthStart(year, monthNumber - 1), end: utcMonthStart(year, monthNumber) };
}

// Not Date.UTC: it maps years 0-99 to 1900-1999.
function utcMonthStart(year: number, monthIndex: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, 1);
  return date;
}

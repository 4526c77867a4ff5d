import { usePodium } from '../../hooks/usePodium.js';

/** Locale- and zone-aware formatting for everything the components print. */
export interface PodiumFormatters {
  readonly locale: string;
  readonly timeZone: string;
  /** A count with the locale's grouping, e.g. `1,234` or `1.234`. */
  number(value: number): string;
  /**
   * A tick of a chart's value axis whose ticks are `step` apart: as many decimals as the step
   * needs (`0.25`, not `0.250`), compact from a step of 1,000 (`15K`, `1.5 Mio.`).
   */
  axis(value: number, step: number): string;
  /** A ratio between 0 and 1 as a percentage, e.g. `87.5%`. */
  percent(ratio: number): string;
  /** An instant as date and time in the provider's zone. */
  dateTime(value: string | number | Date): string;
  /** The date part of `dateTime` alone, e.g. `Mar 9, 2025` (for two-line cells). */
  date(value: string | number | Date): string;
  /** The time part of `dateTime` alone, e.g. `4:24 PM`. */
  time(value: string | number | Date): string;
  /** A calendar day (`YYYY-MM-DD`), short (`Mar 9`); days have no zone, so none is applied. */
  day(day: string): string;
  /** Two calendar days as a compact range, e.g. `Mar 9 – 15, 2025`. */
  dayRange(from: string, to: string): string;
  /** An instant relative to `now`, e.g. `5 minutes ago`. */
  relativeTime(value: string | number | Date, now: number): string;
  /** The locale's plural category of a count (`one`, `other`, ...), to pick a label. */
  plural(count: number): Intl.LDMLPluralRule;
}

const cache = new Map<string, PodiumFormatters>();

function safe<T>(create: (locale: string, timeZone: string) => T, locale: string, timeZone: string): T {
  // A bad locale or zone from the host must not take the widget down: fall back, keep rendering.
  try {
    return create(locale, timeZone);
  } catch {
    try {
      return create(locale, 'UTC');
    } catch {
      return create('en-US', 'UTC');
    }
  }
}

const dayAsUtc = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * ICU versions disagree on the spaces they print: Node puts thin spaces around a range dash and a
 * narrow no-break space before AM/PM where a browser may print plain spaces. A page rendered on
 * the server (Next.js) would then not match what the browser renders, and React would throw a
 * hydration error. This runs on both sides, so every such space (thin, narrow no-break, no-break)
 * becomes the plain space that any version can be reduced to.
 */
const sameOnEveryIcu = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');

function createFormatters(locale: string, timeZone: string): PodiumFormatters {
  const number = safe((l) => new Intl.NumberFormat(l), locale, timeZone);
  const percent = safe((l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 1 }), locale, timeZone);
  const dateTime = safe(
    (l, tz) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short', timeZone: tz }),
    locale,
    timeZone,
  );
  const dateOnly = safe(
    (l, tz) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: tz }),
    locale,
    timeZone,
  );
  const timeOnly = safe(
    (l, tz) => new Intl.DateTimeFormat(l, { timeStyle: 'short', timeZone: tz }),
    locale,
    timeZone,
  );
  const day = safe((l) => new Intl.DateTimeFormat(l, { month: 'short', day: 'numeric', timeZone: 'UTC' }), locale, timeZone);
  const dayWithYear = safe((l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' }), locale, timeZone);
  const relative = safe((l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }), locale, timeZone);
  // Seconds always as a number: 'auto' would turn 0 s into "now" ("figures from now").
  const relativeSeconds = safe((l) => new Intl.RelativeTimeFormat(l, { numeric: 'always' }), locale, timeZone);
  const plural = safe((l) => new Intl.PluralRules(l), locale, timeZone);
  const compact = safe(
    (l) => new Intl.NumberFormat(l, { notation: 'compact', maximumSignificantDigits: 3 }),
    locale,
    timeZone,
  );
  const byDecimals = new Map<number, Intl.NumberFormat>();
  const withDecimals = (digits: number) => {
    let format = byDecimals.get(digits);
    if (!format) {
      format = safe((l) => new Intl.NumberFormat(l, { maximumFractionDigits: digits }), locale, timeZone);
      byDecimals.set(digits, format);
    }
    return format;
  };
  return {
    locale,
    timeZone,
    number: (value) => sameOnEveryIcu(number.format(value)),
    axis: (value, step) => {
      if (step >= 1000) return sameOnEveryIcu(compact.format(value));
      let digits = 0;
      while (digits < 20 && !Number.isInteger(Number((step * 10 ** digits).toPrecision(12)))) digits++;
      return sameOnEveryIcu(withDecimals(digits).format(value));
    },
    percent: (ratio) => sameOnEveryIcu(percent.format(ratio)),
    dateTime: (value) => sameOnEveryIcu(dateTime.format(new Date(value))),
    date: (value) => sameOnEveryIcu(dateOnly.format(new Date(value))),
    time: (value) => sameOnEveryIcu(timeOnly.format(new Date(value))),
    day: (value) => sameOnEveryIcu(day.format(dayAsUtc(value))),
    dayRange: (from, to) => sameOnEveryIcu(dayWithYear.formatRange(dayAsUtc(from), dayAsUtc(to))),
    relativeTime: (value, now) => {
      const seconds = Math.round((new Date(value).getTime() - now) / 1000);
      const abs = Math.abs(seconds);
      const text =
        abs < 60
          ? relativeSeconds.format(seconds, 'second')
          : abs < 3600
            ? relative.format(Math.round(seconds / 60), 'minute')
            : abs < 86_400
              ? relative.format(Math.round(seconds / 3600), 'hour')
              : relative.format(Math.round(seconds / 86_400), 'day');
      return sameOnEveryIcu(text);
    },
    plural: (count) => plural.select(count),
  };
}

/**
 * Formatters for the provider's `locale` and `timeZone`. Intl formatters are costly to build, so
 * they are created once per locale and zone and shared by every widget.
 */
export function useFormatters(): PodiumFormatters {
  const { locale, timeZone } = usePodium();
  const key = `${locale}\u0000${timeZone}`;
  let formatters = cache.get(key);
  if (!formatters) {
    formatters = createFormatters(locale, timeZone);
    // Locales and zones per page are few; the bound only guards against pathological hosts.
    if (cache.size > 50) cache.clear();
    cache.set(key, formatters);
  }
  return formatters;
}

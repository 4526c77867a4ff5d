import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarPeriodKinds,
  isoWeekKey,
  isPeriodKey,
  periodBounds,
  periodKeyOf,
  utcDayKey,
  utcDayNumber,
  utcMonthKey,
} from '../../src/shared/periodKeys.js';

const at = (iso: string) => new Date(iso);

describe('isoWeekKey', () => {
  it.each([
    // The ISO week-year is the year of the week's Thursday, not the calendar year.
    ['2024-12-29T23:59:59.999Z', '2024-W52'],
    ['2024-12-30T00:00:00.000Z', '2025-W01'],
    ['2025-01-05T23:59:59.999Z', '2025-W01'],
    ['2025-01-06T00:00:00.000Z', '2025-W02'],
    ['2021-01-03T12:00:00.000Z', '2020-W53'],
    ['2021-01-04T00:00:00.000Z', '2021-W01'],
    ['2026-12-31T12:00:00.000Z', '2026-W53'],
    ['2027-01-03T23:59:59.999Z', '2026-W53'],
    ['2027-01-04T00:00:00.000Z', '2027-W01'],
    ['2026-11-27T10:00:00.000Z', '2026-W48'],
    ['2015-12-31T00:00:00.000Z', '2015-W53'],
    ['1970-01-01T00:00:00.000Z', '1970-W01'],
    ['1969-12-29T00:00:00.000Z', '1970-W01'],
    ['1969-12-28T23:59:59.999Z', '1969-W52'],
  ])('puts %s in %s', (instant, week) => {
    expect(isoWeekKey(at(instant))).toBe(week);
    expect(periodKeyOf('week', at(instant))).toBe(week);
  });

  it('counts in UTC, not the machine zone: a Sunday evening in New York is Monday in UTC', () => {
    // 2025-01-05 20:00 in New York (UTC-5) is 2025-01-06 01:00 UTC: the next ISO week.
    expect(isoWeekKey(at('2025-01-05T20:00:00-05:00'))).toBe('2025-W02');
  });
});

describe('utcDayKey, utcMonthKey, utcDayNumber', () => {
  it('read the UTC calendar', () => {
    const instant = at('2024-02-29T23:30:00-02:00'); // 2024-03-01T01:30Z
    expect(utcDayKey(instant)).toBe('2024-03-01');
    expect(utcMonthKey(instant)).toBe('2024-03');
    expect(periodKeyOf('day', instant)).toBe('2024-03-01');
    expect(periodKeyOf('month', instant)).toBe('2024-03');
  });

  it('numbers whole UTC days from 1970-01-01, flooring before it', () => {
    expect(utcDayNumber(at('1970-01-01T00:00:00Z'))).toBe(0);
    expect(utcDayNumber(at('1970-01-01T23:59:59.999Z'))).toBe(0);
    expect(utcDayNumber(at('1970-01-02T00:00:00Z'))).toBe(1);
    expect(utcDayNumber(at('1969-12-31T23:59:59.999Z'))).toBe(-1);
    expect(utcDayNumber(at('2026-01-01T12:00:00Z'))).toBe(20_454);
  });
});

describe('periodBounds', () => {
  it.each([
    ['day', '2024-02-29', '2024-02-29T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    ['day', '2026-12-31', '2026-12-31T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['week', '2025-W01', '2024-12-30T00:00:00.000Z', '2025-01-06T00:00:00.000Z'],
    ['week', '2020-W53', '2020-12-28T00:00:00.000Z', '2021-01-04T00:00:00.000Z'],
    ['week', '2026-W53', '2026-12-28T00:00:00.000Z', '2027-01-04T00:00:00.000Z'],
    ['week', '2026-W48', '2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z'],
    ['month', '2024-02', '2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    ['month', '2026-12', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
  ] as const)('gives the %s %s as [%s, %s)', (kind, key, start, end) => {
    const bounds = periodBounds(kind, key);
    expect(bounds.start.toISOString()).toBe(start);
    expect(bounds.end.toISOString()).toBe(end);
    // The round trip: the first and last instants are in the period, the end is not.
    expect(periodKeyOf(kind, bounds.start)).toBe(key);
    expect(periodKeyOf(kind, new Date(bounds.end.getTime() - 1))).toBe(key);
    expect(periodKeyOf(kind, bounds.end)).not.toBe(key);
    expect(periodKeyOf(kind, new Date(bounds.start.getTime() - 1))).not.toBe(key);
  });

  it('throws on a malformed key rather than guessing', () => {
    expect(() => periodBounds('day', '2026-1-5')).toThrow(RangeError);
    expect(() => periodBounds('week', '2026-48')).toThrow(/ISO week such as 2026-W48/);
    expect(() => periodBounds('month', '2026-11-01')).toThrow(RangeError);
  });

  it('throws on a well-shaped key of a period that does not exist instead of answering another one', () => {
    // Date parsing would roll 2026-02-30 over to March 2nd, and 2025-W53 is 2026-W01.
    expect(() => periodBounds('day', '2026-02-30')).toThrow(RangeError);
    expect(() => periodBounds('week', '2025-W53')).toThrow(RangeError);
  });
});

describe('isPeriodKey', () => {
  it.each([
    ['day', '2026-02-28', true],
    ['day', '2024-02-29', true],
    ['day', '2026-02-29', false],
    ['day', '2026-02-30', false],
    ['day', '2026-04-31', false],
    ['day', '2026-13-01', false],
    ['day', '2026-11-27T00:00:00Z', false],
    ['day', ' 2026-11-27', false],
    ['week', '2026-W53', true],
    ['week', '2020-W53', true],
    ['week', '2025-W53', false],
    ['week', '2025-W52', true],
    ['week', '2026-W00', false],
    ['week', '2026-W54', false],
    ['week', '2026-w48', false],
    ['month', '2026-12', true],
    ['month', '2026-13', false],
    ['month', '2026-00', false],
    ['month', '2026-1', false],
    ['month', '2026-W48', false],
    ['day', '', false],
  ] as const)('%s %j → %s', (kind, key, expected) => {
    expect(isPeriodKey(kind, key)).toBe(expected);
  });

  it('accepts exactly the keys periodKeyOf produces, for every kind', () => {
    for (const kind of calendarPeriodKinds) {
      expect(isPeriodKey(kind, periodKeyOf(kind, at('2026-06-15T12:00:00Z')))).toBe(true);
    }
  });
});

describe('early years (the key patterns take any four-digit year)', () => {
  it('writes four-digit week-years and does not read years 0-99 as 1900-1999', () => {
    expect(isoWeekKey(at('0999-12-29T23:59:59.999Z'))).toBe('0999-W52');
    expect(isoWeekKey(at('0050-06-15T00:00:00.000Z'))).toBe('0050-W24');
    expect(periodBounds('week', '0050-W24').start.toISOString()).toBe('0050-06-13T00:00:00.000Z');
    expect(periodBounds('month', '0050-01').start.toISOString()).toBe('0050-01-01T00:00:00.000Z');
    expect(isPeriodKey('month', '0050-01')).toBe(true);
    expect(isPeriodKey('week', '0050-W24')).toBe(true);
  });
});

describe('periodKeyOf and periodBounds agree (property)', () => {
  // Every instant whose keys have four-digit years, as the key patterns allow.
  const instants = fc.date({
    min: new Date('0001-01-01T00:00:00.000Z'),
    max: new Date('9999-12-31T23:59:59.999Z'),
    noInvalidDate: true,
  });

  it('puts every instant within the bounds of its own period, and the key is valid', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...calendarPeriodKinds), (instant, kind) => {
        const key = periodKeyOf(kind, instant);
        expect(isPeriodKey(kind, key)).toBe(true);
        const { start, end } = periodBounds(kind, key);
        expect(start.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(instant.getTime()).toBeLessThan(end.getTime());
      }),
      { numRuns: 2000 },
    );
  });

  it('holds in the years people score in, where most runs should land', () => {
    const recent = fc.date({
      min: new Date('1990-01-01T00:00:00.000Z'),
      max: new Date('2100-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(recent, fc.constantFrom(...calendarPeriodKinds), (instant, kind) => {
        const { start, end } = periodBounds(kind, periodKeyOf(kind, instant));
        expect(start.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(instant.getTime()).toBeLessThan(end.getTime());
        // Periods are whole UTC days: a day, 7 days, or 28 to 31 days.
        const days = (end.getTime() - start.getTime()) / 86_400_000;
        expect(kind === 'day' ? days === 1 : kind === 'week' ? days === 7 : days >= 28 && days <= 31).toBe(
          true,
        );
      }),
      { numRuns: 2000 },
    );
  });
});

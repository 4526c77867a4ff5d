import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayKey,
  daysInRange,
  eachDay,
  isValidTimeZone,
  lastDaysRange,
  resolveRange,
  startOfDay,
  timeZoneOffsetMs,
} from '../../src/shared/periods.js';

describe('dayKey', () => {
  it('reads the calendar day in the given zone, not the machine zone', () => {
    const instant = new Date('2024-03-10T23:30:00Z');
    expect(dayKey(instant, 'UTC')).toBe('2024-03-10');
    expect(dayKey(instant, 'Europe/Paris')).toBe('2024-03-11');
    expect(dayKey(instant, 'America/Los_Angeles')).toBe('2024-03-10');
    expect(dayKey(instant, 'Pacific/Auckland')).toBe('2024-03-11');
  });
});

describe('startOfDay', () => {
  it('finds local midnight in zones east and west of UTC', () => {
    expect(startOfDay('2024-01-15', 'UTC').toISOString()).toBe('2024-01-15T00:00:00.000Z');
    expect(startOfDay('2024-01-15', 'Europe/Paris').toISOString()).toBe('2024-01-14T23:00:00.000Z');
    expect(startOfDay('2024-07-15', 'Europe/Paris').toISOString()).toBe('2024-07-14T22:00:00.000Z');
    expect(startOfDay('2024-01-15', 'America/New_York').toISOString()).toBe('2024-01-15T05:00:00.000Z');
  });

  it('handles the days a DST change happens on', () => {
    // Paris springs forward at 02:00 on 2024-03-31 and falls back at 03:00 on 2024-10-27.
    expect(startOfDay('2024-03-31', 'Europe/Paris').toISOString()).toBe('2024-03-30T23:00:00.000Z');
    expect(startOfDay('2024-04-01', 'Europe/Paris').toISOString()).toBe('2024-03-31T22:00:00.000Z');
    expect(startOfDay('2024-10-28', 'Europe/Paris').toISOString()).toBe('2024-10-27T23:00:00.000Z');
  });

  it('starts a day whose midnight does not exist at the jump (Santiago, 2024-09-08)', () => {
    const start = startOfDay('2024-09-08', 'America/Santiago');
    expect(dayKey(start, 'America/Santiago')).toBe('2024-09-08');
    expect(dayKey(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2024-09-07');
  });

  it('round-trips with dayKey for every day of a year in several zones', () => {
    for (const zone of ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      for (const day of eachDay('2024-01-01', '2024-12-31')) {
        const start = startOfDay(day, zone);
        expect(dayKey(start, zone)).toBe(day);
        expect(dayKey(new Date(start.getTime() - 1), zone)).toBe(addDays(day, -1));
      }
    }
  });
});

describe('timeZoneOffsetMs', () => {
  it('gives the offset in force at the instant', () => {
    expect(timeZoneOffsetMs(new Date('2024-01-01T12:00:00Z'), 'Europe/Paris')).toBe(3_600_000);
    expect(timeZoneOffsetMs(new Date('2024-07-01T12:00:00Z'), 'Europe/Paris')).toBe(7_200_000);
    expect(timeZoneOffsetMs(new Date('2024-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe(19_800_000);
  });
});

describe('addDays / eachDay', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(eachDay('2024-12-30', '2025-01-02')).toEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']);
    expect(eachDay('2024-01-02', '2024-01-01')).toEqual([]);
  });
});

describe('resolveRange', () => {
  const now = new Date('2024-06-15T10:00:00Z');

  it('makes date bounds whole days in the zone, `to` inclusive', () => {
    const range = resolveRange({ from: '2024-06-01', to: '2024-06-03', timeZone: 'Europe/Paris' }, now);
    expect(range.start.toISOString()).toBe('2024-05-31T22:00:00.000Z');
    expect(range.end.toISOString()).toBe('2024-06-03T22:00:00.000Z');
    expect(daysInRange(range)).toEqual(['2024-06-01', '2024-06-02', '2024-06-03']);
  });

  it('takes timestamps as exact instants, `to` exclusive', () => {
    const range = resolveRange({ from: '2024-06-01T12:00:00Z', to: '2024-06-02T06:00:00+02:00' }, now);
    expect(range.start.toISOString()).toBe('2024-06-01T12:00:00.000Z');
    expect(range.end.toISOString()).toBe('2024-06-02T04:00:00.000Z');
    expect(daysInRange(range)).toEqual(['2024-06-01', '2024-06-02']);
  });

  it('defaults to the last 30 calendar days ending today in the zone', () => {
    const range = resolveRange({ timeZone: 'Pacific/Auckland' }, now);
    const days = daysInRange(range);
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toBe(dayKey(now, 'Pacific/Auckland'));
    expect(days.at(-1)).toBe('2024-06-15');
  });

  it('counts `defaultDays` back from an explicit `to`', () => {
    expect(daysInRange(resolveRange({ to: '2024-01-10' }, now, 7))).toEqual(eachDay('2024-01-04', '2024-01-10'));
  });
});

describe('lastDaysRange', () => {
  it('ends today in the zone and spans the given number of days', () => {
    const now = new Date('2024-06-30T23:30:00Z');
    expect(lastDaysRange(7, now, 'UTC')).toEqual({ from: '2024-06-24', to: '2024-06-30' });
    expect(lastDaysRange(7, now, 'Asia/Tokyo')).toEqual({ from: '2024-06-25', to: '2024-07-01' });
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA zones and rejects anything else', () => {
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('x'.repeat(100))).toBe(false);
  });
});

import * as z from 'zod/mini';
import { defineSchema } from './defineSchema.js';

/**
 * Calendar dates in queries (`YYYY-MM-DD`, UTC days). Only dates that exist and fall between
 * {@link minQueryDate} and {@link maxQueryDate} are accepted: `new Date('2024-13-01')` is invalid
 * (its `toISOString()` throws a RangeError), years below 100 are read as 19xx by `Date.UTC`,
 * Postgres has no year 0, and a day after 9999-12-31 cannot be written as `YYYY-MM-DD`.
 */
export const minQueryDate = '1970-01-01';
export const maxQueryDate = '9998-12-31';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** True for a `YYYY-MM-DD` date that exists (no 2024-02-30) within the accepted years. */
export function isCalendarDate(value: string): boolean {
  if (!datePattern.test(value) || value < minQueryDate || value > maxQueryDate) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls 2024-02-30 over to March 1st; the round trip catches it.
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** True for an instant within the accepted dates (so every day around it has a `YYYY-MM-DD`). */
export function isQueryInstant(time: number): boolean {
  return (
    time >= Date.parse(`${minQueryDate}T00:00:00Z`) && time <= Date.parse(`${maxQueryDate}T23:59:59.999Z`)
  );
}

/** The message every date field answers: what is wanted, with the accepted span. */
export const calendarDateMessage = `must be a real date (YYYY-MM-DD) between ${minQueryDate} and ${maxQueryDate}`;

/** A query date `YYYY-MM-DD`: see {@link isCalendarDate}. */
export const calendarDateSchema = /* @__PURE__ */ defineSchema(() =>
  z.string({ error: 'must be a date (YYYY-MM-DD)' }).check(z.refine(isCalendarDate, calendarDateMessage)),
);

import { lastDaysRange } from '../../src/shared/periods.js';

/** The preset ranges JobStats offers: the last N calendar days, today included. */
export const jobStatsPresets = [7, 30, 90] as const;

/** A preset length in days. */
export type JobStatsPreset = (typeof jobStatsPresets)[number];

/**
 * The date range a job-statistics view shows: a preset of the last 7, 30 or 90 days (moving with
 * the clock), or a fixed custom range of calendar days (`YYYY-MM-DD`, both included).
 */
export type JobStatsRange =
  | { preset: JobStatsPreset }
  | { preset: 'custom'; from: string; to: string };

/** The default range of a job-statistics view. */
export const defaultJobStatsRange: JobStatsRange = { preset: 30 };

/**
 * The `from` / `to` date bounds (`YYYY-MM-DD`, inclusive) that `GET /stats` takes for `range`.
 * Presets are counted in `timeZone` so that "today" is the user's today, not UTC's.
 */
export function resolveJobStatsRange(
  range: JobStatsRange,
  now: Date,
  timeZone = 'UTC',
): { from: string; to: string } {
  if (range.preset === 'custom') return { from: range.from, to: range.to };
  return lastDaysRange(range.preset, now, timeZone);
}

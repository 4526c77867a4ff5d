import { maxJobStatsRangeDays } from '../../src/jobs/contract.js';

/** Why a custom range cannot be queried. */
export type JobStatsRangeProblem = 'missing' | 'invalid' | 'order' | 'tooLong';

/** The outcome of {@link validateJobStatsRange}. */
export type JobStatsRangeValidation =
  | { valid: true; days: number }
  | { valid: false; problem: JobStatsRangeProblem; /** Length in days, for `tooLong`. */ days?: number };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function toUtcMidnight(day: string): number | null {
  if (!DATE_ONLY.test(day)) return null;
  const time = Date.parse(`${day}T00:00:00Z`);
  // Date.parse rolls 2025-02-30 over to March; reject it instead of querying a day nobody chose.
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day) return null;
  return time;
}

/**
 * Checks a custom range of calendar days (`YYYY-MM-DD`, both included) before it is queried, with
 * the same limits the server applies, so that the user sees an inline error instead of a 400.
 */
export function validateJobStatsRange(
  from: string | undefined,
  to: string | undefined,
  maxDays: number = maxJobStatsRangeDays,
): JobStatsRangeValidation {
  if (!from || !to) return { valid: false, problem: 'missing' };
  const start = toUtcMidnight(from);
  const end = toUtcMidnight(to);
  if (start === null || end === null) return { valid: false, problem: 'invalid' };
  if (start > end) return { valid: false, problem: 'order' };
  const days = Math.round((end - start) / DAY_MS) + 1;
  if (days > maxDays) return { valid: false, problem: 'tooLong', days };
  return { valid: true, days };
}

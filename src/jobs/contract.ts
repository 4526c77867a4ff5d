import * as z from 'zod/mini';
import { defineSchema } from '../shared/defineSchema.js';
import { wholeNumberParam } from '../shared/queryParams.js';
import { isValidTimeZone } from '../shared/periods.js';
import { isCalendarDate, isQueryInstant, maxQueryDate, minQueryDate } from '../shared/dates.js';
import { printableTextSchema } from '../shared/text.js';

/**
 * Job statistics (design note 002): a host's backend records the jobs its users start
 * ("create N accounts") and each user reads how their jobs went over a date range.
 *
 * Job records keep the note's snake_case field names so hosts built on that design keep their
 * payloads; the aggregate response around them is camelCase like the rest of Podium.
 */

/** `PATCH` records a job, `GET` reads the user's statistics. Relative to the API base path. */
export const jobStatsRoute = '/stats';

export const jobStatuses = ['pending', 'processing', 'completed', 'failed'] as const;
export const jobStatusSchema = /* @__PURE__ */ defineSchema(() => z.enum(jobStatuses));
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** Terminal statuses: a job that reaches one of them never changes again. */
export const terminalJobStatuses: readonly JobStatus[] = ['completed', 'failed'];

/** Largest count a job may carry (the column is a 32-bit integer). */
export const maxJobCount = 2_147_483_647;
/** Longest accepted `job_id`. */
export const maxJobIdLength = 200;

/** A count a caller sends (a function, not a constant, so that it is built only where used). */
const countSchema = () =>
  z
    .number({ error: 'must be a number' })
    .check(
      z.int('must be a whole number'),
      z.minimum(0, 'must not be negative'),
      z.maximum(maxJobCount, `must be at most ${maxJobCount}`),
    );

/** A count the server answers: a whole number, 0 or more. */
const storedCount = () => z.number().check(z.int(), z.nonnegative());

/**
 * Body of `PATCH /stats`. Everything but `job_id` is optional: a missing field keeps its stored
 * value (or its default, 0 / `pending`, when the job is new). Unknown fields are rejected.
 */
export const recordJobBodySchema = /* @__PURE__ */ defineSchema(() =>
  z
    .strictObject({
      job_id: printableTextSchema(maxJobIdLength),
      requested_count: z.optional(countSchema()),
      successful_count: z.optional(countSchema()),
      failed_count: z.optional(countSchema()),
      status: z.optional(jobStatusSchema),
    })
    .check(
      z.superRefine((body, ctx) => {
        const outcomes = (body.successful_count ?? 0) + (body.failed_count ?? 0);
        if (body.requested_count !== undefined && outcomes > body.requested_count) {
          const message = `successful_count + failed_count (${outcomes}) exceeds requested_count (${body.requested_count})`;
          for (const field of ['successful_count', 'failed_count'] as const) {
            if (body[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message });
          }
        }
      }),
    ),
);

export type RecordJobBody = z.infer<typeof recordJobBodySchema>;

/** A stored job, as `PATCH /stats` returns it and as it appears in `GET /stats`. */
export const jobSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    job_id: z.string(),
    requested_count: storedCount(),
    successful_count: storedCount(),
    failed_count: storedCount(),
    status: jobStatusSchema,
    /** When the job was first recorded (ISO 8601, UTC). Ranges select jobs by this instant. */
    created_at: z.iso.datetime({ offset: true }),
    /** When the job last changed. */
    updated_at: z.iso.datetime({ offset: true }),
    /** Set once, when the job first reaches `completed` or `failed`. */
    completed_at: z.nullable(z.iso.datetime({ offset: true })),
  }),
);

export type Job = z.infer<typeof jobSchema>;

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const timestampWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * A range bound: a calendar date `YYYY-MM-DD` (whole days in `tz`) or an ISO timestamp with an
 * offset (an exact instant), between 1970-01-01 and 9998-12-31 (see `isCalendarDate`).
 */
export const rangeBoundSchema = /* @__PURE__ */ defineSchema(() =>
  z
    .string({ error: 'must be a string' })
    .check(
      z.refine(
        (value) =>
          isCalendarDate(value) || (timestampWithOffset.test(value) && isQueryInstant(Date.parse(value))),
        `must be a date (YYYY-MM-DD) or an ISO timestamp with an offset, between ${minQueryDate} and ${maxQueryDate}`,
      ),
    ),
);

/** Default page size of the jobs list, and its maximum. */
export const defaultJobsPageSize = 20;
export const maxJobsPageSize = 100;
/** Longest range `GET /stats` accepts, in days (keeps the per-day series bounded). */
export const maxJobStatsRangeDays = 400;

/**
 * Query of `GET /stats`. `from` and `to` default to the last 30 days in `tz`. A date `to` includes
 * that whole day; a timestamp `to` is exclusive. `tz` is an IANA zone name and sets the day
 * boundaries of date bounds and of the per-day series (UTC by default).
 */
export const jobStatsQuerySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    from: z.optional(rangeBoundSchema),
    to: z.optional(rangeBoundSchema),
    tz: z._default(
      z.string().check(z.refine(isValidTimeZone, 'must be an IANA time zone such as UTC or Europe/Paris')),
      'UTC',
    ),
    limit: wholeNumberParam(1, maxJobsPageSize, defaultJobsPageSize),
    /** Opaque cursor from a previous response's `nextCursor`. */
    cursor: z.optional(z.string().check(z.maxLength(200))),
  }),
);

/** What a caller passes: every field optional (`limit` as a number). */
export type JobStatsQuery = Omit<z.input<typeof jobStatsQuerySchema>, 'limit'> & { limit?: number };
export type JobStatsParams = z.output<typeof jobStatsQuerySchema>;

export const jobTotalsSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    /** Jobs created in the range. */
    jobs: storedCount(),
    requested: storedCount(),
    successful: storedCount(),
    failed: storedCount(),
    /**
     * successful / (successful + failed): the share of finished outcomes that succeeded, between
     * 0 and 1; `null` when nothing has finished yet. Outcomes still pending do not lower it.
     */
    successRate: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
    /** Jobs by status. `pending + processing > 0` means the range is still moving. */
    byStatus: z.object({
      pending: storedCount(),
      processing: storedCount(),
      completed: storedCount(),
      failed: storedCount(),
    }),
  }),
);

export type JobTotals = z.infer<typeof jobTotalsSchema>;

/** One day of the series (`date` is the calendar day in the response's `tz`). */
export const jobDaySchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    date: z.string().check(z.regex(dateOnly)),
    jobs: storedCount(),
    requested: storedCount(),
    successful: storedCount(),
    failed: storedCount(),
  }),
);

export type JobDay = z.infer<typeof jobDaySchema>;

export const jobStatsResponseSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    range: z.object({
      /** Inclusive start, ISO 8601 UTC. */
      from: z.iso.datetime({ offset: true }),
      /** Exclusive end, ISO 8601 UTC. */
      to: z.iso.datetime({ offset: true }),
      tz: z.string(),
    }),
    totals: jobTotalsSchema,
    /** Every calendar day of the range in order, days without jobs included as zeros. */
    series: z.array(jobDaySchema),
    /** A page of the range's jobs, newest first. */
    jobs: z.array(jobSchema),
    /** Pass as `cursor` for the next page; `null` on the last page. */
    nextCursor: z.nullable(z.string()),
  }),
);

export type JobStatsResponse = z.infer<typeof jobStatsResponseSchema>;

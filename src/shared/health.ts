import * as z from 'zod/mini';
import { defineSchema } from './defineSchema.js';

/** Route of the health endpoint, relative to the API base path. */
export const healthRoute = '/health';

export const healthStatusSchema = /* @__PURE__ */ defineSchema(() => z.enum(['pass', 'warn', 'fail']));
export type HealthStatus = z.infer<typeof healthStatusSchema>;

/**
 * One check per dependency, in the spirit of the IETF "Health Check Response Format for HTTP APIs"
 * draft (`application/health+json`).
 */
export const healthCheckSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    componentId: z.string(),
    componentType: z.string(),
    status: healthStatusSchema,
    /** Milliseconds the check took (or the timeout, when it timed out). */
    observedValue: z.number(),
    observedUnit: z.literal('ms'),
    time: z.string(),
    output: z.optional(z.string()),
    /** A check's own figures, present whatever its status (e.g. a cache's lookups and hit rate). */
    details: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  }),
);

export const healthResponseSchema = /* @__PURE__ */ defineSchema(() =>
  z.object({
    status: healthStatusSchema,
    version: z.string(),
    serviceId: z.string(),
    description: z.string(),
    checks: z.record(z.string(), z.array(healthCheckSchema)),
  }),
);

export type HealthCheck = z.infer<typeof healthCheckSchema>;
export type HealthResponse = z.infer<typeof healthResponseSchema>;

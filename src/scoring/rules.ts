import * as z from 'zod/mini';
import { defineSchema } from '../shared/defineSchema.js';
import { isPeriodKey } from '../shared/periodKeys.js';

/**
 * Scoring rules as data (design note 003's action table, made declarative): JSON-serializable,
 * validated here, replaceable by the host (`createApp({ scoring: { rules } })` or the
 * `PODIUM_SCORING_RULES` file) and served at `GET /scores/rules` so a UI can show how to earn
 * points. Points of an event = `base` × every applicable multiplier, rounded half up.
 */

/** Action names: upper snake case, as the note writes them (`TRADE_EXECUTE`). */
export const actionNamePattern = /^[A-Z][A-Z0-9_]{0,63}$/;
/** Category names: lower case words (`trading`, `copy-trading`). */
export const categoryPattern = /^[a-z][a-z0-9_-]{0,31}$/;
/** Metadata field names a multiplier reads. */
const fieldPattern = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const factorSchema = () => z.number().check(z.positive('must be greater than 0'), z.maximum(1000));

/**
 * One multiplier, read from the event's `metadata[field]`. Absent or of the wrong type: ×1.
 * - `tiers`: the first tier whose bound holds wins (`min`: value ≥ min; `below`: value < below).
 * - `flag`: ×factor when the field is `true`.
 * - `proportional`: ×value, clamped to `[0, max]` (10 copiers: ×10).
 */
export const multiplierSchema = /* @__PURE__ */ defineSchema(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('tiers'),
      field: z.string().check(z.regex(fieldPattern)),
      tiers: z
        .array(
          z
            .strictObject({
              min: z.optional(z.number()),
              below: z.optional(z.number()),
              factor: factorSchema(),
            })
            .check(
              z.refine(
                (tier) => (tier.min === undefined) !== (tier.below === undefined),
                'give exactly one of min and below',
              ),
            ),
        )
        .check(z.minLength(1), z.maxLength(20)),
    }),
    z.strictObject({
      kind: z.literal('flag'),
      field: z.string().check(z.regex(fieldPattern)),
      factor: factorSchema(),
    }),
    z.strictObject({
      kind: z.literal('proportional'),
      field: z.string().check(z.regex(fieldPattern)),
      max: factorSchema(),
    }),
  ]),
);
export type Multiplier = z.infer<typeof multiplierSchema>;

/**
 * A milestone the engine awards by itself (hosts cannot send it): on the user's first `action`
 * (optionally with `metadata[field] > above`), or when the streak reaches `streakDays`.
 */
export const milestoneTriggerSchema = /* @__PURE__ */ defineSchema(() =>
  z.union([
    z.strictObject({
      action: z.string().check(z.regex(actionNamePattern)),
      field: z.optional(z.string().check(z.regex(fieldPattern))),
      above: z.optional(z.number()),
    }),
    z.strictObject({ streakDays: z.number().check(z.int(), z.positive(), z.maximum(3650)) }),
  ]),
);
export type MilestoneTrigger = z.infer<typeof milestoneTriggerSchema>;

export const actionRuleSchema = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    /** Points before multipliers. */
    base: z.number().check(z.int(), z.nonnegative(), z.maximum(1_000_000)),
    /** The category boards it counts on when the event names none. */
    category: z.string().check(z.regex(categoryPattern)),
    /** Awarded once per user ever; later ones are `ignored` (`already_awarded`). */
    oneTime: z.optional(z.boolean()),
    /** Derived by the engine: refused from hosts (`ignored`, `derived_milestone`). Implies `oneTime`. */
    milestone: z.optional(milestoneTriggerSchema),
    multipliers: z.optional(z.array(multiplierSchema).check(z.maxLength(20))),
    /** A short description a UI can show ("Execute a trade"). */
    description: z.optional(z.string().check(z.maxLength(200))),
  }),
);
export type ActionRule = z.infer<typeof actionRuleSchema>;

/** An achievement of the catalogue, unlocked when its condition first holds. */
export const achievementRuleSchema = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    id: z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/)),
    name: z.string().check(z.minLength(1), z.maxLength(80)),
    description: z.string().check(z.maxLength(200)),
    condition: z.discriminatedUnion('kind', [
      /** Holding a one-time or milestone action (`FIRST_TRADE`). */
      z.strictObject({ kind: z.literal('action'), action: z.string().check(z.regex(actionNamePattern)) }),
      /** One event of `action` with `metadata[field] ≥ min` (a 10,000 USD trade). */
      z.strictObject({
        kind: z.literal('event'),
        action: z.string().check(z.regex(actionNamePattern)),
        field: z.string().check(z.regex(fieldPattern)),
        min: z.number(),
      }),
      /** `count` scored events of `action`. */
      z.strictObject({
        kind: z.literal('count'),
        action: z.string().check(z.regex(actionNamePattern)),
        count: z.number().check(z.int(), z.positive()),
      }),
      /** `points` lifetime points. */
      z.strictObject({ kind: z.literal('points'), points: z.number().check(z.int(), z.positive()) }),
    ]),
  }),
);
export type AchievementRule = z.infer<typeof achievementRuleSchema>;

export const scoringRulesSchema = /* @__PURE__ */ defineSchema(() =>
  z
    .strictObject({
      actions: z.record(
        z.string().check(z.regex(actionNamePattern, 'action names are upper snake case')),
        actionRuleSchema,
      ),
      achievements: z.array(achievementRuleSchema).check(z.maxLength(500)),
      /** The trending board: a point earned d days ago counts `decayPerDay`^d. */
      trending: z.strictObject({
        decayPerDay: z.number().check(z.gt(0), z.lt(1)),
        /** The forward-decay landmark (a UTC day); weights grow from it, so keep it recent. */
        epoch: z
          .string()
          .check(z.refine((day) => isPeriodKey('day', day), 'must be a day such as 2026-01-01')),
      }),
      limits: z.strictObject({
        /** Points of one event above this are cut to it. */
        maxPointsPerEvent: z.number().check(z.int(), z.positive()),
        /** A user's points per UTC day; events beyond it are `ignored` (`daily_cap`). */
        maxPointsPerUserPerDay: z.number().check(z.int(), z.positive()),
        /** A user's events per minute (of arrival); beyond it, `ignored` (`rate_limited`). */
        maxEventsPerUserPerMinute: z.number().check(z.int(), z.positive()),
      }),
      streaks: z.strictObject({
        /** The action whose days (in the user's time zone) make the streak. */
        action: z.string().check(z.regex(actionNamePattern)),
        /** Freezes a user starts with. */
        initialFreezes: z.number().check(z.int(), z.nonnegative()),
        /** One more freeze each time the streak reaches a multiple of this many days (0: never). */
        earnFreezeEveryDays: z.number().check(z.int(), z.nonnegative()),
        /** Most freezes a user can hold. */
        maxFreezes: z.number().check(z.int(), z.nonnegative(), z.maximum(100)),
      }),
    })
    .check(
      // Cross-references, each reported at the field that holds the bad name so a host can find it.
      z.superRefine((rules, ctx) => {
        const isAction = (name: string) => Object.hasOwn(rules.actions, name);
        const ids = new Set<string>();
        rules.achievements.forEach((achievement, index) => {
          const { condition } = achievement;
          if ('action' in condition && !isAction(condition.action)) {
            ctx.issues.push({
              code: 'custom',
              message: 'every achievement must name an action of the rules',
              path: ['achievements', index, 'condition', 'action'],
              input: condition.action,
            });
          }
          // A second achievement with the same id could never show as unlocked.
          if (ids.has(achievement.id)) {
            ctx.issues.push({
              code: 'custom',
              message: 'achievement ids must be unique',
              path: ['achievements', index, 'id'],
              input: achievement.id,
            });
          }
          ids.add(achievement.id);
        });
        for (const [name, rule] of Object.entries(rules.actions)) {
          // A milestone that follows an action the rules lack could never be earned.
          if (rule.milestone && 'action' in rule.milestone && !isAction(rule.milestone.action)) {
            ctx.issues.push({
              code: 'custom',
              message: 'a milestone must follow an action of the rules',
              path: ['actions', name, 'milestone', 'action'],
              input: rule.milestone.action,
            });
          }
        }
        if (!isAction(rules.streaks.action)) {
          ctx.issues.push({
            code: 'custom',
            message: 'the streak action must be one of the rules',
            path: ['streaks', 'action'],
            input: rules.streaks.action,
          });
        }
      }),
    ),
);

export type ScoringRules = z.infer<typeof scoringRulesSchema>;

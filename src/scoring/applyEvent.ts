import { dayKey } from '../shared/periods.js';
import { utcDayKey, utcDayNumber } from '../shared/periodKeys.js';
import type { AchievementRule, ActionRule, ScoringRules } from './rules.js';
import { scoreAction, type ActionMetadata, type AppliedMultiplier } from './scoreAction.js';
import { streakState } from './streaks.js';

/**
 * The scoring engine, pure: one event against one user's state gives the ledger entries to store
 * (the event, and any milestone it earned) and the answer to send. The server runs it inside the
 * transaction that holds the user's row; the mocks run it in memory; the tests compare both with
 * a plain model. It mutates `state` so a batch's later events see the earlier ones.
 */

/** Why an event scored nothing. */
export const ignoreReasons = ['already_awarded', 'derived_milestone', 'daily_cap', 'rate_limited'] as const;
export type IgnoreReason = (typeof ignoreReasons)[number];

/** An event ready to score: validated, its time and category resolved. */
export interface ScoringEvent {
  eventId: string;
  userId: string;
  action: string;
  occurredAt: Date;
  /** The category given with the event, else the action's default. */
  category: string;
  metadata: ActionMetadata;
}

/** What the engine needs to know about a user; {@link applyEvent} updates it. */
export interface UserScoringState {
  /** The IANA zone streak days are counted in. */
  timeZone: string;
  /** Points of every scored, unrevoked entry. */
  lifetimePoints: number;
  /** Scored, unrevoked events per action (milestones included). */
  actionCounts: Map<string, number>;
  /** Points per UTC day, for the daily cap: at least the days the events being scored fall on. */
  dayPoints: Map<string, number>;
  /** Events that arrived in the last minute (the rate limit). */
  recentArrivals: number;
  /** Days (user's zone, sorted, distinct) with a scored streak action. */
  streakDays: string[];
  /** Achievements held: id → unlock time (ISO). */
  achievements: Map<string, string>;
}

/** One row of the ledger. */
export interface LedgerEntry {
  eventId: string;
  userId: string;
  action: string;
  category: string;
  occurredAt: string;
  metadata: ActionMetadata;
  status: 'scored' | 'ignored';
  reason: IgnoreReason | null;
  points: number;
  /** `points` × (1/decay)^(days since the trending epoch): what the trending board adds. */
  trendingWeight: number;
  /** The event that earned this milestone; `null` for an event the host sent. */
  parentEventId: string | null;
  /** For a scored entry of the streak action: its day in the user's zone (else `null`). */
  streakDay: string | null;
  /** Achievements this entry unlocked. */
  unlocked: string[];
}

/** A milestone an event earned, in its answer. */
export interface EarnedMilestone {
  action: string;
  eventId: string;
  points: number;
}

/** The answer for one event of `POST /scores/actions`. */
export interface EventOutcome {
  eventId: string;
  status: 'scored' | 'ignored';
  reason?: IgnoreReason;
  points: number;
  multipliers: AppliedMultiplier[];
  /** True when a cap cut the points. */
  capped: boolean;
  milestones: EarnedMilestone[];
  /** Every achievement the event unlocked (its milestones' included). */
  achievements: string[];
}

/** The id of a milestone `action` earned by event `eventId` (`#` never occurs in host event ids). */
export function milestoneEventId(eventId: string, action: string): string {
  return `${eventId}#${action}`;
}

/** A new, empty user state. */
export function emptyUserState(timeZone = 'UTC'): UserScoringState {
  return {
    timeZone,
    lifetimePoints: 0,
    actionCounts: new Map(),
    dayPoints: new Map(),
    recentArrivals: 0,
    streakDays: [],
    achievements: new Map(),
  };
}

/** The trending weight of `points` earned at `occurredAt` (forward decay from the rules' epoch). */
export function trendingWeight(rules: ScoringRules, points: number, occurredAt: Date): number {
  const days = utcDayNumber(occurredAt) - utcDayNumber(new Date(`${rules.trending.epoch}T00:00:00Z`));
  return points * Math.pow(1 / rules.trending.decayPerDay, days);
}

/** The trending value of a stored weight as of `now`: what `decay^d` of every point adds up to. */
export function trendingValue(rules: ScoringRules, weight: number, now: Date): number {
  const days = utcDayNumber(now) - utcDayNumber(new Date(`${rules.trending.epoch}T00:00:00Z`));
  return weight * Math.pow(rules.trending.decayPerDay, days);
}

/** Scores `event` (not yet in the ledger) for a user whose state is `state`, updating it. */
export function applyEvent(
  rules: ScoringRules,
  state: UserScoringState,
  event: ScoringEvent,
): { outcome: EventOutcome; entries: LedgerEntry[] } {
  const rule = rules.actions[event.action];
  if (!rule) throw new RangeError(`Unknown action ${event.action}`);
  state.recentArrivals += 1;
  const reason: IgnoreReason | null = rule.milestone
    ? 'derived_milestone'
    : state.recentArrivals > rules.limits.maxEventsPerUserPerMinute
      ? 'rate_limited'
      : rule.oneTime && (state.actionCounts.get(event.action) ?? 0) > 0
        ? 'already_awarded'
        : null;
  const { points: raw, multipliers } = scoreAction(rule, event.metadata);
  const entry = reason ? ignoredEntry(event, reason) : scoreEntry(rules, state, event, raw, null);
  const outcome: EventOutcome = {
    eventId: event.eventId,
    status: entry.status,
    points: entry.points,
    multipliers: entry.status === 'scored' ? multipliers : [],
    capped: entry.status === 'scored' && entry.points < raw,
    milestones: [],
    achievements: [...entry.unlocked],
  };
  if (entry.reason) outcome.reason = entry.reason;
  const entries = [entry];
  if (entry.status === 'scored') {
    for (const [action, milestone] of Object.entries(rules.actions)) {
      if (!milestone.milestone || (state.actionCounts.get(action) ?? 0) > 0) continue;
      if (!milestoneReached(rules, milestone, event, state)) continue;
      const child: ScoringEvent = {
        eventId: milestoneEventId(event.eventId, action),
        userId: event.userId,
        action,
        occurredAt: event.occurredAt,
        category: milestone.category,
        metadata: {},
      };
      const earned = scoreEntry(rules, state, child, scoreAction(milestone).points, event.eventId);
      entries.push(earned);
      if (earned.status !== 'scored') continue;
      outcome.milestones.push({ action, eventId: child.eventId, points: earned.points });
      outcome.achievements.push(...earned.unlocked);
    }
  }
  return { outcome, entries };
}

function milestoneReached(
  rules: ScoringRules,
  rule: ActionRule,
  event: ScoringEvent,
  state: UserScoringState,
): boolean {
  const trigger = rule.milestone!;
  if ('streakDays' in trigger) {
    if (event.action !== rules.streaks.action || state.streakDays.length < trigger.streakDays) return false;
    const lastDay = state.streakDays[state.streakDays.length - 1]!;
    return streakState(state.streakDays, lastDay, rules.streaks).longest >= trigger.streakDays;
  }
  if (trigger.action !== event.action) return false;
  if (trigger.field === undefined) return true;
  const value = event.metadata[trigger.field];
  return typeof value === 'number' && value > (trigger.above ?? 0);
}

function ignoredEntry(event: ScoringEvent, reason: IgnoreReason): LedgerEntry {
  return {
    ...baseEntry(event),
    status: 'ignored',
    reason,
    points: 0,
    trendingWeight: 0,
    parentEventId: null,
    streakDay: null,
    unlocked: [],
  };
}

function baseEntry(event: ScoringEvent) {
  return {
    eventId: event.eventId,
    userId: event.userId,
    action: event.action,
    category: event.category,
    occurredAt: event.occurredAt.toISOString(),
    metadata: event.metadata,
  };
}

/** Applies the caps, then counts the entry into `state` and unlocks what it earned. */
function scoreEntry(
  rules: ScoringRules,
  state: UserScoringState,
  event: ScoringEvent,
  raw: number,
  parentEventId: string | null,
): LedgerEntry {
  const day = utcDayKey(event.occurredAt);
  const room = rules.limits.maxPointsPerUserPerDay - (state.dayPoints.get(day) ?? 0);
  if (raw > 0 && room <= 0) return { ...ignoredEntry(event, 'daily_cap'), parentEventId };
  const points = Math.min(raw, rules.limits.maxPointsPerEvent, Math.max(room, 0));
  state.dayPoints.set(day, (state.dayPoints.get(day) ?? 0) + points);
  state.lifetimePoints += points;
  state.actionCounts.set(event.action, (state.actionCounts.get(event.action) ?? 0) + 1);
  let streakDay: string | null = null;
  if (event.action === rules.streaks.action) {
    streakDay = dayKey(event.occurredAt, state.timeZone);
    insertSorted(state.streakDays, streakDay);
  }
  const unlocked: string[] = [];
  for (const achievement of rules.achievements) {
    if (state.achievements.has(achievement.id)) continue;
    if (!achievementHolds(achievement, state, event)) continue;
    state.achievements.set(achievement.id, event.occurredAt.toISOString());
    unlocked.push(achievement.id);
  }
  return {
    ...baseEntry(event),
    status: 'scored',
    reason: null,
    points,
    trendingWeight: trendingWeight(rules, points, event.occurredAt),
    parentEventId,
    streakDay,
    unlocked,
  };
}

/** Whether `achievement`'s condition holds for `state` after `event` was counted. */
export function achievementHolds(
  achievement: AchievementRule,
  state: Pick<UserScoringState, 'actionCounts' | 'lifetimePoints'>,
  event?: Pick<ScoringEvent, 'action' | 'metadata'>,
): boolean {
  const condition = achievement.condition;
  switch (condition.kind) {
    case 'action':
      return (state.actionCounts.get(condition.action) ?? 0) > 0;
    case 'count':
      return (state.actionCounts.get(condition.action) ?? 0) >= condition.count;
    case 'points':
      return state.lifetimePoints >= condition.points;
    case 'event': {
      if (!event || event.action !== condition.action) return false;
      const value = event.metadata[condition.field];
      return typeof value === 'number' && value >= condition.min;
    }
  }
}

/** Inserts `day` into the sorted list unless present. */
function insertSorted(days: string[], day: string): void {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (days[mid]! < day) low = mid + 1;
    else high = mid;
  }
  if (days[low] !== day) days.splice(low, 0, day);
}

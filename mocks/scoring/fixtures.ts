import {
  applyEvent,
  achievementHolds,
  emptyUserState,
  trendingValue,
  trendingWeight,
  type LedgerEntry,
  type UserScoringState,
} from '../../src/scoring/applyEvent.js';
import {
  timeframePeriodKinds,
  type EventResult,
  type RevocationResult,
  type ScoreAdjustmentInput,
  type ScoreEventInput,
  type ScoreLedger,
  type ScoreMetrics,
  type ScoreTimeframe,
  type UserAchievements,
  type UserScore,
} from '../../src/scoring/contract.js';
import { conflictResult, replayedResult } from '../../src/scoring/eventResults.js';
import { defaultScoringRules } from '../../src/scoring/defaultScoringRules.js';
import type { AchievementRule, ScoringRules } from '../../src/scoring/rules.js';
import { streakState } from '../../src/scoring/streaks.js';
import {
  defaultLeaderboardLimit,
  type LeaderboardEntry,
  type LeaderboardPeriod,
  type LeaderboardResponse,
} from '../../src/shared/leaderboard.js';
import { periodBounds, periodKeyOf, utcDayKey, type CalendarPeriodKind } from '../../src/shared/periodKeys.js';
import { addDays, dayKey } from '../../src/shared/periods.js';
import { createSeededRandom, type SeededRandom } from '../../src/shared/random.js';
import { aroundOffset, rankEntries, type TieMode } from '../../src/shared/ranking.js';

/**
 * Points and achievements for the mocks (design note 003): a cast of players with a realistic,
 * deterministic history of actions over the last 40 days, and an in-memory world that runs the
 * real engine (`applyEvent` with the rules) over it. Every mocked answer (boards, a user's score,
 * streak, achievements and rarity, metrics, the ledger) is computed from that world, so an action
 * recorded through the mocks moves the numbers exactly as the server would.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The player the scoring mocks (and the stories' `currentUserId`) treat as "me". */
export const scoringCurrentUserId = 'u_alice';

/** The instant the fixture builders use unless told otherwise. */
export const defaultScoringFixtureDate = '2026-03-18T09:30:00.000Z';

/** How many days of history the mocks invent. */
export const scoringHistoryDays = 40;

/** A player of the mock boards. */
export interface ScoringFixtureUser {
  userId: string;
  displayName: string | null;
  avatarUrl: string | null;
  /** The IANA zone their streak days are counted in. */
  timeZone: string;
}

const firstNames = ['Sofia', 'Mateo', 'Amara', 'Kenji', 'Leila', 'Jonas', 'Chloe', 'Ravi', 'Nadia', 'Tomás', 'Inès', 'Kofi'];
const lastNames = ['Petrov', 'Achebe', 'Nakamura', 'Fischer', 'Costa', 'Dubois', 'Rahman', 'Olsen'];
const avatarColors = ['#0e7490', '#a21caf', '#4d7c0f', '#b45309', '#1e40af', '#be123c'];
const timeZones = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'America/Los_Angeles', 'Asia/Kolkata'];

/** Index of the known user in the cast, mid-board as on the seller boards. */
const knownIndex = 13;

/** An inline SVG avatar with the player's initials on a rounded square: no network request. */
function initialsAvatar(name: string, color: string): string {
  const initials = name
    .split(' ')
    .map((part) => part[0])
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" rx="10" fill="${color}"/><text x="20" y="25" font-family="sans-serif" font-size="15" font-weight="600" text-anchor="middle" fill="#fff">${initials}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * The mock cast: `p_01`… with names (a few without: the board shows their id), every third with
 * an avatar, streak days in several time zones; index 13 is the known user, Alice Moreau (Paris).
 */
export function createScoringUsers(count = 24): ScoringFixtureUser[] {
  return Array.from({ length: count }, (_, index) => {
    if (index === knownIndex) {
      return { userId: scoringCurrentUserId, displayName: 'Alice Moreau', avatarUrl: null, timeZone: 'Europe/Paris' };
    }
    const name = `${firstNames[index % firstNames.length]!} ${lastNames[(index * 3) % lastNames.length]!}`;
    return {
      userId: `p_${String(index + 1).padStart(2, '0')}`,
      displayName: index % 10 === 7 ? null : name,
      avatarUrl: index % 3 === 0 ? initialsAvatar(name, avatarColors[index % avatarColors.length]!) : null,
      timeZone: index === 5 ? 'UTC' : timeZones[index % timeZones.length]!,
    };
  });
}

export interface ScoringHistoryOptions {
  /** The history ends at this instant (nothing after it). @default the real clock */
  now?: Date;
  /** Seed of the generated actions. @default 11 */
  seed?: number;
  /** Who acts. @default createScoringUsers() */
  users?: readonly ScoringFixtureUser[];
}

/** How one player behaves over the 40 days. */
interface Habit {
  /** Chance of trading on a given day. */
  activity: number;
  /** Trade volumes (USD) are drawn between these. */
  volume: [number, number];
  /** Trades on every day from this many days ago to yesterday (a streak), if set. */
  streakFrom?: number;
  /** Only active from / until this many days ago. */
  activeFrom?: number;
  activeUntil?: number;
  /** Never trades: stakes only. */
  stakerOnly?: boolean;
}

function habitOf(index: number, random: SeededRandom): Habit {
  switch (index) {
    case 2: // a whale: big trades most days
      return { activity: 0.7, volume: [6_000, 40_000] };
    case 5: // trades every day: the one 30-day streak
      return { activity: 1, volume: [200, 3_000], streakFrom: scoringHistoryDays - 1 };
    case 9:
      return { activity: 0, volume: [0, 0], stakerOnly: true };
    case knownIndex: // Alice: a 12-day streak, a few trades before, mid-board
      return { activity: 0.12, volume: [50, 2_000], streakFrom: 12 };
    case 4:
    case 17: // lapsed: nothing in the last 12 days (off this week's board)
      return { activity: 0.5, volume: [100, 5_000], activeUntil: 12 };
    case 20: // a newcomer of the last 3 days
      return { activity: 1, volume: [50, 2_000], activeFrom: 2 };
    default:
      return { activity: 0.15 + random.next() * 0.45, volume: [20, 4_000 + random.int(0, 8) * 1_000] };
  }
}

/**
 * A deterministic history of actions over the last {@link scoringHistoryDays} days, oldest first:
 * trades with volume and profit, copy trades, copied trades, stakes, referrals, profiles
 * completed and verified (one player completes theirs twice: an ignored event). Streak players
 * trade around noon UTC so their streak days are the same in their own time zone.
 */
export function createScoringHistory(options: ScoringHistoryOptions = {}): ScoreEventInput[] {
  const { now = new Date(), seed = 11, users = createScoringUsers() } = options;
  const random = createSeededRandom(seed);
  const todayStart = Date.parse(`${utcDayKey(now)}T00:00:00.000Z`);
  const events: ScoreEventInput[] = [];
  users.forEach((user, index) => {
    const habit = habitOf(index, random);
    let count = 0;
    const add = (
      daysAgo: number,
      action: string,
      metadata?: ScoreEventInput['metadata'],
      atNoon = false,
    ) => {
      const dayStart = todayStart - daysAgo * DAY_MS;
      const at = atNoon
        ? dayStart + 12 * HOUR_MS + random.int(-3 * 60, 3 * 60) * 60_000
        : dayStart + Math.floor(random.next() * (daysAgo === 0 ? Math.max(1, now.getTime() - dayStart) : DAY_MS));
      if (at > now.getTime()) return;
      count += 1;
      events.push({
        eventId: `seed-${user.userId}-${count}`,
        userId: user.userId,
        action,
        occurredAt: new Date(at).toISOString(),
        ...(metadata ? { metadata } : {}),
      });
    };
    const trade = (daysAgo: number, atNoon = false) => {
      const [low, high] = habit.volume;
      // Log-uniform volumes: many small trades, a few big ones.
      const volumeUSD = Math.round(low * Math.pow(high / Math.max(low, 1), random.next()));
      const profit = random.next() < 0.2 ? null : random.int(-30, 120);
      add(daysAgo, 'TRADE_EXECUTE', profit === null ? { volumeUSD } : { volumeUSD, profitPercent: profit }, atNoon);
    };

    const first = habit.activeFrom ?? scoringHistoryDays - 1;
    const last = habit.activeUntil ?? 0;
    let profileDone = false;
    for (let daysAgo = first; daysAgo >= last; daysAgo -= 1) {
      if (habit.stakerOnly) {
        if (random.next() < 0.12) {
          add(daysAgo, 'STAKE_SSE', { amount: random.int(1, 12) * 10_000, days: random.pick([7, 30, 90, 180, 365]) });
        }
        continue;
      }
      const inStreak = habit.streakFrom !== undefined && daysAgo <= habit.streakFrom && daysAgo >= 1;
      const active = inStreak || random.next() < habit.activity;
      if (!active) continue;
      if (!profileDone && index % 5 !== 4) {
        add(daysAgo, 'PROFILE_COMPLETE');
        if (index % 3 === 0) add(daysAgo, 'PROFILE_VERIFIED');
        profileDone = true;
      }
      if (inStreak) trade(daysAgo, true);
      for (let n = random.int(inStreak ? 0 : 1, 3); n > 0; n -= 1) trade(daysAgo);
      const roll = random.next();
      if (roll < 0.2) add(daysAgo, 'COPY_TRADE', { success: random.next() < 0.6, delayMs: random.int(200, 9_000) });
      else if (roll < 0.3) add(daysAgo, 'COPIED_BY_OTHERS', { copierCount: random.int(1, 14) });
      else if (roll < 0.36) add(daysAgo, 'STAKE_SSE', { amount: random.int(1, 8) * 5_000, days: random.pick([30, 90, 180]) });
      else if (roll < 0.4) add(daysAgo, 'REFERRAL_SIGNUP');
      else if (roll < 0.46) add(daysAgo, 'REFERRAL_TRADE');
    }
    // Sent twice by the host: the second is ignored (a one-time action already awarded).
    if (index === 1 && profileDone) add(0, 'PROFILE_COMPLETE');
  });
  return events.sort(
    (a, b) => a.occurredAt!.localeCompare(b.occurredAt!) || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0),
  );
}

/** A board or score query: the timeframe, a past period of a dated one, one category. */
export interface ScoreBoardSpec {
  timeframe?: ScoreTimeframe;
  period?: string;
  category?: string;
}

/** A board page query with the server's defaults (`lifetime`, 20, from 0, `standard` ties). */
export interface ScoreBoardQuery extends ScoreBoardSpec {
  limit?: number;
  offset?: number;
  around?: string;
  ties?: TieMode;
}

/** One row of the mock ledger. */
interface StoredEntry extends LedgerEntry {
  seq: number;
  change: 'event' | 'milestone' | 'adjustment';
  recordedAt: string;
  revoked: boolean;
  /** An adjustment's reason. */
  note: string | null;
}

interface RevocationRow {
  seq: number;
  change: 'revocation';
  userId: string;
  eventId: string;
  action: string;
  category: string;
  points: number;
  occurredAt: string;
  recordedAt: string;
}

/** What an adjustment is called in the ledger and recent actions. */
export const adjustmentAction = 'ADJUSTMENT';
/** The category of an adjustment that names none. */
export const adjustmentCategory = 'adjustment';

/** The in-memory points world the scoring mocks answer from. */
export interface ScoringWorld {
  /** The rules the engine runs with (what `GET /scores/rules` serves). */
  readonly rules: ScoringRules;
  /**
   * Records events as `POST /scores/actions` does, in order, at the clock's time: the engine
   * scores each; an `eventId` seen before answers its first result (`replayed`) or a `conflict`
   * when the payload differs. Validate first (the handlers do): an unknown action throws.
   */
  record(events: readonly ScoreEventInput[]): EventResult[];
  /** A manual change of points with its reason (`POST /scores/adjustments`); idempotent by `eventId`. */
  adjust(adjustment: ScoreAdjustmentInput): EventResult;
  /** Revokes an event or adjustment and its milestones (`DELETE /scores/actions/:eventId`); `null` when unknown. */
  revoke(eventId: string): RevocationResult | null;
  /** A page of a points board (`GET /scores/leaderboard`). */
  board(query?: ScoreBoardQuery): LeaderboardResponse;
  /** A user's score on a board (`GET /scores/:userId`); zeros for a user with no points. */
  userScore(userId: string, spec?: ScoreBoardSpec): UserScore;
  /** A user's achievements with progress and rarity (`GET /scores/:userId/achievements`). */
  achievements(userId: string): UserAchievements;
  /** `GET /scores/metrics`. */
  metrics(): ScoreMetrics;
  /** A user's audit trail, newest first (`GET /scores/:userId/ledger`). */
  ledger(userId: string, query?: { limit?: number; before?: number }): ScoreLedger;
}

export interface ScoringWorldOptions {
  /** The rules the engine runs with. @default defaultScoringRules */
  rules?: ScoringRules;
  /** The cast (display names, avatars, time zones). @default createScoringUsers() */
  users?: readonly ScoringFixtureUser[];
  /**
   * The history to start from, applied in order as if recorded when each occurred.
   * @default createScoringHistory({ now, seed, users }); `[]` for an empty world
   */
  events?: readonly ScoreEventInput[];
  /** Seed of the generated history. @default 11 */
  seed?: number;
  /** The world's clock: "now" of new events, current periods and streaks. @default the real clock */
  clock?: () => Date;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** A stable text of an event's payload: two sends of one event compare equal, whatever the key order. */
function fingerprint(kind: string, fields: Record<string, unknown>): string {
  const sorted = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => [k, sorted(v)]),
        )
      : value;
  return JSON.stringify([kind, sorted(fields)]);
}

/**
 * An in-memory points world over `events` (the generated history by default): the engine's
 * per-user state, a ledger with sequence numbers, revocations and adjustments, and the boards,
 * scores, achievements and metrics computed from them on every read.
 */
export function createScoringWorld(options: ScoringWorldOptions = {}): ScoringWorld {
  const rules = options.rules ?? defaultScoringRules;
  const clock = options.clock ?? (() => new Date());
  const users = options.users ?? createScoringUsers();
  const profiles = new Map(users.map((user) => [user.userId, user]));
  const states = new Map<string, UserScoringState>();
  const rows: (StoredEntry | RevocationRow)[] = [];
  const entries = new Map<string, StoredEntry>();
  const answers = new Map<string, { fingerprint: string; result: EventResult }>();
  const arrivals = new Map<string, number[]>();

  const stateOf = (userId: string) => {
    let state = states.get(userId);
    if (!state) {
      state = emptyUserState(profiles.get(userId)?.timeZone ?? 'UTC');
      states.set(userId, state);
    }
    return state;
  };
  const store = (entry: LedgerEntry, change: StoredEntry['change'], recordedAt: string, note: string | null = null) => {
    const row: StoredEntry = { ...entry, seq: rows.length + 1, change, recordedAt, revoked: false, note };
    rows.push(row);
    entries.set(row.eventId, row);
  };
  /** The first answer again, or a conflict when the same id came with another payload. */
  const seen = (eventId: string, print: string): EventResult | undefined => {
    const first = answers.get(eventId);
    if (!first) return undefined;
    return first.fingerprint === print ? replayedResult(first.result) : conflictResult(eventId);
  };

  function applyOne(event: ScoreEventInput, arrival: Date, recordedAt: string | null): EventResult {
    const rule = rules.actions[event.action];
    if (!rule) throw new RangeError(`Unknown action ${event.action}`);
    const occurredAt = event.occurredAt ? new Date(event.occurredAt) : arrival;
    const print = fingerprint('event', {
      userId: event.userId,
      action: event.action,
      occurredAt: event.occurredAt ? occurredAt.toISOString() : undefined,
      category: event.category,
      metadata: event.metadata && Object.keys(event.metadata).length > 0 ? event.metadata : undefined,
    });
    const earlier = seen(event.eventId, print);
    if (earlier) return earlier;
    const state = stateOf(event.userId);
    // The rate limit counts arrivals of the last minute; history is imported, not rate limited.
    const times = (arrivals.get(event.userId) ?? []).filter((t) => t > arrival.getTime() - 60_000);
    state.recentArrivals = recordedAt === null ? times.length : 0;
    if (recordedAt === null) arrivals.set(event.userId, [...times, arrival.getTime()]);
    const { outcome, entries: produced } = applyEvent(rules, state, {
      eventId: event.eventId,
      userId: event.userId,
      action: event.action,
      occurredAt,
      category: event.category ?? rule.category,
      metadata: event.metadata ?? {},
    });
    const at = recordedAt ?? arrival.toISOString();
    for (const entry of produced) store(entry, entry.parentEventId ? 'milestone' : 'event', at);
    const result: EventResult = { ...outcome };
    answers.set(event.eventId, { fingerprint: print, result });
    return result;
  }

  // The history is imported as if each event was recorded when it occurred.
  const history = options.events ?? createScoringHistory({ now: clock(), seed: options.seed, users });
  for (const event of history) {
    const at = event.occurredAt ? new Date(event.occurredAt) : clock();
    applyOne(event, at, at.toISOString());
  }

  /** Live (unrevoked, scored) entries. */
  const live = () => [...entries.values()].filter((entry) => entry.status === 'scored' && !entry.revoked);

  /** Recomputes a user's state from their live entries (what the server's rebuild does). */
  function rebuild(userId: string): string[] {
    const state = stateOf(userId);
    const mine = live().filter((entry) => entry.userId === userId);
    state.lifetimePoints = mine.reduce((sum, entry) => sum + entry.points, 0);
    state.actionCounts = new Map();
    state.dayPoints = new Map();
    const days = new Set<string>();
    for (const entry of mine) {
      if (entry.change === 'adjustment') continue;
      state.actionCounts.set(entry.action, (state.actionCounts.get(entry.action) ?? 0) + 1);
      const day = entry.occurredAt.slice(0, 10);
      state.dayPoints.set(day, (state.dayPoints.get(day) ?? 0) + entry.points);
      if (entry.streakDay) days.add(entry.streakDay);
    }
    state.streakDays = [...days].sort();
    const lost: string[] = [];
    for (const achievement of rules.achievements) {
      if (!state.achievements.has(achievement.id)) continue;
      const holds =
        achievement.condition.kind === 'event'
          ? mine.some((entry) => achievementHolds(achievement, state, entry))
          : achievementHolds(achievement, state);
      if (!holds) {
        state.achievements.delete(achievement.id);
        lost.push(achievement.id);
      }
    }
    return lost;
  }

  /** Each user's value on a board, and when they reached it (the latest change that counts). */
  function totals(spec: ScoreBoardSpec, now: Date) {
    const timeframe = spec.timeframe ?? 'lifetime';
    let bounds: { start: number; end: number } | null = null;
    if (timeframe === 'daily' || timeframe === 'weekly' || timeframe === 'monthly') {
      const kind: CalendarPeriodKind = timeframePeriodKinds[timeframe];
      const range = periodBounds(kind, spec.period ?? periodKeyOf(kind, now));
      bounds = { start: range.start.getTime(), end: range.end.getTime() };
    }
    const sums = new Map<string, { value: number; reachedAt: string }>();
    for (const entry of live()) {
      if (spec.category && entry.category !== spec.category) continue;
      const at = Date.parse(entry.occurredAt);
      if (bounds && (at < bounds.start || at >= bounds.end)) continue;
      const sum = sums.get(entry.userId) ?? { value: 0, reachedAt: entry.recordedAt };
      sum.value += timeframe === 'trending' ? entry.trendingWeight : entry.points;
      if (entry.recordedAt > sum.reachedAt) sum.reachedAt = entry.recordedAt;
      sums.set(entry.userId, sum);
    }
    if (timeframe === 'trending') {
      for (const sum of sums.values()) sum.value = round1(trendingValue(rules, sum.value, now));
    }
    return sums;
  }

  function ranked(spec: ScoreBoardSpec, ties: TieMode, now: Date) {
    const sums = totals(spec, now);
    return rankEntries(
      [...sums].filter(([, sum]) => sum.value > 0).map(([id, sum]) => ({ id, ...sum })),
      ties,
    );
  }

  function period(spec: ScoreBoardSpec, now: Date): LeaderboardPeriod {
    const timeframe = spec.timeframe ?? 'lifetime';
    if (timeframe === 'lifetime') return { kind: 'all-time' };
    if (timeframe === 'trending') return { kind: 'trending', asOf: utcDayKey(now), decayPerDay: rules.trending.decayPerDay };
    const kind = timeframePeriodKinds[timeframe];
    const key = spec.period ?? periodKeyOf(kind, now);
    const { start, end } = periodBounds(kind, key);
    const bounds = { key, start: start.toISOString(), end: end.toISOString() };
    return kind === 'month' ? { kind, month: key, ...bounds } : { kind, ...bounds };
  }

  /** Lifetime rank at the end of each of the last 30 UTC days the user had points. */
  function rankHistory(userId: string, now: Date): UserScore['rankHistory'] {
    const sorted = live().sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    const sums = new Map<string, number>();
    const history: UserScore['rankHistory'] = [];
    const today = utcDayKey(now);
    let next = 0;
    for (let day = addDays(today, -29); day <= today; day = addDays(day, 1)) {
      const end = Date.parse(`${addDays(day, 1)}T00:00:00.000Z`);
      while (next < sorted.length && Date.parse(sorted[next]!.occurredAt) < end) {
        const entry = sorted[next++]!;
        sums.set(entry.userId, (sums.get(entry.userId) ?? 0) + entry.points);
      }
      const mine = sums.get(userId) ?? 0;
      if (mine <= 0) continue;
      let ahead = 0;
      for (const value of sums.values()) if (value > mine) ahead += 1;
      history.push({ day, rank: ahead + 1 });
    }
    return history;
  }

  function progress(achievement: AchievementRule, state: UserScoringState): { current: number; target: number } {
    const condition = achievement.condition;
    const target = condition.kind === 'count' ? condition.count : condition.kind === 'points' ? condition.points : 1;
    if (state.achievements.has(achievement.id)) return { current: target, target };
    const current =
      condition.kind === 'count'
        ? (state.actionCounts.get(condition.action) ?? 0)
        : condition.kind === 'points'
          ? Math.max(0, state.lifetimePoints)
          : condition.kind === 'action' && (state.actionCounts.get(condition.action) ?? 0) > 0
            ? 1
            : 0;
    return { current: Math.min(current, target), target };
  }

  const scoredUserIds = () => [...states].filter(([, state]) => state.lifetimePoints > 0).map(([id]) => id);

  return {
    rules,
    record: (events) => events.map((event) => applyOne(event, clock(), null)),

    adjust(adjustment) {
      const now = clock();
      const occurredAt = adjustment.occurredAt ? new Date(adjustment.occurredAt) : now;
      const print = fingerprint('adjustment', {
        userId: adjustment.userId,
        points: adjustment.points,
        reason: adjustment.reason,
        category: adjustment.category,
        occurredAt: adjustment.occurredAt ? occurredAt.toISOString() : undefined,
      });
      const earlier = seen(adjustment.eventId, print);
      if (earlier) return earlier;
      const state = stateOf(adjustment.userId);
      state.lifetimePoints += adjustment.points;
      const unlocked: string[] = [];
      for (const achievement of rules.achievements) {
        if (state.achievements.has(achievement.id) || !achievementHolds(achievement, state)) continue;
        state.achievements.set(achievement.id, occurredAt.toISOString());
        unlocked.push(achievement.id);
      }
      store(
        {
          eventId: adjustment.eventId,
          userId: adjustment.userId,
          action: adjustmentAction,
          category: adjustment.category ?? adjustmentCategory,
          occurredAt: occurredAt.toISOString(),
          metadata: {},
          status: 'scored',
          reason: null,
          points: adjustment.points,
          trendingWeight: trendingWeight(rules, adjustment.points, occurredAt),
          parentEventId: null,
          streakDay: null,
          unlocked,
        },
        'adjustment',
        now.toISOString(),
        adjustment.reason,
      );
      const result: EventResult = {
        eventId: adjustment.eventId,
        status: 'scored',
        points: adjustment.points,
        multipliers: [],
        capped: false,
        milestones: [],
        achievements: unlocked,
      };
      answers.set(adjustment.eventId, { fingerprint: print, result });
      return result;
    },

    revoke(eventId) {
      const entry = entries.get(eventId);
      if (!entry || entry.change === 'milestone') return null;
      const result: RevocationResult = {
        eventId,
        userId: entry.userId,
        points: 0,
        revoked: [],
        achievementsLost: [],
        alreadyRevoked: entry.revoked,
      };
      if (entry.revoked) return result;
      const recordedAt = clock().toISOString();
      const taken = [entry, ...[...entries.values()].filter((child) => child.parentEventId === eventId && !child.revoked)];
      for (const row of taken) {
        row.revoked = true;
        if (row !== entry) result.revoked.push(row.eventId);
        const points = row.status === 'scored' ? row.points : 0;
        result.points += points;
        // Every revocation is in the audit trail, an ignored event's (0 points) too.
        rows.push({
          seq: rows.length + 1,
          change: 'revocation',
          userId: row.userId,
          eventId: row.eventId,
          action: row.action,
          category: row.category,
          points: points === 0 ? 0 : -points,
          occurredAt: row.occurredAt,
          recordedAt,
        });
      }
      result.achievementsLost = rebuild(entry.userId);
      return result;
    },

    board(query = {}) {
      const now = clock();
      const timeframe = query.timeframe ?? 'lifetime';
      const ties = query.ties ?? 'standard';
      const limit = query.limit ?? defaultLeaderboardLimit;
      const list = ranked(query, ties, now);
      let offset = query.offset ?? 0;
      let around: LeaderboardResponse['around'];
      if (query.around !== undefined) {
        const index = list.findIndex((item) => item.entry.id === query.around);
        const me = list[index];
        around = me ? { userId: me.entry.id, rank: me.rank, value: me.entry.value } : null;
        offset = me ? aroundOffset(index, limit, list.length) : 0;
      }
      const page: LeaderboardEntry[] = list.slice(offset, offset + limit).map(({ rank, entry }) => ({
        rank,
        userId: entry.id,
        displayName: profiles.get(entry.id)?.displayName ?? null,
        avatarUrl: profiles.get(entry.id)?.avatarUrl ?? null,
        value: entry.value,
      }));
      const updatedAt = list.reduce<string | null>(
        (latest, { entry }) => (latest === null || entry.reachedAt > latest ? entry.reachedAt : latest),
        null,
      );
      return {
        board: 'points',
        metric: 'points',
        unit: 'points',
        valueDecimals: timeframe === 'trending' ? 1 : 0,
        category: query.category ?? null,
        period: period(query, now),
        ties,
        entries: page,
        total: list.length,
        offset,
        limit,
        updatedAt,
        ...(around === undefined ? {} : { around }),
      };
    },

    userScore(userId, spec = {}) {
      const now = clock();
      const timeframe = spec.timeframe ?? 'lifetime';
      const list = ranked(spec, 'standard', now);
      const me = list.find((item) => item.entry.id === userId);
      const score = totals(spec, now).get(userId)?.value ?? 0;
      const level = me ? list.filter((item) => item.entry.value <= me.entry.value).length : 0;
      const state = states.get(userId);
      const recentActions = live()
        .filter((entry) => entry.userId === userId)
        .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.seq - a.seq)
        .slice(0, 10)
        .map(({ eventId, action, category, points, occurredAt }) => ({ eventId, action, category, points, occurredAt }));
      const periodKey =
        timeframe === 'lifetime' || timeframe === 'trending'
          ? null
          : (spec.period ?? periodKeyOf(timeframePeriodKinds[timeframe], now));
      return {
        userId,
        timeframe,
        period: periodKey,
        category: spec.category ?? null,
        score,
        rank: me?.rank ?? null,
        percentile: me ? round1((level / list.length) * 100) : null,
        rankedUsers: list.length,
        recentActions,
        actionCounts: Object.fromEntries([...(state?.actionCounts ?? [])].filter(([, count]) => count > 0)),
        streak: streakState(
          state?.streakDays ?? [],
          dayKey(now, state?.timeZone ?? profiles.get(userId)?.timeZone ?? 'UTC'),
          rules.streaks,
        ),
        rankHistory: rankHistory(userId, now),
        source: 'board',
      };
    },

    achievements(userId) {
      const scored = scoredUserIds();
      const state = states.get(userId) ?? emptyUserState();
      return {
        userId,
        scoredUsers: scored.length,
        achievements: rules.achievements.map((achievement) => {
          const holders = scored.filter((id) => states.get(id)!.achievements.has(achievement.id)).length;
          return {
            id: achievement.id,
            name: achievement.name,
            description: achievement.description,
            unlocked: state.achievements.has(achievement.id),
            unlockedAt: state.achievements.get(achievement.id) ?? null,
            progress: progress(achievement, state),
            rarity: scored.length > 0 ? round1((holders / scored.length) * 100) : 0,
          };
        }),
      };
    },

    metrics() {
      const today = utcDayKey(clock());
      const events = [...entries.values()].filter(
        (entry) => entry.change === 'event' && !entry.revoked && entry.occurredAt.startsWith(today),
      );
      const top = rankEntries(
        scoredUserIds().map((id) => ({ id, value: states.get(id)!.lifetimePoints, reachedAt: today })),
      ).slice(0, 5);
      return {
        scoredUsers: scoredUserIds().length,
        activeToday: new Set(events.filter((entry) => entry.status === 'scored').map((entry) => entry.userId)).size,
        eventsToday: events.length,
        topScorers: top.map(({ entry }) => ({
          userId: entry.id,
          displayName: profiles.get(entry.id)?.displayName ?? null,
          points: entry.value,
        })),
      };
    },

    ledger(userId, query = {}) {
      const limit = query.limit ?? 100;
      const mine = rows
        .filter((row) => row.userId === userId && (query.before === undefined || row.seq < query.before))
        .reverse();
      const page = mine.slice(0, limit);
      return {
        userId,
        entries: page.map((row) => ({
          seq: row.seq,
          change: row.change,
          eventId: row.eventId,
          action: row.action,
          category: row.category,
          points: row.points,
          status: row.change === 'revocation' ? 'scored' : row.status,
          reason: row.change === 'revocation' ? 'revoked' : row.change === 'adjustment' ? row.note : row.reason,
          occurredAt: row.occurredAt,
          recordedAt: row.recordedAt,
        })),
        nextBefore: mine.length > limit ? page[page.length - 1]!.seq : null,
      };
    },
  };
}

export interface ScoringFixtureOptions {
  /** The world is built at this instant. @default defaultScoringFixtureDate */
  now?: Date;
  /** Seed of the history. @default 11 */
  seed?: number;
  /** The rules. @default defaultScoringRules */
  rules?: ScoringRules;
}

const fixtureWorld = (options: ScoringFixtureOptions) => {
  const now = options.now ?? new Date(defaultScoringFixtureDate);
  return createScoringWorld({ clock: () => now, seed: options.seed, rules: options.rules });
};

/** A `GET /scores/:userId` body from the mock world: `createUserScoreFixture()` is Alice's lifetime score. */
export function createUserScoreFixture(
  options: ScoringFixtureOptions & ScoreBoardSpec & { userId?: string } = {},
  overrides: Partial<UserScore> = {},
): UserScore {
  const { userId = scoringCurrentUserId, timeframe, period, category } = options;
  return { ...fixtureWorld(options).userScore(userId, { timeframe, period, category }), ...overrides };
}

/** A `GET /scores/:userId/achievements` body from the mock world (Alice's by default). */
export function createUserAchievementsFixture(
  options: ScoringFixtureOptions & { userId?: string } = {},
): UserAchievements {
  return fixtureWorld(options).achievements(options.userId ?? scoringCurrentUserId);
}

/** A `GET /scores/leaderboard` body: `createPointsLeaderboardFixture({ timeframe: 'weekly', limit: 10 })`. */
export function createPointsLeaderboardFixture(options: ScoringFixtureOptions & ScoreBoardQuery = {}): LeaderboardResponse {
  return fixtureWorld(options).board(options);
}

/** A `GET /scores/metrics` body from the mock world. */
export function createScoreMetricsFixture(options: ScoringFixtureOptions = {}): ScoreMetrics {
  return fixtureWorld(options).metrics();
}

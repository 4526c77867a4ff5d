import type { Cluster, Redis } from 'ioredis';
import { aroundOffset, boardFilterOf, type TieMode } from 'podium-kit/core';
import type { Database, Queryable } from '../db/Database.js';
import { toNumber } from '../db/Database.js';
import type { Logger } from '../logger.js';
import { defineRedisBoardScripts, type BoardMember } from './redisBoardScripts.js';
import { redisKeySlot } from './redisKeySlot.js';
import { redisTopPlaceEntries } from './scoringWebhookEvents.js';
import { enqueueWebhooks } from '../webhooks/webhookDeliveries.js';
import type { ScoreBoardPage, ScoreStanding } from './sqlScoreBoards.js';
import type { BoardDelta } from './writeLedgerEntries.js';
import { touchBoards } from './sqlScoreBoards.js';

/**
 * The points boards as Redis sorted sets, fed from the ledger's outbox (see migration 009).
 *
 * Keys, for Redis Cluster: every board has its own hash tag, `{<prefix>b:<board>}`, so each
 * board lives in its own slot (boards spread over the nodes) and its three keys (the scores, the
 * outbox rows applied to it, the time each user reached their score) share that slot, which one
 * script needs. Commands are pipelined per slot, so a batch goes to each node once.
 *
 * Exactly once: the script that applies an outbox row to a board marks the row's id in the
 * board's `rows` hash and does nothing if the mark is there already (a row applied again after a
 * crash between Redis and the row's delete). Marks are removed once the delete has committed,
 * when no drainer can see the row any more. Additions commute, so rows may apply in any order.
 */
export interface RedisScoreBoards {
  /** Applies the outbox to Redis (one drainer at a time across instances); resolves with rows applied. */
  drain(): Promise<number>;
  page(params: {
    key: string;
    ties: TieMode;
    limit: number;
    offset: number;
    around?: string | undefined;
  }): Promise<ScoreBoardPage>;
  standing(key: string, userId: string): Promise<ScoreStanding>;
  /** Outbox rows not yet applied (health). */
  backlog(): Promise<number>;
}

/** The three keys of a board (one hash tag: one Cluster slot): scores, applied outbox rows, reached-at. */
export function redisBoardKeys(
  prefix: string,
  board: string,
): { scores: string; rows: string; reached: string } {
  const tag = `{${prefix}b:${board}}`;
  return { scores: tag, rows: `${tag}:rows`, reached: `${tag}:at` };
}

/** The outbox row of a write transaction (inside it): its board changes, applied to Redis after commit. */
export async function writeScoreOutbox(
  tx: Queryable,
  deltas: readonly BoardDelta[],
  now: Date,
): Promise<void> {
  if (deltas.length === 0) return;
  await tx.query('INSERT INTO podium_score_outbox (deltas, created_at) VALUES ($1, $2)', [
    JSON.stringify(deltas.map((d) => [d.key, d.userId, d.delta, Date.parse(d.reachedAt)])),
    now,
  ]);
}

/** How long a day's and an ISO week's board stay in Redis after the period ends (then: the ledger). */
export const redisBoardRetentionDays = { day: 35, week: 120 } as const;

/**
 * When a board's keys expire in Redis (ms since epoch), or `null` for boards kept (months,
 * lifetime, trending). Their history stays in the ledger: a read of an expired period is
 * answered from it ({@link isExpiredInRedis}).
 */
export function redisBoardExpiry(board: string): number | null {
  const { start, end } = boardFilterOf(board);
  if (!start || !end) return null;
  const days = end.getTime() - start.getTime();
  const kind = days <= 86_400_000 ? 'day' : days <= 7 * 86_400_000 ? 'week' : undefined;
  return kind ? end.getTime() + redisBoardRetentionDays[kind] * 86_400_000 : null;
}

/** True when `board`'s keys have expired (or are about to, within a minute) at `now`. */
export function isExpiredInRedis(board: string, now: Date): boolean {
  const expiry = redisBoardExpiry(board);
  return expiry !== null && expiry - 60_000 <= now.getTime();
}

/** Any 64-bit number: the drainers' advisory lock. */
const drainLockId = 7_311_011;

export function createRedisScoreBoards(options: {
  db: Database;
  redis: Redis | Cluster;
  /** `PODIUM_REDIS_PREFIX`: several apps (and test runs) can share one Redis. */
  prefix: string;
  logger: Pick<Logger, 'warn'>;
  /** Set when a webhook is configured: the drain queues top-10 entries of the lifetime board. */
  announce?: { now: () => Date } | undefined;
  /** The clock of the boards' "last updated". @default () => new Date() */
  now?: () => Date;
}): RedisScoreBoards {
  const { db, redis, prefix } = options;
  const keysOf = (board: string) => redisBoardKeys(prefix, board);
  const scripts = defineRedisBoardScripts(redis);

  /** Applies outbox rows; resolves with the marks they left (board and row id), to remove after their delete. */
  async function applyRows(
    rows: Array<{ id: number; deltas: Array<[string, string, number, number]> }>,
  ): Promise<Array<[string, number]>> {
    const marks: Array<[string, number]> = [];
    // One pipeline per slot (a Cluster pipeline must stay in one slot), in outbox order; one
    // script call per board and row, with all of that row's members of the board.
    const bySlot = new Map<number, ReturnType<Redis['pipeline']>>();
    for (const row of rows) {
      const byBoard = new Map<string, Array<string | number>>();
      for (const [board, member, delta, reachedAt] of row.deltas) {
        let args = byBoard.get(board);
        if (!args) byBoard.set(board, (args = []));
        args.push(member, delta, reachedAt);
      }
      for (const [board, args] of byBoard) {
        const keys = keysOf(board);
        const slot = redisKeySlot(keys.scores);
        let pipeline = bySlot.get(slot);
        if (!pipeline) bySlot.set(slot, (pipeline = redis.pipeline()));
        scripts.applyRow(pipeline, keys, row.id, args);
        marks.push([board, row.id]);
        const expireAt = redisBoardExpiry(board);
        if (expireAt !== null) for (const key of Object.values(keys)) pipeline.pexpireat(key, expireAt);
      }
    }
    await Promise.all(
      [...bySlot.values()].map(async (pipeline) => {
        const results = await pipeline.exec();
        const failed = results?.find(([error]) => error);
        if (failed) throw failed[0];
      }),
    );
    return marks;
  }

  async function announceTopPlaces(
    tx: Queryable,
    rows: ReadonlyArray<{ deltas: Array<[string, string, number, number]> }>,
    now: Date,
  ): Promise<void> {
    const gains = new Map<string, number>();
    for (const row of rows)
      for (const [board, member, delta] of row.deltas)
        if (board === 'lifetime' && delta > 0) gains.set(member, (gains.get(member) ?? 0) + delta);
    await enqueueWebhooks(tx, await redisTopPlaceEntries(redis, keysOf('lifetime').scores, gains), now);
  }

  /** Removes marks of rows whose delete has committed (no drainer can read them again). */
  async function removeMarks(marks: ReadonlyArray<[string, number]>): Promise<void> {
    const bySlot = new Map<number, ReturnType<Redis['pipeline']>>();
    for (const [board, id] of marks) {
      const key = keysOf(board).rows;
      const slot = redisKeySlot(key);
      let pipeline = bySlot.get(slot);
      if (!pipeline) bySlot.set(slot, (pipeline = redis.pipeline()));
      pipeline.hdel(key, String(id));
    }
    // A mark left behind (Redis went away just now) only costs a few bytes until the board's expiry.
    await Promise.all([...bySlot.values()].map((pipeline) => pipeline.exec().catch(() => undefined)));
  }

  async function page(params: {
    key: string;
    ties: TieMode;
    limit: number;
    offset: number;
    around?: string | undefined;
  }) {
    const keys = keysOf(params.key);
    let offset = params.offset;
    let index: number | undefined;
    if (params.around !== undefined) {
      const found = await scripts.ties(keys, params.around);
      if (found.ties) {
        const mine = found.ties.find((t) => t.member === params.around)!;
        index = found.above + found.ties.filter((t) => boardOrder(t, mine) < 0).length;
        offset = aroundOffset(index, params.limit, found.total);
      } else offset = 0;
    }
    const { total, above, window } = await scripts.page(keys, offset, params.limit);
    if (window.length === 0)
      return {
        entries: [],
        total,
        offset,
        updatedAt: null,
        ...(params.around !== undefined ? { around: null } : {}),
      };
    window.sort(boardOrder);
    const picked = window.slice(offset - above, offset - above + params.limit);
    const denseAbove = params.ties === 'dense' ? await distinctScoresAbove(keys.scores, window[0]!.value) : 0;
    let dense = denseAbove;
    const entries = picked.map((entry, i) => {
      const position = offset + i + 1;
      const previous = picked[i - 1];
      if (!previous || previous.value !== entry.value) dense += 1;
      const firstOfValue = window.findIndex((w) => w.value === entry.value);
      const standard = above + firstOfValue + 1;
      return {
        rank: params.ties === 'first-reached' ? position : params.ties === 'dense' ? dense : standard,
        userId: entry.member,
        displayName: null as string | null,
        avatarUrl: null as string | null,
        value: entry.value,
      };
    });
    await addProfiles(entries);
    const result: ScoreBoardPage = { entries, total, offset, updatedAt: null };
    if (params.around !== undefined) {
      const mine = index === undefined ? undefined : entries.find((e) => e.userId === params.around);
      result.around = mine ? { userId: mine.userId, rank: mine.rank, value: mine.value } : null;
    }
    return result;
  }

  /** Distinct scores strictly above `score` (dense ranks): read in chunks, so O(users above). */
  async function distinctScoresAbove(key: string, score: number): Promise<number> {
    let distinct = 0;
    let last: number | undefined;
    for (let start = 0; ; start += 5000) {
      const chunk = pairs(
        await redis.zrange(key, '+inf', `(${score}`, 'BYSCORE', 'REV', 'LIMIT', start, 5000, 'WITHSCORES'),
      );
      for (const { value } of chunk) {
        if (value !== last) distinct += 1;
        last = value;
      }
      if (chunk.length < 5000) return distinct;
    }
  }

  async function addProfiles(
    entries: Array<{ userId: string; displayName: string | null; avatarUrl: string | null }>,
  ) {
    if (entries.length === 0) return;
    const rows = await db.query<{ id: string; display_name: string | null; avatar_url: string | null }>(
      'SELECT id, display_name, avatar_url FROM podium_users WHERE id = ANY($1::text[])',
      [entries.map((e) => e.userId)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const entry of entries) {
      entry.displayName = byId.get(entry.userId)?.display_name ?? null;
      entry.avatarUrl = byId.get(entry.userId)?.avatar_url ?? null;
    }
  }

  return {
    async drain() {
      let applied = 0;
      for (;;) {
        const done = await db.transaction(async (tx) => {
          const [lock] = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [
            drainLockId,
          ]);
          if (!lock?.ok) return { count: 0, marks: [] };
          const rows = await tx.query<{ id: unknown; deltas: unknown }>(
            'SELECT id, deltas FROM podium_score_outbox ORDER BY id LIMIT 200',
          );
          if (rows.length === 0) return { count: 0, marks: [] };
          const parsed = rows.map((row) => ({
            id: toNumber(row.id),
            deltas: JSON.parse(String(row.deltas)) as Array<[string, string, number, number]>,
          }));
          const marks = await applyRows(parsed);
          // In the drain's transaction: a drain that dies before its commit is redone, and
          // announces again (webhooks are at least once; receivers dedupe by id).
          if (options.announce) await announceTopPlaces(tx, parsed, options.announce.now());
          // Counted with the delete: the rows are in Redis now, so the version (and the ETag
          // polls compare) never runs ahead of what a page read shows.
          const boards = new Set(parsed.flatMap((row) => row.deltas.map(([board]) => board)));
          await touchBoards(tx, [...boards], (options.now ?? (() => new Date()))());
          await tx.query('DELETE FROM podium_score_outbox WHERE id = ANY($1::bigint[])', [
            parsed.map((r) => r.id),
          ]);
          return { count: rows.length, marks };
        });
        await removeMarks(done.marks);
        applied += done.count;
        if (done.count < 200) return applied;
      }
    },
    page,
    standing: (key, userId) => scripts.standing(keysOf(key).scores, userId),
    async backlog() {
      const [row] = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM podium_score_outbox');
      return toNumber(row?.n);
    },
  };
}

/** The board's order: score down, then who reached it first, then id. */
function boardOrder(a: BoardMember, b: BoardMember): number {
  return (
    b.value - a.value || a.reachedAt - b.reachedAt || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0)
  );
}

function pairs(raw: string[]): Array<{ member: string; value: number }> {
  const out: Array<{ member: string; value: number }> = [];
  for (let i = 0; i < raw.length; i += 2) out.push({ member: raw[i]!, value: Number(raw[i + 1]) });
  return out;
}

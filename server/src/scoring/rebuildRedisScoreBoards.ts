import type { Cluster, Redis } from 'ioredis';
import { toNumber, type Database } from '../db/Database.js';
import { readLedgerTotals, type LedgerBoardCell } from './rebuildScores.js';
import { redisBoardExpiry, redisBoardKeys } from './redisScoreBoards.js';
import { touchBoards } from './sqlScoreBoards.js';

/** What {@link rebuildRedisScoreBoards} found and did. */
export interface RebuildRedisResult {
  boards: number;
  /** Members whose score differed from the ledger (added, changed or removed). */
  membersChanged: number;
  durationMs: number;
}

const chunk = 1_000;

/**
 * Recomputes the Redis boards from the ledger and says whether they had drifted. Writers are held
 * off while it runs (an exclusive lock on the outbox table, which every write inserts into), so
 * the ledger it reads contains every change whose outbox row it then discards: nothing is lost or
 * counted twice (the discarded rows' marks go with the boards' keys).
 */
export async function rebuildRedisScoreBoards(
  db: Database,
  redis: Redis | Cluster,
  prefix: string,
): Promise<RebuildRedisResult> {
  const started = performance.now();
  return db.transaction(async (tx) => {
    await tx.query('LOCK TABLE podium_score_outbox IN EXCLUSIVE MODE');
    const [sequence] = await tx.query<{ last: unknown }>(
      'SELECT last_value AS last FROM podium_score_outbox_id_seq',
    );
    const lastOutboxId = toNumber(sequence?.last);
    const { boards } = await readLedgerTotals(tx);
    const byBoard = new Map<string, LedgerBoardCell[]>();
    for (const cell of boards.values()) {
      if (cell.value === 0) continue;
      const list = byBoard.get(cell.board) ?? [];
      list.push(cell);
      byBoard.set(cell.board, list);
    }
    // Boards in Redis that the ledger no longer has (every event of a period revoked).
    const stale = await redisBoardNames(redis, prefix);
    let membersChanged = 0;
    for (const board of new Set([...byBoard.keys(), ...stale])) {
      const keys = redisBoardKeys(prefix, board);
      const cells = byBoard.get(board) ?? [];
      const current = new Map<string, number>();
      const raw = await redis.zrange(keys.scores, '0', '-1', 'WITHSCORES');
      for (let i = 0; i < raw.length; i += 2) current.set(raw[i]!, Number(raw[i + 1]));
      for (const cell of cells) {
        const had = current.get(cell.user_id);
        if (had === undefined || Math.abs(had - cell.value) > 1e-9 * Math.max(1, Math.abs(cell.value)))
          membersChanged += 1;
        current.delete(cell.user_id);
      }
      membersChanged += current.size;
      await redis.del(keys.scores, keys.rows, keys.reached);
      for (let i = 0; i < cells.length; i += chunk) {
        const part = cells.slice(i, i + chunk);
        const pipeline = redis.pipeline();
        pipeline.zadd(keys.scores, ...part.flatMap((c) => [c.value, c.user_id]));
        pipeline.hset(keys.reached, ...part.flatMap((c) => [c.user_id, Date.parse(c.reached_at)]));
        const expireAt = redisBoardExpiry(board);
        if (expireAt !== null) for (const key of Object.values(keys)) pipeline.pexpireat(key, expireAt);
        const results = await pipeline.exec();
        const failed = results?.find(([error]) => error);
        if (failed) throw failed[0];
      }
    }
    await tx.query('DELETE FROM podium_score_outbox WHERE id <= $1', [lastOutboxId]);
    // Every rebuilt board counts a change: polls must not keep the drifted page as "unchanged",
    // and the outbox rows discarded above will never be counted by a drain. Counted once Redis
    // holds the new boards, so a version is never ahead of what a page read shows.
    await touchBoards(tx, [...new Set([...byBoard.keys(), ...stale])], new Date());
    return { boards: byBoard.size, membersChanged, durationMs: Math.round(performance.now() - started) };
  });
}

/** The board names under `prefix` in Redis (every primary of a Cluster is scanned). */
async function redisBoardNames(redis: Redis | Cluster, prefix: string): Promise<string[]> {
  const nodes =
    'nodes' in redis && typeof redis.nodes === 'function'
      ? (redis as Cluster).nodes('master')
      : [redis as Redis];
  const names = new Set<string>();
  const head = `{${prefix}b:`;
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${escapeGlob(head)}*`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) if (key.endsWith('}')) names.add(key.slice(head.length, -1));
    } while (cursor !== '0');
  }
  return [...names];
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\{}]/g, (c) => `\\${c}`);
}

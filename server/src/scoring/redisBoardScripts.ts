import type { Cluster, Redis } from 'ioredis';

/**
 * The Lua scripts of the Redis points boards. Each runs against one board's keys (one hash tag,
 * so one Cluster slot) and does in one round trip what would otherwise take three to five: a
 * read costs about what the raw sorted-set command costs (bench:scoring).
 *
 * Scores travel as Redis prints them (`%.17g`), so passing one back to a BYSCORE range is exact.
 */

/** The reached-at times of the members of a WITHSCORES reply, in chunks (unpack has a stack limit). */
const reachedOf = `
local function reachedOf(key, withScores)
  local out = {}
  for first = 1, #withScores, 1000 do
    local members = {}
    for i = first, math.min(first + 999, #withScores), 2 do members[#members + 1] = withScores[i] end
    local ats = redis.call('HMGET', key, unpack(members))
    for j = 1, #ats do out[#out + 1] = ats[j] end
  end
  return out
end
`;

/**
 * KEYS: scores, applied rows, reached-at of one board. ARGV: the outbox id, then (member, delta,
 * reached-at ms) triples. Applies the row's changes to this board unless its mark is there; one
 * call per board and outbox row, reading and writing reached-at times in bulk (chunks of 500
 * members: Lua's unpack has a stack limit).
 */
const applyRow = `
if redis.call('HSETNX', KEYS[2], ARGV[1], 1) == 0 then return 0 end
for first = 2, #ARGV, 1500 do
  local last = math.min(first + 1499, #ARGV)
  local members = {}
  for i = first, last, 3 do members[#members + 1] = ARGV[i] end
  local ats = redis.call('HMGET', KEYS[3], unpack(members))
  local later = {}
  for j = 1, #members do
    local i = first + (j - 1) * 3
    local score = tonumber(redis.call('ZINCRBY', KEYS[1], ARGV[i + 1], ARGV[i]))
    if score == 0 then redis.call('ZREM', KEYS[1], ARGV[i]) end
    if tonumber(ARGV[i + 2]) > tonumber(ats[j] or '0') then
      later[#later + 1] = ARGV[i]
      later[#later + 1] = ARGV[i + 2]
    end
  end
  if #later > 0 then redis.call('HSET', KEYS[3], unpack(later)) end
end
return 1
`;

/**
 * KEYS: scores, reached-at. ARGV: offset, limit. Returns the ranked count, then (if the page is
 * not empty) the count strictly above its first score, every member from its last score to its
 * first (the page plus whole tie groups at its edges, WITHSCORES) and their reached-at times:
 * within equal scores the board's order is reached-at then id, which Redis does not know.
 */
const readPage = `${reachedOf}
local total = redis.call('ZCOUNT', KEYS[1], '(0', '+inf')
local slice = redis.call('ZRANGE', KEYS[1], '+inf', '(0', 'BYSCORE', 'REV', 'LIMIT', ARGV[1], ARGV[2], 'WITHSCORES')
if #slice == 0 then return {total} end
local window = redis.call('ZRANGE', KEYS[1], slice[#slice], slice[2], 'BYSCORE', 'WITHSCORES')
return {total, redis.call('ZCOUNT', KEYS[1], '(' .. slice[2], '+inf'), window, reachedOf(KEYS[2], window)}
`;

/**
 * KEYS: scores, reached-at. ARGV: a member. Returns the ranked count, then (if the member is
 * ranked) the count strictly above its score, its tie group WITHSCORES and their reached-at times.
 */
const readTies = `${reachedOf}
local total = redis.call('ZCOUNT', KEYS[1], '(0', '+inf')
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if (not score) or tonumber(score) <= 0 then return {total} end
local ties = redis.call('ZRANGE', KEYS[1], score, score, 'BYSCORE', 'WITHSCORES')
return {total, redis.call('ZCOUNT', KEYS[1], '(' .. score, '+inf'), ties, reachedOf(KEYS[2], ties)}
`;

/** KEYS: scores. ARGV: a member. Returns its score (`'0'` if absent), standard rank (0: unranked), ranked count. */
const readStanding = `
local total = redis.call('ZCOUNT', KEYS[1], '(0', '+inf')
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if (not score) or tonumber(score) <= 0 then return {score or '0', 0, total} end
return {score, redis.call('ZCOUNT', KEYS[1], '(' .. score, '+inf') + 1, total}
`;

/** A member of a board as the read scripts answer it: score, and reached-at (ms; 0 when unknown). */
export interface BoardMember {
  member: string;
  value: number;
  reachedAt: number;
}

/** What the scripts answer, typed. */
export interface RedisBoardScripts {
  applyRow(
    pipeline: ReturnType<Redis['pipeline']>,
    keys: { scores: string; rows: string; reached: string },
    rowId: number,
    triples: Array<string | number>,
  ): void;
  page(
    keys: { scores: string; reached: string },
    offset: number,
    limit: number,
  ): Promise<{ total: number; above: number; window: BoardMember[] }>;
  ties(
    keys: { scores: string; reached: string },
    member: string,
  ): Promise<{ total: number; above: number; ties: BoardMember[] } | { total: number; ties: null }>;
  standing(scores: string, member: string): Promise<{ value: number; rank: number | null; ranked: number }>;
}

type Reply = [number, number?, string[]?, Array<string | null>?];

/** Registers the scripts on `redis` (EVALSHA, loaded on first use on each node). */
export function defineRedisBoardScripts(redis: Redis | Cluster): RedisBoardScripts {
  redis.defineCommand('podiumApplyRow', { numberOfKeys: 3, lua: applyRow });
  redis.defineCommand('podiumReadPage', { numberOfKeys: 2, lua: readPage });
  redis.defineCommand('podiumReadTies', { numberOfKeys: 2, lua: readTies });
  redis.defineCommand('podiumReadStanding', { numberOfKeys: 1, lua: readStanding });
  type Call = (...args: Array<string | number>) => Promise<unknown>;
  const call = (target: unknown, name: string): Call => (target as Record<string, Call>)[name]!.bind(target);
  return {
    applyRow(pipeline, keys, rowId, triples) {
      void call(pipeline, 'podiumApplyRow')(keys.scores, keys.rows, keys.reached, rowId, ...triples);
    },
    async page(keys, offset, limit) {
      const [total, above = 0, window = [], reached = []] = (await call(redis, 'podiumReadPage')(
        keys.scores,
        keys.reached,
        offset,
        limit,
      )) as Reply;
      return { total, above, window: withReached(window, reached) };
    },
    async ties(keys, member) {
      const [total, above, ties, reached] = (await call(redis, 'podiumReadTies')(
        keys.scores,
        keys.reached,
        member,
      )) as Reply;
      if (above === undefined) return { total, ties: null };
      return { total, above, ties: withReached(ties ?? [], reached ?? []) };
    },
    async standing(scores, member) {
      const [score, rank, ranked] = (await call(redis, 'podiumReadStanding')(scores, member)) as [
        string,
        number,
        number,
      ];
      return { value: Number(score), rank: rank > 0 ? rank : null, ranked };
    },
  };
}

function withReached(withScores: string[], reached: Array<string | null>): BoardMember[] {
  const out: BoardMember[] = [];
  for (let i = 0; i < withScores.length; i += 2) {
    out.push({
      member: withScores[i]!,
      value: Number(withScores[i + 1]),
      reachedAt: Number(reached[i / 2] ?? 0),
    });
  }
  return out;
}

import { isoWeekKey, periodBounds, utcDayKey, utcMonthKey } from '../shared/periodKeys.js';
import type { ScoreTimeframe } from './contract.js';

/**
 * Names of the points boards, shared by the server's projections (SQL rows, Redis keys) and the
 * mocks: `lifetime`, `day:2026-11-27`, `week:2026-W48`, `month:2026-11`, `trending`, each also
 * per category after `cat:<category>:`. An event counts on the five boards of its time and the
 * five of its category.
 */

/** The boards one scored entry counts on; `trending` ones add the decayed weight, not points. */
export function boardKeysOf(category: string, occurredAt: Date): Array<{ key: string; trending: boolean }> {
  const plain = [
    'lifetime',
    `day:${utcDayKey(occurredAt)}`,
    `week:${isoWeekKey(occurredAt)}`,
    `month:${utcMonthKey(occurredAt)}`,
  ];
  const keys = [...plain, ...plain.map((key) => `cat:${category}:${key}`)].map((key) => ({
    key,
    trending: false,
  }));
  keys.push({ key: 'trending', trending: true }, { key: `cat:${category}:trending`, trending: true });
  return keys;
}

/** The period of a board read: the key and, for dated timeframes, the period key and bounds. */
export interface ResolvedScoreBoard {
  key: string;
  timeframe: ScoreTimeframe;
  /** `2026-W48` for a weekly board; `null` for lifetime and trending. */
  period: string | null;
  category: string | null;
  bounds: { start: Date; end: Date } | null;
}

const timeframeKinds = { daily: 'day', weekly: 'week', monthly: 'month' } as const;

/** The board a `timeframe` / `period` / `category` read means at `now` (current period by default). */
export function resolveScoreBoard(
  query: { timeframe: ScoreTimeframe; period?: string | undefined; category?: string | undefined },
  now: Date,
): ResolvedScoreBoard {
  const category = query.category ?? null;
  const prefix = category ? `cat:${category}:` : '';
  if (query.timeframe === 'lifetime' || query.timeframe === 'trending') {
    return {
      key: `${prefix}${query.timeframe}`,
      timeframe: query.timeframe,
      period: null,
      category,
      bounds: null,
    };
  }
  const kind = timeframeKinds[query.timeframe];
  const period =
    query.period ?? (kind === 'day' ? utcDayKey(now) : kind === 'week' ? isoWeekKey(now) : utcMonthKey(now));
  return {
    key: `${prefix}${kind}:${period}`,
    timeframe: query.timeframe,
    period,
    category,
    bounds: periodBounds(kind, period),
  };
}

/** The filter a board key puts on ledger rows (category, and `[start, end)` of its period). */
export function boardFilterOf(key: string): {
  category: string | null;
  start: Date | null;
  end: Date | null;
} {
  let rest = key;
  let category: string | null = null;
  const match = /^cat:([^:]+):(.*)$/.exec(key);
  if (match) {
    category = match[1]!;
    rest = match[2]!;
  }
  const [kind, period] = rest.split(':') as [string, string | undefined];
  if ((kind === 'day' || kind === 'week' || kind === 'month') && period) {
    const { start, end } = periodBounds(kind, period);
    return { category, start, end };
  }
  return { category, start: null, end: null };
}

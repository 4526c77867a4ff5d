import { createScoringHistory, type ScoreEventInput } from '../../mocks/index.js';

const DAY_MS = 86_400_000;

/** Noon UTC `daysAgo` days before today (plus `minutes`), as ISO text. */
function noonDaysAgo(daysAgo: number, minutes = 0): string {
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  return new Date(today - daysAgo * DAY_MS + 12 * 3_600_000 + minutes * 60_000).toISOString();
}

/**
 * A trade at noon UTC on every day from `from` to `to` days ago, except the days in `skip`: a
 * streak whose missed days freezes bridge (or break, when none are left).
 */
export function dailyTradeEvents(userId: string, from: number, to: number, skip: readonly number[] = []): ScoreEventInput[] {
  const events: ScoreEventInput[] = [];
  for (let daysAgo = from; daysAgo >= to; daysAgo -= 1) {
    if (skip.includes(daysAgo)) continue;
    events.push({
      eventId: `story-${userId}-${daysAgo}`,
      userId,
      action: 'TRADE_EXECUTE',
      occurredAt: noonDaysAgo(daysAgo),
      metadata: { volumeUSD: 250 + ((daysAgo * 397) % 4_000), profitPercent: (daysAgo * 13) % 60 },
    });
  }
  return events;
}

/**
 * Everything in the default catalogue: a complete and verified profile, and 1,000 whale trades
 * in profit over the last 32 days (150 points each, a 32-day streak), so 150,000 points.
 */
export function allAchievementsEvents(userId: string): ScoreEventInput[] {
  const events: ScoreEventInput[] = [
    { eventId: `story-${userId}-profile`, userId, action: 'PROFILE_COMPLETE', occurredAt: noonDaysAgo(32, -60) },
    { eventId: `story-${userId}-verified`, userId, action: 'PROFILE_VERIFIED', occurredAt: noonDaysAgo(32, -30) },
  ];
  for (let index = 0; index < 1_000; index += 1) {
    events.push({
      eventId: `story-${userId}-trade-${index}`,
      userId,
      action: 'TRADE_EXECUTE',
      occurredAt: noonDaysAgo(32 - Math.floor(index / 32), index % 32),
      metadata: { volumeUSD: 12_000, profitPercent: 120 },
    });
  }
  return events;
}

/**
 * The mocks' generated 40-day history of the whole cast with `extra` events added, oldest first,
 * so the extra player stands among the others (ranks, rarity) as on a real board.
 */
export function historyWith(extra: readonly ScoreEventInput[]): ScoreEventInput[] {
  return [...createScoringHistory({ now: new Date() }), ...extra].sort((a, b) =>
    a.occurredAt! < b.occurredAt! ? -1 : a.occurredAt! > b.occurredAt! ? 1 : 0,
  );
}

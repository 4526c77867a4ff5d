import type { LabelsOf } from '../labels.js';
import type { sharedLabels } from '../shared/sharedLabels.js';

/**
 * The English strings of ScoreCard and its parts (figure, streak, rank history, recent actions with
 * the scoring actions' names).
 * Keys and placeholders as in `PodiumLabels`; every locale pack translates them.
 */
export const scoreCardLabels = {
  scoreCardTitle: 'Points',
  scoreCardLoading: 'Loading points…',
  /** Announced politely once the points are shown. */
  scoreCardAnnounceLoaded: 'Points loaded.',
  scoreCardNoUser: 'No player to show points for.',
  scoreCardErrorTitle: 'Could not load points',
  /** The empty state: the player has never scored. */
  scoreCardEmptyTitle: 'Record your first action',
  scoreCardEmptyHint: 'Make a trade, copy one or stake: your points, rank and streak start here.',
  scoreCardStale: 'Could not refresh. Showing points from {time}.',
  scoreCardTimeframeLifetime: 'All time',
  scoreCardTimeframeDaily: 'Today',
  scoreCardTimeframeWeekly: 'This week',
  scoreCardTimeframeMonthly: 'This month',
  scoreCardTimeframeTrending: 'Trending',
  /** A past ISO week of a weekly card: `{week}` is its number, `{year}` its ISO week-year. */
  scoreCardPastWeek: 'Week {week}, {year}',
  scoreCardPoints: 'Points',
  /** Under lifetime points: how many scored actions (milestone bonuses included) they come from. */
  scoreCardFromActionsOne: 'from {count} action',
  scoreCardFromActionsOther: 'from {count} actions',
  scoreCardTrendingPoints: 'Trending score',
  scoreCardTrendingHint: 'Recent points count more.',
  scoreCardRank: 'Rank',
  scoreCardRankValue: '#{rank}',
  scoreCardRankOfOne: 'of {count} player',
  scoreCardRankOfOther: 'of {count} players',
  /** `{percent}` is formatted by the locale; shown only in the top half, where it flatters. */
  scoreCardTopPercent: 'Top {percent}',
  scoreCardNotRanked: 'Not on this board yet',
  /** The board store is away (the score came from the ledger), so there is no rank for now. */
  scoreCardRankUnavailable: 'Rank unavailable right now',
  /** Names the rank sparkline for screen readers. */
  scoreCardRankHistory: 'Lifetime rank since {date}: #{first} to #{last}',
  scoreCardStreak: 'Streak',
  scoreCardStreakDaysOne: '{count} day',
  scoreCardStreakDaysOther: '{count} days',
  /** `{days}` is `scoreCardStreakDays…` filled in ("40 days"). */
  scoreCardStreakBest: 'Best: {days}',
  scoreCardFreezesOne: '{count} freeze left',
  scoreCardFreezesOther: '{count} freezes left',
  scoreCardFreezesNone: 'No freezes left',
  /** What a freeze is (said after the count, and its tooltip). */
  scoreCardFreezesHint: 'A freeze keeps your streak alive through a missed day.',
  scoreCardStreakDone: 'Done for today',
  scoreCardStreakExtend: 'Be active today to extend it',
  /** Active yesterday, not yet today, and no freeze left. */
  scoreCardStreakAtRisk: 'Ends today unless you are active',
  /** Missed days were bridged by freezes. */
  scoreCardStreakFrozen: 'A freeze kept your streak alive',
  scoreCardStreakNone: 'Be active on consecutive days to start a streak.',
  scoreCardStreakBroken: 'Your streak ended. Be active today to start a new one.',
  scoreCardRecent: 'Recent activity',
  /** The points of one recent action, signed ("+30 pts"). */
  scoreCardPointsDelta: '{points} pts',
  scoringActionTradeExecute: 'Trade',
  scoringActionCopyTrade: 'Copy trade',
  scoringActionCopiedByOthers: 'Trade copied by others',
  scoringActionStake: 'Stake',
  scoringActionProfileComplete: 'Profile completed',
  scoringActionProfileVerified: 'Profile verified',
  scoringActionReferralSignup: 'Referral signed up',
  scoringActionReferralTrade: 'Referral traded',
  scoringActionFirstTrade: 'First trade bonus',
  scoringActionFirstProfitableTrade: 'First profitable trade bonus',
  scoringActionStreak7: '7-day streak bonus',
  scoringActionStreak30: '30-day streak bonus',
  scoringActionAdjustment: 'Adjustment',
};

/** What ScoreCard and its parts read: the shared strings and these. */
export type ScoreCardLabels = LabelsOf<[typeof sharedLabels, typeof scoreCardLabels]>;

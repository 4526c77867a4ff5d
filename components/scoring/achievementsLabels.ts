import type { LabelsOf } from '../labels.js';
import type { sharedLabels } from '../shared/sharedLabels.js';

/**
 * The English strings of AchievementsGrid and AchievementAnnouncer, with the default catalogue's
 * achievement names and descriptions (a host's own wording is shown as the server sends it).
 * Keys and placeholders as in `PodiumLabels`; every locale pack translates them.
 */
export const achievementsLabels = {
  achievementsTitle: 'Achievements',
  achievementsLoading: 'Loading achievements…',
  /** Announced politely once the achievements are shown. */
  achievementsAnnounceLoaded: 'Achievements loaded.',
  achievementsNoUser: 'No player to show achievements for.',
  achievementsErrorTitle: 'Could not load achievements',
  achievementsEmptyTitle: 'No achievements yet',
  achievementsEmptyHint: 'Achievements to earn will show up here.',
  achievementsStale: 'Could not refresh. Showing achievements from {time}.',
  achievementsSummary: '{unlocked} of {total} unlocked',
  achievementsUnlocked: 'Unlocked',
  achievementsLocked: 'Locked',
  achievementsUnlockedOn: 'Unlocked {date}',
  /** `{percent}` is formatted by the locale, e.g. "3%" or "3 %". */
  achievementsRarity: 'Held by {percent} of players',
  achievementsRarityNone: 'No one holds this yet',
  /** A badge on unlocked achievements that at most 10 % of players hold. */
  achievementsRare: 'Rare',
  achievementsProgress: '{current} / {target}',
  achievementsProgressTrades: '{current} / {target} trades',
  achievementsProgressPoints: '{current} / {target} points',
  /** The progress bar's value for screen readers (`aria-valuetext`). */
  achievementsProgressValue: '{current} of {target}',
  achievementsProgressValueTrades: '{current} of {target} trades',
  achievementsProgressValuePoints: '{current} of {target} points',
  /** A locked achievement without steps (a first trade, a streak milestone). */
  achievementsNotYet: 'Not unlocked yet',
  /** Announced politely when achievements unlock; `{names}` is a list in the locale's words. */
  achievementUnlockedOne: 'Achievement unlocked: {names}',
  achievementUnlockedOther: 'Achievements unlocked: {names}',
  // The default catalogue's achievements (a host's own wording is shown as the server sends it).
  achievementFirstTradeName: 'First trade',
  achievementFirstTradeDescription: 'Execute your first trade',
  achievementFirstProfitableTradeName: 'In the green',
  achievementFirstProfitableTradeDescription: 'Close your first profitable trade',
  achievementStreakWeekName: 'Week streak',
  achievementStreakMonthName: 'Month streak',
  /** `{count}` is a number of days, formatted by the locale. */
  achievementStreakDescription: 'Trade {count} days in a row',
  achievementProfileCompleteName: 'All set',
  achievementProfileCompleteDescription: 'Complete your profile',
  achievementProfileVerifiedName: 'Verified',
  achievementProfileVerifiedDescription: 'Verify your profile',
  achievementWhaleName: 'Whale',
  /** `{count}` is an amount of US dollars, formatted by the locale. */
  achievementWhaleDescription: 'Make a trade of at least {count} USD',
  achievementTradesName: '{count} trades',
  achievementTradesDescription: 'Execute {count} trades',
  achievementPointsName: '{count} points',
  achievementPointsDescription: 'Earn {count} points',
};

/** What AchievementsGrid, AchievementAnnouncer and their parts read: the shared strings and these. */
export type AchievementsLabels = LabelsOf<[typeof sharedLabels, typeof achievementsLabels]>;

import { formatLabel } from '../labels.js';
import { achievementsLabels, type AchievementsLabels } from './achievementsLabels.js';

type AchievementKey = keyof typeof achievementsLabels;

/** The labels of the default catalogue's achievements, and the number each one names. */
const defaultAchievements: Readonly<
  Record<string, { name: AchievementKey; description: AchievementKey; count?: number }>
> = {
  first_trade: { name: 'achievementFirstTradeName', description: 'achievementFirstTradeDescription' },
  first_profitable_trade: {
    name: 'achievementFirstProfitableTradeName',
    description: 'achievementFirstProfitableTradeDescription',
  },
  trading_streak_7: {
    name: 'achievementStreakWeekName',
    description: 'achievementStreakDescription',
    count: 7,
  },
  trading_streak_30: {
    name: 'achievementStreakMonthName',
    description: 'achievementStreakDescription',
    count: 30,
  },
  profile_complete: {
    name: 'achievementProfileCompleteName',
    description: 'achievementProfileCompleteDescription',
  },
  profile_verified: {
    name: 'achievementProfileVerifiedName',
    description: 'achievementProfileVerifiedDescription',
  },
  whale_trader: { name: 'achievementWhaleName', description: 'achievementWhaleDescription', count: 10_000 },
  trades_10: { name: 'achievementTradesName', description: 'achievementTradesDescription', count: 10 },
  trades_100: { name: 'achievementTradesName', description: 'achievementTradesDescription', count: 100 },
  trades_1000: { name: 'achievementTradesName', description: 'achievementTradesDescription', count: 1_000 },
  points_1000: { name: 'achievementPointsName', description: 'achievementPointsDescription', count: 1_000 },
  points_10000: { name: 'achievementPointsName', description: 'achievementPointsDescription', count: 10_000 },
  points_100000: {
    name: 'achievementPointsName',
    description: 'achievementPointsDescription',
    count: 100_000,
  },
};

/** How the server's catalogue writes numbers (`1,000`): to recognise its default wording. */
const serverNumber = (value: number) => value.toLocaleString('en-US');

/**
 * An achievement's name and description in the reader's language: the labels of the default
 * catalogue when the server sends the default achievement word for word, else the server's own
 * text (a host that renamed or re-targeted an achievement wrote that wording on purpose).
 */
export function achievementText(
  achievement: { id: string; name: string; description: string },
  labels: AchievementsLabels,
  formatNumber: (value: number) => string,
): { name: string; description: string } {
  const entry = defaultAchievements[achievement.id];
  if (!entry) return achievement;
  const fill = (template: string, format: (value: number) => string) =>
    formatLabel(template, entry.count === undefined ? {} : { count: format(entry.count) });
  const isDefault =
    fill(achievementsLabels[entry.name], serverNumber) === achievement.name &&
    fill(achievementsLabels[entry.description], serverNumber) === achievement.description;
  if (!isDefault) return { name: achievement.name, description: achievement.description };
  return {
    name: fill(labels[entry.name], formatNumber),
    description: fill(labels[entry.description], formatNumber),
  };
}

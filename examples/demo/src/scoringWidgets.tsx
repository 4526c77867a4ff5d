/**
 * The scoring widgets the demo page shows. One import line decides where they come from: the
 * placeholders below until `ScoreCard` and `AchievementsGrid` (components/scoring) are merged,
 * then `'podium-kit'`.
 */
import { AchievementsGrid, ScoreCard } from './scoringPlaceholders.js';

/** The signed-in user's points, rank, streak and recent actions. */
export function DemoScoreCard({ userId }: { userId: string }) {
  return <ScoreCard userId={userId} />;
}

/** The signed-in user's achievements, locked and unlocked. */
export function DemoAchievementsGrid({ userId }: { userId: string }) {
  return <AchievementsGrid userId={userId} />;
}

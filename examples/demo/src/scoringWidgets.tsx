/** The scoring widgets the demo page shows, as any host would use them. */
import { AchievementsGrid, ScoreCard } from 'podium-kit';

/** The signed-in user's points, rank, streak and recent actions. */
export function DemoScoreCard({ userId }: { userId: string }) {
  return <ScoreCard userId={userId} />;
}

/** The signed-in user's achievements, locked and unlocked. */
export function DemoAchievementsGrid({ userId }: { userId: string }) {
  return <AchievementsGrid userId={userId} />;
}

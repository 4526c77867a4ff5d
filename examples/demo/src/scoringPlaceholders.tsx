import { useId, type ReactNode } from 'react';
import { useAchievements, useFormatters, useScore } from 'podium-kit';

/**
 * Stand-ins for `ScoreCard` and `AchievementsGrid` (components/scoring, written on another branch)
 * with the same name and `userId` prop, so that `scoringWidgets.tsx` switches to the real ones by
 * changing its one import line. They read the same hooks, so the demo's buttons visibly move them.
 */
export function ScoreCard({ userId }: { userId: string }) {
  const headingId = useId();
  const format = useFormatters();
  const { data } = useScore(userId);
  return (
    <PlaceholderCard headingId={headingId} title="Score" component="ScoreCard">
      {data ? (
        <dl className="grid grid-cols-3 gap-2">
          <Figure label="Points" value={format.number(data.score)} />
          <Figure label="Rank" value={data.rank === null ? '—' : `#${format.number(data.rank)}`} />
          <Figure label="Streak" value={`${format.number(data.streak.current)} d`} />
        </dl>
      ) : (
        <p className="text-muted">Loading…</p>
      )}
    </PlaceholderCard>
  );
}

export function AchievementsGrid({ userId }: { userId: string }) {
  const headingId = useId();
  const { achievements, unlocked, data } = useAchievements(userId);
  return (
    <PlaceholderCard headingId={headingId} title="Achievements" component="AchievementsGrid">
      {data ? (
        <>
          <p className="mb-2">
            {unlocked.length} of {achievements.length} unlocked
          </p>
          <ul className="flex flex-wrap gap-1.5">
            {achievements.map((achievement) => (
              <li
                key={achievement.id}
                className={
                  achievement.unlocked
                    ? 'rounded-full bg-accent px-2 py-0.5 text-xs text-accent-fg'
                    : 'rounded-full border border-line px-2 py-0.5 text-xs text-muted'
                }
              >
                {achievement.name}
                <span className="sr-only">{achievement.unlocked ? ' (unlocked)' : ' (locked)'}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="text-muted">Loading…</p>
      )}
    </PlaceholderCard>
  );
}

function PlaceholderCard({
  headingId,
  title,
  component,
  children,
}: {
  headingId: string;
  title: string;
  component: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-podium border border-dashed border-control bg-page p-4 text-sm"
      data-placeholder={component}
    >
      <h3 id={headingId} className="mb-3 text-base font-semibold">
        {title}
      </h3>
      {children}
      <p className="mt-3 text-xs text-muted">
        Placeholder: Podium&rsquo;s <code>{component}</code> takes this place.
      </p>
    </section>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-podium bg-surface p-2">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

import { useId, useState } from 'react';
import {
  Leaderboard,
  podiumKeys,
  useFormatters,
  usePodium,
  useScoringRules,
  type EventResult,
} from 'podium-kit';
import { apiBase } from './demoApi.js';
import { DemoAchievementsGrid, DemoScoreCard } from './scoringWidgets.js';

type ScoreKind = 'trade' | 'copy' | 'stake';

const actions: readonly { kind: ScoreKind; label: string; done: string }[] = [
  { kind: 'trade', label: 'Record a trade', done: 'Trade' },
  { kind: 'copy', label: 'Record a copy trade', done: 'Copy trade' },
  { kind: 'stake', label: 'Record a stake', done: 'Stake' },
];

/**
 * Points & achievements: the signed-in user's score card and achievements, the points board with
 * its timeframe switch, and buttons that play the host's backend scoring an action (the demo
 * server picks a plausible trade volume and profit, copy-trade outcome or stake). After each, the
 * scoring queries and the boards are refetched at once, and the result is announced politely.
 */
export function PointsPanel({ userId }: { userId: string }) {
  const { queryClient } = usePodium();
  const rules = useScoringRules();
  const format = useFormatters();
  const asideId = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [unlocked, setUnlocked] = useState<string[]>([]);

  const achievementName = (id: string) => rules.data?.achievements.find((item) => item.id === id)?.name ?? id;

  async function record(kind: ScoreKind, done: string) {
    setBusy(true);
    setUnlocked([]);
    setMessage(`${done}: scoring…`);
    try {
      const response = await fetch(
        `${apiBase}/demo/score-action?kind=${kind}&user=${encodeURIComponent(userId)}`,
        { method: 'POST' },
      );
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const result = (await response.json()) as EventResult;
      // A first trade also earns its milestone (FIRST_TRADE…), scored as its own event.
      const points = result.points + result.milestones.reduce((sum, milestone) => sum + milestone.points, 0);
      setMessage(
        result.status === 'scored'
          ? `${done}: +${format.number(points)} points`
          : `${done}: no points (${result.reason ?? result.status})`,
      );
      setUnlocked(result.achievements.map(achievementName));
      // The card, the achievements and every points board move: refetch them now rather than
      // on their next poll. (The rules do not change with an action; the seller boards ignore it.)
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: podiumKeys.scores() }),
        queryClient.invalidateQueries({ queryKey: podiumKeys.leaderboards() }),
      ]);
    } catch (error) {
      setMessage(`Could not score it: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    // A plain section (no accessible name, so not a landmark): the aside inside stays top level.
    <section className="mt-8">
      <h2 className="mb-4 text-xl font-semibold">Points &amp; achievements</h2>
      <div className="grid items-start gap-6 xl:grid-cols-[1fr_19rem]">
        <div className="grid min-w-0 items-start gap-6 lg:grid-cols-2">
          <div className="flex min-w-0 flex-col gap-6">
            <DemoScoreCard userId={userId} />
            <DemoAchievementsGrid userId={userId} />
          </div>
          {/* The demo has 21 people: one page holds them all, so there is no "Load more". */}
          <Leaderboard
            board="points"
            title="Points leaderboard"
            headingLevel={3}
            currentUserId={userId}
            pageSize={25}
            className="min-w-0"
          />
        </div>
        <aside aria-labelledby={asideId} className="rounded-podium border border-line bg-page p-4 text-sm">
          <h3 id={asideId} className="mb-2 text-base font-semibold">
            Score an action
          </h3>
          <p className="mb-3 text-muted">
            What a host&rsquo;s backend sends to <code>POST /api/scores/actions</code>. The rules turn volume,
            profit, copy speed and stake size into points; milestones and achievements follow on their own.
          </p>
          <div className="flex flex-wrap gap-2">
            {actions.map((action, index) => (
              <button
                key={action.kind}
                type="button"
                disabled={busy}
                className={
                  index === 0
                    ? 'rounded-podium bg-accent px-3 py-1.5 font-medium text-accent-fg hover:opacity-90 disabled:opacity-60'
                    : 'rounded-podium border border-control px-3 py-1.5 hover:bg-surface disabled:opacity-60'
                }
                onClick={() => record(action.kind, action.done)}
              >
                {action.label}
              </button>
            ))}
          </div>
          {/* Polite: the result is news, but never worth interrupting the user for. */}
          <div role="status" className="mt-2 min-h-5">
            {message ? <p className="text-muted">{message}</p> : null}
            {unlocked.map((name) => (
              <p key={name} className="font-medium">
                Achievement unlocked: {name}
              </p>
            ))}
          </div>
        </aside>
      </div>
    </section>
  );
}

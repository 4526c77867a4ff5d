import { useId, useState } from 'react';
import { LeaderboardModal, podiumKeys, SellerDashboard, usePodium } from 'podium-kit';
import { apiBase } from './demoApi.js';

/** How often the demo's leaderboard polls: faster than the 30 s default so a sale shows quickly. */
export const demoLeaderboardPollMs = 3000;

/**
 * The seller side of the demo: the signed-in user's dashboard, the leaderboard modal (it polls
 * on its own), and buttons that play the host's backend recording a sale or a view.
 */
export function SellerBoardsPanel({ userId }: { userId: string }) {
  const { queryClient } = usePodium();
  const headingId = useId();
  const [message, setMessage] = useState<string | null>(null);

  async function record(kind: 'sale' | 'view') {
    setMessage(kind === 'sale' ? 'Recording a sale…' : 'Recording a view…');
    try {
      const response = await fetch(
        `${apiBase}/demo/seller-activity?kind=${kind}&seller=${encodeURIComponent(userId)}`,
        { method: 'POST' },
      );
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      setMessage(
        kind === 'sale'
          ? 'Sale recorded. An open leaderboard shows it at once (live updates).'
          : 'View recorded. An open leaderboard shows it at once (live updates).',
      );
      // The dashboard is not polled: refresh it now, and the stats tab (a sale is a marketplace
      // trade, so the seller's stats move too). The leaderboard follows
      // the server's event (live updates; it polls only if the stream is down).
      await queryClient.invalidateQueries({ queryKey: podiumKeys.sellerDashboard(apiBase, userId) });
      if (kind === 'sale') await queryClient.invalidateQueries({ queryKey: podiumKeys.userStats() });
    } catch (error) {
      setMessage(`Could not record it: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <div className="grid items-start gap-6 xl:grid-cols-[1fr_19rem]">
      <SellerDashboard sellerId={userId} />
      <aside aria-labelledby={headingId} className="rounded-podium border border-line bg-page p-4 text-sm">
        <h2 id={headingId} className="mb-2 text-base font-semibold">
          Seller leaderboard
        </h2>
        <p className="mb-3 text-muted">
          Counts kept current by database triggers. Open the board, then record a sale: the server's live
          event moves it at once (if the stream is down, on the next poll: every{' '}
          {demoLeaderboardPollMs / 1000} s here, 30 s by default).
        </p>
        <div className="mb-3">
          <LeaderboardModal currentUserId={userId} pollIntervalMs={demoLeaderboardPollMs} />
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className="rounded-podium bg-accent px-3 py-1.5 font-medium text-accent-fg hover:opacity-90"
            onClick={() => record('sale')}
          >
            Record a sale for me
          </button>
          <button
            type="button"
            className="rounded-podium border border-control px-3 py-1.5 hover:bg-surface"
            onClick={() => record('view')}
          >
            Record a view of my listing
          </button>
        </div>
        <p role="status" className="mt-2 min-h-5 text-muted">
          {message}
        </p>
      </aside>
    </div>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { podiumKeys, usePodium } from 'podium-kit';
import { apiBase, type DemoUser } from './demoApi.js';

/** Props of {@link MarketplacePanel}. */
export interface MarketplacePanelProps {
  users: readonly DemoUser[];
  /** Whose stats the StatsTab shows: a user id, username or wallet address. */
  identifier: string;
  onIdentifierChange: (identifier: string) => void;
}

function randomWallet(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return `0x${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Plays the marketplace around the StatsTab: look anyone up (user id, username or wallet), try
 * a wallet nobody has calculated yet (the tab shows "calculating" until the server's worker is
 * done), and simulate new marketplace events, which the server indexes and syncs at once.
 */
export function MarketplacePanel({ users, identifier, onIdentifierChange }: MarketplacePanelProps) {
  const { queryClient } = usePodium();
  const inputId = useId();
  const headingId = useId();
  const [draft, setDraft] = useState(identifier);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  function show(next: string) {
    setDraft(next);
    onIdentifierChange(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.trim()) show(draft.trim());
  }

  async function simulate() {
    setBusy(true);
    setMessage('Indexing 40 new marketplace events…');
    try {
      const response = await fetch(`${apiBase}/demo/market-activity?events=40`, { method: 'POST' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const { sync } = (await response.json()) as { sync: { entities: number; subjects: number } };
      setMessage(`Synced ${sync.entities} changed entities; ${sync.subjects} users' stats recalculated.`);
      // One world: new trades move the stats and the seller boards alike, so refresh every widget.
      await queryClient.invalidateQueries({ queryKey: podiumKeys.all });
    } catch (error) {
      setMessage(`Could not simulate activity: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <aside aria-labelledby={headingId} className="rounded-podium border border-line bg-page p-4 text-sm">
      <h2 id={headingId} className="mb-2 text-base font-semibold">
        Marketplace
      </h2>
      <p className="mb-3 text-muted">
        Stats come from a local subgraph of generated auction-house activity, synced into the server's cache.
      </p>
      <form onSubmit={submit} className="mb-3 flex flex-col gap-2">
        <label htmlFor={inputId} className="font-medium">
          User, username or wallet
        </label>
        <div className="flex gap-2">
          <input
            id={inputId}
            className="min-w-0 flex-1 rounded-podium border border-control bg-page px-2 py-1 font-mono text-xs"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            spellCheck={false}
          />
          <button
            type="submit"
            className="rounded-podium bg-accent px-3 py-1 font-medium text-accent-fg hover:opacity-90"
          >
            Show
          </button>
        </div>
      </form>
      <div className="mb-3 flex flex-wrap gap-2">
        {users.map((user) => (
          <button
            key={user.id}
            type="button"
            className="rounded-podium border border-control px-2 py-1 hover:bg-surface"
            onClick={() => show(user.username)}
          >
            {user.username}
          </button>
        ))}
        <button
          type="button"
          className="rounded-podium border border-control px-2 py-1 hover:bg-surface"
          onClick={() => show(randomWallet())}
        >
          A new wallet
        </button>
      </div>
      <button
        type="button"
        className="w-full rounded-podium bg-accent px-3 py-2 font-medium text-accent-fg hover:opacity-90 disabled:opacity-60"
        onClick={simulate}
        disabled={busy}
      >
        Simulate marketplace activity
      </button>
      <p role="status" className="mt-2 min-h-5 text-muted">
        {message}
      </p>
    </aside>
  );
}

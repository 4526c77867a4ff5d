import { useEffect, useState } from 'react';
import {
  Leaderboard,
  ShareAnalytics,
  ShareKit,
  TemplateSelector,
  podiumKeys,
  useMemberStats,
  usePodium,
  type Conversion,
} from 'podium-kit';
import { apiBase } from './demoApi.js';

/** The demo's community (seeded by the server) and the signed-in user's member id in it. */
const creatorId = 'studio';
const communityName = 'Pixel Studio';
const memberIdOf = (userId: string) => `${creatorId}-${userId}`;

/** What the page was opened with after following a referral link (`?ref=&click=`). */
function arrivalFromUrl(): { code: string; click: string } | null {
  const query = new URLSearchParams(window.location.search);
  const code = query.get('ref');
  const click = query.get('click');
  return code && click ? { code, click } : null;
}

/**
 * Referral sharing: the member's ShareKit, message templates, share analytics and the community's
 * referrers board. A shared link comes back here (the demo community's destination is this page):
 * the banner then plays the host's checkout, recording a purchase by a new customer or by a second
 * account on the member's own machine (flagged by the fraud checks), and the review queue below
 * approves or rejects what was flagged. Every change refetches the referral queries at once.
 */
export function ReferralsPanel({ userId }: { userId: string }) {
  const { queryClient, locale } = usePodium();
  const memberId = memberIdOf(userId);
  const { stats } = useMemberStats(memberId);
  const [arrival, setArrival] = useState<{ code: string; click: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [reviews, setReviews] = useState<Conversion[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => setArrival(arrivalFromUrl()), []);

  async function loadReviews() {
    const response = await fetch(`${apiBase}/demo/referrals/reviews?creatorId=${creatorId}`);
    if (response.ok) setReviews(((await response.json()) as { reviews: Conversion[] }).reviews);
  }
  useEffect(() => {
    void loadReviews();
  }, []);

  async function refreshAll() {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: podiumKeys.referrals() }),
      queryClient.invalidateQueries({ queryKey: podiumKeys.leaderboards() }),
      loadReviews(),
    ]);
  }

  async function run(label: string, request: () => Promise<Response>) {
    setBusy(true);
    setMessage(`${label}…`);
    try {
      const response = await request();
      const body = (await response.json()) as Conversion & { error?: { message: string } };
      if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
      const reasons = body.reasons.map((reason) => `${reason.signal} +${reason.points}`).join(', ');
      setMessage(
        `${label}: ${body.status}, risk ${body.riskScore}${reasons ? ` (${reasons})` : ''}, commission ` +
          new Intl.NumberFormat(locale, { style: 'currency', currency: body.commission.currency }).format(
            body.commission.amount,
          ),
      );
      await refreshAll();
    } catch (error) {
      setMessage(`${label} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const buy = (as: 'visitor' | 'self') =>
    run(
      as === 'visitor' ? 'Purchase by a new customer' : 'Purchase by a second account on this machine',
      () =>
        fetch(`${apiBase}/demo/referrals/conversion?click=${encodeURIComponent(arrival!.click)}&as=${as}`, {
          method: 'POST',
        }),
    );
  const decide = (id: string, decision: 'approve' | 'reject') =>
    run(decision === 'approve' ? 'Approved' : 'Rejected', () =>
      fetch(`${apiBase}/demo/referrals/reviews/${encodeURIComponent(id)}?decision=${decision}`, {
        method: 'POST',
      }),
    );

  return (
    <section className="mt-8" id="referrals">
      <h2 className="mb-4 text-xl font-semibold">Referral sharing</h2>
      {arrival && (
        <div className="mb-6 rounded-podium border border-line bg-page p-4 text-sm">
          <p>
            You arrived through referral link <code>{arrival.code}</code> (click <code>{arrival.click}</code>
            ). Play the shop's checkout:
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button
              type="button"
              className="rounded-podium bg-accent px-3 py-1.5 font-medium text-accent-fg hover:opacity-90 disabled:opacity-60"
              disabled={busy}
              onClick={() => buy('visitor')}
            >
              Buy as a new customer
            </button>
            <button
              type="button"
              className="rounded-podium border border-control px-3 py-1.5 hover:bg-surface disabled:opacity-60"
              disabled={busy}
              onClick={() => buy('self')}
            >
              Buy from the member's own device (self-referral)
            </button>
          </div>
        </div>
      )}
      <p aria-live="polite" className="mb-4 min-h-5 text-sm text-muted">
        {message}
      </p>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-6">
          <ShareKit
            creatorId={creatorId}
            community={communityName}
            headingLevel={3}
            earnings={stats?.earnings}
            referrals={stats?.referrals}
            onShare={() => void queryClient.invalidateQueries({ queryKey: podiumKeys.referrals() })}
          />
          <TemplateSelector
            creatorId={creatorId}
            communityName={communityName}
            headingLevel={3}
            earnings={stats?.earnings.amount}
            currency={stats?.earnings.currency}
            referrals={stats?.referrals}
          />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <ShareAnalytics memberId={memberId} headingLevel={3} />
          <Leaderboard
            board="referrers"
            creatorId={creatorId}
            title={`${communityName} referrers`}
            headingLevel={3}
            currentUserId={userId}
          />
          <div className="rounded-podium border border-line bg-page p-4">
            <h3 className="text-base font-semibold">Fraud review queue</h3>
            <p className="mt-1 text-sm text-muted">
              Flagged conversions hold their commission until someone decides (your host's staff, with the API
              key).
            </p>
            {reviews.length === 0 ? (
              <p className="mt-3 text-sm">Nothing to review.</p>
            ) : (
              <ul className="mt-3 divide-y divide-line text-sm">
                {reviews.map((review) => (
                  <li key={review.conversionId} className="flex flex-wrap items-center gap-2 py-2">
                    <span className="mr-auto min-w-0">
                      <span className="font-medium">{review.memberId}</span> · risk {review.riskScore} ·{' '}
                      {review.reasons.map((reason) => reason.signal).join(', ')}
                    </span>
                    <button
                      type="button"
                      className="rounded-podium border border-control px-3 py-1.5 hover:bg-surface disabled:opacity-60"
                      disabled={busy}
                      onClick={() => decide(review.conversionId, 'approve')}
                    >
                      Approve
                    </button>
                    <button
                      type="button"
                      className="rounded-podium border border-control px-3 py-1.5 hover:bg-surface disabled:opacity-60"
                      disabled={busy}
                      onClick={() => decide(review.conversionId, 'reject')}
                    >
                      Reject
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}

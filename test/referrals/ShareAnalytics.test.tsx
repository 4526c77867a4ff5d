import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Leaderboard, ShareAnalytics } from '../../components/index.js';
import { de } from '../../components/locales/de.js';
import { createReferralHandlers } from '../../mocks/referrals/handlers.js';
import { deriveShareAnalytics } from '../../mocks/referrals/analytics.js';
import { errorResponse } from '../../mocks/shared/errorResponses.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { renderWithPodium } from '../shared/renderWithPodium.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const { server } = setupMswServer();
const now = new Date('2026-11-27T15:00:00Z');

/** The referral mocks; `failing()` switches every answer to a 500 (and back). */
function serve() {
  let failing = false;
  const mocks = createReferralHandlers({
    baseUrl,
    clock: () => now,
    throttle: async () => (failing ? errorResponse(500, 'internal_error', 'Down') : undefined),
  });
  server.use(...mocks.handlers);
  return { mocks, fail: (value: boolean) => (failing = value) };
}

const region = () => screen.getByRole('region', { name: 'Share analytics' });
const asAlice = { getToken: () => 'u_alice' };

describe('ShareAnalytics', () => {
  it("shows the member's funnel, best platform, platforms and streak from the answer", async () => {
    const { mocks } = serve();
    renderWithPodium(<ShareAnalytics memberId="m_alice" />, asAlice);
    await waitFor(() => expect(region()).toHaveAttribute('data-state', 'ready'));
    const expected = deriveShareAnalytics(mocks.world(), 'm_alice', 'UTC');
    const step = (name: string) => document.querySelector(`[data-step="${name}"]`)!;
    expect(step('shares')).toHaveTextContent(`Shares${expected.funnel.shares}`);
    // Clicks per share, not a percentage: one share often brings several clicks.
    const perShare = Math.round((expected.funnel.clicks / expected.funnel.shares) * 10) / 10;
    expect(step('clicks')).toHaveTextContent(`${perShare} clicks per share`);
    expect(step('conversions')).toHaveTextContent(`Conversions${expected.funnel.conversions}`);
    const table = screen.getByRole('table', { name: 'Shares, clicks and conversions per platform' });
    expect(within(table).getAllByRole('row')).toHaveLength(expected.platforms.length + 1);
    expect(table.querySelector('[data-best]')).toHaveAttribute('data-platform', expected.bestPlatform);
    expect(document.querySelector('.podium-share-analytics__best')).toHaveTextContent(
      /^Best platform.+ brings you the most/,
    );
    expect(document.querySelector('[data-figure="current"]')).toHaveTextContent(
      `${expected.streak.current} days`,
    );
    expect(document.querySelector('[data-figure="longest"]')).toHaveTextContent(
      `${expected.streak.longest} days`,
    );
    // The daily chart's table alternative has a row per day.
    expect(
      within(screen.getByRole('table', { name: 'Shares and clicks per day' })).getAllByRole('row'),
    ).toHaveLength(31);
  });

  it('invites a member without shares to share, with the host button', async () => {
    serve();
    const onShare = vi.fn();
    renderWithPodium(<ShareAnalytics memberId="m_cara" onShare={onShare} />, { getToken: () => 'u_cara' });
    await waitFor(() => expect(region()).toHaveAttribute('data-state', 'empty'));
    expect(region()).toHaveTextContent('No shares yet');
    await userEvent.click(screen.getByRole('button', { name: 'Share your link' }));
    expect(onShare).toHaveBeenCalledOnce();
  });

  it('shows an error with Retry that recovers', async () => {
    const { fail } = serve();
    fail(true);
    renderWithPodium(<ShareAnalytics memberId="m_alice" />, asAlice);
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent('Could not load share analytics');
    fail(false);
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(region()).toHaveAttribute('data-state', 'ready'));
  });

  it('keeps the figures with a stale notice when a refresh fails', async () => {
    const { fail } = serve();
    const { queryClient } = renderWithPodium(<ShareAnalytics memberId="m_alice" />, asAlice);
    await waitFor(() => expect(region()).toHaveAttribute('data-state', 'ready'));
    fail(true);
    await queryClient.refetchQueries({ queryKey: ['podium'] }).catch(() => undefined);
    await waitFor(() => expect(region()).toHaveAttribute('data-stale', 'true'), { timeout: 5000 });
    expect(region()).toHaveTextContent(/Could not refresh\. Showing analytics from/);
    expect(document.querySelector('[data-step="shares"]')).toBeInTheDocument();
  });

  it('speaks the provider locale (German pack)', async () => {
    serve();
    renderWithPodium(<ShareAnalytics memberId="m_alice" />, {
      ...asAlice,
      locale: 'de-DE',
      labelPacks: { de },
    });
    const section = screen.getByRole('region', { name: 'Teilen-Statistik' });
    await waitFor(() => expect(section).toHaveAttribute('data-state', 'ready'));
    expect(section).toHaveTextContent('Aktuelle Serie');
  });
});

describe('Leaderboard board="referrers"', () => {
  it('ranks the members by referrals and switches to earnings and conversion rate', async () => {
    serve();
    renderWithPodium(
      <Leaderboard board="referrers" creatorId="c_studio" currentUserId="u_alice" pollIntervalMs={false} />,
      asAlice,
    );
    const body = () => document.querySelector('.podium-leaderboard__body')!;
    await waitFor(() => expect(body()).toHaveAttribute('data-state', 'ready'));
    expect(body()).toHaveAttribute('data-metric', 'referrals');
    const values = () =>
      [...document.querySelectorAll('.podium-leaderboard__value')].map((node) => node.textContent);
    expect(values()[0]).toMatch(/^\d+ referrals?$/);
    expect(screen.queryByRole('button', { name: 'Jump to me' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Earnings' }));
    await waitFor(() => expect(values()[0]).toMatch(/^\d+\.\d\d earned$/));
    await userEvent.click(screen.getByRole('button', { name: 'Conversion rate' }));
    await waitFor(() => expect(values()[0]).toMatch(/^\d+(\.\d)?%$/));
  });
});

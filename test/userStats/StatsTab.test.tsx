import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultLabels, StatsTab } from '../../components/index.js';
import { de } from '../../components/locales/de.js';
import { createUserStatsFixture, type PodiumHandlersOptions } from '../../mocks/index.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { renderWithPodium } from '../shared/renderWithPodium.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const NOW = new Date('2025-06-15T12:00:00Z');
const { requests, serve } = setupMswServer({ now: NOW, mocks: { baseUrl, now: NOW } });
/** Paths of the requests the server saw in this test, in order. */
const paths = () => requests.map((url) => url.pathname);

function renderTab(
  mocks: PodiumHandlersOptions = {},
  props: Partial<Parameters<typeof StatsTab>[0]> = {},
  locale = 'en-US',
) {
  serve(mocks);
  // The German pack registered as a host would (opt-in), so `de-DE` speaks German.
  return renderWithPodium(<StatsTab identifier="alice" {...props} />, { locale, labelPacks: { de } });
}

const root = (container: HTMLElement) => container.querySelector('.podium-stats-tab') as HTMLElement;
const expectState = (container: HTMLElement, state: string, timeout = 2000) =>
  waitFor(() => expect(root(container)).toHaveAttribute('data-state', state), { timeout });
const figure = (container: HTMLElement, name: string) => {
  const element = container.querySelector(`[data-figure="${name}"]`);
  if (!element) throw new Error(`no figure ${name}`);
  return {
    value: element.querySelector('.podium-stats-tab__figure-value')?.textContent ?? '',
    badge: element.querySelector('.podium-stats-tab__badge')?.textContent ?? null,
  };
};

describe('StatsTab', () => {
  it('shows a busy skeleton, then every section with figures, badges, freshness and the CSV link', async () => {
    const { container } = renderTab();
    expect(root(container)).toHaveAttribute('data-state', 'loading');
    expect(container.querySelector('[aria-busy="true"]')).toHaveTextContent(defaultLabels.statsTabLoading);

    await expectState(container, 'ready');
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Stats' })).toBeInTheDocument();
    for (const name of ['Sales', 'Purchases', 'Bidding', 'Offers', 'Listings']) {
      expect(screen.getByRole('region', { name })).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 3, name })).toBeInTheDocument();
    }
    expect(screen.getByText('Alice Moreau')).toBeInTheDocument();

    // Wei through viem with 18 decimals, then the locale.
    expect(figure(container, 'salesVolume').value).toBe('18.7345 ETH');
    expect(figure(container, 'purchasesVolume').value).toBe('1.2345 ETH');
    expect(figure(container, 'salesCount').value).toBe('42');
    // Percentiles in words, with the exact rank for screen readers.
    expect(figure(container, 'salesVolume').badge).toBe('Top 3%, rank 52 of 1,840');
    expect(figure(container, 'salesEditions').badge).toBeNull();
    expect(screen.getByText('Top 3% of traders')).toBeInTheDocument();

    expect(screen.getByText('3 hours ago').closest('time')).toHaveAttribute(
      'dateTime',
      '2025-06-15T09:00:00.000Z',
    );
    expect(root(container).querySelector('.podium-stats-tab__freshness')).toHaveTextContent(
      'Updated 3 hours ago',
    );
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Stats loaded.');

    const link = screen.getByRole('link', { name: defaultLabels.statsTabDownloadCsv });
    expect(link).toHaveAttribute('href', `${baseUrl}/user/alice/transactions.csv`);
    expect(link).toHaveAttribute('download');
  });

  it('says "Top N%" only where it flatters (N <= 50), and the rank otherwise', async () => {
    const { container } = renderTab({
      userStats: createUserStatsFixture({
        percentiles: {
          salesVolume: { rank: 59, of: 63, topPercent: 94 },
          salesCount: { rank: 32, of: 63, topPercent: 50 },
          trades: { rank: 40, of: 63, topPercent: 64 },
        },
      }),
    });
    await expectState(container, 'ready');
    expect(figure(container, 'salesVolume').badge).toBe('#59 of 63');
    expect(figure(container, 'salesCount').badge).toBe('Top 50%, rank 32 of 63');
    expect(container.textContent).not.toMatch(/Top 94|Top 64/);
    expect(screen.getByText('#40 of 63 traders')).toBeInTheDocument();
  });

  it('breaks sales down per token: 6-decimal USDC and an unknown token as a raw integer', async () => {
    const { container } = renderTab();
    await expectState(container, 'ready');
    const table = screen.getByRole('table', { name: defaultLabels.statsTabSalesTokens });
    const row = (name: RegExp | string) => within(table).getByRole('rowheader', { name }).closest('tr')!;
    expect(row('ETH')).toHaveTextContent('18.7345 ETH');
    expect(row('USDC')).toHaveTextContent('12,450.5 USDC');
    const unknown = row('Unknown token 0x1f98…f984');
    expect(unknown).toHaveTextContent('250,000,000,000,000,000,000 0x1f98…f984');
    expect(
      within(screen.getByRole('table', { name: defaultLabels.statsTabPurchasesTokens })).getByText(
        '99.99 USDC',
      ),
    ).toBeInTheDocument();
    expect(figure(container, 'salesVolume').value).toBe('18.7345 ETH');
    expect(container.querySelector('[data-figure="salesVolume"]')).toHaveTextContent(
      defaultLabels.statsTabNativeOnly,
    );
  });

  it('draws the daily trend from the history, with a table for screen readers', async () => {
    const { container } = renderTab();
    await expectState(container, 'ready');
    const table = await screen.findByRole('table', { name: defaultLabels.statsTabTrendTableCaption });
    expect(within(table).getAllByRole('row')).toHaveLength(91);
    expect(container.querySelectorAll('polyline[data-series]')).toHaveLength(2);
    expect(screen.getByText(/^Sales: .+ ETH over 90 days$/)).toBeInTheDocument();
    expect(paths()).toContain('/api/user/alice/stats/history');
  });

  it('formats amounts and speaks German in the provider locale (de-DE)', async () => {
    const { container } = renderTab({}, {}, 'de-DE');
    await expectState(container, 'ready');
    expect(figure(container, 'purchasesVolume').value).toBe('1,2345 ETH');
    expect(figure(container, 'salesVolume').badge).toBe('Top 3 %, Rang 52 von 1.840');
    expect(
      within(screen.getByRole('table', { name: de.statsTabSalesTokens })).getByText('12.450,5 USDC'),
    ).toBeInTheDocument();
  });

  it('groups huge wei amounts exactly', async () => {
    const { container } = renderTab({ scenario: 'largeNumbers' });
    await expectState(container, 'ready');
    expect(figure(container, 'salesVolume').value).toBe('987,654,321,098.7654 ETH');
    expect(figure(container, 'salesCount').value).toBe('4,812,331');
  });

  it('explains that stats are being calculated (202), keeps polling and shows them when ready', async () => {
    const { container } = renderTab({ scenario: 'pending', pendingResponses: 1, retryAfterSeconds: 2 });
    await expectState(container, 'calculating');
    expect(container.querySelector('p.podium-sr-only[role="status"]')?.textContent).toBe('');
    expect(screen.getByText(defaultLabels.statsTabCalculatingTitle)).toBeInTheDocument();
    expect(container.querySelector('.podium-stats-tab__body')).toHaveAttribute('aria-busy', 'true');
    expect(container.querySelector('[data-figure]')).toBeNull();
    await expectState(container, 'ready', 4000);
    expect(figure(container, 'salesCount').value).toBe('42');
    expect(paths().filter((path) => path === '/api/user/alice/stats')).toHaveLength(2);
  });

  it('says so when the user has no activity at all', async () => {
    const { container } = renderTab({ scenario: 'empty' });
    await expectState(container, 'empty');
    expect(screen.getByText(defaultLabels.statsTabEmptyTitle)).toBeInTheDocument();
    expect(container.querySelector('[data-figure]')).toBeNull();
    expect(root(container).querySelector('.podium-stats-tab__freshness')).toHaveTextContent(
      'Updated 1 hour ago',
    );
    expect(paths()).not.toContain('/api/user/alice/stats/history');
  });

  it('warns when the stats are stale, and notes a failed refresh', async () => {
    const { container } = renderTab({ scenario: 'refreshFailed' });
    await expectState(container, 'ready');
    expect(root(container)).toHaveAttribute('data-stale', 'true');
    expect(
      screen.getByText('These stats are out of date (updated yesterday); fresh figures are on their way.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The last refresh failed 20 minutes ago, so these are the last good figures.'),
    ).toBeInTheDocument();
  });

  it('says "No user named …" for a 404 and names a malformed identifier (400), without a Retry', async () => {
    serve();
    const missing = renderWithPodium(<StatsTab identifier="nobody" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('No user named “nobody”.');
    expect(root(missing.container)).toHaveAttribute('data-error-status', '404');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    missing.unmount();

    renderWithPodium(<StatsTab identifier="0x123" />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“0x123” is not a username, user id or wallet address.',
    );
    expect(paths().filter((path) => path.endsWith('/stats'))).toHaveLength(2);
  });

  it('shows other failures with a Retry that refetches', async () => {
    // One first try and three retries fail; the Retry click then succeeds.
    const user = userEvent.setup();
    const { container } = renderTab({ scenario: 'error', errorCount: 4 });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(defaultLabels.statsTabErrorTitle);
    expect(alert).toHaveTextContent('The Podium mock server is in its error scenario');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expectState(container, 'ready');
    expect(paths().filter((path) => path === '/api/user/alice/stats')).toHaveLength(5);
  });

  it('honours csv={false}, an empty identifier, labels and unstyled', async () => {
    const { container } = renderTab(
      { userStats: createUserStatsFixture() },
      { csv: false, unstyled: true, labels: { statsTabSales: 'Verkäufe' }, title: 'Marketplace' },
    );
    await expectState(container, 'ready');
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Marketplace' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Verkäufe' })).toBeInTheDocument();
    expect(root(container)).toHaveAttribute('data-unstyled');
    expect(root(container).outerHTML).not.toContain('podium:');

    const idle = renderWithPodium(<StatsTab identifier=" " />);
    expect(root(idle.container)).toHaveAttribute('data-state', 'idle');
    expect(within(idle.container).getByText(defaultLabels.statsTabNoIdentifier)).toBeInTheDocument();
  });
});

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { StatsTab } from '../../components/userStats/StatsTab.js';
import {
  createPodiumMocks,
  createUserStatsFixture,
  unknownTokenAddress,
  usdcToken,
} from '../../mocks/index.js';
import { mocked, withMocks } from '../shared/storyMocks.js';
import { widgetProbe } from '../shared/widgetProbe.js';

/**
 * Every state of `StatsTab`, each served by its own MSW handler set from `podium-kit/mocks`. The
 * mocks know one user, `alice` (also by her wallets); any other wallet address is a subject of
 * its own and any other username is a 404. The preview wraps stories in a `PodiumProvider`
 * (`/api`, UTC) with a fresh QueryClient; the toolbar switches theme and locale.
 */
const meta = {
  title: 'User stats/StatsTab',
  component: StatsTab,
  args: { identifier: 'alice' },
  parameters: {
    ...mocked({ scenario: 'success' }),
    docs: {
      description: {
        component:
          "A user's marketplace stats for a profile page: sales, purchases, bidding, offers and listings with percentile badges, token breakdowns, a daily trend and a CSV download.",
      },
    },
  },
} satisfies Meta<typeof StatsTab>;

export default meta;

type Story = StoryObj<typeof meta>;

const { root, expectState } = widgetProbe('.podium-stats-tab');

const figureValue = (canvasElement: HTMLElement, name: string) =>
  canvasElement.querySelector(`[data-figure="${name}"] .podium-stats-tab__figure-value`)?.textContent;

/** Calculated 3 hours ago: every section, badges, token breakdowns and the trend. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await expect(canvas.getByRole('heading', { name: 'Sales', level: 3 })).toBeInTheDocument();
    await expect(figureValue(canvasElement, 'salesVolume')).toBe('18.7345 ETH');
    await expect(canvas.getByText('Top 3% of traders')).toBeInTheDocument();
    await expect(canvasElement.querySelector('.podium-stats-tab__freshness')).toHaveTextContent(
      'Updated 3 hours ago',
    );
    await expect(canvas.getByRole('link', { name: 'Download transactions (CSV)' })).toHaveAttribute(
      'download',
    );
    await expect(
      await canvas.findByRole('table', { name: 'Sales and purchases per day' }),
    ).toBeInTheDocument();
  },
};

/** By wallet address: a wallet no user has claimed is a subject of its own. */
export const WalletAddress: Story = {
  args: { identifier: '0x00000000000000000000000000000000000000aa' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(within(canvasElement).getByText('0x0000…00aa')).toBeInTheDocument();
  },
};

/** Older than the server's stale age: the figures stay, with a visible warning. */
export const Stale: Story = {
  parameters: mocked({ scenario: 'stale' }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(root(canvasElement)).toHaveAttribute('data-stale', 'true');
    await expect(within(canvasElement).getByText(/These stats are out of date/)).toBeInTheDocument();
  },
};

/** Stale, and the last refresh failed: a note says the figures are the last good ones. */
export const RefreshFailed: Story = {
  parameters: mocked({ scenario: 'refreshFailed' }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(
      within(canvasElement).getByText(/The last refresh failed 20 minutes ago/),
    ).toBeInTheDocument();
  },
};

const pendingServer = createPodiumMocks({ scenario: 'pending', pendingResponses: 1, retryAfterSeconds: 2 });

/** Never calculated before: the server answers 202, the tab explains and polls until the 200. */
export const PendingThenReady: Story = {
  ...withMocks(pendingServer),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'calculating');
    await expect(within(canvasElement).getByText('Calculating stats…')).toBeInTheDocument();
    await expectState(canvasElement, 'ready', 8000);
  },
};

/** Still calculating (the server keeps answering 202). */
export const Calculating: Story = {
  parameters: mocked({ scenario: 'pending', pendingResponses: Number.POSITIVE_INFINITY, retryAfterSeconds: 30 }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'calculating');
    await expect(canvasElement.querySelector('.podium-stats-tab__body')).toHaveAttribute('aria-busy', 'true');
  },
};

/** Calculated, but no activity at all. */
export const Empty: Story = {
  parameters: mocked({ scenario: 'empty' }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'empty');
    await expect(within(canvasElement).getByText('No activity yet')).toBeInTheDocument();
  },
};

/** The first load, held forever: the skeleton. */
export const Loading: Story = {
  parameters: mocked({ scenario: 'loading' }),
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'loading');
    await expect(within(canvasElement).getByText('Loading stats…')).toBeInTheDocument();
  },
};

/** Every request fails with a 500: the error with a Retry. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: mocked({ scenario: 'error' }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'error');
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load stats');
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  },
};

const flakyServer = createPodiumMocks({ scenario: 'error' });

/** The server fails, then recovers: Retry brings the figures. */
export const RetryAfterError: Story = {
  ...withMocks(flakyServer),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'error');
    flakyServer.setScenario('success');
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Retry' }));
    await expectState(canvasElement, 'ready');
  },
};

/** An unknown username: a 404 in words, without a pointless Retry. */
export const NotFound: Story = {
  args: { identifier: 'nobody' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'error');
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'No user named “nobody”.',
    );
  },
};

/** A malformed identifier (the server's 400). */
export const InvalidIdentifier: Story = {
  args: { identifier: '0x123' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      '“0x123” is not a username',
    );
  },
};

/** A whale: volumes of about a trillion ETH, exact to the wei before rounding. */
export const LargeNumbers: Story = {
  parameters: mocked({ scenario: 'largeNumbers' }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(figureValue(canvasElement, 'salesVolume')).toBe('987,654,321,098.7654 ETH');
  },
};

/** Sales mostly in tokens the server's list does not know: raw integers and shortened addresses. */
export const UnknownToken: Story = {
  parameters: mocked({
    userStats: createUserStatsFixture({
      stats: {
        sales: {
          tokens: [
            {
              address: unknownTokenAddress,
              symbol: null,
              decimals: null,
              count: 25,
              amount: '42000000000000000000000',
            },
            {
              address: '0x6b175474e89094c44da98b954eedeac495271d0f',
              symbol: null,
              decimals: null,
              count: 7,
              amount: '7',
            },
            { address: usdcToken.address, symbol: 'USDC', decimals: 6, count: 10, amount: '1000000' },
          ],
        },
      },
    }),
  }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    const table = within(canvasElement).getByRole('table', { name: 'Sales by payment token' });
    await expect(within(table).getByText('42,000,000,000,000,000,000,000 0x1f98…f984')).toBeInTheDocument();
    await expect(within(table).getByText('1 USDC')).toBeInTheDocument();
  },
};

/** The dark theme (also available for every story from the toolbar). */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(root(canvasElement)).toHaveAttribute('data-theme', 'dark');
  },
};

/**
 * German: numbers, dates and every string from the `de` pack, picked by the provider's locale. A
 * host registers the pack: `import { de } from 'podium-kit/locales/de'`, `<PodiumProvider labelPacks={{ de }}>`.
 */
export const GermanLocale: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await expect(root(canvasElement)).toHaveAttribute('lang', 'de-DE');
    await expect(canvas.getByRole('heading', { name: 'Statistiken' })).toBeInTheDocument();
    await expect(figureValue(canvasElement, 'purchasesVolume')).toBe('1,2345 ETH');
    await expect(canvas.getByText('vor 3 Stunden')).toBeInTheDocument();
    await expect(canvasElement.querySelector('.podium-stats-tab__freshness')).toHaveTextContent(
      'Aktualisiert vor 3 Stunden',
    );
  },
};

/** Spanish, from the `es` pack. */
export const SpanishLocale: Story = {
  globals: { locale: 'es-ES' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(within(canvasElement).getByRole('heading', { name: 'Estadísticas' })).toBeInTheDocument();
    await expect(canvasElement.querySelector('.podium-stats-tab__freshness')).toHaveTextContent(
      'Actualizado hace 3 horas',
    );
  },
};

/** French, from the `fr` pack. */
export const FrenchLocale: Story = {
  globals: { locale: 'fr-FR' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(within(canvasElement).getByRole('heading', { name: 'Statistiques' })).toBeInTheDocument();
    await expect(canvasElement.querySelector('.podium-stats-tab__freshness')).toHaveTextContent(
      'Mis à jour il y a 3 heures',
    );
  },
};

/** Japanese, from the `ja` pack. */
export const JapaneseLocale: Story = {
  globals: { locale: 'ja-JP' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(within(canvasElement).getByRole('heading', { name: '統計' })).toBeInTheDocument();
    await expect(canvasElement.querySelector('.podium-stats-tab__freshness')).toHaveTextContent(
      /^3\s?時間前に更新$/,
    );
  },
};

/** No Podium styling: only structural `podium-stats-tab__*` classes and `data-*` state remain. */
export const Unstyled: Story = {
  args: { unstyled: true, csv: false },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(root(canvasElement)).toHaveAttribute('data-unstyled');
    await expect(root(canvasElement).outerHTML).not.toContain('podium:');
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Leaderboard } from '../../components/sellerBoards/Leaderboard.js';
import { LeaderboardModal } from '../../components/sellerBoards/LeaderboardModal.js';
import { createPodiumMocks, scoringCurrentUserId } from '../../mocks/index.js';
import { isoWeekKey } from '../../src/shared/periodKeys.js';
import { mocked, withMocks } from '../shared/storyMocks.js';
import { widgetProbe } from '../shared/widgetProbe.js';

/**
 * The points board (`board="points"`) of `Leaderboard` and `LeaderboardModal`, served by the
 * scoring mocks: the real scoring engine over a 40-day history of 24 players, so every timeframe
 * ranks what the rules scored. `u_alice` (Alice Moreau) is the signed-in player.
 */
const meta = {
  title: 'Leaderboards/Points leaderboard',
  component: Leaderboard,
  args: { board: 'points', title: 'Points leaderboard', pageSize: 10, currentUserId: scoringCurrentUserId },
  parameters: {
    ...mocked({ scenario: 'success' }),
    docs: {
      description: {
        component:
          'Points boards: a Lifetime / Monthly / Weekly / Daily / Trending switch, an optional category, values formatted by the answer\'s unit and decimals (trending points are decayed by age and show one decimal), and a caption naming the period the server ranked.',
      },
    },
  },
} satisfies Meta<typeof Leaderboard>;

export default meta;

type Story = StoryObj<typeof meta>;

const { expectState } = widgetProbe('.podium-leaderboard__body');
const caption = (canvasElement: HTMLElement) => canvasElement.querySelector('.podium-leaderboard__period');
const values = (root: HTMLElement) =>
  [...root.querySelectorAll('.podium-leaderboard__value')].map((node) => node.textContent ?? '');

/** All time, the default: whole points, the podium, Alice highlighted once in view. */
export const Lifetime: Story = {
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(caption(canvasElement)).toHaveTextContent('All time');
    for (const value of values(canvasElement)) await expect(value).toMatch(/^[\d,]+ points?$/);
  },
};

/** This month (UTC), named in the caption. */
export const Monthly: Story = {
  args: { defaultTimeframe: 'monthly' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(caption(canvasElement)).toHaveTextContent(/^[A-Z][a-z]+ \d{4}$/);
  },
};

/** This ISO week, with its number and days. */
export const Weekly: Story = {
  args: { defaultTimeframe: 'weekly' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(caption(canvasElement)).toHaveTextContent(/^Week \d+: /);
  },
};

/** Today (a UTC day). */
export const Daily: Story = {
  args: { defaultTimeframe: 'daily' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(caption(canvasElement)).toHaveTextContent(/\(UTC\)$/);
  },
};

/** Trending: each point counts 0.9^days, so values have one decimal and recent activity leads. */
export const Trending: Story = {
  args: { defaultTimeframe: 'trending' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(caption(canvasElement)).toHaveTextContent('Trending: recent points count more');
    for (const value of values(canvasElement)) await expect(value).toMatch(/^[\d,]+\.\d points$/);
  },
};

/** The switch: segmented toggle buttons, each a new request, the caption following. */
export const SwitchTimeframes: Story = {
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    const group = within(canvasElement).getByRole('group', { name: 'Timeframe' });
    const weekly = within(group).getByRole('button', { name: 'Weekly' });
    await userEvent.click(weekly);
    await expect(weekly).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(caption(canvasElement)).toHaveTextContent(/^Week \d+: /));
    await userEvent.click(within(group).getByRole('button', { name: 'Trending' }));
    await waitFor(() => expect(caption(canvasElement)).toHaveTextContent('Trending'));
  },
};

/** One category's points (trading), named beside the period. */
export const Category: Story = {
  args: { category: 'trading', categoryLabel: 'Trading', title: 'Top traders' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(canvasElement.querySelector('.podium-leaderboard__category')).toHaveTextContent('Category: Trading');
  },
};

/** A past season: last week's board by its key (the other timeframes show their current period). */
export const PastWeek: Story = {
  args: { defaultTimeframe: 'weekly', periodKey: isoWeekKey(new Date(Date.now() - 7 * 86_400_000)) },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    const lastWeek = Number(isoWeekKey(new Date(Date.now() - 7 * 86_400_000)).split('W')[1]);
    await expect(caption(canvasElement)).toHaveTextContent(`Week ${lastWeek}: `);
  },
};

/** Only some timeframes offered. */
export const FewerTimeframes: Story = {
  args: { timeframes: ['weekly', 'trending'], defaultTimeframe: 'weekly' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(within(within(canvasElement).getByRole('group', { name: 'Timeframe' })).getAllByRole('button')).toHaveLength(2);
  },
};

/** The points board in the dialog. */
export const InModal: Story = {
  args: { defaultTimeframe: 'weekly' },
  render: (args) => <LeaderboardModal {...args} defaultOpen triggerLabel="Points leaderboard" />,
  play: async ({ canvasElement }) => {
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('dialog', {}, { timeout: 4000 });
    await expectState(dialog, 'ready');
    await expect(dialog).toHaveAccessibleName('Points leaderboard');
    await expect(within(dialog).getByRole('button', { name: 'Weekly' })).toHaveAttribute('aria-pressed', 'true');
  },
};

/** No points scored yet: the empty state, under the period it is about. */
export const Empty: Story = {
  parameters: mocked({ scenario: 'empty' }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'empty');
    await expect(caption(canvasElement)).toHaveTextContent('All time');
  },
};

/** The first load, held forever: the skeleton. */
export const Loading: Story = {
  parameters: mocked({ scenario: 'loading' }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Loading leaderboard…')).toBeInTheDocument();
  },
};

const flakyServer = createPodiumMocks({ scenario: 'error' });

/** The server fails (500), then recovers: Retry brings the board. */
export const ErrorState: Story = {
  name: 'Error',
  ...withMocks(flakyServer),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 4000 });
    await expect(alert).toHaveTextContent('Could not load the leaderboard');
    flakyServer.setScenario('success');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expectState(canvasElement, 'ready');
  },
};

/** The dark theme, on the trending board. */
export const Dark: Story = {
  args: { defaultTimeframe: 'trending' },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(canvasElement.querySelector('.podium-root')).toHaveAttribute('data-theme', 'dark');
  },
};

/** German: "Im Trend", decimals with a comma, "Punkte". */
export const GermanLocale: Story = {
  args: { defaultTimeframe: 'trending', title: undefined },
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(within(canvasElement).getByRole('group', { name: 'Zeitraum' })).toBeInTheDocument();
    for (const value of values(canvasElement)) await expect(value).toMatch(/^[\d.]+,\d Punkte$/);
  },
};

/** Japanese, from the `ja` pack. */
export const JapaneseLocale: Story = {
  args: { defaultTimeframe: 'weekly', title: undefined },
  globals: { locale: 'ja-JP' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(caption(canvasElement)).toHaveTextContent(/^第\d+週：/);
  },
};

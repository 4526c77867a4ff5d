import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ScoreCard } from '../../components/scoring/ScoreCard.js';
import { createPodiumMocks, scoringCurrentUserId } from '../../mocks/index.js';
import { mocked, withMocks } from '../shared/storyMocks.js';
import { widgetProbe } from '../shared/widgetProbe.js';
import { RefetchOnSignal, refetchNow } from './RefetchOnSignal.js';
import { dailyTradeEvents, historyWith } from './scoringStoryEvents.js';

/**
 * Every state of `ScoreCard`, each served by its own MSW handler set from `podium-kit/mocks`: the
 * real scoring engine over a generated 40-day history of 24 players, ending now. The signed-in
 * player is Alice (`u_alice`): mid-board, with a 12-day streak last extended yesterday.
 */
const meta = {
  title: 'Points/ScoreCard',
  component: ScoreCard,
  args: { userId: scoringCurrentUserId },
  parameters: {
    ...mocked({ scenario: 'success' }),
    docs: {
      description: {
        component:
          "A player's points for a timeframe, rank with where it stands, the streak with its freezes, and recent actions with their points.",
      },
    },
  },
} satisfies Meta<typeof ScoreCard>;

export default meta;

type Story = StoryObj<typeof meta>;

const { root, expectState } = widgetProbe('.podium-score-card');
const figure = (canvasElement: HTMLElement, name: string) =>
  canvasElement.querySelector<HTMLElement>(`[data-figure="${name}"]`);

/** Lifetime points, rank with "Top N %" and the rank's sparkline, the streak and recent actions. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await expect(canvas.getByRole('heading', { name: 'Points', level: 2 })).toBeInTheDocument();
    await expect(figure(canvasElement, 'rank')).toHaveTextContent(/^Rank#\d+of 24 players/);
    await expect(canvas.getByRole('img', { name: /^Lifetime rank since / })).toBeInTheDocument();
    await expect(figure(canvasElement, 'streak')).toHaveTextContent('12 days');
    await expect(within(canvas.getByRole('region', { name: 'Recent activity' })).getAllByRole('listitem')).toHaveLength(5);
  },
};

/** This week's board: points and rank of the ISO week (no lifetime sparkline). */
export const Weekly: Story = {
  args: { timeframe: 'weekly' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(canvasElement.querySelector('.podium-score-card__period')).toHaveTextContent('This week');
  },
};

/** The trending score: points decay by 10 % a day, with decimals. */
export const Trending: Story = {
  args: { timeframe: 'trending' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(figure(canvasElement, 'points')).toHaveTextContent('Trending score');
  },
};

/** One category's board (`trading`) this month. */
export const MonthlyTrading: Story = {
  args: { timeframe: 'monthly', category: 'trading' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(canvasElement.querySelector('.podium-score-card__period')).toHaveTextContent('This month · trading');
  },
};

/**
 * A 44-day streak through two missed days: a freeze bridged one three weeks ago and another
 * yesterday, so the streak lives on (frozen days do not lengthen it), with freezes to spare.
 */
export const LongStreakWithFreezesUsed: Story = {
  args: { userId: 'u_marathon' },
  parameters: mocked({ scoringEvents: historyWith(dailyTradeEvents('u_marathon', 46, 2, [25])) }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    const streak = figure(canvasElement, 'streak')!;
    await expect(streak).toHaveAttribute('data-status', 'frozen');
    await expect(streak).toHaveTextContent('A freeze kept your streak alive');
    await expect(streak.querySelector('.podium-score-card__freezes')).toHaveTextContent('2 freezes left');
  },
};

/** Active yesterday, not yet today, and no freeze left: the streak ends unless they act today. */
export const StreakAtRisk: Story = {
  args: { userId: 'u_risky' },
  parameters: mocked({ scoringEvents: historyWith(dailyTradeEvents('u_risky', 5, 1, [3])) }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(figure(canvasElement, 'streak')).toHaveAttribute('data-status', 'atRisk');
    await expect(figure(canvasElement, 'streak')).toHaveTextContent('No freezes left');
  },
};

/** Points in the past but none this week: off this week's board, the streak ended. */
export const NotRanked: Story = {
  args: { userId: 'p_05', timeframe: 'weekly' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(figure(canvasElement, 'rank')).toHaveTextContent('Not on this board yet');
  },
};

/** A player who never scored: a friendly first step. */
export const Empty: Story = {
  parameters: mocked({ scenario: 'empty' }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'empty');
    await expect(within(canvasElement).getByText('Record your first action')).toBeInTheDocument();
  },
};

/** The first load, held forever: the skeleton. */
export const Loading: Story = {
  parameters: mocked({ scenario: 'loading' }),
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'loading');
    await expect(within(canvasElement).getByText('Loading points…')).toBeInTheDocument();
  },
};

/** Every answer after 1.5 s: the skeleton, then the card. */
export const Slow: Story = {
  parameters: mocked({ scenario: 'slow' }),
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'loading');
    await expectState(canvasElement, 'ready', 6000);
  },
};

const flakyServer = createPodiumMocks({ scenario: 'error' });

/** The server fails, then recovers: Retry brings the points. */
export const ErrorState: Story = {
  name: 'Error',
  ...withMocks(flakyServer),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 4000 });
    await expect(alert).toHaveTextContent('Could not load points');
    flakyServer.setScenario('success');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expectState(canvasElement, 'ready');
  },
};

const failingLater = createPodiumMocks({ scenario: 'success' });

/** A refresh fails after the points loaded: the last points stay, with a notice and a Retry. */
export const RefreshFailed: Story = {
  ...withMocks(failingLater),
  decorators: [(Story) => <RefetchOnSignal><Story /></RefetchOnSignal>],
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    failingLater.setScenario('error');
    refetchNow();
    await waitFor(() => expect(root(canvasElement)).toHaveAttribute('data-stale', 'true'), { timeout: 5000 });
    await expect(within(canvasElement).getByText(/^Could not refresh\. Showing points from/)).toBeInTheDocument();
  },
};

/** German: numbers, relative times and every string from the `de` pack. */
export const GermanLocale: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(within(canvasElement).getByRole('heading', { name: 'Punkte', level: 2 })).toBeInTheDocument();
    await expect(figure(canvasElement, 'streak')).toHaveTextContent('12 Tage');
  },
};

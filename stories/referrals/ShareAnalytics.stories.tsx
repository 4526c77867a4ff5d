import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ShareAnalytics } from '../../components/referrals/ShareAnalytics.js';
import { createPodiumMocks, referralCurrentUserId } from '../../mocks/index.js';
import { RefetchOnSignal, refetchNow } from '../scoring/RefetchOnSignal.js';
import { mocked, withMocks } from '../shared/storyMocks.js';
import { widgetProbe } from '../shared/widgetProbe.js';
import { AsMember } from './AsMember.js';

/**
 * Every state of `ShareAnalytics`, served by `podium-kit/mocks`: 30 days of seeded shares, clicks
 * and conversions ending now. Alice (`m_alice`, signed in as `u_alice`) shares most days, with a
 * four-day streak; Cara (`m_cara`) has never shared.
 */
const meta = {
  title: 'Referrals/ShareAnalytics',
  component: ShareAnalytics,
  args: { memberId: 'm_alice' },
  decorators: [
    (Story) => (
      <AsMember userId={referralCurrentUserId}>
        <Story />
      </AsMember>
    ),
  ],
  parameters: {
    ...mocked({ scenario: 'success' }),
    docs: {
      description: {
        component:
          "A member's funnel from shares to conversions, the best platform, every platform side by side and the share streak with the last 30 days.",
      },
    },
  },
} satisfies Meta<typeof ShareAnalytics>;

export default meta;

type Story = StoryObj<typeof meta>;

const { root, expectState } = widgetProbe('.podium-share-analytics');

/** Alice: the funnel, her best platform, the platforms table and a live streak. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await expect(canvas.getByRole('heading', { name: 'Share analytics', level: 2 })).toBeInTheDocument();
    await expect(canvasElement.querySelector('[data-step="shares"]')).toHaveTextContent(/^Shares\d+/);
    await expect(canvasElement.querySelector('.podium-share-analytics__best')).toHaveTextContent(
      /brings you the most/,
    );
    // The mocks seed shares on calendar days, so the streak is four days at any hour.
    await expect(canvasElement.querySelector('[data-figure="current"]')).toHaveTextContent(/4 days$/);
    await expect(
      canvas.getByRole('table', { name: 'Shares, clicks and conversions per platform' }),
    ).toBeInTheDocument();
  },
};

/** Cara has not shared yet: an invitation to share, with the host's button. */
export const Empty: Story = {
  args: { memberId: 'm_cara', onShare: fn() },
  decorators: [
    (Story) => (
      <AsMember userId="u_cara">
        <Story />
      </AsMember>
    ),
  ],
  play: async ({ canvasElement, args }) => {
    await expectState(canvasElement, 'empty');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Share your link' }));
    await expect(args.onShare).toHaveBeenCalledOnce();
  },
};

/** The first load never answers: the skeleton. */
export const Loading: Story = {
  parameters: mocked({ scenario: 'loading' }),
  play: async ({ canvasElement }) => expectState(canvasElement, 'loading'),
};

const flakyServer = createPodiumMocks({ scenario: 'error' });

/** The server fails, then recovers: Retry brings the analytics. */
export const ErrorState: Story = {
  name: 'Error',
  ...withMocks(flakyServer),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 4000 });
    await expect(alert).toHaveTextContent('Could not load share analytics');
    flakyServer.setScenario('success');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expectState(canvasElement, 'ready');
  },
};

const failingLater = createPodiumMocks({ scenario: 'success' });

/** A refresh fails after the analytics loaded: the figures stay, with a notice and a Retry. */
export const Stale: Story = {
  ...withMocks(failingLater),
  decorators: [
    (Story) => (
      <RefetchOnSignal>
        <Story />
      </RefetchOnSignal>
    ),
  ],
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    failingLater.setScenario('error');
    refetchNow();
    await waitFor(() => expect(root(canvasElement)).toHaveAttribute('data-stale', 'true'), { timeout: 5000 });
    await expect(
      within(canvasElement).getByText(/^Could not refresh\. Showing analytics from/),
    ).toBeInTheDocument();
  },
};

/** The streak's days in Tokyo: the request carries the zone, the chart ends on Tokyo's today. */
export const TokyoDays: Story = {
  args: { timeZone: 'Asia/Tokyo' },
  play: async ({ canvasElement }) => expectState(canvasElement, 'ready'),
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => expectState(canvasElement, 'ready'),
};

/** German: numbers, dates and every string from the `de` pack. */
export const GermanLocale: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(
      within(canvasElement).getByRole('heading', { name: 'Teilen-Statistik', level: 2 }),
    ).toBeInTheDocument();
  },
};

/** Japanese: the `ja` pack. */
export const JapaneseLocale: Story = {
  globals: { locale: 'ja-JP' },
  play: async ({ canvasElement }) => expectState(canvasElement, 'ready'),
};

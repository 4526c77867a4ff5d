import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Leaderboard } from '../../components/sellerBoards/Leaderboard.js';
import { LeaderboardModal } from '../../components/sellerBoards/LeaderboardModal.js';
import { referralCreatorId, referralCurrentUserId } from '../../mocks/index.js';
import { mocked } from '../shared/storyMocks.js';
import { widgetProbe } from '../shared/widgetProbe.js';

/**
 * The referrers board of a creator (`board="referrers"`) in the shared `Leaderboard`: the
 * community's members by referrals, earnings or conversion rate, all time, from the referral
 * mocks' 30 seeded days. Alice (`u_alice`) is highlighted.
 */
const meta = {
  title: 'Referrals/ReferrersBoard',
  component: Leaderboard,
  args: {
    board: 'referrers',
    creatorId: referralCreatorId,
    currentUserId: referralCurrentUserId,
    title: 'Top referrers',
    pollIntervalMs: false,
  },
  parameters: { ...mocked({ scenario: 'success' }) },
} satisfies Meta<typeof Leaderboard>;

export default meta;

type Story = StoryObj<typeof meta>;

const { expectState } = widgetProbe('.podium-leaderboard__body');

/** By referrals (the default), then switched to earnings and conversion rate. */
export const Referrals: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await expect(canvasElement.querySelector('.podium-leaderboard__value')).toHaveTextContent(/referrals?$/);
    await userEvent.click(canvas.getByRole('button', { name: 'Earnings' }));
    await waitFor(() =>
      expect(canvasElement.querySelector('.podium-leaderboard__value')).toHaveTextContent(/earned$/),
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Conversion rate' }));
    await waitFor(() =>
      expect(canvasElement.querySelector('.podium-leaderboard__value')).toHaveTextContent(/%$/),
    );
  },
};

export const Earnings: Story = {
  args: { defaultReferrerMetric: 'earnings' },
  play: async ({ canvasElement }) => expectState(canvasElement, 'ready'),
};

export const ConversionRate: Story = {
  args: { defaultReferrerMetric: 'conversionRate' },
  play: async ({ canvasElement }) => expectState(canvasElement, 'ready'),
};

/** A community without referrals yet. */
export const Empty: Story = {
  parameters: mocked({ scenario: 'empty' }),
  play: async ({ canvasElement }) => expectState(canvasElement, 'empty'),
};

export const Loading: Story = {
  parameters: mocked({ scenario: 'loading' }),
  play: async ({ canvasElement }) => expectState(canvasElement, 'loading'),
};

export const ErrorState: Story = {
  name: 'Error',
  parameters: mocked({ scenario: 'error' }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert', {}, { timeout: 4000 })).toHaveTextContent(
      'Could not load the leaderboard',
    );
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => expectState(canvasElement, 'ready'),
};

/** German: "3 Empfehlungen", the metric switch in German. */
export const GermanLocale: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(canvasElement.querySelector('.podium-leaderboard__value')).toHaveTextContent(
      /Empfehlung(en)?$/,
    );
  },
};

/** The same board in the modal dialog, open from the start. */
export const InModal: Story = {
  render: (args) => <LeaderboardModal {...args} defaultOpen triggerLabel="Top referrers" />,
  play: async ({ canvasElement }) => {
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('dialog', {
      name: 'Top referrers',
    });
    await waitFor(() =>
      expect(dialog.querySelector('.podium-leaderboard__body')).toHaveAttribute('data-state', 'ready'),
    );
  },
};

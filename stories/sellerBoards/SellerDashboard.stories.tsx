import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { SellerDashboard } from '../../components/sellerBoards/SellerDashboard.js';
import { createPodiumMocks, leaderboardCurrentUserId } from '../../mocks/index.js';
import { mocked, withMocks } from '../shared/storyMocks.js';
import { widgetProbe } from '../shared/widgetProbe.js';

/** A seller's cards: listings, views, sales, earnings per currency and this month's ranks. */
const meta = {
  title: 'Leaderboards/SellerDashboard',
  component: SellerDashboard,
  args: { sellerId: leaderboardCurrentUserId },
  parameters: { ...mocked({ scenario: 'success' }) },
} satisfies Meta<typeof SellerDashboard>;

export default meta;

type Story = StoryObj<typeof meta>;

const { expectState } = widgetProbe('.podium-seller-dashboard');

export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(within(canvasElement).getByText('$425.00')).toBeInTheDocument();
    await expect(within(canvasElement).getByText('0.125 ETH')).toBeInTheDocument();
  },
};

/** A seller with nothing yet: zeros, no earnings, not ranked. */
export const Newcomer: Story = {
  args: { sellerId: 'newcomer' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(within(canvasElement).getAllByText('None yet')).toHaveLength(2);
  },
};

export const LargeNumbers: Story = {
  parameters: mocked({ scenario: 'largeNumbers' }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(within(canvasElement).getByText('$425,000,000,000.00')).toBeInTheDocument();
  },
};

export const Loading: Story = {
  parameters: mocked({ scenario: 'loading' }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Loading dashboard…')).toBeInTheDocument();
  },
};

const flakyServer = createPodiumMocks({ scenario: 'error' });

export const ErrorState: Story = {
  name: 'Error',
  ...withMocks(flakyServer),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 4000 });
    flakyServer.setScenario('success');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expectState(canvasElement, 'ready');
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => expectState(canvasElement, 'ready'),
};

export const GermanLocale: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(within(canvasElement).getByText('425,00 $')).toBeInTheDocument();
  },
};

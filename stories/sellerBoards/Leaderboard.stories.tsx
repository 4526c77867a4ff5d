import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Leaderboard } from '../../components/sellerBoards/Leaderboard.js';
import { leaderboardCurrentUserId } from '../../mocks/index.js';
import { mocked } from '../shared/storyMocks.js';
import { widgetProbe } from '../shared/widgetProbe.js';

/** The leaderboard inline on a page (no dialog): the same body as `LeaderboardModal`. */
const meta = {
  title: 'Leaderboards/Leaderboard',
  component: Leaderboard,
  args: { pageSize: 10, currentUserId: leaderboardCurrentUserId },
  parameters: { ...mocked({ scenario: 'success' }) },
} satisfies Meta<typeof Leaderboard>;

export default meta;

type Story = StoryObj<typeof meta>;

const { expectState } = widgetProbe('.podium-leaderboard__body');

/** This month's top sellers, Alice highlighted once she is in view. */
export const Inline: Story = {
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(within(canvasElement).getByRole('region', { name: 'Leaderboard' })).toBeInTheDocument();
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Jump to me' }));
    await waitFor(() => expect(canvasElement.querySelector('[data-current]')).toHaveAttribute('data-user-id', leaderboardCurrentUserId));
  },
};

/** Views, all time, from the start. */
export const ViewsAllTime: Story = {
  args: { defaultMetric: 'views', defaultPeriod: 'all-time', title: 'Most viewed sellers' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(canvasElement.querySelector('.podium-leaderboard__value')).toHaveTextContent(/views$/);
  },
};

export const Empty: Story = {
  parameters: mocked({ scenario: 'empty' }),
  play: async ({ canvasElement }) => expectState(canvasElement, 'empty'),
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

/** No Podium styling: only structural `podium-leaderboard__*` classes and `data-*` state remain. */
export const Unstyled: Story = {
  args: { unstyled: true },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(canvasElement.querySelector('.podium-root')!.outerHTML).not.toContain('podium:');
  },
};

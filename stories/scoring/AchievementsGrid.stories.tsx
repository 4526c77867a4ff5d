import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AchievementAnnouncer } from '../../components/scoring/AchievementAnnouncer.js';
import { PodiumRoot } from '../../components/shared/PodiumRoot.js';
import { AchievementsGrid } from '../../components/scoring/AchievementsGrid.js';
import { Button } from '../../components/shared/Button.js';
import { useRecordAction } from '../../hooks/scoring/useRecordAction.js';
import { createPodiumMocks, scoringCurrentUserId } from '../../mocks/index.js';
import { mocked, withMocks } from '../shared/storyMocks.js';
import { widgetProbe } from '../shared/widgetProbe.js';
import { RefetchOnSignal, refetchNow } from './RefetchOnSignal.js';
import { allAchievementsEvents, historyWith } from './scoringStoryEvents.js';

/**
 * Every state of `AchievementsGrid`, each served by its own MSW handler set from
 * `podium-kit/mocks`: the default catalogue of 13 achievements, with progress and rarity computed
 * by the real scoring engine over a generated 40-day history of 24 players. The signed-in player
 * is Alice (`u_alice`).
 */
const meta = {
  title: 'Points/AchievementsGrid',
  component: AchievementsGrid,
  args: { userId: scoringCurrentUserId },
  parameters: {
    ...mocked({ scenario: 'success' }),
    docs: {
      description: {
        component:
          'Every achievement as a tile: unlocked ones with their date and rarity, locked ones greyed with their progress.',
      },
    },
  },
} satisfies Meta<typeof AchievementsGrid>;

export default meta;

type Story = StoryObj<typeof meta>;

const { root, expectState } = widgetProbe('.podium-achievements');

/** Alice: some unlocked (date, rarity), the rest locked with progress bars where they have steps. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await expect(canvas.getAllByRole('listitem')).toHaveLength(13);
    await expect(canvas.getByRole('heading', { name: /^Week streak ?\(Unlocked\)$/ })).toBeInTheDocument();
    await expect(canvas.getByRole('progressbar', { name: '100 trades' })).toHaveAttribute('aria-valuemax', '100');
  },
};

/** A player with every achievement, the rarest marked "Rare". */
export const AllUnlocked: Story = {
  args: { userId: 'u_legend' },
  parameters: mocked({ scoringEvents: historyWith(allAchievementsEvents('u_legend')) }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(canvasElement.querySelector('.podium-achievements__summary')).toHaveTextContent('13 of 13 unlocked');
    await expect(within(canvasElement).queryByRole('progressbar')).toBeNull();
    await expect(canvasElement.querySelector('[data-achievement="trades_1000"]')).toHaveAttribute('data-rare', 'true');
  },
};

/** A player who never scored: the whole catalogue locked, nothing held by anyone yet. */
export const Empty: Story = {
  parameters: mocked({ scenario: 'empty' }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(canvasElement.querySelector('.podium-achievements__summary')).toHaveTextContent('0 of 13 unlocked');
  },
};

/** The first load, held forever: the skeleton. */
export const Loading: Story = {
  parameters: mocked({ scenario: 'loading' }),
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'loading');
    await expect(within(canvasElement).getByText('Loading achievements…')).toBeInTheDocument();
  },
};

/** Every answer after 1.5 s: the skeleton, then the grid. */
export const Slow: Story = {
  parameters: mocked({ scenario: 'slow' }),
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'loading');
    await expectState(canvasElement, 'ready', 6000);
  },
};

const flakyServer = createPodiumMocks({ scenario: 'error' });

/** The server fails, then recovers: Retry brings the achievements. */
export const ErrorState: Story = {
  name: 'Error',
  ...withMocks(flakyServer),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 4000 });
    await expect(alert).toHaveTextContent('Could not load achievements');
    flakyServer.setScenario('success');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expectState(canvasElement, 'ready');
  },
};

const failingLater = createPodiumMocks({ scenario: 'success' });

/** A refresh fails after the grid loaded: the tiles stay, with a notice and a Retry. */
export const RefreshFailed: Story = {
  ...withMocks(failingLater),
  decorators: [(Story) => <RefetchOnSignal><Story /></RefetchOnSignal>],
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    failingLater.setScenario('error');
    refetchNow();
    await waitFor(() => expect(root(canvasElement)).toHaveAttribute('data-stale', 'true'), { timeout: 5000 });
  },
};

/** French: dates, percentages ("45,8 %") and every string from the `fr` pack. */
export const FrenchLocale: Story = {
  globals: { locale: 'fr-FR' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(within(canvasElement).getByRole('heading', { name: 'Succès', level: 2 })).toBeInTheDocument();
  },
};

const recordingServer = createPodiumMocks({ scoringEvents: historyWith([]) });
const newcomer = 'u_newcomer';

/** A host page: a button records a trade through `useRecordAction`; the announcer says what unlocked. */
function RecordAndAnnounce() {
  const record = useRecordAction();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: '1rem' }}>
      {/* PodiumRoot, not a bare .podium-root: it carries the provider's theme and locale. */}
      <PodiumRoot style={{ display: 'flex', gap: '0.75rem', alignItems: 'center' }}>
        <Button
          variant="primary"
          aria-disabled={record.isPending || undefined}
          onClick={() =>
            record.mutate({
              eventId: `story-whale-${Date.now()}`,
              userId: newcomer,
              action: 'TRADE_EXECUTE',
              metadata: { volumeUSD: 12_000, profitPercent: 20 },
            })
          }
        >
          Record a 12,000 USD trade
        </Button>
      </PodiumRoot>
      <AchievementAnnouncer unlocked={record.achievements} visible />
      <AchievementsGrid userId={newcomer} />
    </div>
  );
}

/**
 * `AchievementAnnouncer` with `useRecordAction`: the first trade of a new player unlocks three
 * achievements at once; the polite live region (shown here with `visible`) says which, and the
 * grid refreshes by itself.
 */
export const AnnounceUnlocks: Story = {
  ...withMocks(recordingServer),
  render: () => <RecordAndAnnounce />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await userEvent.click(canvas.getByRole('button', { name: 'Record a 12,000 USD trade' }));
    await waitFor(
      () =>
        expect(canvasElement.querySelector('.podium-achievement-announcer__message')).toHaveTextContent(
          /^Achievements unlocked: Whale, First trade, and In the green$/,
        ),
      { timeout: 4000 },
    );
    await waitFor(() => expect(root(canvasElement)).toHaveAttribute('data-unlocked', '3'));
  },
};

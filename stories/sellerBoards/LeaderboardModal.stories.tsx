import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { LeaderboardModal } from '../../components/sellerBoards/LeaderboardModal.js';
import { createPodiumMocks, leaderboardCurrentUserId } from '../../mocks/index.js';
import { mocked, withMocks } from '../shared/storyMocks.js';
import { widgetProbe } from '../shared/widgetProbe.js';

/**
 * Every state of `LeaderboardModal`, each served by its own MSW handler set from `podium-kit/mocks`.
 * The mock board has 24 sellers (ties included); `u_alice` (Alice Moreau) is mid-board. The
 * dialog renders in a portal on `<body>`, so the play functions look for it there.
 */
const meta = {
  title: 'Leaderboards/LeaderboardModal',
  component: LeaderboardModal,
  args: { pageSize: 10 },
  parameters: {
    ...mocked({ scenario: 'success' }),
    docs: {
      description: {
        component:
          'The seller leaderboard in an accessible dialog: metric and period switches, a top-three podium, the current user highlighted with "Jump to me", "Load more", a ticking "last updated" and polling while open (conditional requests: unchanged boards cost a 304).',
      },
    },
  },
} satisfies Meta<typeof LeaderboardModal>;

export default meta;

type Story = StoryObj<typeof meta>;

/** The page around the canvas: the dialog is portalled to `<body>`. */
const page = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

async function openDialog(canvasElement: HTMLElement): Promise<HTMLElement> {
  return page(canvasElement).findByRole('dialog', {}, { timeout: 4000 });
}

/** Waits for the board's state inside the dialog. */
const { expectState: expectBody } = widgetProbe('.podium-leaderboard__body');

/** Closed: only the trigger. Opening moves focus in; Escape closes and returns focus. */
export const Closed: Story = {
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Leaderboard' });
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(trigger);
    const dialog = await openDialog(canvasElement);
    await expect(dialog.contains(canvasElement.ownerDocument.activeElement)).toBe(true);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(page(canvasElement).queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};

/** Open on this month's sales: the podium, the rows, "Updated …". */
export const Open: Story = {
  args: { defaultOpen: true },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expectBody(dialog, 'ready');
    await expect(within(dialog).getByRole('list', { name: 'Top three' })).toBeInTheDocument();
    await expect(within(dialog).getByText(/^Updated /)).toBeInTheDocument();
  },
};

/** Views, all time: switched with the segmented buttons. */
export const ViewsAllTime: Story = {
  args: { defaultOpen: true },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expectBody(dialog, 'ready');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Views' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'All time' }));
    await waitFor(() => expect(dialog.querySelector('.podium-leaderboard__value')).toHaveTextContent(/views$/));
    await expect(within(dialog).getByRole('button', { name: 'All time' })).toHaveAttribute('aria-pressed', 'true');
  },
};

/** The first load, held forever: the skeleton. */
export const Loading: Story = {
  args: { defaultOpen: true },
  parameters: mocked({ scenario: 'loading' }),
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expect(within(dialog).getByText('Loading leaderboard…')).toBeInTheDocument();
  },
};

/** Nobody has sold anything this period. */
export const Empty: Story = {
  args: { defaultOpen: true },
  parameters: mocked({ scenario: 'empty' }),
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expectBody(dialog, 'empty');
    await expect(within(dialog).getByText('No one on this board yet')).toBeInTheDocument();
  },
};

const flakyServer = createPodiumMocks({ scenario: 'error' });

/** The server fails (500), then recovers: Retry brings the board. */
export const ErrorState: Story = {
  name: 'Error',
  args: { defaultOpen: true },
  ...withMocks(flakyServer),
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 4000 });
    await expect(alert).toHaveTextContent('Could not load the leaderboard');
    flakyServer.setScenario('success');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expectBody(dialog, 'ready');
  },
};

/** Signed in as Alice: "Jump to me" centres the board on her highlighted row and focuses it. */
export const CurrentUser: Story = {
  args: { defaultOpen: true, currentUserId: leaderboardCurrentUserId, pageSize: 5 },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expectBody(dialog, 'ready');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Jump to me' }));
    await waitFor(() =>
      expect(dialog.querySelector(`[data-user-id="${leaderboardCurrentUserId}"]`)).toHaveAttribute('aria-current', 'true'),
    );
    await waitFor(() => expect(dialog.querySelector(`[data-user-id="${leaderboardCurrentUserId}"]`)).toHaveFocus());
  },
};

/** "Load more" grows the page (one request, one consistent snapshot per poll). */
export const LoadMore: Story = {
  args: { defaultOpen: true, pageSize: 5 },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expectBody(dialog, 'ready');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(dialog).getByText(/^Showing 10 of/)).toBeInTheDocument());
  },
};

const liveServer = createPodiumMocks({ live: true });

/**
 * A live board: every poll (here every 2 s) moves Alice up one place; the board updates in place
 * and the polite live region says "You moved up to #…". The provider has `live` on: the mocks
 * have no event stream (they answer it with 204), so the board falls back to polling, quietly.
 */
export const LiveUpdates: Story = {
  args: { defaultOpen: true, currentUserId: leaderboardCurrentUserId, pollIntervalMs: 2000 },
  ...withMocks(liveServer),
  parameters: { ...withMocks(liveServer).parameters, podium: { live: true } },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expectBody(dialog, 'ready');
    const status = dialog.querySelector('p[role="status"]');
    await waitFor(() => expect(status).toHaveTextContent(/^You moved up to #\d+$/), { timeout: 8000 });
  },
};

/** Huge counts, grouped by the locale. */
export const LargeNumbers: Story = {
  args: { defaultOpen: true },
  parameters: mocked({ scenario: 'largeNumbers' }),
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expectBody(dialog, 'ready');
    await expect(dialog.querySelector('.podium-leaderboard__value')?.textContent).toMatch(/^\d{1,3}(,\d{3}){3,} sales$/);
  },
};

/** The dark theme (also available for every story from the toolbar). */
export const Dark: Story = {
  args: { defaultOpen: true, currentUserId: leaderboardCurrentUserId },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expectBody(dialog, 'ready');
    await expect(dialog.closest('.podium-root')).toHaveAttribute('data-theme', 'dark');
  },
};

/**
 * German: numbers, dates and every string from the `de` pack, picked by the provider's locale. A
 * host registers the pack: `import { de } from 'podium-kit/locales/de'`, `<PodiumProvider labelPacks={{ de }}>`.
 */
export const GermanLocale: Story = {
  args: { defaultOpen: true, currentUserId: leaderboardCurrentUserId },
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expectBody(dialog, 'ready');
    await expect(dialog).toHaveAccessibleName('Bestenliste');
    await expect(dialog.closest('.podium-root')).toHaveAttribute('lang', 'de-DE');
    await expect(within(dialog).getByText(/^Aktualisiert vor /)).toBeInTheDocument();
    await expect(within(dialog).getAllByText(/^\d+ Verkäufe?$/).length).toBeGreaterThan(0);
  },
};

/** Spanish, from the `es` pack. */
export const SpanishLocale: Story = {
  args: { defaultOpen: true, currentUserId: leaderboardCurrentUserId },
  globals: { locale: 'es-ES' },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expectBody(dialog, 'ready');
    await expect(dialog).toHaveAccessibleName('Clasificación');
    await expect(within(dialog).getByText(/^Actualizado hace /)).toBeInTheDocument();
  },
};

/** French, from the `fr` pack. */
export const FrenchLocale: Story = {
  args: { defaultOpen: true, currentUserId: leaderboardCurrentUserId },
  globals: { locale: 'fr-FR' },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expectBody(dialog, 'ready');
    await expect(dialog).toHaveAccessibleName('Classement');
    await expect(within(dialog).getByText(/^Mis à jour il y a /)).toBeInTheDocument();
  },
};

/** Japanese, from the `ja` pack. */
export const JapaneseLocale: Story = {
  args: { defaultOpen: true, currentUserId: leaderboardCurrentUserId },
  globals: { locale: 'ja-JP' },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement);
    await expectBody(dialog, 'ready');
    await expect(dialog).toHaveAccessibleName('ランキング');
    await expect(within(dialog).getByText(/に更新$/)).toBeInTheDocument();
  },
};

import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  Leaderboard,
  LeaderboardModal,
  leaderboardInitials,
  type LeaderboardModalProps,
} from '../../components/index.js';
import { createLeaderboardSellers, leaderboardCurrentUserId } from '../../mocks/index.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { de } from '../../components/locales/de.js';
import { renderWithPodium } from '../shared/renderWithPodium.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const { server, requests, serve } = setupMswServer({ mocks: { baseUrl } });
/** Query strings of every board request in this test. */
const boardRequests = () =>
  requests.filter((url) => url.pathname.endsWith('/leaderboards/sellers')).map((url) => url.searchParams);

function renderModal(props: Partial<LeaderboardModalProps> = {}) {
  const user = userEvent.setup();
  const view = renderWithPodium(
    <main>
      <button type="button">Before</button>
      <LeaderboardModal {...props} />
    </main>,
  );
  return { ...view, user };
}

const dialog = () => screen.getByRole('dialog');
const rowsOf = (element: HTMLElement) => [...element.querySelectorAll<HTMLElement>('[data-user-id]')];

describe('LeaderboardModal', () => {
  it('opens from its trigger, moves focus in, loads the board, and Escape returns focus to the trigger', async () => {
    serve();
    const { user, container } = renderModal();
    const trigger = screen.getByRole('button', { name: 'Leaderboard' });
    expect(trigger).toHaveAttribute('aria-haspopup', 'dialog');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(trigger).toHaveAttribute('data-state', 'closed');
    expect(boardRequests()).toHaveLength(0);

    await user.click(trigger);
    const modal = dialog();
    expect(modal).toHaveAttribute('aria-modal', 'true');
    expect(modal).toHaveAccessibleName('Leaderboard');
    expect(modal).toHaveAttribute('data-state', 'open');
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(modal.contains(document.activeElement)).toBe(true);
    // Portalled into a .podium-root so the styles apply; the page behind is inert and locked.
    expect(modal.closest('.podium-root')?.parentElement).toBe(document.body);
    expect(container).toHaveAttribute('inert');
    expect(document.body.style.overflow).toBe('hidden');

    await waitFor(() => expect(within(modal).getByRole('list', { name: 'Top three' })).toBeInTheDocument());
    expect(within(modal).getByRole('list', { name: 'Ranking' })).toBeInTheDocument();
    expect(rowsOf(modal)).toHaveLength(20);
    expect(within(modal).getByText(/^Updated /)).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(trigger).toHaveFocus();
    expect(container).not.toHaveAttribute('inert');
    expect(document.body.style.overflow).toBe('');
  });

  it('traps focus: Tab from the last control wraps to the first and back', async () => {
    serve();
    const { user } = renderModal({ defaultOpen: true, pageSize: 5 });
    const modal = dialog();
    await waitFor(() => expect(within(modal).getByRole('button', { name: 'Load more' })).toBeInTheDocument());
    const close = within(modal).getByRole('button', { name: 'Close' });
    const last = within(modal).getByRole('button', { name: 'Load more' });
    expect(close).toHaveFocus();
    last.focus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(last).toHaveFocus();
    for (let i = 0; i < 12; i += 1) {
      await user.tab();
      expect(modal.contains(document.activeElement)).toBe(true);
    }
  });

  it('closes from the close button and the overlay', async () => {
    serve();
    const { user } = renderModal();
    await user.click(screen.getByRole('button', { name: 'Leaderboard' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Leaderboard' }));
    await user.click(document.querySelector<HTMLElement>('.podium-leaderboard__overlay')!);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is controllable: open + onOpenChange, with a custom trigger', async () => {
    serve();
    const onOpenChange = vi.fn();
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <LeaderboardModal
          open={open}
          onOpenChange={(next) => {
            onOpenChange(next);
            setOpen(next);
          }}
          renderTrigger={({ props }) => (
            <button {...props} className="mine">
              Top sellers
            </button>
          )}
        />
      );
    }
    const user = userEvent.setup();
    renderWithPodium(<Host />);
    const trigger = screen.getByRole('button', { name: 'Top sellers' });
    await user.click(trigger);
    expect(onOpenChange).toHaveBeenLastCalledWith(true);
    expect(dialog()).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(trigger).toHaveFocus();
  });

  it('stays open when controlled and the parent does not agree to close', async () => {
    serve();
    const onOpenChange = vi.fn();
    const { user, rerender } = renderModal({ open: true, onOpenChange });
    await user.keyboard('{Escape}');
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(dialog()).toBeInTheDocument();
    rerender(<LeaderboardModal open={false} onOpenChange={onOpenChange} />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('switches metric and period with aria-pressed buttons, each a new query', async () => {
    serve();
    const onMetricChange = vi.fn();
    const { user } = renderModal({ defaultOpen: true, onMetricChange });
    const modal = dialog();
    await waitFor(() => expect(rowsOf(modal).length).toBeGreaterThan(0));
    const metric = within(modal).getByRole('group', { name: 'Rank by' });
    const views = within(metric).getByRole('button', { name: 'Views' });
    expect(within(metric).getByRole('button', { name: 'Sales' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(views);
    expect(views).toHaveAttribute('aria-pressed', 'true');
    expect(onMetricChange).toHaveBeenCalledWith('views');
    await waitFor(() => expect(boardRequests().at(-1)?.get('metric')).toBe('views'));
    await waitFor(() =>
      expect(modal.querySelector('.podium-leaderboard__value')).toHaveTextContent(/views$/),
    );

    await user.click(within(modal).getByRole('button', { name: 'All time' }));
    await waitFor(() => expect(boardRequests().at(-1)?.get('period')).toBe('all-time'));
    expect(boardRequests().at(-1)?.get('metric')).toBe('views');
  });

  it('highlights the current user and jumps to them with around, then back to the top', async () => {
    serve();
    const { user } = renderModal({ defaultOpen: true, currentUserId: leaderboardCurrentUserId, pageSize: 5 });
    const modal = dialog();
    await waitFor(() => expect(rowsOf(modal)).toHaveLength(5));
    expect(modal.querySelector(`[data-user-id="${leaderboardCurrentUserId}"]`)).toBeNull();

    await user.click(within(modal).getByRole('button', { name: 'Jump to me' }));
    await waitFor(() =>
      expect(modal.querySelector(`[data-user-id="${leaderboardCurrentUserId}"]`)).not.toBeNull(),
    );
    expect(boardRequests().at(-1)?.get('around')).toBe(leaderboardCurrentUserId);
    const mine = modal.querySelector<HTMLElement>(`[data-user-id="${leaderboardCurrentUserId}"]`)!;
    expect(mine).toHaveAttribute('aria-current', 'true');
    expect(mine).toHaveTextContent('Alice Moreau');
    expect(mine).toHaveTextContent('You');
    await waitFor(() => expect(mine).toHaveFocus());
    // No podium around the user: the window starts mid-board.
    expect(within(modal).queryByRole('list', { name: 'Top three' })).toBeNull();

    await user.click(within(modal).getByRole('button', { name: 'Back to top' }));
    await waitFor(() => expect(within(modal).getByRole('list', { name: 'Top three' })).toBeInTheDocument());
  });

  it('marks every tied first place gold, shows "You" on the podium and offers no jump to a user already there', async () => {
    // The current user ties for first with another seller; a third is behind.
    const [a, b, c, ...rest] = createLeaderboardSellers({ count: 24 });
    const withSales = (seller: typeof a, sales: number, userId = seller!.userId) => ({
      ...seller!,
      userId,
      values: { ...seller!.values, 'sales:month': sales },
    });
    const sellers = [
      withSales(a, 40, leaderboardCurrentUserId),
      withSales(b, 40),
      withSales(c, 30),
      ...rest
        .filter((seller) => seller.userId !== leaderboardCurrentUserId)
        .map((seller) => withSales(seller, 1)),
    ];
    serve({ leaderboardSellers: sellers });
    renderModal({ defaultOpen: true, currentUserId: leaderboardCurrentUserId, pageSize: 5 });
    const podium = await within(dialog()).findByRole('list', { name: 'Top three' });
    const places = [...podium.querySelectorAll<HTMLElement>('[data-rank]')];
    expect(places.map((place) => place.dataset.rank)).toEqual(['1', '1', '3']);
    expect(places.map((place) => place.dataset.medal)).toEqual(['gold', 'gold', 'bronze']);
    const mine = podium.querySelector<HTMLElement>(`[data-user-id="${leaderboardCurrentUserId}"]`)!;
    // A visible marker, not only a screen-reader one.
    expect(mine.querySelector('.podium-leaderboard__you')).toHaveTextContent('You');
    expect(within(dialog()).queryByRole('button', { name: 'Jump to me' })).toBeNull();
  });

  it('loads more by growing the limit, keeping the rows shown meanwhile', async () => {
    serve();
    const { user } = renderModal({ defaultOpen: true, pageSize: 5 });
    const modal = dialog();
    await waitFor(() => expect(rowsOf(modal)).toHaveLength(5));
    expect(within(modal).getByText('Showing 5 of 21')).toBeInTheDocument();
    await user.click(within(modal).getByRole('button', { name: 'Load more' }));
    expect(rowsOf(modal).length).toBeGreaterThanOrEqual(5);
    await waitFor(() => expect(rowsOf(modal)).toHaveLength(10));
    expect(boardRequests().at(-1)?.get('limit')).toBe('10');
    expect(within(modal).getByText('Showing 10 of 21')).toBeInTheDocument();
  });

  it('announces the current user moving between polls in a polite live region', async () => {
    serve({ live: true });
    renderModal({ defaultOpen: true, currentUserId: leaderboardCurrentUserId, pollIntervalMs: 150 });
    const modal = dialog();
    const status = modal.querySelector('p[role="status"]')!;
    await waitFor(() =>
      expect(modal.querySelector(`[data-user-id="${leaderboardCurrentUserId}"]`)).not.toBeNull(),
    );
    const first = Number(
      modal.querySelector(`[data-user-id="${leaderboardCurrentUserId}"]`)!.getAttribute('data-rank'),
    );
    expect(status).toHaveTextContent('');
    await waitFor(() => expect(status).toHaveTextContent(/^You moved up to #\d+$/), { timeout: 3000 });
    const announced = Number(status.textContent!.match(/#(\d+)/)![1]);
    expect(announced).toBeLessThan(first);
    // And an arrow by the user's place, for everyone else.
    expect(modal.querySelector('[data-current] [data-movement="up"]')).not.toBeNull();
    expect(modal.querySelector('[data-movement="down"]')).toBeNull();
  });

  it('shows loading, empty and error states, and retries', async () => {
    const loading = serve({ scenario: 'loading' });
    const { unmount } = renderModal({ defaultOpen: true });
    expect(within(dialog()).getByText('Loading leaderboard…')).toBeInTheDocument();
    expect(dialog().querySelector('.podium-leaderboard__content')).toHaveAttribute('aria-busy', 'true');
    unmount();
    loading.reset();
    server.resetHandlers();

    serve({ scenario: 'empty' });
    const empty = renderModal({ defaultOpen: true });
    await waitFor(() => expect(within(dialog()).getByText('No one on this board yet')).toBeInTheDocument());
    expect(dialog().querySelector('.podium-leaderboard__body')).toHaveAttribute('data-state', 'empty');
    empty.unmount();
    server.resetHandlers();

    const failing = serve({ scenario: 'error' });
    const { user } = renderModal({ defaultOpen: true });
    const alert = await within(dialog()).findByRole('alert', {}, { timeout: 3000 });
    expect(alert).toHaveTextContent('Could not load the leaderboard');
    failing.setScenario('success');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rowsOf(dialog())).toHaveLength(20));
  });

  it('stops polling once closed', async () => {
    serve();
    const { user } = renderModal({ defaultOpen: true, pollIntervalMs: 100 });
    await waitFor(() => expect(boardRequests().length).toBeGreaterThanOrEqual(2));
    await user.keyboard('{Escape}');
    const count = boardRequests().length;
    await act(() => new Promise((resolve) => setTimeout(resolve, 350)));
    expect(boardRequests()).toHaveLength(count);
  });
});

describe('Leaderboard (inline)', () => {
  it('renders the same body in a labelled section, no dialog', async () => {
    serve();
    renderWithPodium(
      <Leaderboard currentUserId={leaderboardCurrentUserId} title="Top sellers" headingLevel={3} />,
    );
    const section = screen.getByRole('region', { name: 'Top sellers' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(rowsOf(section)).toHaveLength(20));
    expect(section.querySelector('[data-current]')).toHaveAttribute('data-user-id', leaderboardCurrentUserId);
  });

  it('formats numbers with the provider locale and falls back to initials', async () => {
    serve({ scenario: 'largeNumbers' });
    renderWithPodium(<Leaderboard />, { locale: 'de-DE', labelPacks: { de } });
    await waitFor(() =>
      expect(document.querySelectorAll('.podium-leaderboard__row').length).toBeGreaterThan(0),
    );
    expect(document.querySelector('.podium-leaderboard__value')?.textContent).toMatch(
      /^\d{1,3}(\.\d{3})+ Verkäufe$/,
    );
    expect(document.querySelector('[data-initials]')).not.toBeNull();
    expect(leaderboardInitials('Alice Moreau')).toBe('AM');
    expect(leaderboardInitials('s_07')).toBe('S0');
  });
});

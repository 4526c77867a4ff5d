import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import {
  AchievementAnnouncer,
  AchievementsGrid,
  defaultLabels,
  type AchievementsGridProps,
} from '../../components/index.js';
import { fr } from '../../components/locales/fr.js';
import { defaultScoringRules } from '../../src/index.js';
import { useRecordAction } from '../../hooks/index.js';
import { scoringCurrentUserId, type PodiumHandlersOptions } from '../../mocks/index.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { providerWrapper } from '../shared/providerWrapper.js';
import { renderWithPodium } from '../shared/renderWithPodium.js';
import { setupMswServer } from '../shared/setupMswServer.js';

// The mocks' fixture instant: Alice (u_alice) holds 6 of the 13 achievements, among 24 players.
const NOW = new Date('2026-03-18T09:30:00.000Z');
const { serve } = setupMswServer({ now: NOW, mocks: { baseUrl, now: NOW } });

function renderGrid(
  mocks: PodiumHandlersOptions = {},
  props: Partial<AchievementsGridProps> = {},
  locale = 'en-US',
) {
  const server = serve(mocks);
  const view = renderWithPodium(<AchievementsGrid userId={scoringCurrentUserId} {...props} />, {
    locale,
    labelPacks: { fr },
  });
  return { ...view, server };
}

const root = (container: HTMLElement) => container.querySelector('.podium-achievements') as HTMLElement;
const expectState = (container: HTMLElement, state: string, timeout = 3000) =>
  waitFor(() => expect(root(container)).toHaveAttribute('data-state', state), { timeout });
const tile = (container: HTMLElement, id: string) => {
  const element = container.querySelector<HTMLElement>(`[data-achievement="${id}"]`);
  if (!element) throw new Error(`no tile ${id}`);
  return element;
};

describe('AchievementsGrid', () => {
  it('shows every achievement: unlocked with date and rarity, locked with an accessible progress bar', async () => {
    const { container } = renderGrid();
    expect(root(container)).toHaveAttribute('data-state', 'loading');
    expect(container.querySelector('[aria-busy="true"]')).toHaveTextContent(
      defaultLabels.achievementsLoading,
    );

    await expectState(container, 'ready');
    expect(screen.getByRole('heading', { level: 2, name: 'Achievements' })).toBeInTheDocument();
    const list = within(container).getByRole('list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(13);
    expect(container.querySelector('.podium-achievements__summary')).toHaveTextContent('6 of 13 unlocked');
    expect(root(container)).toHaveAttribute('data-unlocked', '6');

    const week = tile(container, 'trading_streak_7');
    expect(week).toHaveAttribute('data-state', 'unlocked');
    // Browsers put a space before the hidden state; jsdom's name computation does not.
    expect(
      screen.getByRole('heading', { level: 3, name: /^Week streak ?\(Unlocked\)$/ }),
    ).toBeInTheDocument();
    expect(within(week).getByText('Mar 12, 2026').closest('time')).toHaveAttribute(
      'dateTime',
      '2026-03-12T13:56:00.000Z',
    );
    expect(week).toHaveTextContent('Unlocked Mar 12, 2026');
    expect(week).toHaveTextContent('Held by 45.8% of players');
    expect(within(week).queryByRole('progressbar')).toBeNull();

    // 35 of Alice's trades toward 100; the rules (loaded alongside) say they are trades.
    const trades = within(tile(container, 'trades_100')).getByRole('progressbar', { name: '100 trades' });
    expect(trades).toHaveAttribute('aria-valuemin', '0');
    expect(trades).toHaveAttribute('aria-valuemax', '100');
    expect(trades).toHaveAttribute('aria-valuenow', '35');
    await waitFor(() => expect(trades).toHaveAttribute('aria-valuetext', '35 of 100 trades'));
    expect(tile(container, 'trades_100')).toHaveTextContent('35 / 100 trades');
    expect(tile(container, 'trades_100')).toHaveTextContent('No one holds this yet');
    const points = within(tile(container, 'points_10000')).getByRole('progressbar');
    expect(points).toHaveAttribute('aria-valuetext', '2,033 of 10,000 points');
    expect(tile(container, 'points_10000')).toHaveTextContent('2,033 / 10,000 points');

    // One step (a milestone): no bar, just "not yet", and how rare it is.
    const month = tile(container, 'trading_streak_30');
    expect(month).toHaveAttribute('data-state', 'locked');
    expect(within(month).queryByRole('progressbar')).toBeNull();
    expect(month).toHaveTextContent('Not unlocked yet');
    expect(month).toHaveTextContent('Held by 4.2% of players');
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Achievements loaded.');
  });

  it('formats dates, counts and rarity in the locale (fr-FR)', async () => {
    const { container } = renderGrid({}, {}, 'fr-FR');
    await expectState(container, 'ready');
    expect(screen.getByRole('heading', { level: 2, name: 'Succès' })).toBeInTheDocument();
    expect(container.querySelector('.podium-achievements__summary')).toHaveTextContent('6 sur 13 débloqués');
    expect(tile(container, 'trading_streak_7')).toHaveTextContent('Obtenu par 45,8 % des joueurs');
    expect(tile(container, 'trading_streak_7')).toHaveTextContent('Débloqué le 12 mars 2026');
    await waitFor(() =>
      expect(within(tile(container, 'points_10000')).getByRole('progressbar')).toHaveAttribute(
        'aria-valuetext',
        '2 033 points sur 10 000',
      ),
    );
  });

  it("names the default catalogue in the reader's language, and a host's own wording as written", async () => {
    const { container } = renderGrid({}, {}, 'fr-FR');
    await expectState(container, 'ready');
    expect(within(tile(container, 'first_trade')).getByRole('heading', { level: 3 })).toHaveTextContent(
      /^Premier trade/,
    );
    // French groups digits (with a space, as the formatters write it) and keeps the unit on the line.
    expect(tile(container, 'trades_1000').textContent).toMatch(/Exécutez 1\s000\u00a0trades/);
    expect(tile(container, 'trading_streak_30').textContent).toContain('Tradez 30\u00a0jours d’affilée');

    // A host that re-targeted one (same id, its own words) sees its words, untranslated.
    const rules = {
      ...defaultScoringRules,
      achievements: defaultScoringRules.achievements.map((a) =>
        a.id === 'trades_100' ? { ...a, name: '50 trades', description: 'Execute 50 trades' } : a,
      ),
    };
    const custom = renderGrid({ scoringRules: rules }, {}, 'fr-FR');
    await expectState(custom.container, 'ready');
    expect(tile(custom.container, 'trades_100')).toHaveTextContent('Execute 50 trades');
    expect(tile(custom.container, 'trades_10').textContent).toContain('Exécutez 10\u00a0trades');
  });

  it('marks a rare unlocked achievement', async () => {
    // p_06 trades every day: the only one with the month streak (1 of 24, 4.2 %).
    const { container } = renderGrid({}, { userId: 'p_06' });
    await expectState(container, 'ready');
    const month = tile(container, 'trading_streak_30');
    expect(month).toHaveAttribute('data-rare', 'true');
    expect(month.querySelector('.podium-achievements__rare')).toHaveTextContent('Rare');
    expect(tile(container, 'first_trade')).not.toHaveAttribute('data-rare');
  });

  it('shows the whole catalogue locked for a player who never scored', async () => {
    const { container } = renderGrid({ scenario: 'empty' });
    await expectState(container, 'ready');
    expect(container.querySelector('.podium-achievements__summary')).toHaveTextContent('0 of 13 unlocked');
    expect(container.querySelectorAll('[data-state="locked"]')).toHaveLength(13);
  });

  it('shows a failed load with a Retry that loads again', async () => {
    const user = userEvent.setup();
    // The grid asks for the rules too, so the failures are not counted out: the server recovers.
    const { container, server } = renderGrid({ scenario: 'error' });
    await expectState(container, 'error');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load achievements');
    server.setScenario('success');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expectState(container, 'ready');
  });

  it('keeps the last answer when a refresh fails, with a notice', async () => {
    const { container, server, queryClient } = renderGrid();
    await expectState(container, 'ready');
    server.setScenario('error');
    await queryClient.refetchQueries();
    await waitFor(() => expect(root(container)).toHaveAttribute('data-stale', 'true'));
    expect(within(container).getAllByRole('listitem')).toHaveLength(13);
    expect(container.querySelector('.podium-achievements__notice')).toHaveTextContent(
      /^Could not refresh\. Showing achievements from .+\.Retry$/,
    );
  });
});

describe('AchievementAnnouncer', () => {
  /** Every text the live region has shown, in order (what a screen reader would have said). */
  function spoken(region: HTMLElement) {
    const said: string[] = [];
    const observer = new MutationObserver(() => {
      const text = region.textContent ?? '';
      if (text && said[said.length - 1] !== text) said.push(text);
    });
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    return said;
  }

  it('is an empty polite region at first, then says each new id once', async () => {
    serve();
    const { Wrapper } = providerWrapper();
    const names = { whale_trader: 'Whale', trades_10: '10 trades', points_1000: '1,000 points' };
    const view = render(<AchievementAnnouncer unlocked={[]} names={names} />, { wrapper: Wrapper });
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveTextContent('');
    expect(region).toHaveClass('podium-sr-only');
    const said = spoken(region);

    view.rerender(<AchievementAnnouncer unlocked={['whale_trader']} names={names} />);
    await waitFor(() => expect(region).toHaveTextContent('Achievement unlocked: Whale'));
    // The same list again (a new array), then with one more id: only the new one is said.
    view.rerender(<AchievementAnnouncer unlocked={['whale_trader']} names={names} />);
    view.rerender(
      <AchievementAnnouncer unlocked={['whale_trader', 'trades_10', 'points_1000']} names={names} />,
    );
    await waitFor(() =>
      expect(region).toHaveTextContent('Achievements unlocked: 10 trades and 1,000 points'),
    );
    view.rerender(<AchievementAnnouncer unlocked={[]} names={names} />);
    view.rerender(<AchievementAnnouncer unlocked={['trades_10']} names={names} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(said).toEqual([
      'Achievement unlocked: Whale',
      'Achievements unlocked: 10 trades and 1,000 points',
    ]);
  });

  it('announces what useRecordAction unlocked, named from the catalogue, and a replay says nothing', async () => {
    const user = userEvent.setup();
    serve();
    const { Wrapper } = providerWrapper({ getToken: () => 'host-session' });
    const event = {
      eventId: 'ui-whale-1',
      userId: 'u_newcomer',
      action: 'TRADE_EXECUTE',
      metadata: { volumeUSD: 12_000, profitPercent: 20 },
    };
    function Host() {
      const record = useRecordAction();
      const [times, setTimes] = useState(0);
      return (
        <>
          <button
            type="button"
            onClick={() => {
              setTimes(times + 1);
              record.mutate(event);
            }}
          >
            Trade ({times})
          </button>
          <span>{record.isSuccess ? record.data.results[0]?.status : 'idle'}</span>
          <AchievementAnnouncer unlocked={record.achievements} visible />
        </>
      );
    }
    render(<Host />, { wrapper: Wrapper });
    const region = screen.getByRole('status');
    const said = spoken(region);
    await user.click(screen.getByRole('button', { name: 'Trade (0)' }));
    await waitFor(() =>
      expect(region).toHaveTextContent('Achievements unlocked: Whale, First trade, and In the green'),
    );
    expect(region).not.toHaveClass('podium-sr-only');
    expect(region.closest('.podium-achievement-announcer')).toHaveAttribute('data-state', 'announced');

    // The same event again is a replay: its achievements were announced the first time.
    await user.click(screen.getByRole('button', { name: 'Trade (1)' }));
    await waitFor(() => expect(screen.getByText('replayed')).toBeInTheDocument());
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(region).toHaveTextContent('Achievements unlocked: Whale, First trade, and In the green');
    expect(said).toEqual(['Achievements unlocked: Whale, First trade, and In the green']);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  defaultLabels,
  Leaderboard,
  LeaderboardModal,
  leaderboardValue,
  type PodiumFormatters,
} from '../../components/index.js';
import { de } from '../../components/locales/de.js';
import { fr } from '../../components/locales/fr.js';
import { createPointsLeaderboardFixture, scoringCurrentUserId } from '../../mocks/index.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { renderWithPodium } from '../shared/renderWithPodium.js';
import { setupMswServer } from '../shared/setupMswServer.js';

// A Wednesday: its ISO week is 2026-W12 (Monday 16 to Sunday 22 March).
const now = new Date('2026-03-18T09:30:00.000Z');
const { serve, requests } = setupMswServer({ now, mocks: { baseUrl, now } });

/** Query strings of every points board request in this test. */
const boardRequests = () =>
  requests.filter((url) => url.pathname.endsWith('/scores/leaderboard')).map((url) => url.searchParams);
const body = () => document.querySelector<HTMLElement>('.podium-leaderboard__body')!;
const caption = () => document.querySelector('.podium-leaderboard__period');
const values = () => [...document.querySelectorAll('.podium-leaderboard__value')].map((node) => node.textContent);
const timeframeSwitch = () => screen.getByRole('group', { name: 'Timeframe' });
const ready = () => waitFor(() => expect(body()).toHaveAttribute('data-state', 'ready'));

describe('Leaderboard board="points"', () => {
  it('starts on the lifetime board, all time, with whole points as the engine ranks them', async () => {
    serve();
    renderWithPodium(<Leaderboard board="points" pageSize={10} title="Points" />);
    await ready();
    expect(boardRequests().at(-1)?.get('timeframe')).toBe('lifetime');
    expect(body()).toHaveAttribute('data-board', 'points');
    expect(body()).toHaveAttribute('data-timeframe', 'lifetime');
    // No seller switches on a points board.
    expect(screen.queryByRole('group', { name: 'Rank by' })).toBeNull();
    expect(caption()).toHaveTextContent(/^All time$/);

    const expected = createPointsLeaderboardFixture({ now, limit: 10 });
    const ranked = [...document.querySelectorAll<HTMLElement>('[data-user-id]')];
    expect(ranked.map((node) => node.dataset.userId)).toEqual(expected.entries.map((entry) => entry.userId));
    expect(values()).toEqual(
      expected.entries.map((entry) => `${entry.value.toLocaleString('en-US')} point${entry.value === 1 ? '' : 's'}`),
    );
  });

  it('offers Lifetime, Monthly, Weekly, Daily and Trending, each a request for its timeframe with its caption', async () => {
    serve();
    const onTimeframeChange = vi.fn();
    const user = userEvent.setup();
    renderWithPodium(<Leaderboard board="points" pageSize={5} onTimeframeChange={onTimeframeChange} />);
    await ready();
    const buttons = within(timeframeSwitch()).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Lifetime', 'Monthly', 'Weekly', 'Daily', 'Trending']);
    expect(within(timeframeSwitch()).getByRole('button', { name: 'Lifetime' })).toHaveAttribute('aria-pressed', 'true');

    const expectations = [
      ['Monthly', 'monthly', 'March 2026'],
      ['Weekly', 'weekly', 'Week 12: Mar 16 – 22, 2026'],
      ['Daily', 'daily', 'Mar 18, 2026 (UTC)'],
      ['Trending', 'trending', 'Trending: recent points count more'],
      ['Lifetime', 'lifetime', 'All time'],
    ] as const;
    for (const [name, timeframe, text] of expectations) {
      const button = within(timeframeSwitch()).getByRole('button', { name });
      await user.click(button);
      expect(button).toHaveAttribute('aria-pressed', 'true');
      expect(onTimeframeChange).toHaveBeenLastCalledWith(timeframe);
      await waitFor(() => expect(caption()).toHaveTextContent(text));
      const sent = boardRequests().at(-1)!;
      expect(sent.get('timeframe')).toBe(timeframe);
      // The current period is the server's to pick: the client never sends one of its own.
      expect(sent.has('period')).toBe(false);
      expect(body()).toHaveAttribute('data-timeframe', timeframe);
    }
  });

  it('is keyboard-complete: Tab reaches each timeframe, Enter and Space choose it', async () => {
    serve();
    const user = userEvent.setup();
    renderWithPodium(<Leaderboard board="points" pageSize={5} />);
    await ready();
    await user.tab();
    expect(within(timeframeSwitch()).getByRole('button', { name: 'Lifetime' })).toHaveFocus();
    await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(boardRequests().at(-1)?.get('timeframe')).toBe('monthly'));
    await user.tab();
    await user.tab();
    await user.keyboard(' ');
    await waitFor(() => expect(boardRequests().at(-1)?.get('timeframe')).toBe('daily'));
    expect(within(timeframeSwitch()).getByRole('button', { name: 'Daily' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows trending points with exactly one decimal, as the response asks', async () => {
    serve();
    renderWithPodium(<Leaderboard board="points" defaultTimeframe="trending" pageSize={10} />);
    await ready();
    expect(boardRequests().at(-1)?.get('timeframe')).toBe('trending');
    const expected = createPointsLeaderboardFixture({ now, timeframe: 'trending', limit: 10 });
    expect(expected.valueDecimals).toBe(1);
    expect(values()).toEqual(
      expected.entries.map(
        (entry) => `${entry.value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} points`,
      ),
    );
    for (const value of values()) expect(value).toMatch(/^[\d,]+\.\d points$/);
    expect(caption()).toHaveTextContent('Trending: recent points count more');
    expect(caption()!.querySelector('svg')).not.toBeNull();
  });

  it("formats points by the provider's locale: German decimals and plurals", async () => {
    serve();
    renderWithPodium(<Leaderboard board="points" defaultTimeframe="trending" pageSize={5} />, {
      locale: 'de-DE',
      labelPacks: { de },
    });
    await ready();
    for (const value of values()) expect(value).toMatch(/^[\d.]+,\d Punkte$/);
    expect(within(screen.getByRole('group', { name: 'Zeitraum' })).getByRole('button', { name: 'Im Trend' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(caption()).toHaveTextContent('Im Trend: neuere Punkte zählen mehr');
  });

  it('ranks one category, named in the caption, and keeps it across timeframes', async () => {
    serve();
    const user = userEvent.setup();
    renderWithPodium(<Leaderboard board="points" category="trading" categoryLabel="Trading" pageSize={5} />);
    await ready();
    expect(boardRequests().at(-1)?.get('category')).toBe('trading');
    expect(caption()).toHaveTextContent('All time');
    expect(document.querySelector('.podium-leaderboard__category')).toHaveTextContent('Category: Trading');
    const expected = createPointsLeaderboardFixture({ now, category: 'trading', limit: 5 });
    expect(document.querySelector('[data-rank="1"]')).toHaveAttribute('data-user-id', expected.entries[0]!.userId);

    await user.click(within(timeframeSwitch()).getByRole('button', { name: 'Weekly' }));
    await waitFor(() => expect(caption()).toHaveTextContent('Week 12'));
    expect(boardRequests().at(-1)?.get('category')).toBe('trading');
    expect(boardRequests().at(-1)?.get('timeframe')).toBe('weekly');
  });

  it('shows a past period by key while the timeframe is of its kind, and the current one otherwise', async () => {
    serve();
    const user = userEvent.setup();
    renderWithPodium(<Leaderboard board="points" defaultTimeframe="weekly" periodKey="2026-W10" pageSize={5} />);
    await ready();
    expect(boardRequests().at(-1)?.get('period')).toBe('2026-W10');
    expect(caption()).toHaveTextContent('Week 10: Mar 2 – 8, 2026');
    await user.click(within(timeframeSwitch()).getByRole('button', { name: 'Monthly' }));
    await waitFor(() => expect(caption()).toHaveTextContent('March 2026'));
    expect(boardRequests().at(-1)?.has('period')).toBe(false);
  });

  it('offers only the timeframes asked for, and no switch for a single one', async () => {
    serve();
    const { unmount } = renderWithPodium(<Leaderboard board="points" timeframes={['weekly', 'trending']} defaultTimeframe="weekly" />);
    await ready();
    expect(within(timeframeSwitch()).getAllByRole('button').map((button) => button.textContent)).toEqual(['Weekly', 'Trending']);
    unmount();
    renderWithPodium(<Leaderboard board="points" timeframes={['daily']} defaultTimeframe="daily" />);
    await ready();
    expect(screen.queryByRole('group', { name: 'Timeframe' })).toBeNull();
    expect(caption()).toHaveTextContent('Mar 18, 2026 (UTC)');
  });

  it('finds the current user with "Jump to me" on the points board', async () => {
    serve();
    const user = userEvent.setup();
    // Alice is 8th this week: out of view on a page of 5.
    renderWithPodium(
      <Leaderboard board="points" defaultTimeframe="weekly" currentUserId={scoringCurrentUserId} pageSize={5} />,
    );
    await ready();
    expect(document.querySelector(`[data-user-id="${scoringCurrentUserId}"]`)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Jump to me' }));
    await waitFor(() =>
      expect(document.querySelector(`[data-user-id="${scoringCurrentUserId}"]`)).toHaveAttribute('aria-current', 'true'),
    );
    const sent = boardRequests().at(-1)!;
    expect(sent.get('around')).toBe(scoringCurrentUserId);
    expect(sent.get('timeframe')).toBe('weekly');
  });

  it('shows the empty and error states', async () => {
    serve({ scenario: 'empty' });
    const { unmount } = renderWithPodium(<Leaderboard board="points" />);
    await waitFor(() => expect(body()).toHaveAttribute('data-state', 'empty'));
    expect(screen.getByText('No one on this board yet')).toBeInTheDocument();
    // The period still says which board is empty.
    expect(caption()).toHaveTextContent('All time');
    unmount();

    serve({ scenario: 'error' });
    renderWithPodium(<Leaderboard board="points" />);
    expect(await screen.findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent('Could not load the leaderboard');
  });

  it('works in the modal too', async () => {
    serve();
    renderWithPodium(<LeaderboardModal board="points" defaultOpen defaultTimeframe="monthly" title="Points" />);
    const dialog = screen.getByRole('dialog', { name: 'Points' });
    await waitFor(() => expect(within(dialog).getByText('March 2026')).toBeInTheDocument());
    expect(boardRequests().at(-1)?.get('timeframe')).toBe('monthly');
  });
});

describe('leaderboardValue', () => {
  const formatter = (locale: string) => ({ locale, number: (value: number) => value.toLocaleString(locale) }) as PodiumFormatters;

  it('counts points in whole numbers and with decimals, picking the plural form of the number shown', () => {
    const en = formatter('en-US');
    expect(leaderboardValue('points', 1, defaultLabels, en)).toBe('1 point');
    expect(leaderboardValue('points', 1234, defaultLabels, en)).toBe('1,234 points');
    // "1.0 points": a visible decimal makes English plural.
    expect(leaderboardValue('points', 1, defaultLabels, en, 1)).toBe('1.0 points');
    expect(leaderboardValue('points', 12.345, defaultLabels, en, 1)).toBe('12.3 points');
    // French: 1,5 is singular; the narrow no-break space of the grouping prints as a plain space.
    const frLabels = { ...defaultLabels, ...fr };
    expect(leaderboardValue('points', 1.5, frLabels, formatter('fr-FR'), 1)).toBe('1,5\u00a0point');
    expect(leaderboardValue('points', 12345.6, frLabels, formatter('fr-FR'), 1)).toBe('12 345,6\u00a0points');
    // Sellers' units as before; an unknown unit is the number alone.
    expect(leaderboardValue('sales', 2, defaultLabels, en)).toBe('2 sales');
    expect(leaderboardValue('widgets', 7.25, defaultLabels, en, 2)).toBe('7.25');
    // The referrers board's units (issue 12).
    expect(leaderboardValue('referrals', 3, defaultLabels, en)).toBe('3 referrals');
    expect(leaderboardValue('earnings', 17.7, defaultLabels, en, 2)).toBe('17.70 earned');
  });
});

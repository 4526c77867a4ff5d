import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultLabels, ScoreCard, streakStatus, type ScoreCardProps } from '../../components/index.js';
import { de } from '../../components/locales/de.js';
import { scoringCurrentUserId, type PodiumHandlersOptions, type ScoreEventInput } from '../../mocks/index.js';
import { addDays } from '../../src/shared/periods.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { renderWithPodium } from '../shared/renderWithPodium.js';
import { setupMswServer } from '../shared/setupMswServer.js';

// The mocks' fixture instant: Alice (u_alice) is 9th of 24 with 2,033 points and a 12-day streak
// that was last extended yesterday.
const NOW = new Date('2026-03-18T09:30:00.000Z');
const { serve } = setupMswServer({ now: NOW, mocks: { baseUrl, now: NOW } });

function renderCard(mocks: PodiumHandlersOptions = {}, props: Partial<ScoreCardProps> = {}, locale = 'en-US') {
  const server = serve(mocks);
  const view = renderWithPodium(<ScoreCard userId={scoringCurrentUserId} {...props} />, { locale, labelPacks: { de } });
  return { ...view, server };
}

const root = (container: HTMLElement) => container.querySelector('.podium-score-card') as HTMLElement;
const expectState = (container: HTMLElement, state: string, timeout = 3000) =>
  waitFor(() => expect(root(container)).toHaveAttribute('data-state', state), { timeout });
const figure = (container: HTMLElement, name: string) => {
  const element = container.querySelector<HTMLElement>(`[data-figure="${name}"]`);
  if (!element) throw new Error(`no figure ${name}`);
  return element;
};
const value = (container: HTMLElement, name: string) =>
  figure(container, name).querySelector('.podium-score-card__figure-value')?.textContent;

/** A player active every day from `from` to `to` days ago (one trade at noon UTC each day). */
function dailyTrades(userId: string, from: number, to: number): ScoreEventInput[] {
  const today = NOW.toISOString().slice(0, 10);
  const events: ScoreEventInput[] = [];
  for (let daysAgo = from; daysAgo >= to; daysAgo -= 1) {
    events.push({
      eventId: `${userId}-${daysAgo}`,
      userId,
      action: 'TRADE_EXECUTE',
      occurredAt: `${addDays(today, -daysAgo)}T12:00:00.000Z`,
      metadata: { volumeUSD: 150 },
    });
  }
  return events;
}

describe('ScoreCard', () => {
  it('shows a busy skeleton, then points, rank with Top %, streak, sparkline and recent actions', async () => {
    const { container } = renderCard();
    expect(root(container)).toHaveAttribute('data-state', 'loading');
    expect(container.querySelector('[aria-busy="true"]')).toHaveTextContent(defaultLabels.scoreCardLoading);

    await expectState(container, 'ready');
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Points' })).toBeInTheDocument();
    expect(container.querySelector('.podium-score-card__period')).toHaveTextContent('All time');

    expect(value(container, 'points')).toBe('2,033');
    expect(figure(container, 'points')).toHaveTextContent('from 47 actions');
    expect(value(container, 'rank')).toBe('#9');
    // Rank 9 of 24 is the top 37.5 %: said where it flatters (the top half).
    expect(figure(container, 'rank')).toHaveTextContent('of 24 players');
    expect(figure(container, 'rank').querySelector('.podium-score-card__top')).toHaveTextContent('Top 37.5%');
    expect(figure(container, 'rank')).toHaveAttribute('data-percentile', '66.7');
    expect(screen.getByRole('img', { name: /^Lifetime rank since Feb \d+: #\d+ to #9$/ })).toBeInTheDocument();

    const streak = figure(container, 'streak');
    expect(value(container, 'streak')).toBe('12 days');
    // Active yesterday, not yet today, with freezes left.
    expect(streak).toHaveAttribute('data-status', 'extend');
    expect(streak).toHaveTextContent('Be active today to extend it');
    expect(streak.querySelector('.podium-score-card__freezes')).toHaveTextContent('2 freezes left');
    expect(streak.querySelectorAll('.podium-score-card__freezes svg')).toHaveLength(2);

    const recent = screen.getByRole('region', { name: 'Recent activity' });
    const rows = within(recent).getAllByRole('listitem');
    expect(rows).toHaveLength(5);
    expect(rows[0]).toHaveTextContent('Trade');
    expect(rows[0]).toHaveTextContent('+10 pts');
    expect(within(rows[0]!).getByText('22 hours ago').closest('time')).toHaveAttribute(
      'dateTime',
      '2026-03-17T11:47:00.000Z',
    );
    expect(rows[1]).toHaveTextContent('Copy trade');
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Points loaded.');
  });

  it('formats figures in the locale and speaks its language (de-DE)', async () => {
    const { container } = renderCard({}, {}, 'de-DE');
    await expectState(container, 'ready');
    expect(screen.getByRole('heading', { level: 2, name: 'Punkte' })).toBeInTheDocument();
    expect(value(container, 'points')).toBe('2.033');
    expect(value(container, 'rank')).toBe('Nr. 9');
    expect(figure(container, 'rank').querySelector('.podium-score-card__top')).toHaveTextContent('Top 37,5 %');
    expect(value(container, 'streak')).toBe('12 Tage');
    expect(figure(container, 'streak')).toHaveTextContent('Noch 2 Joker');
    expect(within(screen.getByRole('region', { name: 'Letzte Aktivität' })).getAllByRole('listitem')[0]).toHaveTextContent(
      'vor 22 Stunden',
    );
  });

  it('shows a weekly board without the lifetime sparkline, and a past week by its number', async () => {
    const { container, unmount } = renderCard({}, { timeframe: 'weekly' });
    await expectState(container, 'ready');
    expect(container.querySelector('.podium-score-card__period')).toHaveTextContent('This week');
    expect(root(container)).toHaveAttribute('data-timeframe', 'weekly');
    expect(value(container, 'points')).toBe('98');
    expect(value(container, 'rank')).toBe('#8');
    expect(screen.queryByRole('img', { name: /Lifetime rank/ })).toBeNull();
    unmount();

    const past = renderCard({}, { timeframe: 'weekly', period: '2026-W10' });
    await expectState(past.container, 'ready');
    expect(past.container.querySelector('.podium-score-card__period')).toHaveTextContent('Week 10, 2026');
  });

  it('says "Not on this board yet" for a player with points but none in the timeframe', async () => {
    // p_05 stopped trading 12 days ago: on the lifetime board, not on this week's.
    const { container } = renderCard({}, { userId: 'p_05', timeframe: 'weekly' });
    await expectState(container, 'ready');
    expect(value(container, 'points')).toBe('0');
    expect(value(container, 'rank')).toBe('—');
    expect(figure(container, 'rank')).toHaveTextContent('Not on this board yet');
    expect(figure(container, 'streak')).toHaveAttribute('data-status', 'broken');
  });

  it('invites a player who never scored to record a first action', async () => {
    const { container } = renderCard({ scenario: 'empty' });
    await expectState(container, 'empty');
    expect(screen.getByText('Record your first action')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Recent activity' })).toBeNull();
  });

  it('lets a host replace the empty state', async () => {
    const { container } = renderCard(
      { scenario: 'empty' },
      { renderEmpty: ({ userId }) => <button type="button">Make a first trade as {userId}</button> },
    );
    await expectState(container, 'empty');
    expect(screen.getByRole('button', { name: 'Make a first trade as u_alice' })).toBeInTheDocument();
  });

  it('shows a failed load with a Retry that loads again', async () => {
    const user = userEvent.setup();
    // One first try and three retries fail; the Retry click then succeeds.
    const { container } = renderCard({ scenario: 'error', errorCount: 4 });
    await expectState(container, 'error');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load points');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expectState(container, 'ready');
    expect(value(container, 'points')).toBe('2,033');
  });

  it('keeps the last points when a refresh fails, with a notice and a Retry', async () => {
    const user = userEvent.setup();
    const { container, server, queryClient } = renderCard();
    await expectState(container, 'ready');
    server.setScenario('error');
    await queryClient.refetchQueries();
    await waitFor(() => expect(root(container)).toHaveAttribute('data-stale', 'true'));
    expect(root(container)).toHaveAttribute('data-state', 'ready');
    expect(value(container, 'points')).toBe('2,033');
    const notice = container.querySelector('.podium-score-card__notice') as HTMLElement;
    expect(notice).toHaveAttribute('role', 'status');
    expect(notice).toHaveTextContent(/^Could not refresh\. Showing points from .+\.Retry$/);

    server.setScenario('success');
    await user.click(within(notice).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(root(container)).not.toHaveAttribute('data-stale'));
  });

  it('says a freeze kept the streak alive after missed days, and how many are left', async () => {
    // 18 days in a row (two freezes earned on top of the first), then yesterday and the day
    // before missed: two freezes bridged them, one is left.
    const { container } = renderCard({ scoringEvents: dailyTrades('u_frost', 20, 3) }, { userId: 'u_frost' });
    await expectState(container, 'ready');
    const streak = figure(container, 'streak');
    expect(value(container, 'streak')).toBe('18 days');
    expect(streak).toHaveAttribute('data-status', 'frozen');
    expect(streak).toHaveTextContent('A freeze kept your streak alive');
    expect(streak.querySelector('.podium-score-card__freezes')).toHaveTextContent('1 freeze left');
    // The only player: first of one, the top 100 % is not said.
    expect(value(container, 'rank')).toBe('#1');
    expect(figure(container, 'rank')).toHaveTextContent('of 1 player');
    expect(figure(container, 'rank').querySelector('.podium-score-card__top')).toBeNull();
  });

  it('names the host own actions and hides the list with recentLimit 0', async () => {
    const events: ScoreEventInput[] = [
      { eventId: 'a1', userId: 'u_host', action: 'REFERRAL_SIGNUP', occurredAt: '2026-03-18T09:00:00.000Z' },
    ];
    const { container, unmount } = renderCard(
      { scoringEvents: events },
      { userId: 'u_host', actionNames: { REFERRAL_SIGNUP: 'Brought a friend' } },
    );
    await expectState(container, 'ready');
    expect(within(screen.getByRole('region', { name: 'Recent activity' })).getByRole('listitem')).toHaveTextContent(
      /^Brought a friend30 minutes ago\+100 pts$/,
    );
    unmount();
    const hidden = renderCard({ scoringEvents: events }, { userId: 'u_host', recentLimit: 0 });
    await expectState(hidden.container, 'ready');
    expect(screen.queryByRole('region', { name: 'Recent activity' })).toBeNull();
  });

  it('asks nothing for an empty user id', async () => {
    const { container } = renderCard({}, { userId: '  ' });
    expect(root(container)).toHaveAttribute('data-state', 'idle');
    expect(screen.getByText('No player to show points for.')).toBeInTheDocument();
  });
});

describe('streakStatus', () => {
  const today = '2026-03-18';
  const streak = (current: number, lastActiveDay: string | null, freezesLeft = 1) => ({
    current,
    longest: Math.max(current, 3),
    lastActiveDay,
    freezesLeft,
  });

  it.each([
    ['none', streak(0, null)],
    ['broken', streak(0, '2026-03-10')],
    ['done', streak(4, '2026-03-18')],
    // The player's zone is ahead of the viewer's: their today is already tomorrow here.
    ['done', streak(4, '2026-03-19')],
    ['extend', streak(4, '2026-03-17', 1)],
    ['atRisk', streak(4, '2026-03-17', 0)],
    ['frozen', streak(4, '2026-03-16', 0)],
  ] as const)('is %s for %j', (status, value) => {
    expect(streakStatus(value, today)).toBe(status);
  });
});

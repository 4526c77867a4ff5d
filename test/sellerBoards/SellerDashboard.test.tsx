import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatMoney, isIsoCurrency, SellerDashboard } from '../../components/index.js';
import { leaderboardCurrentUserId } from '../../mocks/index.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { renderWithPodium } from '../shared/renderWithPodium.js';
import { setupMswServer } from '../shared/setupMswServer.js';

const { server, serve } = setupMswServer({ mocks: { baseUrl } });

const card = (name: string) => document.querySelector<HTMLElement>(`[data-card="${name}"]`)!;
const value = (name: string) => card(name).querySelector('.podium-seller-dashboard__card-value')?.textContent;

describe('SellerDashboard', () => {
  it('shows listings, views, sales, earnings per currency and ranks', async () => {
    serve();
    renderWithPodium(<SellerDashboard sellerId={leaderboardCurrentUserId} />);
    const section = screen.getByRole('region', { name: 'Seller dashboard' });
    await waitFor(() => expect(section).toHaveAttribute('data-state', 'ready'));
    expect(value('sales')).toBe('10');
    expect(card('sales')).toHaveTextContent(/\d+ all time/);
    expect(within(card('earningsMonth')).getByText('$425.00')).toBeInTheDocument();
    expect(within(card('earningsMonth')).getByText('0.125 ETH')).toBeInTheDocument();
    expect(value('rank')).toMatch(/^#\d+$/);
    expect(card('rank')).toHaveTextContent(/Sales: #\d+ · Views: #\d+/);
  });

  it('formats with the provider locale', async () => {
    serve();
    renderWithPodium(<SellerDashboard sellerId={leaderboardCurrentUserId} />, { locale: 'de-DE' });
    await waitFor(() => expect(card('earningsMonth')).toBeTruthy());
    expect(within(card('earningsMonth')).getByText('425,00 $')).toBeInTheDocument();
    expect(within(card('earningsMonth')).getByText('0,125 ETH')).toBeInTheDocument();
  });

  it('shows a newcomer with zeros and no ranks', async () => {
    serve();
    renderWithPodium(<SellerDashboard sellerId="newcomer" />);
    await waitFor(() => expect(card('rank')).toBeTruthy());
    expect(value('activeListings')).toBe('0');
    expect(value('rank')).toBe('—');
    expect(card('earningsMonth')).toHaveTextContent('None yet');
    expect(card('rank')).toHaveTextContent('Sales: not ranked · Views: not ranked');
  });

  it('shows loading, idle and error (with retry) states', async () => {
    serve({ scenario: 'loading' });
    const loading = renderWithPodium(<SellerDashboard sellerId="u_alice" />);
    expect(screen.getByText('Loading dashboard…')).toBeInTheDocument();
    loading.unmount();

    const idle = renderWithPodium(<SellerDashboard sellerId=" " />);
    expect(screen.getByText('No seller to show.')).toBeInTheDocument();
    idle.unmount();

    server.resetHandlers();
    const mocks = serve({ scenario: 'error' });
    renderWithPodium(<SellerDashboard sellerId="u_alice" />);
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert).toHaveTextContent('Could not load the dashboard');
    mocks.setScenario('success');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(value('sales')).toBe('10'));
  });

  it('formats ISO 4217 codes as currency and tokens as number + code', () => {
    expect(isIsoCurrency('USD')).toBe(true);
    expect(isIsoCurrency('ETH')).toBe(false);
    expect(isIsoCurrency('USDC')).toBe(false);
    expect(formatMoney('1234.5', 'EUR', 'de-DE')).toBe('1.234,50 €');
    expect(formatMoney('1.234567', 'ETH', 'en-US')).toBe('1.234567 ETH');
    expect(formatMoney('12', 'USDC', 'en-US')).toBe('12 USDC');
  });
});

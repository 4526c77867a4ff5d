import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Leaderboard, StatsTab } from '../../components/index.js';
import { de } from '../../components/locales/de.js';
import { fr } from '../../components/locales/fr.js';
import { ja } from '../../components/locales/ja.js';
import { createLeaderboardSellers } from '../../mocks/index.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { renderWithPodium } from './renderWithPodium.js';
import { setupMswServer } from './setupMswServer.js';

// The label packs as a host uses them: imported one by one, registered with the provider's
// `labelPacks`, picked by its `locale`, under its `labels`.
const NOW = new Date('2025-06-15T12:00:00Z');
const { serve } = setupMswServer({ now: NOW, mocks: { baseUrl, now: NOW } });

const freshness = (container: HTMLElement) =>
  waitFor(() => {
    const text = container.querySelector('.podium-stats-tab__freshness')?.textContent ?? '';
    expect(text).not.toBe('');
    return text;
  });

/** Three sellers this month with 2, 1 and 1 sales: a plural and two singulars on the board. */
function smallBoard() {
  const sellers = createLeaderboardSellers({ count: 3, now: NOW });
  sellers.forEach((seller, i) => (seller.values['sales:month'] = i === 0 ? 2 : 1));
  return sellers;
}
const values = async () => {
  await waitFor(() => expect(document.querySelectorAll('.podium-leaderboard__value')).toHaveLength(3));
  return [...document.querySelectorAll('.podium-leaderboard__value')].map((v) => v.textContent);
};

describe('label packs in the components', () => {
  it('shows "Aktualisiert vor …" in de-DE, the whole sentence in German', async () => {
    serve();
    const { container } = renderWithPodium(<StatsTab identifier="alice" />, {
      locale: 'de-DE',
      labelPacks: { de },
    });
    expect(await freshness(container)).toMatch(/^Aktualisiert vor \d+ Stunden$/);
    expect(screen.getByRole('heading', { name: 'Statistiken' })).toBeInTheDocument();
  });

  it('keeps English words for a locale whose pack the host did not register (opt-in)', async () => {
    serve();
    const { container } = renderWithPodium(<StatsTab identifier="alice" />, {
      locale: 'de-DE',
      labelPacks: { fr },
    });
    // German relative time from Intl, English words around it.
    expect(await freshness(container)).toMatch(/^Updated vor \d+ Stunden$/);
  });

  it('falls back to English for a language without a pack (pt-BR)', async () => {
    serve();
    const { container } = renderWithPodium(<StatsTab identifier="alice" />, { locale: 'pt-BR' });
    // Portuguese relative time from Intl, English words around it.
    expect(await freshness(container)).toMatch(/^Updated há \d+ horas$/);
  });

  it('lets the provider `labels` override a pack key, and a component `labels` the provider', async () => {
    serve();
    const { container } = renderWithPodium(
      <StatsTab identifier="alice" labels={{ statsTabTitle: 'Meine Zahlen' }} />,
      {
        locale: 'de-DE',
        labelPacks: { de },
        labels: { statsTabUpdated: 'Stand: {time}', statsTabTitle: 'Zahlen' },
      },
    );
    expect(await freshness(container)).toMatch(/^Stand: vor \d+ Stunden$/);
    expect(screen.getByRole('heading', { name: 'Meine Zahlen' })).toBeInTheDocument();
  });

  it('puts counts into words by the locale plural rules: fr 1 is singular, ja has one form', async () => {
    serve({ leaderboardSellers: smallBoard() });
    const french = renderWithPodium(<Leaderboard />, { locale: 'fr-FR', labelPacks: { fr, ja } });
    expect(await values()).toEqual(['2\u00a0ventes', '1\u00a0vente', '1\u00a0vente']);
    french.unmount();

    renderWithPodium(<Leaderboard />, { locale: 'ja-JP', labelPacks: { fr, ja } });
    expect(await values()).toEqual(['販売2件', '販売1件', '販売1件']);
  });
});

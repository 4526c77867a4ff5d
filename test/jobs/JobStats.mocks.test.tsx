import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { JobStats, defaultLabels } from '../../components/index.js';
import { summarizeJobs } from '../../src/jobs/jobStats.js';
import { lastDaysRange, resolveRange } from '../../src/shared/periods.js';
import { baseUrl } from './jobStatsBackend.js';
import { kpiValue, renderWithPodium } from '../shared/renderWithPodium.js';
import { setupMswServer } from '../shared/setupMswServer.js';

/** JobStats against the shared `podium-kit/mocks` handlers: the same data Storybook and demos use. */
const now = new Date('2025-06-20T09:30:00Z');
const { requests, serve } = setupMswServer({ mocks: { baseUrl, now } });

const root = (container: HTMLElement) => container.querySelector('.podium-job-stats') as HTMLElement;

describe('JobStats with podium-kit/mocks', () => {
  it.each(['success', 'partial', 'largeNumbers'] as const)(
    'shows the %s scenario totals',
    async (scenario) => {
      const mocks = serve({ scenario });
      // The mocks' clock is fixed and the widget reads the real one: pin the range to the mocks' days.
      const range = lastDaysRange(30, now, 'UTC');
      const { container } = renderWithPodium(<JobStats range={{ preset: 'custom', ...range }} />, {
        getToken: () => 'token',
      });
      await waitFor(() => expect(root(container).dataset.state).toMatch(/ready|empty/));
      const totals = summarizeJobs(mocks.jobs(), resolveRange({ ...range, timeZone: 'UTC' }, now));
      if (totals.jobs === 0) return expect(root(container)).toHaveAttribute('data-state', 'empty');
      expect(kpiValue(container, 'jobs')).toBe(totals.jobs.toLocaleString('en-US'));
      expect(kpiValue(container, 'requested')).toBe(totals.requested.toLocaleString('en-US'));
      expect(root(container).hasAttribute('data-partial')).toBe(
        totals.byStatus.pending + totals.byStatus.processing > 0,
      );
    },
  );

  it('retries a 500 three times, then shows the error; Retry recovers', async () => {
    // One first try plus three automatic retries fail; the fifth request succeeds.
    serve({ scenario: 'error', errorCount: 4 });
    const user = userEvent.setup();
    const { container } = renderWithPodium(<JobStats />, { getToken: () => 'token' });
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert).toHaveTextContent(defaultLabels.jobStatsErrorTitle);
    expect(alert).toHaveTextContent('error scenario');

    await user.click(within(alert).getByRole('button', { name: defaultLabels.retry }));
    await waitFor(() => expect(root(container).dataset.state).toMatch(/ready|empty/));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("shows the mock server's 401 message when no token is sent, without retrying", async () => {
    serve({ scenario: 'success' });
    // Ask the mock directly for its answer, so the test follows the mocks' wording.
    const answer = await fetch(`${baseUrl}/stats`);
    expect(answer.status).toBe(401);
    const { error } = (await answer.json()) as { error: { message: string } };
    const asked = requests.length;
    renderWithPodium(<JobStats />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(defaultLabels.jobStatsErrorTitle);
    expect(alert).toHaveTextContent(error.message);
    expect(requests).toHaveLength(asked + 1);
  });
});

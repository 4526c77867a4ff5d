import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { JobStats, defaultLabels, formatLabel, useRecordJob } from '../../components/index.js';
import { summarizeJobs } from '../../src/jobs/jobStats.js';
import { lastDaysRange, resolveRange } from '../../src/shared/periods.js';
import { makeJob, NOW, setupJobStatsBackend } from './jobStatsBackend.js';
import { kpiValue, renderWithPodium } from '../shared/renderWithPodium.js';

const { backend } = setupJobStatsBackend(() => [
  makeJob('job-1', 2),
  makeJob('job-2', 26, 'processing', 40),
  makeJob('job-3', 50, 'failed', 3),
  makeJob('job-4', 70, 'pending', 6),
  makeJob('job-5', 24 * 12, 'completed', 1200, 1100, 100),
  makeJob('job-6', 24 * 40),
]);

/** Totals the server would return for the last `days` days (the default preset is 30). */
function totalsFor(days: number, timeZone = 'UTC') {
  return summarizeJobs(backend.jobs, resolveRange({ ...lastDaysRange(days, NOW, timeZone), timeZone }, NOW));
}

const root = (container: HTMLElement) => container.querySelector('.podium-job-stats') as HTMLElement;

describe('JobStats', () => {
  it('shows a busy skeleton, then the figures of the last 30 days, and announces them', async () => {
    const { container } = renderWithPodium(<JobStats />);
    expect(root(container)).toHaveAttribute('data-state', 'loading');
    expect(container.querySelector('[aria-busy="true"]')).toHaveTextContent(defaultLabels.jobStatsLoading);

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'ready'));
    const totals = totalsFor(30);
    expect(kpiValue(container, 'jobs')).toBe(String(totals.jobs));
    expect(kpiValue(container, 'requested')).toBe(totals.requested.toLocaleString('en-US'));
    expect(kpiValue(container, 'successful')).toBe(totals.successful.toLocaleString('en-US'));
    expect(kpiValue(container, 'failed')).toBe(totals.failed.toLocaleString('en-US'));
    expect(kpiValue(container, 'successRate')).toBe(
      new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(
        totals.successRate!,
      ),
    );
    expect(screen.getByRole('heading', { level: 2, name: defaultLabels.jobStatsTitle })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent(/Job statistics loaded for/);
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();

    // One table row per job in range, each with a status badge in words.
    const table = screen.getByRole('table', { name: defaultLabels.jobStatsTableCaption });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(totals.jobs);
    expect(within(table).getByText(defaultLabels.jobStatsStatusProcessing)).toBeInTheDocument();
    // The chart's figures are available as a table too.
    expect(screen.getByRole('table', { name: defaultLabels.jobStatsChartTableCaption })).toBeInTheDocument();
  });

  it('states each outcome of the success bar in text, not colour alone', async () => {
    const { container } = renderWithPodium(<JobStats />);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'ready'));
    const totals = totalsFor(30);
    const pending = totals.requested - totals.successful - totals.failed;
    const group = screen.getByRole('group', { name: defaultLabels.jobStatsOutcomesTitle });
    const item = (outcome: string) => group.querySelector(`li[data-outcome="${outcome}"]`)!;
    expect(item('successful')).toHaveTextContent(totals.successful.toLocaleString('en-US'));
    expect(item('failed')).toHaveTextContent(String(totals.failed));
    expect(item('pending')).toHaveTextContent(String(pending));
  });

  it('shows "No jobs in this range" with a hint when the range is empty', async () => {
    backend.jobs = [];
    const { container } = renderWithPodium(<JobStats />);
    expect(await screen.findByText(defaultLabels.jobStatsEmptyTitle)).toBeInTheDocument();
    expect(screen.getByText(defaultLabels.jobStatsEmptyHint)).toBeInTheDocument();
    expect(root(container)).toHaveAttribute('data-state', 'empty');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lets the host render its own empty state', async () => {
    backend.jobs = [];
    renderWithPodium(
      <JobStats
        renderEmpty={({ range }) => (
          <p>
            Nothing between {range.from} and {range.to}
          </p>
        )}
      />,
    );
    const expected = lastDaysRange(30, NOW, 'UTC');
    expect(
      await screen.findByText(`Nothing between ${expected.from} and ${expected.to}`),
    ).toBeInTheDocument();
  });

  it("shows the server's error with a Retry that works", async () => {
    backend.failNext(401, 'unauthorized', 'Your session has expired');
    const user = userEvent.setup();
    const { container } = renderWithPodium(<JobStats />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(defaultLabels.jobStatsErrorTitle);
    expect(alert).toHaveTextContent('Your session has expired');
    expect(root(container)).toHaveAttribute('data-state', 'error');
    expect(backend.statsRequests()).toHaveLength(1);

    await user.click(within(alert).getByRole('button', { name: defaultLabels.retry }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'ready'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(kpiValue(container, 'jobs')).toBe(String(totalsFor(30).jobs));
  });

  it('lets the host render its own error state', async () => {
    backend.failNext(403, 'forbidden', 'Nope');
    const user = userEvent.setup();
    renderWithPodium(
      <JobStats
        renderError={({ error, retry }) => (
          <button type="button" onClick={retry}>
            {error.code} {error.status}: try again
          </button>
        )}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'forbidden 403: try again' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /try again/ })).toBeNull());
  });

  it('warns that figures may change while jobs in range are still running', async () => {
    const { container } = renderWithPodium(<JobStats />);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'ready'));
    const { pending, processing } = totalsFor(30).byStatus;
    expect(pending + processing).toBeGreaterThan(1);
    expect(
      screen.getByText(formatLabel(defaultLabels.jobStatsPartialOther, { count: pending + processing })),
    ).toBeInTheDocument();
    expect(root(container)).toHaveAttribute('data-partial', 'true');
  });

  it('shows "—" and says why when nothing has finished yet', async () => {
    backend.jobs = [makeJob('p1', 1, 'pending'), makeJob('p2', 2, 'processing')];
    const { container } = renderWithPodium(<JobStats />);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'ready'));
    expect(kpiValue(container, 'successRate')).toBe(defaultLabels.notAvailable);
    expect(screen.getByText(defaultLabels.jobStatsSuccessRateNone)).toBeInTheDocument();
  });

  it('keeps the figures and offers a retry when a refresh fails (stale)', async () => {
    const user = userEvent.setup();
    const { container, queryClient } = renderWithPodium(<JobStats />);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'ready'));
    const jobs = kpiValue(container, 'jobs');

    backend.failNext(503, 'service_unavailable', 'Down for maintenance', 4);
    await act(() => queryClient.refetchQueries());
    const notice = await screen.findByText(/Could not refresh/);
    expect(root(container)).toHaveAttribute('data-stale', 'true');
    expect(kpiValue(container, 'jobs')).toBe(jobs);
    expect(screen.queryByRole('alert')).toBeNull();

    await user.click(within(notice.parentElement!).getByRole('button', { name: defaultLabels.retry }));
    await waitFor(() => expect(screen.queryByText(/Could not refresh/)).toBeNull());
    expect(root(container)).not.toHaveAttribute('data-stale');
  });

  it('shows an updating indicator during a background refresh', async () => {
    const { container, queryClient } = renderWithPodium(<JobStats />);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'ready'));
    backend.delayMs = 150;
    act(() => void queryClient.refetchQueries());
    expect(await screen.findByTestId('podium-job-stats-updating')).toHaveTextContent(
      defaultLabels.jobStatsUpdating,
    );
    await waitFor(() => expect(screen.queryByTestId('podium-job-stats-updating')).toBeNull());
  });

  it('loads more jobs with the cursor and counts what is shown', async () => {
    const user = userEvent.setup();
    renderWithPodium(<JobStats pageSize={2} />);
    const button = await screen.findByRole('button', { name: defaultLabels.jobStatsLoadMore });
    const total = totalsFor(30).jobs;
    expect(
      screen.getByText(formatLabel(defaultLabels.jobStatsShowing, { shown: 2, total })),
    ).toBeInTheDocument();

    await user.click(button);
    await screen.findByText(formatLabel(defaultLabels.jobStatsShowing, { shown: Math.min(4, total), total }));
    expect(backend.statsRequests().at(-1)?.searchParams.get('cursor')).toBe('2');
    while (screen.queryByRole('button', { name: defaultLabels.jobStatsLoadMore })) {
      await user.click(screen.getByRole('button', { name: defaultLabels.jobStatsLoadMore }));
      await waitFor(() => expect(screen.queryByText(defaultLabels.jobStatsLoadingMore)).toBeNull());
    }
    expect(
      screen.getByText(formatLabel(defaultLabels.jobStatsShowing, { shown: total, total })),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: defaultLabels.jobStatsTableCaption });
    expect(within(table).getAllByRole('row')).toHaveLength(total + 1);
    // The button went away with the last page: focus moved to the first new row, not the body.
    expect(document.activeElement?.tagName).toBe('TH');
  });

  it('keeps the loaded jobs and says why when loading more fails', async () => {
    const user = userEvent.setup();
    renderWithPodium(<JobStats pageSize={2} />);
    const button = await screen.findByRole('button', { name: defaultLabels.jobStatsLoadMore });
    backend.failNext(400, 'invalid_request', 'Cursor expired');
    await user.click(button);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      formatLabel(defaultLabels.jobStatsLoadMoreError, { message: 'Cursor expired' }),
    );
    const table = screen.getByRole('table', { name: defaultLabels.jobStatsTableCaption });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    // Clicking again retries the same page.
    await user.click(screen.getByRole('button', { name: defaultLabels.jobStatsLoadMore }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(5));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refreshes with new totals after useRecordJob records a job', async () => {
    function RecordButton() {
      const record = useRecordJob();
      return (
        <button
          type="button"
          onClick={() => record.mutate({ job_id: 'fresh', requested_count: 9, status: 'pending' })}
        >
          Start job
        </button>
      );
    }
    const user = userEvent.setup();
    const { container } = renderWithPodium(
      <>
        <JobStats />
        <RecordButton />
      </>,
    );
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'ready'));
    const before = totalsFor(30);
    expect(kpiValue(container, 'jobs')).toBe(String(before.jobs));

    await user.click(screen.getByRole('button', { name: 'Start job' }));
    const after = totalsFor(30);
    expect(after.jobs).toBe(before.jobs + 1);
    await waitFor(() => expect(kpiValue(container, 'jobs')).toBe(String(after.jobs)));
    expect(kpiValue(container, 'requested')).toBe(after.requested.toLocaleString('en-US'));
  });

  it('uses labels: component labels over provider labels over the defaults', async () => {
    const { container } = renderWithPodium(
      <JobStats labels={{ jobStatsTitle: 'Auftragsstatistik', jobStatsKpiJobs: 'Aufträge' }} />,
      {
        labels: { jobStatsTitle: 'Provider title', jobStatsKpiRequested: 'Angefordert' },
      },
    );
    expect(screen.getByRole('heading', { name: 'Auftragsstatistik' })).toBeInTheDocument();
    expect(screen.queryByText('Provider title')).toBeNull();
    expect(await screen.findByText('Aufträge')).toBeInTheDocument();
    expect(screen.getByText('Angefordert')).toBeInTheDocument();
    expect(container.querySelector('[data-kpi="failed"] dt')).toHaveTextContent(
      defaultLabels.jobStatsKpiFailed,
    );
  });

  it("formats numbers and dates with the provider's locale and time zone", async () => {
    const { container } = renderWithPodium(<JobStats />, { locale: 'de-DE', timeZone: 'Asia/Tokyo' });
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'ready'));
    const totals = totalsFor(30, 'Asia/Tokyo');
    expect(totals.requested).toBeGreaterThan(999);
    const german = new Intl.NumberFormat('de-DE').format(totals.requested);
    expect(german).toContain('.');
    expect(kpiValue(container, 'requested')).toBe(german);
    expect(root(container)).toHaveAttribute('lang', 'de-DE');
    expect(backend.statsRequests()[0]!.searchParams.get('tz')).toBe('Asia/Tokyo');

    const job = backend.jobs.find((j) => j.job_id === 'job-1')!;
    const tokyo = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('de-DE', { ...options, timeZone: 'Asia/Tokyo' }).format(new Date(job.created_at));
    const row = screen.getByRole('rowheader', { name: 'job-1' }).closest('tr')!;
    const time = row.querySelector(`time[datetime="${job.created_at}"]`);
    // Date above time in the cell; the whole instant in one string on hover.
    expect(time).toHaveAttribute('title', tokyo({ dateStyle: 'medium', timeStyle: 'short' }));
    expect(time).toHaveTextContent(`${tokyo({ dateStyle: 'medium' })} ${tokyo({ timeStyle: 'short' })}`);
  });

  it('drops every utility class when unstyled but keeps the structural names and state', async () => {
    const { container } = renderWithPodium(
      <JobStats unstyled classNames={{ kpi: 'my-kpi' }} className="host" />,
    );
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'ready'));
    const classes = [...container.querySelectorAll('[class]')].flatMap((el) => [...el.classList]);
    expect(classes.filter((c) => c.startsWith('podium:'))).toEqual([]);
    expect(classes).toContain('podium-job-stats__kpi');
    expect(classes).toContain('my-kpi');
    expect(root(container)).toHaveClass('podium-root', 'podium-job-stats', 'host');
    expect(root(container)).toHaveAttribute('data-unstyled');
  });

  it('styles by default and adds slot classes', async () => {
    const { container } = renderWithPodium(<JobStats classNames={{ root: 'r', kpis: 'k', table: 't' }} />, {
      theme: 'dark',
    });
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'ready'));
    expect(root(container).className).toMatch(/podium:/);
    expect(root(container)).toHaveClass('r');
    expect(root(container)).toHaveAttribute('data-theme', 'dark');
    expect(container.querySelector('.podium-job-stats__kpis')).toHaveClass('k');
    expect(screen.getByRole('table', { name: defaultLabels.jobStatsTableCaption })).toHaveClass('t');
  });
});

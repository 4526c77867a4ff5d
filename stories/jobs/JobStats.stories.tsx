import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { JobStats } from '../../components/jobs/JobStats.js';
import { createPodiumMocks } from '../../mocks/index.js';
import { addDays, dayKey } from '../../src/shared/periods.js';
import { mocked, withMocks } from '../shared/storyMocks.js';
import { widgetProbe } from '../shared/widgetProbe.js';

/**
 * Every state of `JobStats`, each served by its own MSW handler set from `podium-kit/mocks` (and so
 * its own in-memory store). The preview wraps stories in a `PodiumProvider` (`/api`, UTC) with
 * a fresh QueryClient; the toolbar switches theme and locale.
 */
const meta = {
  title: 'Job statistics/JobStats',
  component: JobStats,
  args: { onRangeChange: fn() },
  parameters: {
    ...mocked({ scenario: 'success' }),
    docs: {
      description: {
        component:
          "The signed-in user's job statistics over a range: totals, success rate, outcomes, a per-day chart and the paged jobs list.",
      },
    },
  },
} satisfies Meta<typeof JobStats>;

export default meta;

type Story = StoryObj<typeof meta>;
type Canvas = ReturnType<typeof within>;

/** The component root: `data-state` says which state it shows. */
const { root, expectState } = widgetProbe('.podium-job-stats');

async function expectPreset(canvas: Canvas, name: string) {
  await expect(await canvas.findByRole('radio', { name })).toHaveAttribute('aria-checked', 'true');
}

// Custom ranges are calendar days; anchor them to today (UTC, the preview's zone) so the mock
// data, which is dated back from now, always falls inside.
const today = dayKey(new Date(), 'UTC');
const customRange = { preset: 'custom' as const, from: addDays(today, -44), to: addDays(today, -15) };

/** The default: the last 30 days of a healthy history. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await expectPreset(canvas, 'Last 30 days');
    await expect(canvas.getByRole('table', { name: 'Jobs' })).toBeInTheDocument();
    await expect(canvas.getByText('Success rate')).toBeInTheDocument();
  },
};

export const Last7Days: Story = {
  args: { defaultRange: { preset: 7 } },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expectPreset(within(canvasElement), 'Last 7 days');
  },
};

export const Last90Days: Story = {
  args: { defaultRange: { preset: 90 } },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expectPreset(within(canvasElement), 'Last 90 days');
  },
};

/** A fixed range of calendar days; edit the dates and Apply to query another one. */
export const CustomRange: Story = {
  args: { defaultRange: customRange },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await expectPreset(canvas, 'Custom');
    const from = canvas.getByLabelText('From');
    await expect(from).toHaveValue(customRange.from);
    await expect(canvas.getByLabelText('To')).toHaveValue(customRange.to);

    const earlier = addDays(customRange.from, -14);
    await userEvent.clear(from);
    await userEvent.type(from, earlier);
    await userEvent.click(canvas.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(args.onRangeChange).toHaveBeenCalledWith({ ...customRange, from: earlier }));
    await expectState(canvasElement, 'ready');
  },
};

/** A user with no jobs yet. */
export const Empty: Story = {
  parameters: mocked({ scenario: 'empty' }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'empty');
    await expect(await within(canvasElement).findByText('No jobs in this range')).toBeInTheDocument();
  },
};

/** The newest jobs are still pending or processing: the figures can still change. */
export const Partial: Story = {
  parameters: mocked({ scenario: 'partial' }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(root(canvasElement)).toHaveAttribute('data-partial', 'true');
    await expect(await within(canvasElement).findByText(/jobs? still running/)).toBeInTheDocument();
  },
};

/** The first load, held forever: the skeleton. */
export const Loading: Story = {
  parameters: mocked({ scenario: 'loading' }),
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'loading');
    await expect(within(canvasElement).getByText('Loading job statistics…')).toBeInTheDocument();
  },
};

/** The server answers after 1.5 s: the skeleton, then the figures. */
export const Slow: Story = {
  parameters: mocked({ scenario: 'slow' }),
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'loading');
    await expectState(canvasElement, 'ready', 6000);
  },
};

/** Every request fails with a 500: the error, with a Retry that tries again (and fails again). */
// Not exported as `Error`, which would shadow the global inside this module.
export const ErrorState: Story = {
  name: 'Error',
  parameters: mocked({ scenario: 'error' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'error');
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load job statistics');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expectState(canvasElement, 'error');
    await expect(await canvas.findByRole('button', { name: 'Retry' })).toBeInTheDocument();
  },
};

// Its own handler set, so the play function can make the server recover before retrying.
const flakyServer = createPodiumMocks({ scenario: 'error' });

/** The server fails, then recovers: Retry brings the figures. */
export const RetryAfterError: Story = {
  // Every visit starts failing again, whatever an earlier visit left behind.
  ...withMocks(flakyServer),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'error');
    flakyServer.setScenario('success');
    await userEvent.click(await canvas.findByRole('button', { name: 'Retry' }));
    await expectState(canvasElement, 'ready');
  },
};

/** Picking a preset queries the new range at once. */
export const SwitchPreset: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await userEvent.click(canvas.getByRole('radio', { name: 'Last 90 days' }));
    await expectPreset(canvas, 'Last 90 days');
    await expect(args.onRangeChange).toHaveBeenCalledWith({ preset: 90 });
    // Arrow keys move through the radio group too.
    await userEvent.keyboard('{ArrowLeft}');
    await expectPreset(canvas, 'Last 30 days');
    await expectState(canvasElement, 'ready');
  },
};

/** Ten jobs per page: "Load more jobs" follows the server's cursor. */
export const LoadMoreJobs: Story = {
  args: { pageSize: 10 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await expect(await canvas.findByText(/^Showing 10 of \d+ jobs$/)).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Load more jobs' }));
    await expect(
      await canvas.findByText(/^Showing 20 of \d+ jobs$/, {}, { timeout: 4000 }),
    ).toBeInTheDocument();
  },
};

/** A heavy user: totals in the hundreds of millions, grouped by the locale. */
export const LargeNumbers: Story = {
  parameters: mocked({ scenario: 'largeNumbers' }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    const requested = canvasElement.querySelector('[data-kpi="requested"]');
    await expect(requested?.textContent).toMatch(/\d{1,3}(,\d{3}){2,}/);
  },
};

/** The dark theme (also available for every story from the toolbar). */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(root(canvasElement)).toHaveAttribute('data-theme', 'dark');
  },
};

/**
 * German: numbers and dates through Intl, strings from the `de` label pack the locale selects (a
 * host registers it: `<PodiumProvider labelPacks={{ de }}>` with `de` from `podium-kit/locales/de`).
 */
export const GermanLocale: Story = {
  globals: { locale: 'de-DE' },
  parameters: mocked({ scenario: 'largeNumbers' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await expect(root(canvasElement)).toHaveAttribute('lang', 'de-DE');
    await expect(canvas.getByRole('heading', { name: 'Auftragsstatistik' })).toBeInTheDocument();
    // German groups thousands with dots.
    await expect(canvasElement.querySelector('[data-kpi="requested"]')?.textContent).toMatch(
      /\d{1,3}(\.\d{3}){2,}/,
    );
  },
};

/** A host's own wording, through the component's `labels` and `title`. */
export const CustomLabels: Story = {
  args: {
    title: 'Account creation',
    labels: {
      jobStatsKpiJobs: 'Batches',
      jobStatsKpiRequested: 'Accounts requested',
      jobStatsKpiSuccessful: 'Accounts created',
      jobStatsKpiFailed: 'Accounts failed',
      jobStatsTableCaption: 'Batches',
      jobStatsColJobId: 'Batch',
      jobStatsLoadMore: 'Show more batches',
      jobStatsShowing: '{shown} of {total} batches',
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await expect(canvas.getByRole('heading', { name: 'Account creation' })).toBeInTheDocument();
    await expect(canvas.getByText('Accounts created')).toBeInTheDocument();
    await expect(canvas.getByRole('table', { name: 'Batches' })).toBeInTheDocument();
  },
};

/** `renderEmpty` and `renderError` replace the built-in states with the host's own markup. */
export const CustomEmptyState: Story = {
  parameters: mocked({ scenario: 'empty' }),
  args: {
    renderEmpty: ({ range }) => (
      <p className="podium-story-empty">
        Nothing between {range.from} and {range.to}. <a href="#start">Start your first job</a>.
      </p>
    ),
  },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'empty');
    await expect(
      await within(canvasElement).findByRole('link', { name: 'Start your first job' }),
    ).toBeInTheDocument();
  },
};

/** No Podium styling: only structural `podium-job-stats__*` classes and `data-*` state remain. */
export const Unstyled: Story = {
  args: { unstyled: true },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    const element = root(canvasElement);
    await expect(element).toHaveAttribute('data-unstyled');
    await expect(element.outerHTML).not.toContain('podium:');
  },
};

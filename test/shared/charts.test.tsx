import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DailyJobsChart } from '../../components/jobs/DailyJobsChart.js';
import { defaultLabels, labelsForLocale, type PodiumLabels } from '../../components/labels.js';
import { useFormatters } from '../../components/shared/useFormatters.js';
import { StatsTrendChart } from '../../components/userStats/StatsTrendChart.js';
import { PodiumProvider } from '../../hooks/PodiumProvider.js';
import type { JobDay } from '../../src/jobs/contract.js';
import type { StatsHistoryDay } from '../../src/userStats/contract.js';

const jobDays: JobDay[] = [
  { date: '2025-03-09', jobs: 2, requested: 40, successful: 30, failed: 5 },
  { date: '2025-03-10', jobs: 0, requested: 0, successful: 0, failed: 0 },
  { date: '2025-03-11', jobs: 3, requested: 87, successful: 80, failed: 7 },
];
const eth = (amount: number) => (BigInt(Math.round(amount * 1000)) * 10n ** 15n).toString();
const trendDays: StatsHistoryDay[] = [
  { date: '2025-03-09', salesCount: 1, salesVolumeWei: eth(0.5), purchasesCount: 0, purchasesVolumeWei: '0', bidsPlaced: 0 },
  { date: '2025-03-10', salesCount: 0, salesVolumeWei: '0', purchasesCount: 2, purchasesVolumeWei: eth(1.2), bidsPlaced: 0 },
  { date: '2025-03-11', salesCount: 3, salesVolumeWei: eth(1.8), purchasesCount: 1, purchasesVolumeWei: eth(0.1), bidsPlaced: 0 },
];

function Charts({ labels, which }: { labels: PodiumLabels; which: 'jobs' | 'trend' }) {
  const format = useFormatters();
  return which === 'jobs' ? (
    <DailyJobsChart series={jobDays} labels={labels} format={format} styled classNames={{}} />
  ) : (
    <StatsTrendChart days={trendDays} labels={labels} format={format} styled classNames={{}} />
  );
}

function renderChart(which: 'jobs' | 'trend', locale = 'en-US') {
  const ui = (
    <PodiumProvider baseUrl="http://podium.test/api" locale={locale} timeZone="UTC">
      <Charts labels={labelsForLocale(locale)} which={which} />
    </PodiumProvider>
  );
  return { ...render(ui), html: renderToString(ui) };
}

const plotOf = (name: string) => screen.getByRole('group', { name });
const tooltip = (container: HTMLElement) => container.querySelector<HTMLElement>('[class$="__chart-tooltip"], [class*="__chart-tooltip "]');
const live = (container: HTMLElement) => container.querySelector('[aria-live="polite"]')!;
const yLabels = (container: HTMLElement) =>
  [...container.querySelectorAll('[class*="__chart-y-axis"] span')].map((span) => span.textContent);

describe('DailyJobsChart', () => {
  it('labels round ticks up to a round top and draws a gridline for each', () => {
    const { container } = renderChart('jobs');
    expect(yLabels(container)).toEqual(['0', '25', '50', '75', '100']);
    expect(container.querySelectorAll('.podium-job-stats__chart-gridline')).toHaveLength(5);
    // The 87 requested of the last day reach 87% of the plot.
    const last = container.querySelector('g[data-date="2025-03-11"]')!;
    const heights = [...last.querySelectorAll('rect')].map((rect) => Number(rect.getAttribute('height')));
    expect(heights.reduce((a, b) => a + b)).toBeCloseTo(87);
  });

  it('shows the exact counts of a day under the keyboard and announces them', async () => {
    const user = userEvent.setup();
    const { container } = renderChart('jobs');
    const plot = plotOf(defaultLabels.jobStatsChartTitle);
    expect(plot).toHaveAccessibleDescription(defaultLabels.chartKeyboardHint);
    expect(tooltip(container)).toBeNull();
    await user.tab();
    expect(plot).toHaveFocus();
    // Focus starts on the latest day.
    expect(tooltip(container)).toHaveTextContent(/Mar 11.*Requested87.*Successful80.*Failed7.*Still pending0/);
    expect(live(container)).toHaveTextContent('Mar 11: 87 requested, 80 successful, 7 failed');
    await user.keyboard('{ArrowLeft}');
    expect(live(container)).toHaveTextContent('Mar 10: 0 requested, 0 successful, 0 failed');
    expect(container.querySelector('g[data-date="2025-03-10"] [data-highlight]')).not.toBeNull();
    await user.keyboard('{Home}');
    expect(tooltip(container)).toHaveTextContent(/Mar 9.*Requested40/);
    await user.keyboard('{ArrowLeft}');
    expect(plot).toHaveAttribute('data-active', '0');
    await user.keyboard('{End}');
    expect(plot).toHaveAttribute('data-active', '2');
    await user.keyboard('{Escape}');
    expect(tooltip(container)).toBeNull();
    await user.tab();
    expect(live(container)).toHaveTextContent('');
  });

  it('shows the day under the pointer, without announcing it', () => {
    const { container } = renderChart('jobs');
    const plot = plotOf(defaultLabels.jobStatsChartTitle);
    plot.getBoundingClientRect = () => ({ left: 100, width: 300, top: 0, height: 160, right: 400, bottom: 160, x: 100, y: 0, toJSON: () => ({}) });
    act(() => void fireEvent.pointerMove(plot, { clientX: 110 }));
    expect(tooltip(container)).toHaveTextContent(/Mar 9/);
    act(() => void fireEvent.pointerMove(plot, { clientX: 390 }));
    expect(tooltip(container)).toHaveTextContent(/Mar 11/);
    expect(live(container)).toHaveTextContent('');
    act(() => void fireEvent.pointerLeave(plot));
    expect(tooltip(container)).toBeNull();
  });

  it('renders on the server with the same ticks and no tooltip, and keeps the data table', () => {
    const { html } = renderChart('jobs');
    expect(html).toContain('podium-job-stats__chart-y-axis');
    expect(html).not.toContain('__chart-tooltip');
    expect(html).toContain(defaultLabels.jobStatsChartTableCaption);
  });
});

describe('StatsTrendChart', () => {
  it('labels ETH ticks with the decimals they need, in the locale', () => {
    expect(yLabels(renderChart('trend').container)).toEqual(['0', '0.5', '1', '1.5', '2']);
    document.body.innerHTML = '';
    expect(yLabels(renderChart('trend', 'de-DE').container)).toEqual(['0', '0,5', '1', '1,5', '2']);
  });

  it('shows both amounts of a day, with markers on each line, from the keyboard', async () => {
    const user = userEvent.setup();
    const { container } = renderChart('trend');
    await user.tab();
    const tip = tooltip(container)!;
    expect(within(tip).getByText('1.8 ETH')).toBeInTheDocument();
    expect(within(tip).getByText('0.1 ETH')).toBeInTheDocument();
    expect(container.querySelectorAll('.podium-stats-tab__chart-marker')).toHaveLength(2);
    await user.keyboard('{ArrowLeft}');
    expect(live(container)).toHaveTextContent('Mar 10: sales 0 ETH, purchases 1.2 ETH');
  });
});

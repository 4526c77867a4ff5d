import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { JobStats, defaultLabels, formatLabel, type JobStatsRange } from '../../components/index.js';
import { maxJobStatsRangeDays } from '../../src/jobs/contract.js';
import { addDays, lastDaysRange } from '../../src/shared/periods.js';
import { makeJob, NOW, setupJobStatsBackend } from './jobStatsBackend.js';
import { renderWithPodium } from '../shared/renderWithPodium.js';

const { backend } = setupJobStatsBackend(() =>
  Array.from({ length: 5 }, (_, i) => makeJob(`job-${i}`, 10 + i * 30)),
);

const lastParams = () => Object.fromEntries(backend.statsRequests().at(-1)!.searchParams);
const radio = (name: string) => screen.getByRole('radio', { name });
const root = (container: HTMLElement) => container.querySelector('.podium-job-stats') as HTMLElement;

describe('JobStats range', () => {
  it('starts on 30 days and queries the new range when a preset is picked', async () => {
    const user = userEvent.setup();
    renderWithPodium(<JobStats />, { timeZone: 'Pacific/Auckland' });
    await waitFor(() => expect(backend.statsRequests()).toHaveLength(1));
    expect(radio(defaultLabels.jobStatsPreset30)).toHaveAttribute('aria-checked', 'true');
    expect(lastParams()).toMatchObject({
      ...lastDaysRange(30, NOW, 'Pacific/Auckland'),
      tz: 'Pacific/Auckland',
    });

    await user.click(radio(defaultLabels.jobStatsPreset7));
    expect(radio(defaultLabels.jobStatsPreset7)).toHaveAttribute('aria-checked', 'true');
    expect(radio(defaultLabels.jobStatsPreset30)).toHaveAttribute('aria-checked', 'false');
    await waitFor(() => expect(backend.statsRequests()).toHaveLength(2));
    expect(lastParams()).toMatchObject(lastDaysRange(7, NOW, 'Pacific/Auckland'));

    await user.click(radio(defaultLabels.jobStatsPreset90));
    await waitFor(() => expect(lastParams()).toMatchObject(lastDaysRange(90, NOW, 'Pacific/Auckland')));
  });

  it('moves between presets with the arrow keys, Home and End (one tab stop, radio pattern)', async () => {
    const user = userEvent.setup();
    renderWithPodium(<JobStats />);
    const group = screen.getByRole('radiogroup', { name: defaultLabels.jobStatsRangeLabel });
    const radios = within(group).getAllByRole('radio');
    // Roving tabindex: only the checked option is in the tab order.
    expect(radios.map((r) => r.tabIndex)).toEqual(
      radios.map((r) => (r.getAttribute('aria-checked') === 'true' ? 0 : -1)),
    );

    await user.tab();
    expect(radio(defaultLabels.jobStatsPreset30)).toHaveFocus();

    await user.keyboard('{ArrowRight}');
    expect(radio(defaultLabels.jobStatsPreset90)).toHaveFocus();
    expect(radio(defaultLabels.jobStatsPreset90)).toHaveAttribute('aria-checked', 'true');
    await waitFor(() => expect(lastParams()).toMatchObject(lastDaysRange(90, NOW)));

    await user.keyboard('{ArrowLeft}{ArrowUp}');
    expect(radio(defaultLabels.jobStatsPreset7)).toHaveFocus();
    expect(radio(defaultLabels.jobStatsPreset7)).toHaveAttribute('aria-checked', 'true');

    await user.keyboard('{ArrowLeft}');
    expect(radio(defaultLabels.jobStatsPresetCustom)).toHaveFocus();
    expect(radio(defaultLabels.jobStatsPresetCustom)).toHaveAttribute('aria-checked', 'true');

    await user.keyboard('{Home}');
    expect(radio(defaultLabels.jobStatsPreset7)).toHaveFocus();
    await user.keyboard('{End}');
    expect(radio(defaultLabels.jobStatsPresetCustom)).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(radio(defaultLabels.jobStatsPreset7)).toHaveFocus();
  });

  it('reaches Load more with Tab from the preset group', async () => {
    const user = userEvent.setup();
    renderWithPodium(<JobStats pageSize={2} />);
    const loadMore = await screen.findByRole('button', { name: defaultLabels.jobStatsLoadMore });
    await user.tab();
    expect(radio(defaultLabels.jobStatsPreset30)).toHaveFocus();
    const visited: Element[] = [];
    for (let i = 0; i < 5 && document.activeElement !== loadMore; i++) {
      await user.tab();
      visited.push(document.activeElement!);
    }
    expect(loadMore).toHaveFocus();
    // Only the chart (its arrow keys read each day) and the scrollable table region sit between
    // the presets and the button.
    expect(visited.slice(0, -1)).toEqual([
      screen.getByRole('group', { name: defaultLabels.jobStatsChartTitle }),
      screen.getByRole('region', { name: defaultLabels.jobStatsTableCaption }),
    ]);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(backend.statsRequests().at(-1)?.searchParams.get('cursor')).toBe('2'));
  });

  it('switches to Custom with the current dates, and applies a valid custom range', async () => {
    const user = userEvent.setup();
    renderWithPodium(<JobStats />);
    await waitFor(() => expect(backend.statsRequests()).toHaveLength(1));
    await user.click(radio(defaultLabels.jobStatsPresetCustom));

    const from = screen.getByLabelText(defaultLabels.jobStatsCustomFrom) as HTMLInputElement;
    const to = screen.getByLabelText(defaultLabels.jobStatsCustomTo) as HTMLInputElement;
    const current = lastDaysRange(30, NOW);
    expect(from.value).toBe(current.from);
    expect(to.value).toBe(current.to);
    // Same dates as the preset: same query, nothing new to fetch.
    expect(backend.statsRequests()).toHaveLength(1);

    const newFrom = addDays(current.to, -3);
    fireEvent.change(from, { target: { value: newFrom } });
    await user.click(screen.getByRole('button', { name: defaultLabels.jobStatsCustomApply }));
    await waitFor(() => expect(backend.statsRequests()).toHaveLength(2));
    expect(lastParams()).toMatchObject({ from: newFrom, to: current.to });
  });

  it('blocks a custom range that ends before it starts or is too long, with an inline error', async () => {
    const user = userEvent.setup();
    renderWithPodium(<JobStats defaultRange={{ preset: 'custom', from: '2025-03-01', to: '2025-03-10' }} />);
    await waitFor(() => expect(backend.statsRequests()).toHaveLength(1));
    const from = screen.getByLabelText(defaultLabels.jobStatsCustomFrom);
    const to = screen.getByLabelText(defaultLabels.jobStatsCustomTo);
    const apply = screen.getByRole('button', { name: defaultLabels.jobStatsCustomApply });

    fireEvent.change(from, { target: { value: '2025-03-12' } });
    expect(screen.getByRole('alert')).toHaveTextContent(defaultLabels.jobStatsRangeOrder);
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(from).toHaveAccessibleDescription(defaultLabels.jobStatsRangeOrder);
    await user.click(apply);
    expect(from).toHaveFocus();

    const tooEarly = addDays('2025-03-10', -maxJobStatsRangeDays);
    fireEvent.change(from, { target: { value: tooEarly } });
    expect(screen.getByRole('alert')).toHaveTextContent(
      formatLabel(defaultLabels.jobStatsRangeTooLong, {
        max: maxJobStatsRangeDays,
        days: maxJobStatsRangeDays + 1,
      }),
    );
    await user.click(apply);

    fireEvent.change(to, { target: { value: '' } });
    expect(screen.getByRole('alert')).toHaveTextContent(defaultLabels.jobStatsRangeMissing);
    expect(to).toHaveAttribute('aria-invalid', 'true');
    await user.click(apply);

    await new Promise((r) => setTimeout(r, 30));
    expect(backend.statsRequests()).toHaveLength(1);

    // The longest allowed range goes through.
    fireEvent.change(from, { target: { value: addDays('2025-03-10', 1 - maxJobStatsRangeDays) } });
    fireEvent.change(to, { target: { value: '2025-03-10' } });
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(apply);
    await waitFor(() => expect(backend.statsRequests()).toHaveLength(2));
  });

  it('does not query an invalid controlled range and shows why', async () => {
    const { container } = renderWithPodium(
      <JobStats range={{ preset: 'custom', from: '2025-03-10', to: '2025-03-01' }} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(defaultLabels.jobStatsRangeOrder);
    expect(root(container)).toHaveAttribute('data-state', 'invalid');
    await new Promise((r) => setTimeout(r, 30));
    expect(backend.statsRequests()).toHaveLength(0);
  });

  it('is controllable: range + onRangeChange', async () => {
    const user = userEvent.setup();
    const onRangeChange = vi.fn();
    function Host() {
      const [range, setRange] = useState<JobStatsRange>({ preset: 7 });
      return (
        <>
          <JobStats
            range={range}
            onRangeChange={(next) => {
              onRangeChange(next);
              if (next.preset !== 90) setRange(next); // the host refuses 90 days
            }}
          />
          <output data-testid="host-range">{JSON.stringify(range)}</output>
        </>
      );
    }
    renderWithPodium(<Host />);
    expect(radio(defaultLabels.jobStatsPreset7)).toHaveAttribute('aria-checked', 'true');
    await user.click(radio(defaultLabels.jobStatsPreset90));
    expect(onRangeChange).toHaveBeenLastCalledWith({ preset: 90 });
    expect(radio(defaultLabels.jobStatsPreset7)).toHaveAttribute('aria-checked', 'true');
    await user.click(radio(defaultLabels.jobStatsPreset30));
    expect(screen.getByTestId('host-range')).toHaveTextContent('{"preset":30}');
    expect(radio(defaultLabels.jobStatsPreset30)).toHaveAttribute('aria-checked', 'true');
  });

  it('shares the range between uncontrolled widgets under one provider, not those with defaultRange', async () => {
    const user = userEvent.setup();
    renderWithPodium(
      <>
        <JobStats title="A" />
        <JobStats title="B" />
        <JobStats title="C" defaultRange={{ preset: 90 }} />
      </>,
    );
    const section = (name: string) => screen.getByRole('region', { name });
    await user.click(within(section('A')).getByRole('radio', { name: defaultLabels.jobStatsPreset7 }));
    expect(within(section('B')).getByRole('radio', { name: defaultLabels.jobStatsPreset7 })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    expect(within(section('C')).getByRole('radio', { name: defaultLabels.jobStatsPreset90 })).toHaveAttribute(
      'aria-checked',
      'true',
    );
  });
});

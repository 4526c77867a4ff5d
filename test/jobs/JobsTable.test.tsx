import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JobsTable } from '../../components/jobs/JobsTable.js';
import { defaultLabels } from '../../components/labels.js';
import { useFormatters } from '../../components/shared/useFormatters.js';
import { PodiumProvider } from '../../hooks/PodiumProvider.js';
import { createJobFixture } from '../../mocks/jobs/fixtures.js';

const jobs = [createJobFixture({ job_id: 'job-1' }), createJobFixture({ job_id: 'job-2', status: 'failed' })];

function Table() {
  const format = useFormatters();
  return (
    <JobsTable
      jobs={jobs}
      totalJobs={2}
      hasMore={false}
      isLoadingMore={false}
      onLoadMore={() => {}}
      labels={defaultLabels}
      format={format}
      styled
      classNames={{}}
    />
  );
}

/** jsdom lays nothing out: give the scroll box the sizes a 360 px phone would. */
function layOut(box: HTMLElement, sizes: { scrollWidth: number; clientWidth: number }) {
  Object.defineProperty(box, 'scrollWidth', { configurable: true, value: sizes.scrollWidth });
  Object.defineProperty(box, 'clientWidth', { configurable: true, value: sizes.clientWidth });
}


describe('JobsTable', () => {
  it('says nothing about scrolling when the table fits', () => {
    const { container } = render(
      <PodiumProvider baseUrl="http://podium.test/api">
        <Table />
      </PodiumProvider>,
    );
    expect(container.querySelector('.podium-job-stats__table-fade')).toBeNull();
    expect(screen.queryByText(defaultLabels.jobStatsTableScrollHint)).toBeNull();
  });

  it('shows a fade and a hint when columns are cut off, and which way they are', () => {
    const { container } = render(
      <PodiumProvider baseUrl="http://podium.test/api">
        <Table />
      </PodiumProvider>,
    );
    const box = screen.getByRole('region', { name: defaultLabels.jobStatsTableCaption });
    layOut(box, { scrollWidth: 900, clientWidth: 300 });
    act(() => void fireEvent.scroll(box));
    const frame = container.querySelector('.podium-job-stats__table-frame')!;
    expect(frame).toHaveAttribute('data-overflow-end');
    expect(frame).not.toHaveAttribute('data-overflow-start');
    expect(container.querySelector('.podium-job-stats__table-fade')).not.toBeNull();
    expect(screen.getByText(defaultLabels.jobStatsTableScrollHint)).toBeInTheDocument();

    box.scrollLeft = 600;
    act(() => void fireEvent.scroll(box));
    expect(frame).toHaveAttribute('data-overflow-start');
    expect(frame).not.toHaveAttribute('data-overflow-end');
    expect(container.querySelector('.podium-job-stats__table-fade')).toBeNull();
    // The job id column stays pinned, now with a rule against the scrolled cells.
    expect(screen.getByRole('rowheader', { name: 'job-1' }).className).toContain('podium:sticky');
    expect(container.querySelector('.podium-job-stats__table-hint svg')?.getAttribute('class')).toContain('rotate-180');
  });
});

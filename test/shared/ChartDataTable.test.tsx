import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChartDataTable } from '../../components/shared/ChartDataTable.js';

describe('ChartDataTable', () => {
  it('gives screen readers every point: the day as row header, then the values in column order', () => {
    render(
      <ChartDataTable
        caption="Jobs per day"
        columns={['Date', 'Jobs', 'Failed']}
        rows={[
          { key: '2026-11-26', header: 'Nov 26', cells: ['4', '1'] },
          { key: '2026-11-27', header: 'Nov 27', cells: ['7', '0'] },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Jobs per day' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Date', 'Jobs', 'Failed']);
    const [, ...rows] = within(table).getAllByRole('row');
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Nov 26', '4', '1'],
      ['Nov 27', '7', '0'],
    ]);
    expect(within(rows[1]!).getByRole('rowheader').textContent).toBe('Nov 27');
    // Hidden through a wrapper (a table ignores the 1 px box itself).
    expect(table.parentElement).toHaveClass('podium-sr-only');
  });
});

import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultLabels } from '../../components/labels.js';
import { useFormatters } from '../../components/shared/useFormatters.js';
import { TokenBreakdown } from '../../components/userStats/TokenBreakdown.js';
import { PodiumProvider } from '../../hooks/PodiumProvider.js';

function Breakdown() {
  const format = useFormatters();
  return (
    <TokenBreakdown
      caption="Sales by payment token"
      tokens={[
        { address: '0x0000000000000000000000000000000000000000', symbol: 'ETH', decimals: 18, count: 30, amount: '1500000000000000000' },
        { address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', symbol: 'USDC', decimals: 6, count: 4, amount: '12450500000' },
      ]}
      labels={defaultLabels}
      format={format}
      styled
      classNames={{}}
    />
  );
}

describe('TokenBreakdown', () => {
  it('right-aligns counts and amounts (one alignment per cell, so none can lose to the other)', () => {
    render(
      <PodiumProvider baseUrl="http://podium.test/api">
        <Breakdown />
      </PodiumProvider>,
    );
    const table = screen.getByRole('table', { name: 'Sales by payment token' });
    const row = within(table).getByRole('row', { name: /USDC/ });
    const [token, records, amount] = row.querySelectorAll('th, td');
    expect(token!.className).toMatch(/podium:text-start/);
    for (const cell of [records!, amount!, within(table).getByRole('columnheader', { name: defaultLabels.statsTabColAmount })]) {
      expect(cell.className).toMatch(/podium:text-end/);
      expect(cell.className).not.toMatch(/podium:text-start/);
    }
    expect(amount).toHaveTextContent('12,450.5 USDC');
  });
});

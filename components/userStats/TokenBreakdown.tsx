import type { TokenAmount } from '../../src/userStats/contract.js';
import { useId } from 'react';
import { cx } from '../shared/cx.js';
import { formatTokenAmount, shortenAddress } from '../shared/formatTokenAmount.js';
import { useScrollEdges } from '../shared/useScrollEdges.js';
import { formatLabel } from '../labels.js';
import type { StatsTabPartStyle } from './statsTabSlots.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import type { StatsTabLabels } from './statsTabLabels.js';

export interface TokenBreakdownProps extends StatsTabPartStyle {
  /** Per payment token, as the API returns them (largest count first). */
  tokens: readonly TokenAmount[];
  /** The table's caption, e.g. "Sales by payment token". */
  caption: string;
  labels: StatsTabLabels;
  format: PodiumFormatters;
}

/**
 * What was paid in each token, as a table: amounts in different tokens cannot be added without
 * prices, so each keeps its own row. A token the server does not know shows its raw integer
 * amount and its (shortened) address.
 */
export function TokenBreakdown({ tokens, caption, labels, format, styled, classNames }: TokenBreakdownProps) {
  const captionId = useId();
  const { ref, edges } = useScrollEdges<HTMLDivElement>();
  const scrolls = edges.start || edges.end;
  if (tokens.length === 0) return null;
  const box = 'podium:px-2 podium:py-1.5 podium:border-b podium:border-(--podium-border)';
  // Two alignments, never both on one cell: which of text-start and text-end won was up to the
  // order of the generated CSS (the numbers ended up left-aligned).
  const cell = cx(styled && `${box} podium:text-start`);
  const numeric = cx(styled && `${box} podium:text-end podium:tabular-nums`);
  // Amounts may break anywhere (an unknown token's raw integer is one 30-digit word); headers not.
  const amount = cx(numeric, styled && 'podium:wrap-anywhere');
  return (
    <div
      ref={ref}
      // Only when it really scrolls sideways (a narrow phone): then keyboard users must reach it.
      role={scrolls ? 'region' : undefined}
      aria-labelledby={scrolls ? captionId : undefined}
      tabIndex={scrolls ? 0 : undefined}
      className={cx('podium-stats-tab__tokens', styled && 'podium:overflow-x-auto', classNames.tokens)}
    >
      <table className={cx(styled && 'podium:w-full podium:border-collapse podium:text-sm')}>
        <caption
          id={captionId}
          className={cx(
            styled &&
              'podium:text-start podium:text-sm podium:font-medium podium:text-(--podium-muted) podium:pb-1',
          )}
        >
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={cell}>
              {labels.statsTabColToken}
            </th>
            <th scope="col" className={numeric}>
              {labels.statsTabColRecords}
            </th>
            <th scope="col" className={numeric}>
              {labels.statsTabColAmount}
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.address} data-token={token.address}>
              <th scope="row" className={cx(cell, styled && 'podium:font-normal')}>
                {token.symbol ?? (
                  <span title={token.address}>
                    {formatLabel(labels.statsTabUnknownToken, { address: shortenAddress(token.address) })}
                  </span>
                )}
              </th>
              <td className={numeric}>{format.number(token.count)}</td>
              <td className={amount}>{formatTokenAmount(token.amount, token, format.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

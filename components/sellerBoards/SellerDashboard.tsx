import type { ReactNode } from 'react';
import { useSellerDashboard } from '../../hooks/sellerBoards/useSellerDashboard.js';
import type { SellerDashboard as SellerDashboardBody } from '../../src/sellerBoards/contract.js';
import { cx } from '../shared/cx.js';
import { formatLabel, useLabels } from '../labels.js';
import { formatMoney } from './SellerDashboardMoney.js';
import { useFormatters } from '../shared/useFormatters.js';
import { WidgetCard } from '../shared/WidgetCard.js';
import { WidgetState } from '../shared/WidgetState.js';
import type { PodiumHeadingProps, PodiumWidgetProps } from '../shared/widgetProps.js';
import { sharedLabels } from '../shared/sharedLabels.js';
import { sellerDashboardLabels } from './sellerDashboardLabels.js';

/** The English strings SellerDashboard shows (a module-level constant: `useLabels` memoises on it). */
const sellerDashboardTables = [sharedLabels, sellerDashboardLabels] as const;

/** The parts of SellerDashboard a host can add classes to (`podium-seller-dashboard__<part>` stays). */
export type SellerDashboardSlot = 'root' | 'title' | 'cards' | 'card' | 'cardLabel' | 'cardValue' | 'cardHint' | 'error' | 'skeleton' | 'button';

export type SellerDashboardClassNames = Partial<Record<SellerDashboardSlot, string>>;

/** The dashboard's state, also exposed as `data-state` on the root. */
export type SellerDashboardState = 'idle' | 'loading' | 'error' | 'ready';

export interface SellerDashboardProps extends PodiumWidgetProps<SellerDashboardClassNames>, PodiumHeadingProps {
  /** Whose dashboard (a user id). */
  sellerId: string;
  /** The heading. @default labels.sellerDashboardTitle ("Seller dashboard") */
  title?: ReactNode;
}

const noClassNames: SellerDashboardClassNames = {};

/**
 * The contract's `GET /sellers/:id/dashboard` body, re-declared under the component's name so
 * that `podium` exports both the type (from the core) and the component without a clash.
 */
export type SellerDashboard = SellerDashboardBody;

/**
 * A seller's figures as cards: active listings, views and sales this month (all time below),
 * earnings this month and all time per currency, and this month's ranks on the seller boards —
 * the same counts the leaderboard ranks by.
 */
export function SellerDashboard({
  sellerId,
  title,
  headingLevel = 2,
  className,
  classNames = noClassNames,
  unstyled = false,
  labels: labelsProp,
}: SellerDashboardProps) {
  const labels = useLabels(sellerDashboardTables, labelsProp);
  const format = useFormatters();
  const styled = !unstyled;
  const query = useSellerDashboard(sellerId);
  const { dashboard } = query;
  const state: SellerDashboardState = !sellerId.trim()
    ? 'idle'
    : dashboard
      ? 'ready'
      : query.status === 'error'
        ? 'error'
        : 'loading';

  const card = (name: string, label: string, value: ReactNode, hint?: ReactNode) => (
    <div
      key={name}
      data-card={name}
      className={cx(
        'podium-seller-dashboard__card',
        styled &&
          'podium:flex podium:flex-col podium:gap-1 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border) podium:bg-(--podium-surface) podium:p-3',
        classNames.card,
      )}
    >
      <dt className={cx('podium-seller-dashboard__card-label', styled && 'podium:text-sm podium:text-(--podium-muted)', classNames.cardLabel)}>{label}</dt>
      <dd className={cx('podium-seller-dashboard__card-value', styled && 'podium:m-0 podium:text-xl podium:@sm:text-2xl podium:font-semibold podium:tabular-nums podium:break-words', classNames.cardValue)}>
        {value}
      </dd>
      {hint ? (
        <dd className={cx('podium-seller-dashboard__card-hint', styled && 'podium:m-0 podium:text-xs podium:text-(--podium-muted)', classNames.cardHint)}>{hint}</dd>
      ) : null}
    </div>
  );

  const money = (amounts: { currency: string; amount: string }[]) =>
    amounts.length === 0 ? (
      labels.sellerDashboardNoEarnings
    ) : (
      <span className={cx(styled && 'podium:flex podium:flex-col podium:gap-0.5')}>
        {amounts.map((item) => (
          <span key={item.currency} data-currency={item.currency}>
            {formatMoney(item.amount, item.currency, format.locale)}
          </span>
        ))}
      </span>
    );

  let content: ReactNode = null;
  if (state === 'idle') {
    content = <p className={cx(styled && 'podium:m-0 podium:text-sm podium:text-(--podium-muted)')}>{labels.sellerDashboardNoSeller}</p>;
  } else if (state === 'loading') {
    content = (
      <div className={cx('podium-seller-dashboard__skeleton', styled && 'podium:grid podium:grid-cols-2 podium:gap-3 podium:@xl:grid-cols-3', classNames.skeleton)}>
        <span className="podium-sr-only">{labels.sellerDashboardLoading}</span>
        {Array.from({ length: 6 }, (_, index) => (
          <div key={index} aria-hidden="true" className={cx(styled && 'podium:h-24 podium:rounded-(--podium-radius) podium:bg-(--podium-surface) podium:animate-pulse podium:motion-reduce:animate-none')} />
        ))}
      </div>
    );
  } else if (state === 'error' && query.error) {
    content = (
      <WidgetState
        kind="error"
        block="podium-seller-dashboard"
        title={labels.sellerDashboardErrorTitle}
        description={query.error.message}
        onRetry={query.error.isRetryable ? () => void query.refetch() : undefined}
        isRetrying={query.isFetching}
        labels={labels}
        classNames={classNames}
        unstyled={unstyled}
      />
    );
  } else if (dashboard) {
    const allTime = (value: number) => formatLabel(labels.sellerDashboardAllTime, { value: format.number(value) });
    const rank = (value: number | null, ranked: string, none: string) =>
      value === null ? none : formatLabel(ranked, { rank: format.number(value) });
    content = (
      <dl
        className={cx(
          'podium-seller-dashboard__cards',
          styled && 'podium:m-0 podium:grid podium:grid-cols-2 podium:gap-3 podium:@xl:grid-cols-3',
          classNames.cards,
        )}
      >
        {card('activeListings', labels.sellerDashboardActiveListings, format.number(dashboard.activeListings))}
        {card('views', labels.sellerDashboardViews, format.number(dashboard.views.month), allTime(dashboard.views.allTime))}
        {card('sales', labels.sellerDashboardSales, format.number(dashboard.sales.month), allTime(dashboard.sales.allTime))}
        {card('earningsMonth', labels.sellerDashboardEarningsMonth, money(dashboard.earnings.month))}
        {card('earningsAllTime', labels.sellerDashboardEarningsAllTime, money(dashboard.earnings.allTime))}
        {card(
          'rank',
          labels.sellerDashboardRank,
          dashboard.rank.sales.month === null ? labels.notAvailable : `#${format.number(dashboard.rank.sales.month)}`,
          <>
            {rank(dashboard.rank.sales.month, labels.sellerDashboardRankSales, labels.sellerDashboardRankSalesNone)}
            {' · '}
            {rank(dashboard.rank.views.month, labels.sellerDashboardRankViews, labels.sellerDashboardRankViewsNone)}
          </>,
        )}
      </dl>
    );
  }

  return (
    <WidgetCard
      block="podium-seller-dashboard"
      title={title ?? labels.sellerDashboardTitle}
      headingLevel={headingLevel}
      compact
      className={className}
      classNames={classNames}
      unstyled={unstyled}
      data-state={state}
    >
      <div aria-busy={state === 'loading'}>{content}</div>
    </WidgetCard>
  );
}

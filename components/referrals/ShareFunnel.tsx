import { useId } from 'react';
import type { Funnel } from '../../src/referrals/analyticsContract.js';
import { cx } from '../shared/cx.js';
import { ArrowDownIcon } from '../shared/icons/ArrowDownIcon.js';
import { formatLabel } from '../labels.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import type { ShareAnalyticsPartStyle } from './shareAnalyticsSlots.js';
import type { ShareAnalyticsLabels } from './shareAnalyticsLabels.js';

export interface ShareFunnelProps extends ShareAnalyticsPartStyle {
  funnel: Funnel;
  labels: ShareAnalyticsLabels;
  format: PodiumFormatters;
  /** Level of the part's heading. @default 3 */
  headingLevel?: 3 | 4 | 5 | 6;
}

/**
 * Shares → clicks → conversions as three labelled bars, each as long as its count against the
 * shares, with the rate between two steps on the line between them. The text carries every
 * figure, so the bars need no table of their own.
 */
export function ShareFunnel({
  funnel,
  labels,
  format,
  headingLevel = 3,
  styled,
  classNames,
}: ShareFunnelProps) {
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  const top = Math.max(1, funnel.shares, funnel.clicks, funnel.conversions);
  const steps = [
    { name: 'shares', label: labels.shareAnalyticsShares, count: funnel.shares, rate: null },
    {
      name: 'clicks',
      label: labels.shareAnalyticsClicks,
      count: funnel.clicks,
      rate: formatLabel(labels.shareAnalyticsClicksPerShare, {
        count: format.number(Math.round(funnel.clicksPerShare * 10) / 10),
      }),
    },
    {
      name: 'conversions',
      label: labels.shareAnalyticsConversions,
      count: funnel.conversions,
      rate: formatLabel(labels.shareAnalyticsConversionRate, { rate: format.percent(funnel.conversionRate) }),
    },
  ] as const;
  // Each step a shade deeper: the eye follows the narrowing without a legend.
  const fills = [
    'color-mix(in srgb, var(--podium-accent) 35%, transparent)',
    'color-mix(in srgb, var(--podium-accent) 65%, transparent)',
    'var(--podium-accent)',
  ];

  return (
    <section
      aria-labelledby={titleId}
      className={cx(
        'podium-share-analytics__funnel',
        styled && 'podium:flex podium:flex-col podium:gap-2',
        classNames.funnel,
      )}
    >
      <Heading
        id={titleId}
        className={cx(
          'podium-share-analytics__section-title',
          styled && 'podium:m-0 podium:text-sm podium:font-semibold',
          classNames.sectionTitle,
        )}
      >
        {labels.shareAnalyticsFunnelTitle}
      </Heading>
      <ol
        className={cx(
          styled && 'podium:m-0 podium:flex podium:list-none podium:flex-col podium:gap-1 podium:p-0',
        )}
      >
        {steps.map((step, index) => (
          <li
            key={step.name}
            data-step={step.name}
            className={cx(
              'podium-share-analytics__funnel-step',
              styled && 'podium:flex podium:flex-col podium:gap-1',
              classNames.funnelStep,
            )}
          >
            {step.rate ? (
              <span
                className={cx(
                  'podium-share-analytics__funnel-rate',
                  styled &&
                    'podium:flex podium:items-center podium:gap-1.5 podium:ps-1 podium:text-xs podium:text-(--podium-muted)',
                  classNames.funnelRate,
                )}
              >
                <ArrowDownIcon className={cx(styled && 'podium:size-3')} />
                {step.rate}
              </span>
            ) : null}
            <div
              className={cx(
                styled &&
                  'podium:flex podium:items-baseline podium:justify-between podium:gap-3 podium:text-sm',
              )}
            >
              <span>{step.label}</span>
              <span className={cx(styled && 'podium:font-semibold podium:tabular-nums')}>
                {format.number(step.count)}
              </span>
            </div>
            <div
              aria-hidden="true"
              className={cx(
                'podium-share-analytics__funnel-bar',
                styled &&
                  'podium:h-2 podium:overflow-hidden podium:rounded-full podium:bg-(--podium-surface)',
                classNames.funnelBar,
              )}
            >
              <div
                className={cx(styled && 'podium:h-full podium:rounded-full')}
                style={
                  styled ? { width: `${(step.count / top) * 100}%`, background: fills[index] } : undefined
                }
              />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

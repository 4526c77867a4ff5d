import { useId } from 'react';
import type { PlatformPerformance } from '../../src/referrals/analyticsContract.js';
import { cx } from '../shared/cx.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import type { ShareAnalyticsPartStyle } from './shareAnalyticsSlots.js';
import { sharePlatformName } from './sharePlatformName.js';
import type { ShareAnalyticsLabels } from './shareAnalyticsLabels.js';

export interface SharePlatformTableProps extends ShareAnalyticsPartStyle {
  /** As the server orders them: most conversions first. */
  platforms: readonly PlatformPerformance[];
  /** The best platform, marked in its row. */
  bestPlatform: string | null;
  labels: ShareAnalyticsLabels;
  format: PodiumFormatters;
  /** Level of the part's heading. @default 3 */
  headingLevel?: 3 | 4 | 5 | 6;
}

/**
 * The platforms side by side: a real table (shares, clicks, conversions, conversion rate), whose
 * platform cells carry a bar of the platform's clicks against the busiest one, conversions as the
 * bar's deeper part. Chart and table in one: every figure is a cell a screen reader can walk.
 */
export function SharePlatformTable({
  platforms,
  bestPlatform,
  labels,
  format,
  headingLevel = 3,
  styled,
  classNames,
}: SharePlatformTableProps) {
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  const most = Math.max(1, ...platforms.map((p) => p.clicks));
  const cell = cx(
    styled && 'podium:py-2 podium:ps-2 podium:@md:ps-3 podium:text-end podium:tabular-nums podium:align-top',
  );
  const head = cx(
    styled &&
      'podium:pb-1.5 podium:ps-2 podium:@md:ps-3 podium:text-end podium:text-xs podium:font-medium podium:whitespace-nowrap podium:text-(--podium-muted)',
  );
  // A phone-width heading on screen, the full words for screen readers.
  const short = (visible: string, full: string) => (
    <>
      <span aria-hidden="true">{visible}</span>
      <span className="podium-sr-only">{full}</span>
    </>
  );

  return (
    <section
      aria-labelledby={titleId}
      className={cx(
        'podium-share-analytics__platforms',
        styled && 'podium:flex podium:min-w-0 podium:flex-col podium:gap-2',
        classNames.platforms,
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
        {labels.shareAnalyticsPlatformsTitle}
      </Heading>
      {/* Scrolls sideways rather than squeezing the figures on the narrowest cards. */}
      <div className={cx(styled && 'podium:overflow-x-auto')}>
        <table className={cx(styled && 'podium:w-full podium:border-collapse podium:text-sm')}>
          <caption className="podium-sr-only">{labels.shareAnalyticsPlatformsCaption}</caption>
          <thead>
            <tr className={cx(styled && 'podium:border-b podium:border-(--podium-border)')}>
              <th
                scope="col"
                className={cx(
                  styled &&
                    'podium:pb-1 podium:text-start podium:text-xs podium:font-medium podium:text-(--podium-muted)',
                )}
              >
                {labels.shareAnalyticsColPlatform}
              </th>
              <th scope="col" className={head}>
                {labels.shareAnalyticsShares}
              </th>
              <th scope="col" className={head}>
                {labels.shareAnalyticsClicks}
              </th>
              <th scope="col" className={head}>
                {short(labels.shareAnalyticsColConversions, labels.shareAnalyticsConversions)}
              </th>
              <th scope="col" className={head}>
                {short(labels.shareAnalyticsColRate, labels.shareAnalyticsColRateFull)}
              </th>
            </tr>
          </thead>
          <tbody>
            {platforms.map((p) => (
              <tr
                key={p.platform}
                data-platform={p.platform}
                data-best={p.platform === bestPlatform ? '' : undefined}
                className={cx(
                  styled && 'podium:border-b podium:border-(--podium-border) podium:last:border-b-0',
                )}
              >
                <th
                  scope="row"
                  className={cx(styled && 'podium:w-full podium:py-2 podium:text-start podium:font-normal')}
                >
                  <span className={cx(styled && 'podium:flex podium:flex-col podium:gap-1')}>
                    <span className={cx(styled && 'podium:truncate')}>
                      {sharePlatformName(p.platform, labels)}
                    </span>
                    <span
                      aria-hidden="true"
                      className={cx(
                        styled &&
                          'podium:flex podium:h-1.5 podium:max-w-40 podium:overflow-hidden podium:rounded-full podium:bg-(--podium-surface)',
                      )}
                    >
                      <span
                        className={cx(
                          styled && 'podium:flex podium:h-full podium:justify-start podium:rounded-full',
                        )}
                        style={
                          styled
                            ? {
                                width: `${(p.clicks / most) * 100}%`,
                                background: 'color-mix(in srgb, var(--podium-accent) 40%, transparent)',
                              }
                            : undefined
                        }
                      >
                        <span
                          className={cx(styled && 'podium:h-full podium:rounded-full')}
                          style={
                            styled
                              ? {
                                  width: `${p.clicks > 0 ? (p.conversions / p.clicks) * 100 : 0}%`,
                                  background: 'var(--podium-accent)',
                                }
                              : undefined
                          }
                        />
                      </span>
                    </span>
                  </span>
                </th>
                <td className={cell}>{format.number(p.shares)}</td>
                <td className={cell}>{format.number(p.clicks)}</td>
                <td className={cell}>{format.number(p.conversions)}</td>
                <td className={cell}>
                  {p.clicks > 0 ? format.percent(p.conversionRate) : labels.notAvailable}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

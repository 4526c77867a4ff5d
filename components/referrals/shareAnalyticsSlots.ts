/**
 * The parts of ShareAnalytics a host can add classes to through `classNames`. Each also carries a
 * structural class, `podium-share-analytics__<part>` (kebab-case), that stays when `unstyled`.
 */
export type ShareAnalyticsSlot =
  | 'root'
  | 'header'
  | 'title'
  | 'section'
  | 'sectionTitle'
  | 'funnel'
  | 'funnelStep'
  | 'funnelBar'
  | 'funnelRate'
  | 'best'
  | 'platforms'
  | 'streak'
  | 'streakFigure'
  | 'chart'
  | 'notice'
  | 'empty'
  | 'error'
  | 'skeleton'
  | 'button';

export type ShareAnalyticsClassNames = Partial<Record<ShareAnalyticsSlot, string>>;

/** What every part of ShareAnalytics receives besides its data. */
export interface ShareAnalyticsPartStyle {
  styled: boolean;
  classNames: ShareAnalyticsClassNames;
}

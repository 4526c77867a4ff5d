import type { LabelsOf } from '../labels.js';
import type { sharedLabels } from '../shared/sharedLabels.js';

/**
 * The English strings of ShareAnalytics (issue 12).
 * Keys and placeholders as in `PodiumLabels`; every locale pack translates them.
 */
export const shareAnalyticsLabels = {
  shareAnalyticsTitle: 'Share analytics',
  shareAnalyticsLoading: 'Loading share analytics…',
  shareAnalyticsErrorTitle: 'Could not load share analytics',
  shareAnalyticsEmptyTitle: 'No shares yet',
  shareAnalyticsEmptyHint: 'Share your referral link to see which platforms bring you clicks and sign-ups.',
  shareAnalyticsEmptyAction: 'Share your link',
  /** `{time}` is a relative time ("5 minutes ago"). */
  shareAnalyticsStale: 'Could not refresh. Showing analytics from {time}.',
  shareAnalyticsFunnelTitle: 'From share to sign-up',
  shareAnalyticsShares: 'Shares',
  shareAnalyticsClicks: 'Clicks',
  shareAnalyticsConversions: 'Conversions',
  /** Between shares and clicks; `{rate}` is a percentage. */
  shareAnalyticsClicksPerShare: '{count} clicks per share',
  /** Between clicks and conversions; `{rate}` is a percentage. */
  shareAnalyticsConversionRate: '{rate} converted',
  shareAnalyticsBestPlatform: 'Best platform',
  shareAnalyticsBestByConversions:
    '{platform} brings you the most conversions: {conversions} from {clicks} clicks ({rate}).',
  shareAnalyticsBestByClicks: '{platform} brings you the most clicks: {clicks} so far.',
  shareAnalyticsPlatformsTitle: 'Platforms',
  shareAnalyticsPlatformsCaption: 'Shares, clicks and conversions per platform',
  shareAnalyticsColPlatform: 'Platform',
  /** Short: column headings on a phone (screen readers hear the full words). */
  shareAnalyticsColConversions: 'Conv.',
  shareAnalyticsColRate: 'Rate',
  shareAnalyticsColRateFull: 'Conversion rate',
  shareAnalyticsStreakTitle: 'Share streak',
  shareAnalyticsStreakCurrent: 'Current streak',
  shareAnalyticsStreakLongest: 'Longest streak',
  shareAnalyticsDaysOne: '{count} day',
  shareAnalyticsDaysOther: '{count} days',
  shareAnalyticsStreakStart: 'Share today to start a streak.',
  shareAnalyticsStreakKeep: 'Share today to keep your streak going.',
  shareAnalyticsDailyTitle: 'Shares in the last 30 days',
  shareAnalyticsDailyCaption: 'Shares and clicks per day',
  shareAnalyticsColDay: 'Day',
  /** Said as the keyboard moves over the daily chart. */
  shareAnalyticsDailyPoint: '{date}: {shares} shares, {clicks} clicks',
  /** Platform names: as the platforms write them. */
  shareAnalyticsPlatformX: 'X',
  shareAnalyticsPlatformFacebook: 'Facebook',
  shareAnalyticsPlatformLinkedin: 'LinkedIn',
  shareAnalyticsPlatformWhatsapp: 'WhatsApp',
  shareAnalyticsPlatformTelegram: 'Telegram',
  shareAnalyticsPlatformReddit: 'Reddit',
  shareAnalyticsPlatformEmail: 'Email',
  shareAnalyticsPlatformSms: 'SMS',
  shareAnalyticsPlatformCopy: 'Copied link',
  shareAnalyticsPlatformQr: 'QR code',
  /** The device's own share menu. */
  shareAnalyticsPlatformNative: 'Share sheet',
};

/** What ShareAnalytics and its parts read: the shared strings and these. */
export type ShareAnalyticsLabels = LabelsOf<[typeof sharedLabels, typeof shareAnalyticsLabels]>;

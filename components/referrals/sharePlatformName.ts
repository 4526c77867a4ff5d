import type { ShareChannel } from '../../src/referrals/contract.js';
import type { ShareAnalyticsLabels } from './shareAnalyticsLabels.js';

const keys = {
  x: 'shareAnalyticsPlatformX',
  facebook: 'shareAnalyticsPlatformFacebook',
  linkedin: 'shareAnalyticsPlatformLinkedin',
  whatsapp: 'shareAnalyticsPlatformWhatsapp',
  telegram: 'shareAnalyticsPlatformTelegram',
  reddit: 'shareAnalyticsPlatformReddit',
  email: 'shareAnalyticsPlatformEmail',
  sms: 'shareAnalyticsPlatformSms',
  copy: 'shareAnalyticsPlatformCopy',
  qr: 'shareAnalyticsPlatformQr',
  native: 'shareAnalyticsPlatformNative',
} as const satisfies Record<ShareChannel, keyof ShareAnalyticsLabels>;

/** A share channel's name in the labels ("WhatsApp", "Copied link"); an unknown one as sent. */
export function sharePlatformName(platform: string, labels: ShareAnalyticsLabels): string {
  return Object.hasOwn(keys, platform) ? labels[keys[platform as ShareChannel]] : platform;
}

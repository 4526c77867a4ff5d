import type { TemplatePlatform } from './platforms.js';

/**
 * The longest message each platform takes, in the unit {@link countCharacters} counts for it
 * (checked in 2025; platforms change them, so they live here, in one table):
 *
 * - X: 280 weighted characters (twitter-text v3 config; developer.x.com "Counting characters").
 * - Facebook: 63,206 characters per post (Facebook's long-standing cap; the share dialog itself
 *   takes no text, so this bounds what a member pastes).
 * - LinkedIn: 3,000 characters per post (the Posts API `commentary` and the composer).
 * - WhatsApp: 65,536 characters per message (the consumer apps; Meta publishes no figure, the
 *   Cloud API's own cap is 4,096).
 * - Telegram: 4,096 characters per message (core.telegram.org/bots/api#sendmessage).
 * - Discord: 2,000 characters per message (4,000 with Nitro; discord.com/developers, Create Message).
 * - Slack: 40,000 characters, past which Slack truncates (api.slack.com changelog, April 2018);
 *   Slack advises clients to stay under 4,000.
 * - Reddit: 300 characters, the post title, which is all a link submission pre-fills.
 * - Email: 2,000 characters, a practical bound: the body travels inside a `mailto:` link, and some
 *   mail clients (Outlook on Windows) drop links past about 2,000 characters.
 * - SMS: 160 GSM-7 characters in one message (70 when the text needs UCS-2; see
 *   {@link smsLimits}); a longer text is sent in parts.
 */
export const characterLimits: Readonly<Record<TemplatePlatform, number>> = {
  x: 280,
  facebook: 63_206,
  linkedin: 3_000,
  whatsapp: 65_536,
  telegram: 4_096,
  discord: 2_000,
  slack: 40_000,
  reddit: 300,
  email: 2_000,
  sms: 160,
};

/**
 * SMS capacity (3GPP TS 23.038 / 23.040): one message holds 140 bytes, that is 160 GSM-7 septets
 * or 70 UCS-2 code units. A longer text is split into parts that each lose 6 bytes to the
 * concatenation header: 153 septets or 67 code units a part.
 */
export const smsLimits = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

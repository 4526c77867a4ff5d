import { characterLimits, smsLimits } from './characterLimits.js';
import type { TemplatePlatform } from './platforms.js';
import { smsSegments, type SmsEncoding } from './smsSegments.js';
import { xWeightedLength } from './xWeightedLength.js';

/** A message's length against its platform's limit. */
export interface CharacterCount {
  /**
   * The length as the platform counts it: X's weighted length, SMS septets (GSM-7) or UTF-16
   * code units (UCS-2), and code points elsewhere.
   */
  count: number;
  /** The platform's limit ({@link characterLimits}); for SMS, what fits in one message. */
  limit: number;
  /** `limit - count`: negative when over. */
  remaining: number;
  /** More than the limit: refused (or truncated) by the platform; for SMS, sent as several parts. */
  over: boolean;
  /** SMS only: the messages the text is sent as (0 for no text). */
  segments?: number;
  /** SMS only: GSM-7, or UCS-2 when a character (an emoji, a curly quote) is outside GSM-7. */
  encoding?: SmsEncoding;
}

/**
 * Counts `text` the way `platform` does, for a live counter next to a message: X's weighting
 * (URLs 23, emoji and CJK 2, limit 280), SMS encodings and parts (160 / 70 in one message,
 * 153 / 67 a part), and code points against each other platform's limit.
 */
export function countCharacters(platform: TemplatePlatform, text: string): CharacterCount {
  if (platform === 'sms') {
    const sms = smsSegments(text);
    const limit = smsLimits[sms.encoding].single;
    return {
      count: sms.units,
      limit,
      remaining: limit - sms.units,
      over: sms.units > limit,
      segments: sms.segments,
      encoding: sms.encoding,
    };
  }
  const limit = characterLimits[platform];
  if (limit === undefined) throw new Error(`countCharacters: unknown platform ${JSON.stringify(platform)}`);
  const count = platform === 'x' ? xWeightedLength(text) : codePoints(text);
  return { count, limit, remaining: limit - count, over: count > limit };
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

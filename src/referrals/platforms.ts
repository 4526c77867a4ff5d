/**
 * The platforms of referral sharing, as data: the contract's schemas, the share kit's buttons and
 * the template library all read these lists, so a platform is added in one place.
 */

/**
 * Platforms with a share link that opens the platform with the referral link filled in
 * ({@link buildShareUrl}). Discord and Slack have none: their templates are copied and pasted.
 */
export const sharePlatforms = [
  'x',
  'facebook',
  'linkedin',
  'whatsapp',
  'telegram',
  'reddit',
  'email',
  'sms',
] as const;
export type SharePlatform = (typeof sharePlatforms)[number];

/**
 * Platforms that message templates are written for: the share platforms plus the copy-only ones.
 * Written out rather than spread from {@link sharePlatforms}: a top-level spread is a call a
 * bundler keeps, a literal it can drop.
 */
export const templatePlatforms = [
  'x',
  'facebook',
  'linkedin',
  'whatsapp',
  'telegram',
  'reddit',
  'email',
  'sms',
  'discord',
  'slack',
] as const;
export type TemplatePlatform = (typeof templatePlatforms)[number];

/** True when `value` names a platform with a share link. */
export function isSharePlatform(value: unknown): value is SharePlatform {
  return (sharePlatforms as readonly unknown[]).includes(value);
}

/** True when `value` names a platform that templates are written for. */
export function isTemplatePlatform(value: unknown): value is TemplatePlatform {
  return (templatePlatforms as readonly unknown[]).includes(value);
}

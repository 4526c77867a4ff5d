import { isSharePlatform, type SharePlatform } from './platforms.js';
import type { SmsStyle } from './smsStyleFor.js';

/** What to share. Every value is encoded here; pass plain text. */
export interface ShareUrlOptions {
  /** The referral link: an absolute `http:` or `https:` URL (anything else is refused). */
  url: string;
  /**
   * The message. It may already contain `url` (a filled template with `{link}`): the link is then
   * not added a second time. Facebook and LinkedIn ignore it (neither accepts pre-filled text).
   */
  text: string;
  /** Reddit's post title (default: `text` without the link) and the email's subject (default: none). */
  title?: string;
  /** X only: hashtags, with or without `#` (letters, digits and `_`). */
  hashtags?: readonly string[];
  /** X only: the account the post credits ("via @name"), with or without `@`. */
  via?: string;
  /**
   * SMS only, and required there: the link shape of the device that opens it. Choose it when the
   * user clicks, with {@link smsStyleFor}`(navigator.userAgent)`, never during render.
   */
  smsStyle?: SmsStyle;
}

/** The options of an SMS link, where the style is required. */
export interface SmsShareUrlOptions extends ShareUrlOptions {
  smsStyle: SmsStyle;
}

interface Share {
  /** The link, normalised by `URL` (spaces and other unsafe characters percent-encoded). */
  link: string;
  text: string;
  /** `text` already carries the link. */
  hasLink: boolean;
  /** `text` with the link taken out and the whitespace around it tidied; `text` itself without one. */
  textWithoutLink: string;
  options: ShareUrlOptions;
}

/**
 * `encodeURIComponent`, which writes a space as `%20` (never `+`: mail and SMS apps show a `+`
 * literally). A lone UTF-16 surrogate (a string cut in the middle of an emoji) would make it throw;
 * it becomes U+FFFD instead.
 */
const encode = (value: string) => encodeURIComponent(value.replace(/\p{Cs}/gu, '\uFFFD'));

/** `a=1&b=2` from the pairs whose value is not empty. */
const query = (pairs: ReadonlyArray<readonly [string, string | undefined]>) =>
  pairs
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined && pair[1] !== '')
    .map(([key, value]) => `${key}=${encode(value)}`)
    .join('&');

/** The message followed by the link, unless the message already has it. */
const messageWithLink = (share: Share, separator: string) =>
  share.hasLink ? share.text : share.text === '' ? share.link : `${share.text}${separator}${share.link}`;

/**
 * One builder per platform, with the format that works today (see RESEARCH.md "Share intents that
 * work"): the platforms changed these URLs before, and react-share's users paid for it.
 */
const builders: Record<SharePlatform, (share: Share) => string> = {
  // X appends `url` after the text itself; a link already in the text counts 23 like any other.
  x: (share) =>
    `https://x.com/intent/tweet?${query([
      ['text', share.text],
      ['url', share.hasLink ? undefined : share.link],
      ['hashtags', share.options.hashtags?.map(hashtag).join(',')],
      ['via', share.options.via === undefined ? undefined : handle(share.options.via)],
    ])}`,
  // `quote` stopped working; the preview comes from the page's Open Graph tags.
  facebook: (share) => `https://www.facebook.com/sharer/sharer.php?${query([['u', share.link]])}`,
  // `title` and `summary` are ignored; the preview comes from the page.
  linkedin: (share) => `https://www.linkedin.com/sharing/share-offsite/?${query([['url', share.link]])}`,
  // wa.me opens the app or WhatsApp Web; api.whatsapp.com tries the desktop app first.
  whatsapp: (share) => `https://wa.me/?${query([['text', messageWithLink(share, ' ')]])}`,
  // Telegram shows `url` above `text`, so the text goes without the link.
  telegram: (share) =>
    `https://t.me/share/url?${query([
      ['url', share.link],
      ['text', share.textWithoutLink],
    ])}`,
  // `/submit` (not `/web/submit`, which 404s); `type=LINK` is needed for the URL to be filled in.
  reddit: (share) =>
    `https://www.reddit.com/submit?${query([
      ['url', share.link],
      ['title', (share.options.title ?? share.textWithoutLink).trim()],
      ['type', 'LINK'],
    ])}`,
  // RFC 6068: line breaks in a mailto body are CRLF.
  email: (share) =>
    `mailto:?${query([
      ['subject', share.options.title],
      ['body', messageWithLink(share, '\n\n').replace(/\r?\n/g, '\r\n')],
    ])}`,
  sms: (share) => {
    const style = share.options.smsStyle;
    if (style !== 'android' && style !== 'ios') {
      throw new Error(
        "buildShareUrl('sms') needs smsStyle ('android' or 'ios'): call smsStyleFor(navigator.userAgent) when the user clicks",
      );
    }
    // RFC 5724 and Android read `sms:?body=`; Apple's Messages reads only `sms:&body=`.
    return `sms:${style === 'ios' ? '&' : '?'}${query([['body', messageWithLink(share, ' ')]])}`;
  },
};

/** A hashtag without its `#`; one with a space or comma would split X's comma list. */
function hashtag(value: string): string {
  const tag = value.replace(/^#/, '');
  if (!/^[\p{L}\p{M}\p{N}_]+$/u.test(tag)) {
    throw new Error(`buildShareUrl: hashtag ${JSON.stringify(value)} must be letters, digits or _`);
  }
  return tag;
}

/** An X handle without its `@`: 1 to 15 letters, digits or `_`, as X allows. */
function handle(value: string): string {
  const name = value.replace(/^@/, '');
  if (!/^[A-Za-z0-9_]{1,15}$/.test(name)) {
    throw new Error(
      `buildShareUrl: via ${JSON.stringify(value)} must be an X handle (1 to 15 letters, digits or _)`,
    );
  }
  return name;
}

/** The link, checked and normalised; a `javascript:` or relative link never reaches a share. */
function checkedLink(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new Error(`buildShareUrl: url must be an absolute http: or https: URL, got ${JSON.stringify(url)}`);
  }
  return parsed.href;
}

/**
 * Where a link sits in a text, as itself: followed by the end, a space or closing punctuation,
 * so a longer link that starts with it does not count.
 */
function linkPattern(links: readonly string[]): RegExp {
  const alternatives = [...new Set(links)]
    .sort((a, b) => b.length - a.length)
    .map((link) => link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?:${alternatives.join('|')})(?=$|[\\s.,!?;:)\\]'"»])`, 'g');
}

/** The text with the link removed: no blank runs or dangling spaces left behind. */
function removeLink(text: string, pattern: RegExp): string {
  return text
    .replace(pattern, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The share link that opens `platform` with the referral link (and, where the platform accepts
 * one, the message) filled in:
 *
 * | platform | link |
 * |---|---|
 * | `x` | `https://x.com/intent/tweet?text=&url=` (+ `hashtags=a,b`, `via=`) |
 * | `facebook` | `https://www.facebook.com/sharer/sharer.php?u=` (no text: `quote` no longer works) |
 * | `linkedin` | `https://www.linkedin.com/sharing/share-offsite/?url=` (title and summary are ignored) |
 * | `whatsapp` | `https://wa.me/?text=` (message and link together) |
 * | `telegram` | `https://t.me/share/url?url=&text=` |
 * | `reddit` | `https://www.reddit.com/submit?url=&title=&type=LINK` |
 * | `email` | `mailto:?subject=&body=` (`%20`, never `+`) |
 * | `sms` | `sms:?body=` (Android) or `sms:&body=` (iOS), by `smsStyle` |
 *
 * Values are encoded with `encodeURIComponent`; empty parameters are left out. When `text`
 * already contains `url`, the link is not repeated (X leaves out `url`; WhatsApp, email and SMS
 * send the text as it is; Telegram and Reddit, which show the link on their own, drop it from the
 * text). Throws an `Error` for a `url` that is not an absolute http(s) URL, an SMS link without
 * `smsStyle`, an invalid hashtag or handle, or an unknown platform.
 */
export function buildShareUrl(platform: 'sms', options: SmsShareUrlOptions): string;
export function buildShareUrl(platform: Exclude<SharePlatform, 'sms'>, options: ShareUrlOptions): string;
export function buildShareUrl(platform: SharePlatform, options: ShareUrlOptions): string;
export function buildShareUrl(platform: SharePlatform, options: ShareUrlOptions): string {
  if (!isSharePlatform(platform)) {
    throw new Error(`buildShareUrl: unknown platform ${JSON.stringify(platform)}`);
  }
  const link = checkedLink(options.url);
  const text = options.text;
  const pattern = linkPattern([link, options.url]);
  // `search` ignores the pattern's `g` flag and position, so the pattern is reused below.
  const hasLink = text.search(pattern) !== -1;
  return builders[platform]({
    link,
    text,
    hasLink,
    textWithoutLink: hasLink ? removeLink(text, pattern) : text,
    options,
  });
}

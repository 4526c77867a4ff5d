import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildShareUrl, type ShareUrlOptions } from '../../src/referrals/buildShareUrl.js';
import { sharePlatforms, type SharePlatform } from '../../src/referrals/platforms.js';

const url = 'https://podium.example.com/r/K7XM2Q9P?p=x&s=42';
const encodedUrl = 'https%3A%2F%2Fpodium.example.com%2Fr%2FK7XM2Q9P%3Fp%3Dx%26s%3D42';
const text = 'Join me & win';

describe('buildShareUrl: one format per platform', () => {
  it('x: intent/tweet with text, url, hashtags and via', () => {
    expect(buildShareUrl('x', { url, text, hashtags: ['#Podium', 'growth'], via: '@podiumkit' })).toBe(
      `https://x.com/intent/tweet?text=Join%20me%20%26%20win&url=${encodedUrl}&hashtags=Podium%2Cgrowth&via=podiumkit`,
    );
    expect(buildShareUrl('x', { url, text })).toBe(
      `https://x.com/intent/tweet?text=Join%20me%20%26%20win&url=${encodedUrl}`,
    );
  });

  it('facebook: sharer.php with u only (quote no longer works)', () => {
    expect(buildShareUrl('facebook', { url, text, title: 'ignored' })).toBe(
      `https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}`,
    );
  });

  it('linkedin: share-offsite with url only (title and summary are ignored)', () => {
    expect(buildShareUrl('linkedin', { url, text, title: 'ignored' })).toBe(
      `https://www.linkedin.com/sharing/share-offsite/?url=${encodedUrl}`,
    );
  });

  it('whatsapp: wa.me with the message and the link together', () => {
    expect(buildShareUrl('whatsapp', { url, text })).toBe(
      `https://wa.me/?text=Join%20me%20%26%20win%20${encodedUrl}`,
    );
  });

  it('telegram: share/url with url and text', () => {
    expect(buildShareUrl('telegram', { url, text })).toBe(
      `https://t.me/share/url?url=${encodedUrl}&text=Join%20me%20%26%20win`,
    );
  });

  it('reddit: submit with url, title and type=LINK', () => {
    expect(buildShareUrl('reddit', { url, text, title: 'Best community? #1' })).toBe(
      `https://www.reddit.com/submit?url=${encodedUrl}&title=Best%20community%3F%20%231&type=LINK`,
    );
    // Without a title, the text is the title.
    expect(buildShareUrl('reddit', { url, text })).toBe(
      `https://www.reddit.com/submit?url=${encodedUrl}&title=Join%20me%20%26%20win&type=LINK`,
    );
  });

  it('email: mailto with subject and body, %20 and CRLF, never +', () => {
    const link = buildShareUrl('email', { url, text: 'Hi,\nJoin me + win', title: 'A gift for you' });
    expect(link).toBe(
      `mailto:?subject=A%20gift%20for%20you&body=Hi%2C%0D%0AJoin%20me%20%2B%20win%0D%0A%0D%0A${encodedUrl}`,
    );
    expect(buildShareUrl('email', { url, text })).toBe(
      `mailto:?body=Join%20me%20%26%20win%0D%0A%0D%0A${encodedUrl}`,
    );
  });

  it('sms: sms:?body= for Android and sms:&body= for iOS', () => {
    expect(buildShareUrl('sms', { url, text, smsStyle: 'android' })).toBe(
      `sms:?body=Join%20me%20%26%20win%20${encodedUrl}`,
    );
    expect(buildShareUrl('sms', { url, text, smsStyle: 'ios' })).toBe(
      `sms:&body=Join%20me%20%26%20win%20${encodedUrl}`,
    );
  });

  it('sms: refuses to guess the style', () => {
    const platform: SharePlatform = 'sms';
    expect(() => buildShareUrl(platform, { url, text })).toThrow(/smsStyle.*smsStyleFor/);
  });
});

describe('buildShareUrl: the link', () => {
  it.each([
    'javascript:alert(1)',
    'data:text/html,hi',
    'ftp://example.com/x',
    '/r/K7XM2Q9P',
    'podium.dev',
    '',
  ])('refuses %j', (bad) => {
    expect(() => buildShareUrl('x', { url: bad, text })).toThrow(
      /url must be an absolute http: or https: URL/,
    );
  });

  it('accepts http and normalises unsafe characters in the link', () => {
    expect(buildShareUrl('facebook', { url: 'http://example.com/a b', text })).toBe(
      'https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Fexample.com%2Fa%2520b',
    );
  });

  it('is not repeated when the text already contains it', () => {
    const filled = `Join me: ${url}`;
    const encodedFilled = `Join%20me%3A%20${encodedUrl}`;
    expect(buildShareUrl('x', { url, text: filled })).toBe(
      `https://x.com/intent/tweet?text=${encodedFilled}`,
    );
    expect(buildShareUrl('whatsapp', { url, text: filled })).toBe(`https://wa.me/?text=${encodedFilled}`);
    expect(buildShareUrl('sms', { url, text: filled, smsStyle: 'ios' })).toBe(`sms:&body=${encodedFilled}`);
    expect(buildShareUrl('email', { url, text: filled })).toBe(`mailto:?body=${encodedFilled}`);
    // Telegram shows the link above the text: the text goes without it.
    expect(buildShareUrl('telegram', { url, text: `Join me!\n${url}` })).toBe(
      `https://t.me/share/url?url=${encodedUrl}&text=Join%20me!`,
    );
    expect(buildShareUrl('reddit', { url, text: `Join me ${url} today` })).toBe(
      `https://www.reddit.com/submit?url=${encodedUrl}&title=Join%20me%20today&type=LINK`,
    );
  });

  it('finds the link as given or as normalised, but not as the start of a longer link', () => {
    const bare = 'https://podium.dev';
    expect(buildShareUrl('x', { url: bare, text: `Go ${bare}` })).toBe(
      'https://x.com/intent/tweet?text=Go%20https%3A%2F%2Fpodium.dev',
    );
    expect(buildShareUrl('x', { url: bare, text: `Go ${bare}/other` })).toBe(
      'https://x.com/intent/tweet?text=Go%20https%3A%2F%2Fpodium.dev%2Fother&url=https%3A%2F%2Fpodium.dev%2F',
    );
  });

  it('shares the link alone when there is no text', () => {
    expect(buildShareUrl('whatsapp', { url, text: '' })).toBe(`https://wa.me/?text=${encodedUrl}`);
    expect(buildShareUrl('x', { url, text: '' })).toBe(`https://x.com/intent/tweet?url=${encodedUrl}`);
  });
});

describe('buildShareUrl: text edge cases', () => {
  it.each([
    [
      'unicode',
      'Grüße aus Köln — 日本語',
      'Gr%C3%BC%C3%9Fe%20aus%20K%C3%B6ln%20%E2%80%94%20%E6%97%A5%E6%9C%AC%E8%AA%9E',
    ],
    ['ampersand and equals', 'a&b=c', 'a%26b%3Dc'],
    ['hash', '#1 community', '%231%20community'],
    [
      'emoji sequences',
      '🎉👨‍👩‍👧🇫🇷',
      '%F0%9F%8E%89%F0%9F%91%A8%E2%80%8D%F0%9F%91%A9%E2%80%8D%F0%9F%91%A7%F0%9F%87%AB%F0%9F%87%B7',
    ],
    ['spaces and plus', ' a  b+c ', '%20a%20%20b%2Bc%20'],
    ['percent and question mark', '100%? yes', '100%25%3F%20yes'],
    ['a lone surrogate', 'cut \ud83c', 'cut%20%EF%BF%BD'],
  ])('%s', (_name, message, encoded) => {
    expect(buildShareUrl('telegram', { url, text: message })).toBe(
      `https://t.me/share/url?url=${encodedUrl}&text=${encoded}`,
    );
  });

  it('refuses hashtags and handles X would misread', () => {
    expect(() => buildShareUrl('x', { url, text, hashtags: ['two words'] })).toThrow(/hashtag "two words"/);
    expect(() => buildShareUrl('x', { url, text, hashtags: ['a,b'] })).toThrow(/hashtag/);
    expect(() => buildShareUrl('x', { url, text, via: 'not a handle' })).toThrow(/via "not a handle"/);
  });

  it('refuses an unknown platform', () => {
    expect(() => buildShareUrl('myspace' as SharePlatform, { url, text })).toThrow(
      /unknown platform "myspace"/,
    );
  });
});

/** The decoded value of `key` in a share link's query (`sms:&body=` has no `?`). */
function param(link: string, key: string): string | null {
  const query = link.startsWith('sms:&') ? link.slice('sms:&'.length) : new URL(link).search.slice(1);
  for (const pair of query.split('&')) {
    const [name, value = ''] = pair.split('=');
    if (name === key) return decodeURIComponent(value);
  }
  return null;
}

describe('buildShareUrl: properties', () => {
  const links = fc.webUrl({ withQueryParameters: true, withFragments: true });
  // Well-formed text without the link (a lone surrogate is replaced, by design).
  const texts = fc.string({ unit: 'grapheme', maxLength: 80 });

  it('always answers a URL that parses, whose every parameter is encoded', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sharePlatforms), links, texts, (platform, link, message) => {
        const options: ShareUrlOptions = { url: link, text: message, title: message, smsStyle: 'ios' };
        const share = buildShareUrl(platform, options);
        expect(() => new URL(share)).not.toThrow();
        expect(share).not.toMatch(/[\s+]/);
      }),
    );
  });

  it('round-trips the text and the link', () => {
    fc.assert(
      fc.property(links, texts, (link, message) => {
        fc.pre(!message.includes(link));
        const href = new URL(link).href;
        const tweet = buildShareUrl('x', { url: link, text: message });
        expect(param(tweet, 'text')).toBe(message === '' ? null : message);
        expect(param(tweet, 'url')).toBe(href);
        const telegram = buildShareUrl('telegram', { url: link, text: ` ${message}` });
        expect(param(telegram, 'url')).toBe(href);
        expect(param(telegram, 'text')).toBe(` ${message}`);
        const whatsapp = buildShareUrl('whatsapp', { url: link, text: message });
        expect(param(whatsapp, 'text')).toBe(message === '' ? href : `${message} ${href}`);
        for (const smsStyle of ['android', 'ios'] as const) {
          const sms = buildShareUrl('sms', { url: link, text: message, smsStyle });
          expect(param(sms, 'body')).toBe(message === '' ? href : `${message} ${href}`);
        }
        const mail = buildShareUrl('email', { url: link, text: message, title: message });
        expect(param(mail, 'subject')).toBe(message === '' ? null : message);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterLimits } from '../../src/referrals/characterLimits.js';
import { countCharacters } from '../../src/referrals/countCharacters.js';
import { templatePlatforms } from '../../src/referrals/platforms.js';
import { smsSegments } from '../../src/referrals/smsSegments.js';

const x = (text: string) => countCharacters('x', text).count;

describe('countCharacters: X weighting (twitter-text v3)', () => {
  it('counts light characters 1 and the limit is 280', () => {
    expect(countCharacters('x', 'a'.repeat(280))).toEqual({
      count: 280,
      limit: 280,
      remaining: 0,
      over: false,
    });
    expect(countCharacters('x', 'a'.repeat(281))).toEqual({
      count: 281,
      limit: 280,
      remaining: -1,
      over: true,
    });
    expect(x('Привет, שלום, مرحبا')).toBe(19);
  });

  it('counts every URL 23, whatever its length', () => {
    const link = 'https://podium.example.com/r/K7XM2Q9P?p=x&s=01J9Z3K8M4Q2W5E7R9T1Y3U5I7';
    expect(x(`Join ${link}`)).toBe(5 + 23);
    expect(x(`https://a.co/${'x'.repeat(500)}`)).toBe(23);
    expect(x('http://a.co')).toBe(23);
    expect(x(`${link} and ${link}`)).toBe(23 + 5 + 23);
    // A bare domain is a link too; an email address is not.
    expect(x('see podium.dev')).toBe(4 + 23);
    expect(x('bob@podium.com')).toBe(14);
    // Sentence punctuation after a link is not part of it; balanced parentheses are.
    expect(x('(see https://a.com/x).')).toBe(5 + 23 + 2);
    expect(x('https://en.wikipedia.org/wiki/Foo_(bar)!')).toBe(23 + 1);
  });

  it('counts CJK and other heavy characters 2', () => {
    expect(x('日本語')).toBe(6);
    expect(x('한국어')).toBe(6);
    // Outside the light ranges: the ellipsis, the euro sign, the bullet.
    expect(x('…€•')).toBe(6);
    // Inside them: dashes, curly quotes, the prime.
    expect(x('—’“′')).toBe(4);
  });

  it.each([
    ['a single emoji', '🎉'],
    ['a skin tone', '👍🏽'],
    ['a ZWJ family', '👨‍👩‍👧‍👦'],
    ['a ZWJ profession with a skin tone', '👩🏾‍💻'],
    ['a flag', '🇫🇷'],
    ['a subdivision flag', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
    ['a keycap', '1️⃣'],
    ['a keycap without VS16', '#⃣'],
    ['a heart with VS16', '❤️'],
    ['© with VS16', '©️'],
  ])('counts %s as 2', (_name, emoji) => {
    expect(x(emoji)).toBe(2);
  });

  it('counts emoji one by one when they are not joined', () => {
    expect(x('🎉🎉🎉')).toBe(6);
    expect(x('🇫🇷🇩🇪')).toBe(4);
  });

  it('counts text-presentation symbols by their code points', () => {
    // © without VS16 is text (light, 1); ☺ with VS15 is text: 2 for the symbol, 2 for VS15.
    expect(x('©')).toBe(1);
    expect(x('☺\uFE0E')).toBe(4);
  });

  it('normalises to NFC first', () => {
    expect(x('e\u0301')).toBe(1);
  });
});

describe('countCharacters: SMS', () => {
  it('is GSM-7 for plain text: 160 in one message, then parts of 153', () => {
    expect(countCharacters('sms', 'a'.repeat(160))).toEqual({
      count: 160,
      limit: 160,
      remaining: 0,
      over: false,
      segments: 1,
      encoding: 'GSM-7',
    });
    expect(countCharacters('sms', 'a'.repeat(161))).toMatchObject({ count: 161, over: true, segments: 2 });
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts the extension table 2 and never splits an escape from its character', () => {
    expect(smsSegments('€[]{}|^~\\\f')).toEqual({ encoding: 'GSM-7', units: 20, segments: 1 });
    expect(smsSegments('€'.repeat(80)).segments).toBe(1);
    // 152 + 2 does not fit a 153-septet part: the € opens part 2, and part 3 holds the last "a".
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({
      encoding: 'GSM-7',
      units: 306,
      segments: 3,
    });
  });

  it('keeps GSM-7 for the accented letters of the basic table', () => {
    expect(smsSegments('èéùìòÇØøÅåÆæßÉÄÖÑÜäöñüà¡¿§£¥¤ΔΦΓΛΩΠΨΣΘΞ@$_').encoding).toBe('GSM-7');
  });

  it('switches the whole text to UCS-2 for one character outside GSM-7: 70, then parts of 67', () => {
    expect(countCharacters('sms', 'Hello 😀')).toEqual({
      count: 8,
      limit: 70,
      remaining: 62,
      over: false,
      segments: 1,
      encoding: 'UCS-2',
    });
    for (const char of ['ç', '’', '\u00a0', '…', '日'])
      expect(smsSegments(`plain ${char}`).encoding).toBe('UCS-2');
    expect(smsSegments('日'.repeat(70)).segments).toBe(1);
    expect(smsSegments('日'.repeat(71)).segments).toBe(2);
    expect(smsSegments('日'.repeat(134)).segments).toBe(2);
    expect(smsSegments('日'.repeat(135)).segments).toBe(3);
    // A surrogate pair is not split: 66 + 2 > 67 moves the emoji to part 2.
    expect(smsSegments(`${'日'.repeat(66)}😀${'日'.repeat(66)}`)).toEqual({
      encoding: 'UCS-2',
      units: 134,
      segments: 3,
    });
  });

  it('answers no segments for no text', () => {
    expect(countCharacters('sms', '')).toMatchObject({ count: 0, segments: 0, over: false });
  });

  it('never answers fewer parts than the units need', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '€', 'é', '😀', '日', ' ') }), (text) => {
        const { encoding, units, segments } = smsSegments(text);
        const part = encoding === 'GSM-7' ? 153 : 67;
        const single = encoding === 'GSM-7' ? 160 : 70;
        if (units === 0) expect(segments).toBe(0);
        else if (units <= single) expect(segments).toBe(1);
        else {
          expect(segments).toBeGreaterThanOrEqual(Math.ceil(units / part));
          expect(segments).toBeLessThanOrEqual(Math.ceil(units / (part - 1)));
        }
      }),
    );
  });
});

describe('countCharacters: other platforms', () => {
  it('counts code points against each platform limit', () => {
    expect(countCharacters('discord', '😀'.repeat(2000))).toEqual({
      count: 2000,
      limit: 2000,
      remaining: 0,
      over: false,
    });
    expect(countCharacters('discord', 'a'.repeat(2001)).over).toBe(true);
    expect(countCharacters('reddit', 'a'.repeat(301))).toEqual({
      count: 301,
      limit: 300,
      remaining: -1,
      over: true,
    });
  });

  it('has a limit for every template platform', () => {
    expect(Object.keys(characterLimits).sort()).toEqual([...templatePlatforms].sort());
    expect(characterLimits).toMatchObject({
      x: 280,
      linkedin: 3000,
      telegram: 4096,
      discord: 2000,
      reddit: 300,
      sms: 160,
    });
  });
});

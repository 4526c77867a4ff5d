import { describe, expect, it } from 'vitest';
import { smsStyleFor } from '../../src/referrals/smsStyleFor.js';

describe('smsStyleFor', () => {
  it.each([
    [
      'iPhone',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'ios',
    ],
    [
      'iPad',
      'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
      'ios',
    ],
    // iPadOS asks for desktop sites and reports itself as a Mac; Messages on a Mac reads the same form.
    [
      'iPadOS desktop mode / macOS',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
      'ios',
    ],
    [
      'Android',
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
      'android',
    ],
    [
      'Windows',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      'android',
    ],
    ['empty', '', 'android'],
  ])('%s', (_name, userAgent, style) => {
    expect(smsStyleFor(userAgent)).toBe(style);
  });
});

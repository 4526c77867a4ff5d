import { describe, expect, it } from 'vitest';
import { createProgressBar, formatDuration, formatProgress } from '../src/progressBar.js';

describe('the progress bar', () => {
  it('formats a bar with percent, counts, rate and ETA', () => {
    expect(formatProgress({ done: 5_200, total: 10_000, unit: 'users', elapsedMs: 4_214 })).toBe(
      '[#####-----] 52% 5,200/10,000 users 1,234/s ETA 4s',
    );
    expect(formatProgress({ done: 0, total: 0, unit: 'users', elapsedMs: 0 })).toBe(
      '[##########] 100% 0/0 users 0/s',
    );
    expect(formatProgress({ done: 12_000, unit: 'listings', elapsedMs: 2_000 })).toBe(
      '12,000 listings 6,000/s',
    );
    expect([5_000, 125_000, 3_720_000].map(formatDuration)).toEqual(['5s', '2m05s', '1h02m']);
  });

  it('redraws in place on a terminal', () => {
    let clock = 0;
    const stream = { text: '', isTTY: true, write: (chunk: string) => void (stream.text += chunk) };
    const bar = createProgressBar({ stream, nowMs: () => clock });
    bar.update(1, 4, 'users');
    clock = 50;
    bar.update(2, 4, 'users'); // within 100 ms of the last draw: skipped
    clock = 200;
    bar.update(3, 4, 'users');
    bar.update(4, 4, 'users'); // complete: always drawn
    bar.finish();
    expect(stream.text.split('\r\x1b[2K').slice(1)).toEqual([
      '[###-------] 25% 1/4 users 0/s',
      '[########--] 75% 3/4 users 15/s ETA 0s',
      '[##########] 100% 4/4 users 20/s ETA 0s\n',
    ]);
  });

  it('prints plain lines at most every interval when not a terminal, and the last state at the end', () => {
    let clock = 0;
    const stream = { text: '', write: (chunk: string) => void (stream.text += chunk) };
    const bar = createProgressBar({ stream, nowMs: () => clock, plainIntervalMs: 1_000 });
    for (let done = 1_000; done <= 5_000; done += 1_000) {
      clock += 400;
      bar.update(done, undefined, 'bids');
    }
    bar.update(2, 2, 'users');
    bar.finish();
    expect(stream.text).toBe(
      [
        '1,000 bids 0/s',
        '4,000 bids 3,333/s',
        '5,000 bids 3,125/s',
        '[##########] 100% 2/2 users 0/s',
        '',
      ].join('\n'),
    );
  });
});

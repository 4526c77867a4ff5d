import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceScale } from '../../components/shared/niceScale.js';

describe('niceScale', () => {
  it.each([
    [100, [0, 25, 50, 75, 100]],
    [87, [0, 25, 50, 75, 100]],
    [7, [0, 2, 4, 6, 8]],
    [1, [0, 0.25, 0.5, 0.75, 1]],
    [0.3, [0, 0.1, 0.2, 0.3]],
    [12_345, [0, 5000, 10_000, 15_000]],
  ])('%s -> %j', (max, ticks) => {
    expect(niceScale(max).ticks).toEqual(ticks);
  });

  it('keeps counts whole', () => {
    expect(niceScale(3, { integer: true }).ticks).toEqual([0, 1, 2, 3]);
    expect(niceScale(1, { integer: true }).ticks).toEqual([0, 1]);
    expect(niceScale(9, { integer: true }).ticks).toEqual([0, 5, 10]);
  });

  it('has 0 and 1 for an empty series', () => {
    expect(niceScale(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
    expect(niceScale(Number.NaN).ticks).toEqual([0, 1]);
  });

  it('always covers the data with 2 to 7 round, evenly spaced ticks', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1e15, noNaN: true }), fc.boolean(), (max, integer) => {
        const { ticks, step, max: top } = niceScale(max, { integer });
        // Within float noise: 1.0000000000000003e-9 is 1e-9 as far as any axis is concerned.
        expect(top).toBeGreaterThanOrEqual(max * (1 - 1e-9));
        expect(ticks[0]).toBe(0);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(7);
        // One significant step digit of 1, 2, 25 or 5.
        expect(String(step.toExponential())).toMatch(/^(1|2|2\.5|5)e[-+]\d+$/);
        if (integer) expect(ticks.every(Number.isInteger)).toBe(true);
      }),
    );
  });
});

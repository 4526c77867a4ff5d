/** A value axis from zero: round tick values and the top of the scale (the last tick). */
export interface NiceScale {
  /** The top of the axis: the smallest tick at or above the data's maximum. */
  max: number;
  /** The distance between ticks: 1, 2, 2.5 or 5 times a power of ten. */
  step: number;
  /** Every tick from 0 to `max`, ascending. */
  ticks: number[];
}

/**
 * Round ticks for a chart of values from 0 to `max`, about `target` intervals (3 to 6 in
 * practice): 0, 250, 500, 750 rather than 0, 237, 474, 711. With `integer`, steps are whole
 * numbers (counts never get a 2.5 tick). An empty or all-zero series gets 0 and 1.
 */
export function niceScale(max: number, { target = 4, integer = false } = {}): NiceScale {
  if (!Number.isFinite(max) || max <= 0) return { max: 1, step: 1, ticks: [0, 1] };
  // Float steps (0.1 × 3 = 0.30000000000000004) are rounded back to the decimal they mean.
  const round = (value: number) => Number(value.toPrecision(12));
  const rough = max / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step =
    integer && rough <= 1
      ? 1
      : [1, 2, 2.5, 5, 10]
          .map((multiple) => round(multiple * power))
          .find((candidate) => candidate >= rough && (!integer || Number.isInteger(candidate)))!;
  const count = Math.ceil(round(max / step));
  const ticks = Array.from({ length: count + 1 }, (_, index) => round(index * step));
  return { max: ticks.at(-1)!, step: round(step), ticks };
}

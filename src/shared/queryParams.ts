import * as z from 'zod/mini';

/**
 * A whole-number query parameter (`limit`, `offset`, `batch`): query strings are text, so it is
 * coerced; it must lie in `[min, max]` (no upper bound without `max`) and is `fallback` when
 * absent. One definition, so every endpoint words the same mistake the same way.
 */
export function wholeNumberParam(min: number, max: number | undefined, fallback: number) {
  const checks = [
    z.int('must be a whole number'),
    z.minimum(min, min === 0 ? 'must not be negative' : `must be at least ${min}`),
    ...(max === undefined ? [] : [z.maximum(max, `must be at most ${max}`)]),
  ];
  return z._default(z.coerce.number({ error: 'must be a number' }).check(...checks), fallback);
}

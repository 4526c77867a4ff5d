/**
 * Ranking with ties, shared by every Podium leaderboard (sellers today; points and referrals
 * plug into the same shape). The server ranks in SQL with the same rules; the mocks and tests
 * use this reference implementation.
 */

/**
 * How equal values rank:
 * - `standard` ("1224"): equal values share a rank and the next rank skips: 1, 2, 2, 4.
 * - `dense` ("1223"): equal values share a rank and the next rank does not skip: 1, 2, 2, 3.
 * - `first-reached`: no shared ranks; of equal values, whoever reached the value first ranks
 *   higher (then the id, so the order is total).
 */
export const tieModes = ['standard', 'dense', 'first-reached'] as const;
export type TieMode = (typeof tieModes)[number];

/** One competitor before ranking. */
export interface RankInput {
  id: string;
  value: number;
  /** When the competitor reached `value` (ISO 8601); decides ties in `first-reached` mode. */
  reachedAt: string;
}

export interface Ranked<T extends RankInput> {
  rank: number;
  entry: T;
}

/**
 * Sorts by value (highest first) and assigns ranks by `ties`. Entries with equal value are
 * ordered by `reachedAt` then `id` in every mode, so a page boundary never splits the order
 * differently between two requests.
 */
export function rankEntries<T extends RankInput>(
  entries: readonly T[],
  ties: TieMode = 'standard',
): Ranked<T>[] {
  const sorted = [...entries].sort(
    (a, b) =>
      b.value - a.value ||
      Date.parse(a.reachedAt) - Date.parse(b.reachedAt) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const ranked: Ranked<T>[] = [];
  let dense = 0;
  sorted.forEach((entry, index) => {
    const previous = sorted[index - 1];
    const tied = previous !== undefined && previous.value === entry.value;
    if (!tied) dense += 1;
    const rank =
      ties === 'first-reached'
        ? index + 1
        : ties === 'dense'
          ? dense
          : tied
            ? ranked[index - 1]!.rank
            : index + 1;
    ranked.push({ rank, entry });
  });
  return ranked;
}

/**
 * The offset of a page of `limit` entries centred on position `index` (0-based) of a board of
 * `total`, clamped to the board: the "around me" window.
 */
export function aroundOffset(index: number, limit: number, total: number): number {
  const start = index - Math.floor((limit - 1) / 2);
  return Math.max(0, Math.min(start, Math.max(0, total - limit)));
}

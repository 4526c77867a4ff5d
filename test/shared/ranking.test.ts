import { describe, expect, it } from 'vitest';
import { aroundOffset, rankEntries, type RankInput } from '../../src/shared/ranking.js';

const entry = (id: string, value: number, reachedAt: string): RankInput => ({ id, value, reachedAt });
const board = [
  entry('d', 5, '2026-01-04T00:00:00Z'),
  entry('a', 9, '2026-01-01T00:00:00Z'),
  entry('c', 7, '2026-01-02T00:00:00Z'),
  entry('b', 7, '2026-01-01T12:00:00Z'),
  entry('e', 3, '2026-01-05T00:00:00Z'),
];
const ranks = (ties: Parameters<typeof rankEntries>[1]) =>
  rankEntries(board, ties).map(({ rank, entry: { id } }) => `${rank}${id}`);

describe('rankEntries', () => {
  it('ranks 1, 2, 2, 4 by default, the earlier-reached first among equals', () => {
    expect(ranks('standard')).toEqual(['1a', '2b', '2c', '4d', '5e']);
  });

  it('ranks 1, 2, 2, 3 densely', () => {
    expect(ranks('dense')).toEqual(['1a', '2b', '2c', '3d', '4e']);
  });

  it('lets whoever reached a value first win the tie', () => {
    expect(ranks('first-reached')).toEqual(['1a', '2b', '3c', '4d', '5e']);
  });

  it('breaks a tie in time by id so the order is total', () => {
    const same = '2026-01-01T00:00:00Z';
    expect(
      rankEntries([entry('y', 1, same), entry('x', 1, same)], 'first-reached').map((r) => r.entry.id),
    ).toEqual(['x', 'y']);
  });
});

describe('aroundOffset', () => {
  it('centres the window on the position and clamps it to the board', () => {
    expect(aroundOffset(50, 11, 100)).toBe(45);
    expect(aroundOffset(2, 11, 100)).toBe(0);
    expect(aroundOffset(98, 11, 100)).toBe(89);
    expect(aroundOffset(3, 20, 5)).toBe(0);
  });
});

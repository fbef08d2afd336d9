import { describe, expect, it } from 'vitest';
import { randomLcg } from 'd3';
import { medianPositions } from '../../src/state/medianPositions';

/** The median as the textbook has it: sort, take the middle (or the mean of the two middles). */
const sortedMedian = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

describe('medianPositions(papers, keyOf)', () => {
  it('gives each key the median x and y of its papers, and leaves out papers without a key', () => {
    const papers = [
      { x: 1, y: 5 },
      { x: 3, y: 1 },
      { x: 2, y: 9 },
      { x: 10, y: 0 },
      { x: 4, y: 2 },
      { x: 100, y: 100 },
    ];
    const keys = [0, 0, 0, 1, 1, null];
    expect(medianPositions(papers, (i) => keys[i])).toEqual(new Map([[0, { x: 2, y: 5 }], [1, { x: 7, y: 1 }]]));
  });

  it('agrees with sorting on a seeded larger set with repeated values', () => {
    const rand = randomLcg(7);
    const papers = Array.from({ length: 5001 }, () => ({ x: Math.round(rand() * 50), y: rand() - 0.5 }));
    const at = medianPositions(papers, (i) => i % 3);
    for (const key of [0, 1, 2]) {
      const mine = papers.filter((_, i) => i % 3 === key);
      expect(at.get(key)).toEqual({ x: sortedMedian(mine.map((p) => p.x)), y: sortedMedian(mine.map((p) => p.y)) });
    }
  });
});

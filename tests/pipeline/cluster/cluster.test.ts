import { describe, expect, it } from 'vitest';
import { kmeans } from 'ml-kmeans';
import { randomLcg } from 'd3';
import { groupVectors } from '../../../src/pipeline/cluster/hierarchy';
import { kmeansBest, kmeansPlusPlus, lloyd } from '../../../src/pipeline/cluster/kmeans';
import { normalizeRows, row, type Dense } from '../../../src/pipeline/vectorize/sparse';

const fromRows = (rows: number[][]): Dense => normalizeRows({ rows: rows.length, cols: rows[0].length, data: Float64Array.from(rows.flat()) });

// Three tight groups of unit vectors around the axes of a 3-d space, with seeded jitter.
function blobs(perGroup: number, seed = 1): { docs: Dense; truth: number[] } {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 0.3;
  const rows: number[][] = [];
  const truth: number[] = [];
  for (let g = 0; g < 3; g++)
    for (let i = 0; i < perGroup; i++) {
      rows.push([0, 1, 2].map((d) => (d === g ? 1 : 0) + rnd()));
      truth.push(g);
    }
  return { docs: fromRows(rows), truth };
}

const samePartition = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  const map = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if (!map.has(a[i])) map.set(a[i], b[i]);
    if (map.get(a[i]) !== b[i]) return false;
  }
  return new Set(map.values()).size === map.size;
};

describe('kmeansBest', () => {
  it('kmeansBest(docs, {k: 3}) recovers three separated groups and assigns every paper', () => {
    const { docs, truth } = blobs(20);
    const c = kmeansBest(docs, { k: 3, seed: 0 });
    expect(c.assignments).toHaveLength(60);
    expect(samePartition(c.assignments, truth)).toBe(true);
  });

  it('kmeansBest gives the same clustering for the same seed', () => {
    const { docs } = blobs(15, 3);
    expect(Array.from(kmeansBest(docs, { k: 4, seed: 5 }).assignments)).toEqual(Array.from(kmeansBest(docs, { k: 4, seed: 5 }).assignments));
  });

  it('kmeansBest rejects an impossible k with a message naming the bounds', () => {
    const { docs } = blobs(2);
    expect(() => kmeansBest(docs, { k: 0 })).toThrow('k must be an integer between 1 and the number of papers (6), got 0');
  });
});

describe('lloyd, the typed-array path', () => {
  it('lloyd(docs, init, k) reaches the same partition and objective as ml-kmeans from the same start', () => {
    const { docs } = blobs(40, 11);
    for (const k of [3, 5, 8]) {
      const init = kmeansPlusPlus(docs, k, randomLcg(0.3));
      const fast = lloyd(docs, init, k);
      const points = Array.from({ length: docs.rows }, (_, i) => Array.from(row(docs, i)));
      const ref = kmeans(points, k, { initialization: Array.from({ length: k }, (_, m) => Array.from(init.subarray(m * 3, m * 3 + 3))), maxIterations: 100 });
      expect(Array.from(fast.assignments)).toEqual(ref.clusters);
      let inertia = 0;
      points.forEach((p, i) => p.forEach((v, j) => (inertia += (v - ref.centroids[ref.clusters[i]][j]) ** 2)));
      expect(fast.inertia).toBeCloseTo(inertia, 10);
    }
  });

  it('kmeansBest takes the fast path above the size threshold and finds the same groups', () => {
    const { docs, truth } = blobs(30, 4);
    const c = kmeansBest(docs, { k: 3, seed: 1, fastAbove: 0 });
    expect(samePartition(c.assignments, truth)).toBe(true);
  });
});

describe('groupVectors', () => {
  const axis = (d: number, jitter: number) => Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7], (j) => (j === d ? 1 : 0) + jitter * ((j * 7 + d * 3) % 5) / 5);

  it('groupVectors(vectors) puts near-parallel vectors in one group and cuts at the largest gap', () => {
    // Seven directions, each with three near copies: the tree's largest gap leaves seven groups.
    const vectors = [0, 1, 2, 3, 4, 5, 6].flatMap((d) => [axis(d, 0), axis(d, 0.05), axis(d, 0.1)]);
    const g = groupVectors(vectors);
    expect(g.count).toBe(7);
    for (let d = 0; d < 7; d++) expect(new Set([g.groups[3 * d], g.groups[3 * d + 1], g.groups[3 * d + 2]]).size).toBe(1);
    expect(new Set(g.groups).size).toBe(7);
    expect(g.cut.groups).toBe(7);
  });

  it('never makes more groups than vectors nor more than maxGroups', () => {
    expect(groupVectors([axis(0, 0), axis(1, 0)]).count).toBe(2);
    expect(groupVectors([axis(0, 0)]).count).toBe(1);
    const many = Array.from({ length: 40 }, (_, i) => axis(i % 8, (i % 5) * 0.3));
    expect(groupVectors(many).count).toBeLessThanOrEqual(14);
  });

  it('groupVectors(vectors, options, weights) passes over a cut that leaves one group most of the papers', () => {
    // Six directions of three near copies; the first and second are near each other, so the
    // largest gap leaves five groups with those two merged. Weighted by papers, that group holds
    // 0.77 of them: with at most 0.5 allowed the six directions stay apart.
    const near = (d: number, j: number) => {
      const v = axis(d, j);
      if (d === 1) v[0] = 0.9;
      return v;
    };
    const vectors = [0, 1, 2, 3, 4, 5].flatMap((d) => [near(d, 0), near(d, 0.05), near(d, 0.1)]);
    const weights = vectors.map((_, i) => (i < 6 ? 20 : 3));
    const free = groupVectors(vectors, { minGroups: 4, maxGroups: 6, maxShare: 1 }, weights);
    expect(free.count).toBe(5);
    expect(free.groups[0]).toBe(free.groups[3]);
    const capped = groupVectors(vectors, { minGroups: 4, maxGroups: 6, maxShare: 0.5 }, weights);
    expect(capped.count).toBe(6);
    expect(capped.groups[0]).not.toBe(capped.groups[3]);
    expect(capped.cut.largestShare).toBeLessThanOrEqual(0.5);
    // No cut in range meets the cap: the one whose largest group is smallest.
    expect(groupVectors(vectors, { minGroups: 4, maxGroups: 6, maxShare: 0.01 }, weights).count).toBe(6);
  });

  it('splits the heaviest group first when every level cut leaves one group too large', () => {
    // Four heavy, alike directions (two copies each) and four light ones far from everything: each
    // level cut splits the light ones off first and leaves the heavy ones nearly all of the papers.
    const heavy = [0, 1, 2, 3].flatMap((d) =>
      [0, 0.05].map((j) => Float64Array.from({ length: 8 }, (_, i) => (i < 4 ? 1 : 0) + (i === d ? 0.6 : 0) + (i < 4 ? j * ((i + d) % 3) : 0))),
    );
    const light = [4, 5, 6, 7].map((d) => axis(d, 0));
    const weights = [...heavy.map(() => 10), ...light.map(() => 1)];
    const g = groupVectors([...heavy, ...light], { minGroups: 2, maxGroups: 6, maxShare: 0.3 }, weights);
    expect(g.cut.split).toBe('heaviest first');
    expect(g.cut.largestShare).toBeLessThanOrEqual(0.3);
    expect(g.count).toBeLessThanOrEqual(6);
    // The light directions do not take a group each; each heavy direction keeps its copies together.
    expect(new Set(light.map((_, i) => g.groups[heavy.length + i])).size).toBeLessThan(4);
    for (let d = 0; d < 4; d++) expect(g.groups[2 * d]).toBe(g.groups[2 * d + 1]);
    // With a cap every level cut meets, the level cut at the largest gap is kept.
    expect(groupVectors([...heavy, ...light], { minGroups: 2, maxGroups: 6, maxShare: 1 }, weights).cut.split).toBe('level');
  });
});

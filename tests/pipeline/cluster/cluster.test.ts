import { describe, expect, it } from 'vitest';
import { chooseK, silhouette } from '../../../src/pipeline/cluster/chooseK';
import { nudgeTowardThemes, tagClusters } from '../../../src/pipeline/cluster/guide';
import { kmeansBest } from '../../../src/pipeline/cluster/kmeans';
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

describe('silhouette and chooseK', () => {
  it('silhouette matches a hand computation on four points', () => {
    // Two pairs of unit vectors: within-pair distance 1-cos(10°), across 1-cos(80°) or more.
    const a = (deg: number) => [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
    const docs = fromRows([a(0), a(10), a(80), a(90)]);
    const d = (x: number, y: number) => 1 - Math.cos(((x - y) * Math.PI) / 180);
    const s0 = 1 - d(0, 10) / ((d(0, 80) + d(0, 90)) / 2);
    const s1 = 1 - d(10, 0) / ((d(10, 80) + d(10, 90)) / 2);
    const expected = (2 * s0 + 2 * s1) / 4; // symmetric layout
    expect(silhouette(docs, Int32Array.from([0, 0, 1, 1]), 2)).toBeCloseTo(expected, 12);
  });

  it('chooseK picks the true number of groups from the candidates', () => {
    const { docs } = blobs(20, 7);
    const { clustering, scores } = chooseK(docs, { seed: 0, candidates: [2, 3, 4, 5, 6] });
    expect(clustering.k).toBe(3);
    expect(scores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6]);
  });
});

describe('guidance by named themes', () => {
  const theme = (id: string) => ({ id, label: id, seeds: [id] });

  it('tagClusters tags a cluster only when its centroid is close enough to a theme vector', () => {
    const centroids = [Float64Array.from([0.9, 0.1, 0]), Float64Array.from([0, 0.6, 0.6])];
    const vectors = [{ theme: theme('x'), vector: Float64Array.from([1, 0, 0]), terms: ['x'] }, { theme: theme('none'), vector: null, terms: [] }];
    expect(tagClusters(centroids, vectors, 0.5).map((t) => t.theme)).toEqual(['x', null]);
    expect(tagClusters(centroids, vectors, 0.999).map((t) => t.theme)).toEqual([null, null]);
  });

  it('nudgeTowardThemes moves papers nearer a theme than the corpus mean 3:1 toward it, and leaves the rest', () => {
    const docs = fromRows([[1, 0.2, 0], [0, 1, 0], [0, 0.9, 0.3]]);
    const v = Float64Array.from([1, 0, 0]);
    const out = nudgeTowardThemes(docs, [v]);
    const first = row(out, 0);
    const expected = [(3 * row(docs, 0)[0] + 1) / 4, (3 * row(docs, 0)[1]) / 4, 0];
    const n = Math.hypot(...expected);
    expected.forEach((x, k) => expect(first[k]).toBeCloseTo(x / n, 12));
    expect(Array.from(row(out, 1))).toEqual(Array.from(row(docs, 1)));
  });
});

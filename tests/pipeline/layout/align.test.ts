import { describe, expect, it } from 'vitest';
import { randomLcg } from 'd3';
import { alignToPrevious, applyAlignment, procrustes } from '../../../src/pipeline/layout/align';

const random = randomLcg(0.42);
const cloud = Array.from({ length: 40 }, () => ({ x: random(), y: random() }));
// The same points turned 40°, mirrored, halved and moved: what a new UMAP run of the same papers looks like.
const turn = (p: { x: number; y: number }) => {
  const [c, s] = [Math.cos((40 * Math.PI) / 180), Math.sin((40 * Math.PI) / 180)];
  return { x: 0.5 * (c * p.x - s * p.y) + 3, y: -0.5 * (s * p.x + c * p.y) - 1 };
};

describe('procrustes(a, b)', () => {
  it('recovers a rotation, reflection, scale and shift exactly', () => {
    const moved = cloud.map(turn);
    const t = procrustes(moved, cloud)!;
    expect(t.reflected).toBe(true);
    expect(t.scale).toBeCloseTo(2, 10);
    moved.forEach((p, i) => {
      const q = applyAlignment(t, p);
      expect(q.x).toBeCloseTo(cloud[i].x, 10);
      expect(q.y).toBeCloseTo(cloud[i].y, 10);
    });
  });
  it('needs three pairs and some spread', () => {
    expect(procrustes(cloud.slice(0, 2), cloud.slice(0, 2))).toBeNull();
    expect(procrustes([0, 1, 2].map(() => ({ x: 1, y: 1 })), cloud.slice(0, 3))).toBeNull();
  });
});

describe('alignToPrevious(xy, ids, keyOf, previous)', () => {
  const ids = cloud.map((_, i) => `p${i}`);
  const previous = { ids: ids.slice(0, 30), x: cloud.slice(0, 30).map((p) => p.x), y: cloud.slice(0, 30).map((p) => p.y), keys: ids.slice(0, 30).map((_, i) => (i < 27 ? 'a' : 'b')) };

  it('puts the shared papers nearer their old places than the new map does, and every paper moves with them', () => {
    // A new map: turned, with noise, and ten papers the old atlas did not have.
    const noisy = cloud.map((p) => turn({ x: p.x + (random() - 0.5) * 0.02, y: p.y + (random() - 0.5) * 0.02 }));
    const { xy, alignment, moved } = alignToPrevious(noisy, ids, () => 'a', previous);
    expect(alignment!.shared).toBe(30);
    const dist = (ps: { x: number; y: number }[]) => ps.slice(0, 30).reduce((s, p, i) => s + Math.hypot(p.x - cloud[i].x, p.y - cloud[i].y), 0) / 30;
    expect(dist(xy)).toBeLessThan(0.02);
    expect(dist(noisy)).toBeGreaterThan(0.5);
    // A new paper lands among its neighbours in the old frame too.
    expect(Math.hypot(xy[35].x - cloud[35].x, xy[35].y - cloud[35].y)).toBeLessThan(0.03);
    expect(moved).toMatchObject({ shared: 30, keyChanged: 0.1 });
    expect(moved.medianMove).toBeLessThan(0.02);
  });
  it('keeps a shared paper that has not moved exactly where it was', () => {
    const { xy, moved } = alignToPrevious(cloud, ids, (i) => previous.keys[i] ?? 'a', previous);
    expect(xy.slice(0, 30)).toEqual(cloud.slice(0, 30));
    expect(moved).toEqual({ shared: 30, keyChanged: 0, medianMove: 0 });
  });
  it('leaves the map as it is with fewer than three shared papers', () => {
    const few = { ids: ['p0', 'p1'], x: [9, 8], y: [9, 8], keys: ['a', 'a'] };
    const { xy, alignment } = alignToPrevious(cloud, ids, () => 'a', few);
    expect(alignment).toBeNull();
    expect(xy).toEqual(cloud);
  });
});

describe('alignToPrevious with an earlier atlas of other papers', () => {
  it('does not bend the map to fit a few papers both happen to hold', () => {
    const ids = cloud.map((_, i) => `p${i}`);
    const few = { ids: ids.slice(0, 5), x: [3, 1, 4, 1, 5], y: [9, 2, 6, 5, 3], keys: ['a', 'a', 'a', 'a', 'a'] };
    const { xy, alignment, moved } = alignToPrevious(cloud, ids, () => 'a', few);
    expect(alignment).toBeNull();
    expect(xy).toEqual(cloud);
    expect(moved.shared).toBe(5);
  });
});

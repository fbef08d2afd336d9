/** Spatial index of the paper positions (kdbush): hover, click and lasso without scanning every point. */
import KDBush from 'kdbush';
import { polygonContains } from 'd3';

export type Polygon = [number, number][];

export interface PointIndex {
  xs: Float64Array;
  ys: Float64Array;
  /** The k-d tree, built on first use (the first hover or lasso), not on page load. */
  readonly tree: KDBush;
}

/** Positions as typed arrays and a k-d tree over them. */
export function buildPointIndex(points: { x: number; y: number }[]): PointIndex {
  // Plain loops: Float64Array.from with a mapping function is several times slower at a million points.
  const xs = new Float64Array(points.length);
  const ys = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) {
    xs[i] = points[i].x;
    ys[i] = points[i].y;
  }
  let tree: KDBush | null = null;
  return {
    xs,
    ys,
    get tree() {
      if (!tree) {
        tree = new KDBush(Math.max(1, xs.length));
        for (let i = 0; i < xs.length; i++) tree.add(xs[i], ys[i]);
        if (xs.length === 0) tree.add(0, 0);
        tree.finish();
      }
      return tree;
    },
  };
}

/** The point nearest to (x, y) within radius `r` (data units) that `accept` allows, or -1. */
export function nearest(ix: PointIndex, x: number, y: number, r: number, accept: (i: number) => boolean = () => true): number {
  let best = -1;
  let bestD = Infinity;
  for (const i of ix.tree.within(x, y, r)) {
    if (i >= ix.xs.length || !accept(i)) continue;
    const d = (ix.xs[i] - x) ** 2 + (ix.ys[i] - y) ** 2;
    if (d < bestD) [best, bestD] = [i, d];
  }
  return best;
}

/** Indices of the points inside a polygon (data units): bounding-box query, then exact test. */
export function inPolygon(ix: PointIndex, poly: Polygon): number[] {
  if (poly.length < 3) return [];
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  return ix.tree
    .range(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys))
    .filter((i) => i < ix.xs.length && polygonContains(poly, [ix.xs[i], ix.ys[i]]));
}

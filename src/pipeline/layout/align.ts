import { extent, median } from 'd3';
import { Matrix, SVD } from 'ml-matrix';

/** The map of an earlier atlas of the same data set: each paper's id, position and cluster key. */
export interface PreviousMap {
  ids: readonly string[];
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  keys: readonly string[];
}

/** A similarity transform of the plane: p ↦ scale · (p − from) · rotation + to. */
export interface Alignment {
  /** Papers both maps hold, which the transform was fitted on. */
  shared: number;
  scale: number;
  /** Row-major 2×2 orthogonal matrix (a rotation, or a rotation and a reflection). */
  rotation: [number, number, number, number];
  reflected: boolean;
  from: [number, number];
  to: [number, number];
}

/** Fewest shared papers to fit a transform on: below this the new map is kept as it is. */
export const MIN_SHARED = 3;

/**
 * Least share of the new map's papers the earlier atlas must hold for the new map to be brought onto
 * it: a few shared papers of another data set would only bend the map.
 */
export const MIN_SHARE = 0.2;

/** Positions are written to four decimals: nearer than this, a paper has not moved. */
const SAME = 1e-4;

/**
 * The rotation (or reflection), scale and shift that bring points `a` nearest to their partners `b`
 * in least squares: orthogonal Procrustes with scaling (Schönemann 1966), as Latent Scope registers a
 * new map to an earlier one. Centred, H = AᵀB = UΣVᵀ gives R = UVᵀ and s = tr Σ / ‖A‖². Null with
 * fewer than MIN_SHARED pairs or when either set has no spread.
 */
export function procrustes(a: readonly { x: number; y: number }[], b: readonly { x: number; y: number }[]): Alignment | null {
  const n = a.length;
  if (n < MIN_SHARED || b.length !== n) return null;
  const mean = (ps: readonly { x: number; y: number }[]): [number, number] => [ps.reduce((s, p) => s + p.x, 0) / n, ps.reduce((s, p) => s + p.y, 0) / n];
  const [ax, ay] = mean(a);
  const [bx, by] = mean(b);
  let h00 = 0, h01 = 0, h10 = 0, h11 = 0, norm = 0, normB = 0;
  for (let i = 0; i < n; i++) {
    const [px, py, qx, qy] = [a[i].x - ax, a[i].y - ay, b[i].x - bx, b[i].y - by];
    h00 += px * qx;
    h01 += px * qy;
    h10 += py * qx;
    h11 += py * qy;
    norm += px * px + py * py;
    normB += qx * qx + qy * qy;
  }
  if (norm === 0 || normB === 0) return null;
  const svd = new SVD(new Matrix([[h00, h01], [h10, h11]]));
  const r = svd.leftSingularVectors.mmul(svd.rightSingularVectors.transpose());
  const rotation: Alignment['rotation'] = [r.get(0, 0), r.get(0, 1), r.get(1, 0), r.get(1, 1)];
  const scale = svd.diagonal.reduce((s, v) => s + v, 0) / norm;
  return { shared: n, scale, rotation, reflected: rotation[0] * rotation[3] - rotation[1] * rotation[2] < 0, from: [ax, ay], to: [bx, by] };
}

/** A point moved by an alignment. */
export function applyAlignment(t: Alignment, p: { x: number; y: number }): { x: number; y: number } {
  const [dx, dy] = [p.x - t.from[0], p.y - t.from[1]];
  const [r00, r01, r10, r11] = t.rotation;
  return { x: t.scale * (dx * r00 + dy * r10) + t.to[0], y: t.scale * (dx * r01 + dy * r11) + t.to[1] };
}

/** What a rebuild moved, against the earlier atlas. */
export interface Moved {
  /** Papers both atlases hold. */
  shared: number;
  /** Share of them whose cluster key changed (their theme's renames and links no longer follow them). */
  keyChanged: number;
  /** Median distance a shared paper moved, as a share of the earlier map's width (its longer side). */
  medianMove: number;
}

/**
 * Brings a new map onto an earlier one of the same data set: fitted on the papers both hold (when they
 * are at least MIN_SHARE of the new map's), applied to every paper, so a reader finds the shared
 * papers where they were. Returns the new positions
 * (unchanged without enough shared papers), the transform, and what moved.
 */
export function alignToPrevious(
  xy: readonly { x: number; y: number }[],
  ids: readonly string[],
  keyOf: (i: number) => string,
  previous: PreviousMap,
): { xy: { x: number; y: number }[]; alignment: Alignment | null; moved: Moved } {
  const at = new Map(previous.ids.map((id, j) => [id, j]));
  const pairs: [number, number][] = [];
  ids.forEach((id, i) => {
    const j = at.get(id);
    if (j !== undefined) pairs.push([i, j]);
  });
  const old = (j: number) => ({ x: previous.x[j], y: previous.y[j] });
  const alignment = pairs.length >= MIN_SHARE * ids.length ? procrustes(pairs.map(([i]) => xy[i]), pairs.map(([, j]) => old(j))) : null;
  const out = alignment ? xy.map((p) => applyAlignment(alignment, p)) : xy.map((p) => ({ ...p }));
  // A shared paper that lands where it was, within the output's rounding, keeps its earlier position
  // exactly: a rebuild of unchanged data over its own atlas then writes the same map again.
  for (const [i, j] of pairs) if (Math.abs(out[i].x - previous.x[j]) <= SAME && Math.abs(out[i].y - previous.y[j]) <= SAME) out[i] = old(j);
  const [x0, x1] = extent(Array.from(previous.x)) as [number, number];
  const [y0, y1] = extent(Array.from(previous.y)) as [number, number];
  const width = Math.max(x1 - x0, y1 - y0) || 1;
  const moves = pairs.map(([i, j]) => Math.hypot(out[i].x - previous.x[j], out[i].y - previous.y[j]) / width);
  const changed = pairs.filter(([i, j]) => keyOf(i) !== previous.keys[j]).length;
  return { xy: out, alignment, moved: { shared: pairs.length, keyChanged: pairs.length ? changed / pairs.length : 0, medianMove: median(moves) ?? 0 } };
}

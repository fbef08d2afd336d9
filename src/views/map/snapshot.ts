/**
 * While the user pans or zooms, the map shows its last full drawing moved and scaled (a bitmap copy
 * costs a few milliseconds; drawing 50,000 discs costs tens), and draws in full once the gesture
 * rests. The full drawing covers a margin around the view, so a pan or a zoom out has pixels to show.
 */
import type { Viewport } from '../../state/mapZoom.svelte';

/** A full drawing: the viewport it was drawn for and the margin (CSS px) it holds on each side. */
export interface Snapshot {
  view: Viewport;
  margin: number;
  /** Size of the view it was drawn for (CSS px); the drawing is `width + 2·margin` wide. */
  width: number;
  height: number;
}

/** The scale `a` and offset (tx, ty) in CSS px that carry the snapshot's pixels to where `to` puts them. */
export function snapshotTransform(snap: Snapshot, to: Viewport): { a: number; tx: number; ty: number } {
  const a = to.s / snap.view.s;
  return { a, tx: to.ox - (snap.view.ox + snap.margin) * a, ty: to.oy - (snap.view.oy + snap.margin) * a };
}

/** Bounding box of the points in data coordinates. */
export interface Extent {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export function extentOf(xs: ArrayLike<number>, ys: ArrayLike<number>): Extent {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] < x0) x0 = xs[i];
    if (xs[i] > x1) x1 = xs[i];
    if (ys[i] < y0) y0 = ys[i];
    if (ys[i] > y1) y1 = ys[i];
  }
  return { x0, x1, y0, y1 };
}

/** Scale changes beyond this factor draw in full: a bitmap stretched further would blur the points. */
export const MAX_STRETCH = 2;

/**
 * Whether the snapshot, moved to `to`, can stand in for a full drawing: the scale changed by at most
 * MAX_STRETCH either way and it holds every screen pixel where a point of `extent` (radius `pad`) could be.
 */
export function snapshotServes(snap: Snapshot, to: Viewport, width: number, height: number, extent: Extent, pad: number): boolean {
  if (width !== snap.width || height !== snap.height) return false;
  const { a, tx, ty } = snapshotTransform(snap, to);
  if (!(a <= MAX_STRETCH && a >= 1 / MAX_STRETCH)) return false;
  if (!Number.isFinite(extent.x0)) return true;
  // Where points can be on screen: the data's box under `to`, clipped to the view.
  const left = Math.max(0, to.ox + extent.x0 * to.s - pad);
  const right = Math.min(width, to.ox + extent.x1 * to.s + pad);
  const top = Math.max(0, to.oy - extent.y1 * to.s - pad);
  const bottom = Math.min(height, to.oy - extent.y0 * to.s + pad);
  if (left >= right || top >= bottom) return true;
  const sw = (snap.width + 2 * snap.margin) * a;
  const sh = (snap.height + 2 * snap.margin) * a;
  return tx <= left && tx + sw >= right && ty <= top && ty + sh >= bottom;
}

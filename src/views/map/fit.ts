/** Fits data coordinates into a box keeping the aspect ratio (y up, as in the projection's plots). */

import type { Viewport } from '../../state/mapZoom.svelte';

/** The viewport showing every point inside `width` x `height` with `pad` px to spare. */
export function fitPoints(xs: ArrayLike<number>, ys: ArrayLike<number>, width: number, height: number, pad = 28): Viewport {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < xs.length; i++) {
    x0 = Math.min(x0, xs[i]);
    x1 = Math.max(x1, xs[i]);
    y0 = Math.min(y0, ys[i]);
    y1 = Math.max(y1, ys[i]);
  }
  if (!Number.isFinite(x0)) [x0, x1, y0, y1] = [0, 1, 0, 1];
  // A degenerate extent (every paper at one spot) still gets a finite scale.
  const dx = Math.max(x1 - x0, 1e-9);
  const dy = Math.max(y1 - y0, 1e-9);
  const s = Math.min((width - 2 * pad) / dx, (height - 2 * pad) / dy, x1 - x0 < 1e-6 && y1 - y0 < 1e-6 ? 1 : Infinity);
  return { s, ox: width / 2 - ((x0 + x1) / 2) * s, oy: height / 2 + ((y0 + y1) / 2) * s };
}

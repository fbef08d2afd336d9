/** Draws the map's points on a canvas: muted points first, then the selection, one path per colour. */
import { MUTED, slotColor } from '../../charts/palette';
import type { Fit } from './fit';
import type { PointGroups } from './pointGroups';

export interface DrawOptions {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  groups: PointGroups;
  fit: Fit;
  t: { k: number; x: number; y: number };
  width: number;
  height: number;
  radius: number;
  /** Selected papers (null: all are). */
  mask: Uint8Array | null;
}

export function drawPoints(ctx: CanvasRenderingContext2D, o: DrawOptions): void {
  ctx.clearRect(0, 0, o.width, o.height);
  const { order, starts, slots } = o.groups;
  const s = o.fit.s * o.t.k;
  const ox = o.fit.ox * o.t.k + o.t.x;
  const oy = o.fit.oy * o.t.k + o.t.y;
  const r = o.radius;
  const pass = (selected: boolean, color: (slot: number) => string, alpha: number) => {
    ctx.globalAlpha = alpha;
    for (let g = 0; g < slots.length; g++) {
      ctx.beginPath();
      for (let j = starts[g]; j < starts[g + 1]; j++) {
        const i = order[j];
        if (o.mask && (o.mask[i] === 1) !== selected) continue;
        const X = ox + o.xs[i] * s;
        const Y = oy - o.ys[i] * s;
        if (X < -r || Y < -r || X > o.width + r || Y > o.height + r) continue;
        ctx.moveTo(X + r, Y);
        ctx.arc(X, Y, r, 0, 2 * Math.PI);
      }
      ctx.fillStyle = color(slots[g]);
      ctx.fill();
    }
  };
  if (o.mask) pass(false, () => MUTED, 0.7);
  pass(true, slotColor, 0.82);
  ctx.globalAlpha = 1;
}

/** Point radius in px: smaller as papers grow in number, larger as the user zooms in. */
export const pointRadius = (n: number, k: number) => Math.min(4.2, Math.max(1.4, 85 / Math.sqrt(Math.max(n, 1)))) * Math.min(3, Math.sqrt(k));

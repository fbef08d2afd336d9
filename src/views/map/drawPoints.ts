/**
 * Draws the map's points into the canvas pixels directly: each point is an anti-aliased disc blended
 * onto white. Without a GPU, filling 20,000 canvas arcs costs tens of milliseconds of rasterisation a
 * frame; writing the few pixels of each disc ourselves takes a few.
 */
import { color } from 'd3';
import { MUTED, slotColor } from '../../charts/palette';
import type { Viewport } from '../../state/mapZoom.svelte';
import type { PointGroups } from './pointGroups';

export interface DrawOptions {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  groups: PointGroups;
  /** Where data coordinates land on screen (CSS pixels). */
  view: Viewport;
  /** Size in CSS pixels. */
  width: number;
  height: number;
  /** Point radius in CSS pixels. */
  radius: number;
  /** Selected papers (null: all are). */
  mask: Uint8Array | null;
}

const images = new WeakMap<CanvasRenderingContext2D, ImageData>();

/** What `renderPoints` needs, in device pixels and plain arrays (so a worker can draw it too). */
export interface PixelJob {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** Point indices ordered by colour group; group g is `order[starts[g]] .. order[starts[g + 1] - 1]`. */
  order: ArrayLike<number>;
  starts: ArrayLike<number>;
  /** Each group's colour as 0xBBGGRR. */
  colors: ArrayLike<number>;
  /** Colour of the papers outside the selection, 0xBBGGRR. */
  muted: number;
  /** Screen = (ox + x·s, oy − y·s) in device pixels. */
  s: number;
  ox: number;
  oy: number;
  /** Point radius in device pixels. */
  radius: number;
  /** Opacity of a selected (or, without a selection, every) point's disc; muted discs are a little lighter. */
  alpha: number;
  mask: Uint8Array | null;
}

/** The job for `o` drawn at `dpr` device pixels per CSS pixel. */
export function pixelJob(o: DrawOptions, dpr: number): PixelJob {
  const { order, starts, slots } = o.groups;
  return {
    xs: o.xs,
    ys: o.ys,
    order,
    starts,
    colors: slots.map((slot) => packed(slotColor(slot))),
    muted: packed(MUTED),
    s: o.view.s * dpr,
    ox: o.view.ox * dpr,
    oy: o.view.oy * dpr,
    radius: o.radius * dpr,
    alpha: pointAlpha(o.xs.length),
    mask: o.mask,
  };
}

const mutedLayers = new WeakMap<CanvasRenderingContext2D, { key: string; xs: ArrayLike<number>; px: Uint32Array }>();

/** What a muted layer depends on: the pixels, the view, the point size and colour. */
const mutedKey = (job: PixelJob, W: number, H: number) => [W, H, job.s, job.ox, job.oy, job.radius, job.alpha, job.muted].join();

/** Whether `drawPoints` on `ctx` holds the muted layer for `job`. */
export function hasMutedLayer(ctx: CanvasRenderingContext2D, job: PixelJob, W: number, H: number): boolean {
  const layer = mutedLayers.get(ctx);
  return layer?.key === mutedKey(job, W, H) && layer.xs === job.xs;
}

/** Hands `drawPoints` on `ctx` the muted layer for `job`, drawn elsewhere (by the worker, ahead of a selection). */
export function keepMutedLayer(ctx: CanvasRenderingContext2D, job: PixelJob, W: number, H: number, px: Uint32Array): void {
  mutedLayers.set(ctx, { key: mutedKey(job, W, H), xs: job.xs, px });
}

const fullLayers = new WeakMap<CanvasRenderingContext2D, { key: string; xs: ArrayLike<number>; order: ArrayLike<number>; px: Uint32Array }>();

/** What the picture without a selection depends on: the muted layer's inputs and the group colours. */
const fullKey = (job: PixelJob, W: number, H: number) => `${mutedKey(job, W, H)};${Array.prototype.join.call(job.colors)}`;

/** Hands `drawPoints` on `ctx` the picture of `job` without a selection, drawn elsewhere (by the worker). */
export function keepFullLayer(ctx: CanvasRenderingContext2D, job: PixelJob, W: number, H: number, px: Uint32Array): void {
  fullLayers.set(ctx, { key: fullKey(job, W, H), xs: job.xs, order: job.order, px });
}

/**
 * Draws every point at device-pixel resolution (`dpr` device pixels per CSS pixel). With a selection,
 * the muted layer of a view is kept, so selecting other papers in the same view redraws only them;
 * without one, the view's last picture without a selection is kept, so clearing a selection copies
 * it back instead of drawing every point again (docs/benchmarks.md, "Map: frame times").
 */
export function drawPoints(ctx: CanvasRenderingContext2D, o: DrawOptions, dpr: number): void {
  const W = Math.round(o.width * dpr);
  const H = Math.round(o.height * dpr);
  let img = images.get(ctx);
  if (!img || img.width !== W || img.height !== H) {
    img = ctx.createImageData(W, H);
    images.set(ctx, img);
  }
  const px = new Uint32Array(img.data.buffer);
  const job = pixelJob(o, dpr);
  if (job.mask) {
    if (!hasMutedLayer(ctx, job, W, H)) {
      renderMutedLayer(px, W, H, job);
      keepMutedLayer(ctx, job, W, H, px.slice());
    }
    renderPoints(px, W, H, job, mutedLayers.get(ctx)!.px);
  } else {
    const full = fullLayers.get(ctx);
    if (full && full.key === fullKey(job, W, H) && full.xs === job.xs && full.order === job.order) px.set(full.px);
    else {
      renderPoints(px, W, H, job);
      keepFullLayer(ctx, job, W, H, px.slice());
    }
  }
  ctx.putImageData(img, 0, 0);
}

/**
 * Fills `px` (W x H words read as 0xAABBGGRR; every browser platform is little-endian) with the points
 * on white: with a selection, every point muted and the selected ones over them in their colours.
 * `mutedLayer`, when given, is that muted picture for this view, drawn before by `renderMutedLayer`.
 */
export function renderPoints(px: Uint32Array, W: number, H: number, job: PixelJob, mutedLayer?: Uint32Array): void {
  if (job.mask && mutedLayer) px.set(mutedLayer);
  else if (job.mask) renderMutedLayer(px, W, H, job);
  else px.fill(0xffffffff);
  discs(px, W, H, job, job.mask, (g) => job.colors[g], job.alpha);
}

/** Every point in the muted colour on white. */
export function renderMutedLayer(px: Uint32Array, W: number, H: number, job: PixelJob): void {
  px.fill(0xffffffff);
  discs(px, W, H, job, null, () => job.muted, job.alpha * MUTED_SHARE);
}

/** Blends a disc for each point (those `only` marks, when given) onto `px` in its group's colour. */
function discs(px: Uint32Array, W: number, H: number, job: PixelJob, only: Uint8Array | null, colorOf: (g: number) => number, alpha: number): void {
  const { s, ox, oy, order, starts, xs, ys } = job;
  const R = job.radius;
  for (let g = 0; g + 1 < starts.length; g++) {
    const c = colorOf(g);
    const [cr, cg, cb] = [c & 255, (c >>> 8) & 255, (c >>> 16) & 255];
    for (let j = starts[g]; j < starts[g + 1]; j++) {
      const i = order[j];
      if (only && only[i] !== 1) continue;
      const fx = ox + xs[i] * s;
      const fy = oy - ys[i] * s;
      if (fx < -R - 1 || fy < -R - 1 || fx > W + R + 1 || fy > H + R + 1) continue;
      const x0 = Math.max(0, Math.floor(fx - R - 0.5));
      const x1 = Math.min(W - 1, Math.ceil(fx + R + 0.5));
      const y0 = Math.max(0, Math.floor(fy - R - 0.5));
      const y1 = Math.min(H - 1, Math.ceil(fy + R + 0.5));
      for (let y = y0; y <= y1; y++) {
        const dy = y + 0.5 - fy;
        const row = y * W;
        for (let x = x0; x <= x1; x++) {
          const dx = x + 0.5 - fx;
          // Coverage of the pixel by the disc, linear across its one-pixel edge (anti-aliasing).
          const cov = R + 0.5 - Math.sqrt(dx * dx + dy * dy);
          if (cov <= 0) continue;
          const a = (cov >= 1 ? 1 : cov) * alpha;
          const d = px[row + x];
          const r = d & 255;
          const gg = (d >>> 8) & 255;
          const b = (d >>> 16) & 255;
          px[row + x] = 0xff000000 | ((b + (cb - b) * a) << 16) | ((gg + (cg - gg) * a) << 8) | (r + (cr - r) * a);
        }
      }
    }
  }
}

/** A CSS colour as 0xBBGGRR. */
function packed(css: string): number {
  const [r, g, b] = toRgb(css);
  return (b << 16) | (g << 8) | r;
}

const rgbCache = new Map<string, [number, number, number]>();
function toRgb(css: string): [number, number, number] {
  let v = rgbCache.get(css);
  if (!v) {
    const c = color(css)!.rgb();
    v = [c.r, c.g, c.b];
    rgbCache.set(css, v);
  }
  return v;
}

/** A muted disc's opacity as a share of a coloured one's. */
const MUTED_SHARE = 0.75 / 0.85;

/**
 * Opacity of a point's disc: 0.85 up to 50,000 papers; beyond, lower as papers grow in number
 * (0.19 at a million), so where thousands of papers overlap the map shows how dense they lie
 * instead of one solid patch of the colour drawn last.
 */
export const pointAlpha = (n: number) => (n <= 50_000 ? 0.85 : Math.max(0.15, 0.85 * Math.sqrt(50_000 / n)));

/** Point radius in px: smaller as papers grow in number, larger as the user zooms in. */
export const pointRadius = (n: number, k: number) => Math.min(4.2, Math.max(1.4, 85 / Math.sqrt(Math.max(n, 1)))) * Math.min(3, Math.sqrt(k));

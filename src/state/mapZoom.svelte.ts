/** Map zoom as a scale and the data point at the view's centre, so a link shows the same place at any panel size. */

/** Zoom limits: half the fitted size out, 60x in. */
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 60;

/** Screen placement of data coordinates: screen = (ox + x·s, oy − y·s), y up. */
export interface Viewport {
  s: number;
  ox: number;
  oy: number;
}

/** Screen position of a data point. */
export const toScreen = (v: Viewport, x: number, y: number): [number, number] => [v.ox + x * v.s, v.oy - y * v.s];
/** Data coordinates of a screen point. */
export const toData = (v: Viewport, X: number, Y: number): [number, number] => [(X - v.ox) / v.s, (v.oy - Y) / v.s];

/** The map's zoom state, kept in the view options and the URL. */
export class MapZoom {
  k = $state(1);
  /** Data coordinates at the centre of the view; null: where fitting all papers puts it. */
  centre = $state.raw<[number, number] | null>(null);

  get zoomed(): boolean {
    return this.k !== 1 || this.centre !== null;
  }

  /** The viewport of a `width` x `height` view, given the fit of all papers at zoom 1. */
  viewport(fit: Viewport, width: number, height: number): Viewport {
    const s = fit.s * this.k;
    const [cx, cy] = this.centre ?? toData(fit, width / 2, height / 2);
    return { s, ox: width / 2 - cx * s, oy: height / 2 + cy * s };
  }

  /** Zooms by `factor` keeping the data point under the screen point (px, py) where it is. */
  zoomAt(fit: Viewport, width: number, height: number, px: number, py: number, factor: number): void {
    const [x, y] = toData(this.viewport(fit, width, height), px, py);
    this.k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.k * factor));
    const s = fit.s * this.k;
    this.centre = [x - (px - width / 2) / s, y + (py - height / 2) / s];
  }

  /** Moves the view by (dx, dy) screen pixels. */
  pan(fit: Viewport, width: number, height: number, dx: number, dy: number): void {
    this.centre = toData(this.viewport(fit, width, height), width / 2 - dx, height / 2 - dy);
  }

  reset(): void {
    this.k = 1;
    this.centre = null;
  }
}

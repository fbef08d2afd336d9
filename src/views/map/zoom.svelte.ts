/** Zoom and pan of a 2D view as a d3-style transform (screen = t.k * base + t.x), driven by our own handlers. */

export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 60;

export class Zoom {
  k = $state(1);
  x = $state(0);
  y = $state(0);

  /** Zooms by `factor` keeping the screen point (px, py) fixed. */
  zoomAt(px: number, py: number, factor: number): void {
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.k * factor));
    const f = k / this.k;
    this.x = px - (px - this.x) * f;
    this.y = py - (py - this.y) * f;
    this.k = k;
  }

  pan(dx: number, dy: number): void {
    this.x += dx;
    this.y += dy;
  }

  reset(): void {
    this.k = 1;
    this.x = 0;
    this.y = 0;
  }

  get zoomed(): boolean {
    return this.k !== 1 || this.x !== 0 || this.y !== 0;
  }
}

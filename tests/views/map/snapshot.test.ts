/** The map snapshot: where a drawing moves under a new view, and which views it serves. */
import { describe, expect, it } from 'vitest';
import { snapshotServes, snapshotTransform, type Snapshot } from '../../../src/views/map/snapshot';
import { toScreen } from '../../../src/state/mapZoom.svelte';

describe('the map snapshot shown while panning and zooming', () => {
  // Drawn for a 400 x 300 view with 100 px past each side.
  const snap: Snapshot = { view: { s: 50, ox: 200, oy: 150 }, margin: 100, width: 400, height: 300 };
  const extent = { x0: -3, x1: 3, y0: -2, y1: 2 };

  it('puts each drawn point where the new view puts it', () => {
    const to = { s: 80, ox: 150, oy: 170 };
    const { a, tx, ty } = snapshotTransform(snap, to);
    for (const [x, y] of [[0, 0], [1.5, -2], [-3, 1]]) {
      // Where the snapshot's canvas holds the point, then carried by the transform.
      const [X, Y] = toScreen(snap.view, x, y).map((v) => v + snap.margin);
      const [ex, ey] = toScreen(to, x, y);
      expect(tx + a * X).toBeCloseTo(ex, 9);
      expect(ty + a * Y).toBeCloseTo(ey, 9);
    }
  });

  it('serves a pan within its margin and a zoom up to twice either way, and nothing beyond', () => {
    const serves = (to: { s: number; ox: number; oy: number }) => snapshotServes(snap, to, 400, 300, extent, 2);
    expect(serves(snap.view)).toBe(true);
    expect(serves({ s: 50, ox: 260, oy: 120 })).toBe(true);
    // Data as wide as the drawing, panned 150 px: its left edge comes on screen where the drawing holds nothing.
    const wide = { x0: -6, x1: 6, y0: -2, y1: 2 };
    expect(snapshotServes(snap, { s: 50, ox: 260, oy: 150 }, 400, 300, wide, 2)).toBe(true);
    expect(snapshotServes(snap, { s: 50, ox: 350, oy: 150 }, 400, 300, wide, 2)).toBe(false);
    expect(serves({ s: 100, ox: 200, oy: 150 })).toBe(true);
    expect(serves({ s: 101, ox: 200, oy: 150 })).toBe(false);
    expect(serves({ s: 25, ox: 200, oy: 150 })).toBe(true);
    expect(serves({ s: 24, ox: 200, oy: 150 })).toBe(false);
    // Another size of view is drawn anew.
    expect(snapshotServes(snap, snap.view, 401, 300, extent, 2)).toBe(false);
  });

  it('serves a view whose uncovered part holds no points', () => {
    // Zoomed out by 2 about the centre: the drawing covers less than the view, but all the data.
    expect(snapshotServes(snap, { s: 25, ox: 200, oy: 150 }, 400, 300, extent, 2)).toBe(true);
    // Panned far off the data: nothing to show, nothing missing.
    expect(snapshotServes(snap, { s: 50, ox: 2000, oy: 150 }, 400, 300, extent, 2)).toBe(true);
  });
});

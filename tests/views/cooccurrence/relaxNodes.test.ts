/** relaxNodes: the keyword network’s circles moved apart where they overlap. */
import { describe, expect, it } from 'vitest';
import { relaxNodes } from '../../../src/views/cooccurrence/relaxNodes';

describe('relaxNodes (the keyword network)', () => {
  it('moves overlapping circles apart, coincident ones too, and keeps the rest where they were', () => {
    const points = [
      ...Array.from({ length: 12 }, (_, i) => ({ x: 200 + (i % 4), y: 150 + Math.floor(i / 4), r: 6 })),
      { x: 100, y: 100, r: 5 },
      { x: 100, y: 100, r: 5 },
      { x: 400, y: 250, r: 4 },
    ];
    const moved = relaxNodes(points, 500, 300);
    let worst = 0;
    for (let i = 0; i < moved.length; i++)
      for (let j = i + 1; j < moved.length; j++) {
        const overlap = points[i].r + points[j].r - Math.hypot(moved[i].x - moved[j].x, moved[i].y - moved[j].y);
        worst = Math.max(worst, overlap);
      }
    expect(worst).toBeLessThan(1.5);
    // A lone circle stays put; the crowded ones stay near where they were.
    expect(moved[14].x).toBeCloseTo(400, 6);
    expect(moved[14].y).toBeCloseTo(250, 6);
    for (let i = 0; i < 12; i++) expect(Math.hypot(moved[i].x - 202, moved[i].y - 151)).toBeLessThan(40);
  });
});

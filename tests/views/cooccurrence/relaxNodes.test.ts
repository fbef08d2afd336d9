/** relaxNodes: the keyword network’s circles moved apart where they overlap. */
import { randomLcg } from 'd3';
import { describe, expect, it } from 'vitest';
import { relaxNodes, relaxNodesInSlices } from '../../../src/views/cooccurrence/relaxNodes';

/** Forty circles, some overlapping, in a 280 x 170 plot (seeded). */
function crowd() {
  const rand = randomLcg(7);
  return Array.from({ length: 40 }, () => ({ x: 60 + rand() * 160, y: 40 + rand() * 90, r: 2.5 + rand() * 9 }));
}

// The layout of `crowd()` as the network drew it when all ticks ran in one task (rounded to 0.001 px).
const CROWD_LAYOUT = [
  [100.994, 122.944], [207.784, 39.872], [121.456, 36.722], [216.65, 129.98], [132.857, 84.726], [181.603, 114.243], [136.482, 122.946], [137.471, 45.053],
  [203.003, 67.252], [220.479, 54.76], [122.395, 45.971], [167.941, 114.857], [158.977, 128.281], [154.482, 71.746], [144.711, 94.806], [82.641, 118.146],
  [120.69, 129.672], [89.407, 62.596], [154.078, 84.35], [128.076, 55.057], [171.692, 105.732], [151.902, 111.629], [114.306, 81.468], [198.435, 79.537],
  [186.332, 128.025], [200.207, 55.974], [211.95, 104.338], [66.202, 66.835], [177.551, 49.73], [179.003, 80.74], [113.362, 60.121], [92.766, 101.012],
  [132.675, 66.629], [110.494, 41.329], [129.343, 105.545], [186.651, 65.497], [158.435, 46.894], [188.778, 96.469], [68.938, 107.096], [221.023, 116.373],
];

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

describe('relaxNodesInSlices (the keyword network, a few ticks at a time)', () => {
  it('lays the network out as relaxNodes always has, to the bit, pausing between ticks when the budget is spent', async () => {
    const points = crowd();
    const whole = relaxNodes(points, 280, 170);
    for (const [i, [x, y]] of CROWD_LAYOUT.entries()) {
      expect(whole[i].x).toBeCloseTo(x, 3);
      expect(whole[i].y).toBeCloseTo(y, 3);
    }
    // A clock that moves 3 ms a reading: a budget of 8 ms is spent every couple of ticks.
    let t = 0;
    let pauses = 0;
    const sliced = await relaxNodesInSlices(points, 280, 170, async () => void pauses++, { budget: 8, now: () => (t += 3) });
    expect(sliced).toEqual(whole);
    expect(pauses).toBeGreaterThanOrEqual(20);
  });

  it('runs every tick in one go within its budget', async () => {
    let pauses = 0;
    const sliced = await relaxNodesInSlices(crowd(), 280, 170, async () => void pauses++, { now: () => 0 });
    expect(pauses).toBe(0);
    expect(sliced).toEqual(relaxNodes(crowd(), 280, 170));
  });

  it('stops at its next pause once aborted, with no layout', async () => {
    const stop = new AbortController();
    let readings = 0;
    const run = relaxNodesInSlices(crowd(), 280, 170, async () => stop.abort(), { budget: 1, signal: stop.signal, now: () => 2 * readings++ });
    expect(await run).toBeNull();
    // Stopped at the first pause (the clock is read once a tick), not after all eighty ticks.
    expect(readings).toBeLessThan(5);
  });
});

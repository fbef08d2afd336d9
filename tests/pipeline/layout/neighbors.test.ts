import { randomLcg, randomNormal } from 'd3';
import { describe, expect, it } from 'vitest';
import { layout } from '../../../src/pipeline/layout/umap';
import { nearestNeighbors, neighbors } from '../../../src/pipeline/neighbors';
import { normalizeRows, type Dense } from '../../../src/pipeline/vectorize/sparse';

// 4,000 unit vectors in 40 dimensions around 40 seeded centres: text-like clumps, not uniform noise.
function clumps(n: number, d: number, centres: number, seed: number): Dense {
  const normal = randomNormal.source(randomLcg(seed))();
  const c = Array.from({ length: centres }, () => Array.from({ length: d }, () => normal()));
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) data[i * d + j] = c[i % centres][j] + 0.8 * normal();
  return normalizeRows({ rows: n, cols: d, data });
}

describe('neighbors', () => {
  const docs = clumps(4000, 40, 40, 0.25);

  it('neighbors(docs, 16) by NN-descent above the exact size reaches recall@15 ≥ 0.9 against the exact lists', async () => {
    const approx = await neighbors(docs, 16, { seed: 0, exactUpTo: 1000 });
    const exact = nearestNeighbors(docs, 16);
    expect(approx.method).toBe('nn-descent');
    let hits = 0;
    for (let i = 0; i < docs.rows; i++) {
      const got = new Set(approx.indices[i].slice(1));
      for (const j of exact.indices[i].slice(1)) if (got.has(j)) hits++;
    }
    expect(hits / (docs.rows * 15)).toBeGreaterThanOrEqual(0.9);
    for (let i = 0; i < docs.rows; i++) {
      expect(approx.indices[i][0]).toBe(i);
      expect(approx.indices[i]).toHaveLength(16);
    }
  });

  it('gives the same lists for the same seed, and the exact lists for small inputs', async () => {
    const a = await neighbors(docs, 16, { seed: 3, exactUpTo: 1000 });
    const b = await neighbors(docs, 16, { seed: 3, exactUpTo: 1000 });
    expect(a.indices).toEqual(b.indices);
    const small = await neighbors(docs, 16, { exactUpTo: 5000 });
    expect(small.method).toBe('exact');
    expect(small.indices).toEqual(nearestNeighbors(docs, 16).indices);
  });

  it('layout() above the WASM threshold is seeded, in the unit square, and keeps clumps together', async () => {
    const knn = await neighbors(docs, 16, { seed: 0, exactUpTo: 1000 });
    const run = () => layout(docs, knn, { seed: 1, wasmAbove: 1000, nEpochs: 60 });
    const a = await run();
    const b = await run();
    expect(a.method).toBe('embedding-atlas wasm');
    expect(a.xy).toEqual(b.xy);
    for (const p of a.xy) expect(p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1).toBe(true);
    // Papers of one clump lie nearer each other than papers in general.
    let within = 0;
    let all = 0;
    for (let i = 0; i < 2000; i++) {
      const j = (i + 40) % 4000; // same clump
      const k = (i * 7 + 13) % 4000; // any paper
      within += Math.hypot(a.xy[i].x - a.xy[j].x, a.xy[i].y - a.xy[j].y);
      all += Math.hypot(a.xy[i].x - a.xy[k].x, a.xy[i].y - a.xy[k].y);
    }
    expect(within).toBeLessThan(0.5 * all);
  });
});

import type { SeedReport } from '../../contract';
import type { Csr, Dense } from '../vectorize/sparse';

/** Least papers a seed must bring in alone before it can be called generic. */
const GENERIC_MIN = 5;

/**
 * What each seed of a named theme brings in: the papers holding its term and no other seed's
 * (`alone`), how many of them joined the theme (`joined`), and how many of those sit nearer the
 * centre of a fine cluster than the theme's core (`elsewhere`: the theme's papers that no single
 * seed brought in). A seed is generic when at least GENERIC_MIN papers joined by it alone and most of
 * them sit elsewhere: its matches come from another topic ("relevant information" brings retrieval
 * papers into the information bottleneck).
 */
export function seedReports(seeds: readonly string[], seedIndex: readonly (number | null)[], inTheme: (i: number) => boolean, tf: Csr, space: Dense, fineCentres: readonly Float64Array[]): SeedReport[] {
  const terms = new Map<number, number>();
  seedIndex.forEach((j, s) => j !== null && !terms.has(j) && terms.set(j, s));
  const aloneOf = new Int32Array(tf.rows).fill(-1);
  for (let i = 0; i < tf.rows; i++) {
    let hit = -1;
    let count = 0;
    for (let p = tf.indptr[i]; p < tf.indptr[i + 1]; p++) {
      const s = terms.get(tf.indices[p]);
      if (s !== undefined) {
        hit = s;
        count++;
      }
    }
    if (count === 1) aloneOf[i] = hit;
  }
  const d = space.cols;
  const core = new Float64Array(d);
  const all = new Float64Array(d);
  for (let i = 0; i < tf.rows; i++) {
    if (!inTheme(i)) continue;
    for (let k = 0; k < d; k++) all[k] += space.data[i * d + k];
    if (aloneOf[i] < 0) for (let k = 0; k < d; k++) core[k] += space.data[i * d + k];
  }
  const centre = core.some((v) => v !== 0) ? core : all;
  const cos = (i: number, c: Float64Array) => {
    let s = 0;
    let n = 0;
    for (let k = 0; k < d; k++) {
      s += space.data[i * d + k] * c[k];
      n += c[k] * c[k];
    }
    return n > 0 ? s / Math.sqrt(n) : 0;
  };
  const out = seeds.map((seed) => ({ seed, alone: 0, joined: 0, elsewhere: 0, generic: false }));
  for (let i = 0; i < tf.rows; i++) {
    const s = aloneOf[i];
    if (s < 0) continue;
    out[s].alone++;
    if (!inTheme(i)) continue;
    out[s].joined++;
    const own = cos(i, centre);
    if (fineCentres.some((c) => cos(i, c) > own)) out[s].elsewhere++;
  }
  for (const r of out) r.generic = r.joined >= GENERIC_MIN && r.elsewhere > r.joined / 2;
  return out;
}

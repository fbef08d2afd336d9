import type { SeedReport } from '../../contract';
import { round4 } from '../round';
import type { Csr } from '../vectorize/sparse';

/** Least papers a seed must bring in alone before it can be called generic. */
const GENERIC_MIN = 5;

/** Cosine of a seed's term to the theme's other seeds' below which its use is unlike theirs. */
const COHERENCE_MIN = 0.5;

/**
 * What each seed of a named theme brings in: the papers holding its term and no other seed's
 * (`alone`) and how many of them joined the theme (`joined`); with how alike its term is used to the
 * theme's other seeds (`coherence`, see zeroShot seedCoherence). A seed is generic when it alone
 * brings at least GENERIC_MIN papers in, fewer than half of the papers it alone matches join (they
 * mostly come from another topic), and its term is used unlike the other seeds: "relevant
 * information" brings retrieval papers into the information bottleneck.
 */
export function seedReports(seeds: readonly string[], seedIndex: readonly (number | null)[], coherence: readonly (number | null)[], inTheme: (i: number) => boolean, tf: Csr): SeedReport[] {
  const terms = new Map<number, number>();
  seedIndex.forEach((j, s) => j !== null && !terms.has(j) && terms.set(j, s));
  const alone = new Int32Array(seeds.length);
  const joined = new Int32Array(seeds.length);
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
    if (count !== 1) continue;
    alone[hit]++;
    if (inTheme(i)) joined[hit]++;
  }
  return seeds.map((seed, s) => {
    const c = coherence[s];
    const generic = joined[s] >= GENERIC_MIN && 2 * joined[s] < alone[s] && c !== null && c < COHERENCE_MIN;
    return { seed, alone: alone[s], joined: joined[s], ...(c === null ? {} : { coherence: round4(c) }), generic };
  });
}

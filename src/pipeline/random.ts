import { randomLcg } from 'd3';

/**
 * Each stochastic step's own stream of numbers: a stream's generator starts from
 * `((seed · mul + add) mod modulus) / modulus`, so the steps of one run never draw the same numbers
 * and each depends on the run's seed alone (not on what other steps drew before it). The constants
 * are those the steps have always used, so a seed gives the maps, clusters and layouts it gave before.
 */
const STREAMS = {
  /** The LSA's random test matrix. */
  lsa: { mul: 1, add: 1, modulus: 7919 },
  /** umap-js's optimisation (the WASM UMAP takes the seed itself). */
  umap: { mul: 1, add: 0.5, modulus: 1009 },
  /** k-means++ starts. */
  kmeans: { mul: 7919, add: 17, modulus: 1_000_003 },
  /** The keyword network's force layout. */
  cooccur: { mul: 1, add: 0.25, modulus: 97 },
  /** A named theme's null queries, seeded by a hash of its terms. */
  themes: { mul: 1, add: 0.5, modulus: 1_000_004 },
  /** The papers a large corpus's model is fitted on (sampled.ts). */
  sample: { mul: 7919, add: 5, modulus: 1_000_037 },
  /** New papers' placement on a map whose papers are fixed (layout/place). */
  place: { mul: 7919, add: 3, modulus: 1_000_033 },
} as const;

export type RandomStream = keyof typeof STREAMS;

/** A seeded uniform generator on [0, 1) (d3's LCG) for one stream of a run: the project's one source of randomness. */
export function seededRandom(seed: number, stream: RandomStream): () => number {
  const { mul, add, modulus } = STREAMS[stream];
  const start = (((seed * mul + add) % modulus) + modulus) % modulus;
  return randomLcg(start / modulus);
}

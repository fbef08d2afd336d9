import { seededRandom } from '../random';
import { project, type Lsa } from '../vectorize/lsa';
import { dot, row } from '../vectorize/sparse';
import type { Tfidf } from '../vectorize/tfidf';
import type { ThemeSpec } from '../themes';

export interface ZeroShotOptions {
  /** Papers the seed query ranks first that refine it (Rocchio pseudo-relevance feedback). Default 10. */
  feedback?: number;
  /** Weight of the feedback papers' mean against the seed query. Default 0.5. */
  feedbackWeight?: number;
  /** Terms of the feedback papers' mean kept in the sparse query. Default 40. */
  feedbackTerms?: number;
  /**
   * Share of the TF-IDF space in a paper's score; the rest is the LSA space's. Each space's cosine is
   * first put in robust standard scores of its own, so the share does not depend on how widely
   * cosines spread in either space. Default 0.7 (fitted on the seed labels, see scripts/evaluate-themes.ts).
   */
  mix?: number;
  /**
   * Membership cut-off: how far a paper's score must stand above the median paper's, in robust
   * standard deviations times √(2 ln n) for n papers, the rate at which the largest of n background
   * deviations grows (Gaussian tails), so the cut-off keeps pace with the chance excursions of a
   * larger corpus. Default 2.5 (fitted on the seed labels, see scripts/evaluate-themes.ts).
   */
  cutoff?: number;
  /** Random queries of the null model the presence test compares a theme with. Default 99. */
  nulls?: number;
  /** Significance level of the presence test: a theme is found when p ≤ alpha. Default 0.05. */
  alpha?: number;
  /** Papers whose mean similarity to the seed terms is the presence test's statistic. Default 5. */
  evidence?: number;
  /** Weight of a description's terms against the seed terms'. Default 0.25 (fitted on the seed labels). */
  descriptionWeight?: number;
  /** Papers the cut-off's √(2 ln n) counts: the whole corpus's when the themes are located on a sample of it. Default: the papers given. */
  corpusSize?: number;
  /** Weight of the mean of the papers a reader marked as belonging, added to the query (Rocchio's β). Default 0.5. */
  markWeight?: number;
  /** Weight of the mean of the papers a reader marked as not belonging, taken from the query (Rocchio's γ). Default 0.25. */
  markAgainst?: number;
  /** Most weight of an unmarked paper's zero-shot place against a marked paper's (1) when the marks move the cut-off (see markedCut). Default 0.05 (chosen on the marking half of the bench labels, see scripts/evaluate-marks.ts --tune). */
  markPrior?: number;
}

export const ZERO_SHOT_DEFAULTS = { feedback: 10, feedbackWeight: 0.5, feedbackTerms: 40, mix: 0.7, cutoff: 2.5, nulls: 99, alpha: 0.05, evidence: 5, descriptionWeight: 0.25, markWeight: 0.5, markAgainst: 0.25, markPrior: 0.05 };

/** A reader's marks on a theme, as paper indices: papers that belong to it and papers that do not. */
export interface ThemeMarks {
  include: readonly number[];
  exclude: readonly number[];
}

/** A named theme located in one corpus. */
export interface ThemeMatch {
  theme: ThemeSpec;
  /** Seed and description terms found in the vocabulary, the query's own words. */
  terms: string[];
  /** Each seed's vocabulary index (null when the vocabulary lacks it), in the theme's order. */
  seedIndex: (number | null)[];
  /** Each seed's coherence: the cosine of its LSA term vector to the idf-weighted mean of the other seeds' (null when the vocabulary lacks it). */
  seedCoherence: (number | null)[];
  /** Whether the corpus holds the theme: its seed terms concentrate in some papers beyond what chance terms do. */
  found: boolean;
  /** p-value of the presence test (share of null queries, plus one, reaching the theme's statistic). */
  p: number;
  /** Each paper's score for the refined query (robust standard deviations above the median paper) relative to the membership cut-off: 1 at the cut-off (NaN when the theme has no terms here). */
  score: Float64Array;
  /** The refined query and the yardsticks of this corpus: how a new paper is scored as these were (see themeScore); null when the theme has no terms here. */
  query: ThemeQuery | null;
}

/** A theme's refined query with the corpus's yardsticks, kept with a fitted model. */
export interface ThemeQuery {
  /** The TF-IDF query: vocabulary indices and weights (unit length). */
  sparse: [number, number][];
  /** The LSA query (unit length). */
  latent: number[];
  /** Median and robust standard deviation of the corpus's TF-IDF cosines, LSA cosines, and of their mix. */
  exact: [number, number];
  near: [number, number];
  mixed: [number, number];
  /** Share of the TF-IDF space in the mix. */
  mix: number;
  /** The cut-off in robust standard deviations: a score of `cut` is 1. */
  cut: number;
}

/**
 * A new paper's score for a theme as the fitted corpus's papers were scored: its cosines to the
 * query (its TF-IDF row's entries `indices`/`values`, its LSA vector `latent`) in the corpus's yardsticks.
 */
export function themeScore(q: ThemeQuery, indices: ArrayLike<number>, values: ArrayLike<number>, latent: ArrayLike<number>, sparse: ReadonlyMap<number, number> = new Map(q.sparse)): number {
  let exact = 0;
  for (let p = 0; p < indices.length; p++) exact += (sparse.get(indices[p]) ?? 0) * values[p];
  const near = dot(latent, q.latent);
  const z = q.mix * ((exact - q.exact[0]) / q.exact[1]) + (1 - q.mix) * ((near - q.near[0]) / q.near[1]);
  return (z - q.mixed[0]) / q.mixed[1] / q.cut;
}

type SparseQuery = Map<number, number>;

function unitSparse(q: SparseQuery): SparseQuery {
  let s = 0;
  for (const v of q.values()) s += v * v;
  const n = Math.sqrt(s) || 1;
  for (const [k, v] of q) q.set(k, v / n);
  return q;
}

function unitDense(v: Float64Array): Float64Array {
  const n = Math.sqrt(dot(v, v)) || 1;
  return v.map((x) => x / n);
}

/**
 * Each paper's score for a query: its cosine to the query in TF-IDF space and in LSA space, each in
 * robust standard scores over the corpus, mixed `mix` to 1 − `mix`, and the mix standardised again.
 * Each space is measured against its own background: how far a paper stands out from the typical
 * paper there, not how large its cosine is (exact-term cosines are small and spread little, latent
 * cosines large and broad, and by how much differs from corpus to corpus).
 */
function scores(tf: Tfidf, model: Lsa, sparse: SparseQuery, latent: Float64Array, mix: number): { z: Float64Array; yardsticks: Pick<ThemeQuery, 'exact' | 'near' | 'mixed'> } {
  const a = tf.matrix;
  const exact = new Float64Array(a.rows);
  const near = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    for (let p = a.indptr[i]; p < a.indptr[i + 1]; p++) {
      const w = sparse.get(a.indices[p]);
      if (w !== undefined) s += w * a.values[p];
    }
    exact[i] = s;
    near[i] = dot(row(model.docs, i), latent);
  }
  const zExact = standardize(exact);
  const zNear = standardize(near);
  const z = standardize(zExact.z.map((v, i) => mix * v + (1 - mix) * zNear.z[i]));
  return { z: z.z, yardsticks: { exact: zExact.at, near: zNear.at, mixed: z.at } };
}

/**
 * Robust standard scores: distance from the median in units of the scaled median absolute deviation,
 * so the few papers of a theme (its tail) do not widen the yardstick they are measured by. When more
 * than half the values are equal (no deviation at the median), the scaled mean absolute deviation
 * stands in (Iglewicz & Hoaglin's modified z-score).
 */
function standardize(s: Float64Array): { z: Float64Array; at: [number, number] } {
  const sorted = Float64Array.from(s).sort();
  const median = sorted[sorted.length >> 1];
  const dev = Float64Array.from(s, (v) => Math.abs(v - median)).sort();
  const mad = dev[dev.length >> 1];
  const sd = mad > 0 ? 1.4826 * mad : 1.2533 * (dev.reduce((a, b) => a + b, 0) / dev.length) || 1;
  return { z: s.map((v) => (v - median) / sd), at: [median, sd] };
}

/** Indices of the `m` largest values, largest first (ties: lower index). */
function topIndices(s: Float64Array, m: number): number[] {
  return Array.from(s.keys()).sort((a, b) => s[b] - s[a] || a - b).slice(0, m);
}

/** Mean of the `m` largest similarities of papers to an idf-weighted query of terms (unit length), via the term columns. */
function topSimilarity(columns: TermColumns, tf: Tfidf, terms: readonly number[], m: number): number {
  let norm = 0;
  for (const j of terms) norm += tf.idf[j] ** 2;
  norm = Math.sqrt(norm) || 1;
  const s = new Map<number, number>();
  for (const j of terms)
    for (let p = columns.indptr[j]; p < columns.indptr[j + 1]; p++) s.set(columns.rows[p], (s.get(columns.rows[p]) ?? 0) + (tf.idf[j] / norm) * columns.values[p]);
  const top = [...s.values()].sort((a, b) => b - a).slice(0, m);
  return top.reduce((a, b) => a + b, 0) / m;
}

/** The TF-IDF matrix by term: for each term, the papers holding it and its weight there. */
interface TermColumns {
  indptr: Int32Array;
  rows: Int32Array;
  values: Float64Array;
}

function termColumns(tf: Tfidf): TermColumns {
  const a = tf.matrix;
  const indptr = new Int32Array(a.cols + 1);
  for (let p = 0; p < a.indptr[a.rows]; p++) indptr[a.indices[p] + 1]++;
  for (let j = 0; j < a.cols; j++) indptr[j + 1] += indptr[j];
  const fill = indptr.slice(0, a.cols);
  const rows = new Int32Array(a.indptr[a.rows]);
  const values = new Float64Array(a.indptr[a.rows]);
  for (let i = 0; i < a.rows; i++)
    for (let p = a.indptr[i]; p < a.indptr[i + 1]; p++) {
      const q = fill[a.indices[p]]++;
      rows[q] = i;
      values[q] = a.values[p];
    }
  return { indptr, rows, values };
}

/**
 * Presence test of a theme, a permutation test against a null model: the statistic is the mean
 * similarity of the `evidence` papers nearest the seed terms in TF-IDF space; the null queries swap
 * each seed term for a random term of about the same document frequency (seeded). The seed terms of
 * a theme the corpus holds concentrate in its papers; those of an absent theme are scattered passing
 * mentions, no more concentrated than chance terms. Returns the p-value.
 */
function presence(tf: Tfidf, columns: TermColumns, seedTerms: readonly number[], byDf: readonly number[], rank: Int32Array, o: typeof ZERO_SHOT_DEFAULTS): number {
  const observed = topSimilarity(columns, tf, seedTerms, o.evidence);
  // Seeded by the query itself, so a theme's test does not depend on the themes listed before it.
  const random = seededRandom(seedTerms.reduce((h, j) => (h * 31 + j) % 1_000_003, 7), 'themes');
  const window = Math.max(10, Math.round(byDf.length / 200));
  let reached = 0;
  for (let r = 0; r < o.nulls; r++) {
    const taken = new Set(seedTerms);
    const swapped = seedTerms.map((j) => {
      let pick = j;
      for (let tries = 0; tries < 50 && taken.has(pick); tries++) pick = byDf[Math.min(byDf.length - 1, Math.max(0, rank[j] + Math.round((random() - 0.5) * 2 * window)))];
      taken.add(pick);
      return pick;
    });
    if (topSimilarity(columns, tf, swapped, o.evidence) >= observed) reached++;
  }
  return (reached + 1) / (o.nulls + 1);
}

/**
 * Locates each named theme in this corpus, as BERTopic's zero-shot topic modelling does with
 * embeddings: the theme is a query (its seed terms and description, idf-weighted) in the TF-IDF and
 * LSA spaces, refined by the papers it ranks first (Rocchio 1971). What counts as similar is set by
 * this corpus, not an absolute cosine: a paper's score is how far it stands out from the typical
 * paper, in robust standard scores of each space mixed (`scores`), and a paper joins when its score
 * passes `cutoff` × √(2 ln n) robust standard deviations above the median paper's: a yardstick set
 * by the corpus's background, not by the theme's own most similar papers, which stand out further
 * the more of them a corpus holds. The theme is found only when its seed terms pass the presence
 * test (`presence`), judged before feedback, which would otherwise drift toward whatever the corpus
 * holds nearest to an absent theme.
 */
export function locateThemes(
  themes: readonly ThemeSpec[],
  tf: Tfidf,
  model: Lsa,
  normalize: (s: string, anyCase?: boolean) => string[],
  options: ZeroShotOptions = {},
  marks: readonly (ThemeMarks | undefined)[] = [],
): ThemeMatch[] {
  if (themes.length === 0) return [];
  const o = { ...ZERO_SHOT_DEFAULTS, ...options };
  const n = tf.matrix.rows;
  const byDf = Array.from(tf.df.keys()).sort((a, b) => tf.df[a] - tf.df[b] || a - b);
  const rank = new Int32Array(byDf.length);
  byDf.forEach((j, r) => (rank[j] = r));
  const columns = termColumns(tf);
  return themes.map((theme, t) => {
    const marked = marks[t] && (marks[t]!.include.length || marks[t]!.exclude.length) ? marks[t]! : null;
    const weights = new Map<number, number>();
    const terms: string[] = [];
    const add = (term: string, w: number) => {
      const j = tf.index.get(term);
      if (j === undefined || weights.has(j)) return;
      weights.set(j, w * tf.idf[j]);
      terms.push(term);
    };
    // A seed with its acronyms expanded, also those written in lower case ("kv cache eviction" ->
    // "key-value cache eviction"; "state" stays: the corpus writes it as a word, whatever a paper defined).
    const seedIndex = theme.seeds.map((seed) => {
      const term = normalize(seed)[0];
      if (term === undefined) return null;
      add(term, 1);
      return tf.index.get(term) ?? null;
    });
    const seedTerms = [...weights.keys()];
    const seedCoherence = coherence(seedIndex, tf, model);
    if (theme.description) for (const term of normalize(theme.description, false)) add(term, o.descriptionWeight);
    if (weights.size === 0) return { theme, terms, seedIndex, seedCoherence, found: false, p: 1, score: new Float64Array(n).fill(NaN), query: null };

    const seedSparse = unitSparse(new Map(weights));
    const p = seedTerms.length ? presence(tf, columns, seedTerms, byDf, rank, o) : 1;
    const seedLatent = project(model, weights);
    const seedScore = scores(tf, model, seedSparse, seedLatent, o.mix).z;

    // Rocchio feedback from the papers the seed query ranks first, in both spaces (none a reader marked
    // as not belonging), then from a reader's marks: toward the papers marked in, away from those out.
    const excluded = new Set(marked?.exclude ?? []);
    const firstRanked = topIndices(seedScore, Math.min(o.feedback, n));
    const refined = (from: readonly number[]) => {
      const q = { sparse: new Map(seedSparse), latent: Float64Array.from(seedLatent) };
      feedback(q.sparse, q.latent, tf, model, from, o.feedbackWeight, o.feedbackTerms);
      return q;
    };
    // What the run makes of the theme without the marks, which the marks' cut-off weighs against.
    const unmarked = marked ? refined(firstRanked) : null;
    const before = unmarked ? scores(tf, model, unitSparse(unmarked.sparse), unitDense(unmarked.latent), o.mix).z : null;
    const { sparse, latent } = refined(firstRanked.filter((i) => !excluded.has(i)));
    if (marked) {
      feedback(sparse, latent, tf, model, marked.include, o.markWeight, o.feedbackTerms);
      feedback(sparse, latent, tf, model, marked.exclude, -o.markAgainst, Infinity);
      for (const [j, v] of sparse) if (v <= 0) sparse.delete(j);
    }
    unitSparse(sparse);
    const unitLatent = unitDense(latent);
    const { z, yardsticks } = scores(tf, model, sparse, unitLatent, o.mix);
    // Scores are re-expressed so that 1 is the cut-off: the paper nearer its theme wins between two.
    const zeroShotCut = o.cutoff * Math.sqrt(2 * Math.log(Math.max(o.corpusSize ?? n, 3)));
    const cut = marked ? markedCut(z, marked, before!, o.markPrior, zeroShotCut) : zeroShotCut;
    const query: ThemeQuery = { sparse: [...sparse], latent: [...unitLatent], ...yardsticks, mix: o.mix, cut };
    const score = z.map((v) => v / cut);
    // A marked paper lands where it was marked.
    for (const i of marked?.include ?? []) score[i] = Infinity;
    for (const i of excluded) score[i] = -Infinity;
    return { theme, terms, seedIndex, seedCoherence, found: p <= o.alpha || (marked?.include.length ?? 0) > 0, p, score, query };
  });
}

/** Each seed's coherence with the theme's other seeds: cosine of its LSA term vector to the idf-weighted mean of theirs. */
function coherence(seedIndex: readonly (number | null)[], tf: Tfidf, model: Lsa): (number | null)[] {
  const vectors = seedIndex.map((j) => (j === null ? null : unitDense(model.termVector(j))));
  return seedIndex.map((j, s) => {
    if (j === null) return null;
    const mean = new Float64Array(vectors[s]!.length);
    seedIndex.forEach((other, r) => {
      if (other === null || other === j) return;
      for (let k = 0; k < mean.length; k++) mean[k] += tf.idf[other] * vectors[r]![k];
    });
    return mean.some((v) => v !== 0) ? dot(unitDense(mean), vectors[s]!) : null;
  });
}

/**
 * Adds `weight` × the mean of some papers to a query, in both spaces: their TF-IDF rows' `terms`
 * heaviest terms to the sparse query, their LSA vectors to the latent one (Rocchio 1971).
 */
function feedback(sparse: SparseQuery, latent: Float64Array, tf: Tfidf, model: Lsa, papers: readonly number[], weight: number, terms: number): void {
  if (papers.length === 0) return;
  const a = tf.matrix;
  const mean = new Map<number, number>();
  for (const i of papers) {
    for (let p = a.indptr[i]; p < a.indptr[i + 1]; p++) mean.set(a.indices[p], (mean.get(a.indices[p]) ?? 0) + a.values[p] / papers.length);
    const r = row(model.docs, i);
    for (let k = 0; k < latent.length; k++) latent[k] += (weight * r[k]) / papers.length;
  }
  const kept = [...mean].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, terms);
  for (const [j, v] of kept) sparse.set(j, (sparse.get(j) ?? 0) + weight * v);
}

/**
 * The cut-off a reader's marks call for: the one that puts the least weight on the wrong side, a
 * marked paper weighing 1 (marked in and below it, marked out and at or above it) and every other
 * paper `prior` (on the other side of it than the zero-shot run put it, `before`). The marks sit
 * where the words drew the edge wrong and move it; the zero-shot run's decision on the papers no
 * one marked holds it back, so a few marks on the theme's most typical papers cannot empty it.
 */
function markedCut(z: Float64Array, marks: ThemeMarks, before: Float64Array, prior: number, zeroShot: number): number {
  // An unmarked paper weighs as much as the run without marks was sure of it: nothing at its cut-off,
  // the full prior from half the cut-off's distance from the median on.
  const weight = Float64Array.from(before, (b) => prior * Math.min(1, (2 * Math.abs(b - zeroShot)) / zeroShot));
  const inside = Uint8Array.from(before, (b) => (b >= zeroShot ? 1 : 0));
  for (const i of marks.include) [weight[i], inside[i]] = [1, 1];
  for (const i of marks.exclude) [weight[i], inside[i]] = [1, 0];
  // Sweep the cut from above every paper down: a paper above the cut is right when it is inside.
  const order = Array.from(z.keys()).sort((a, b) => z[b] - z[a] || a - b);
  let wrong = 0;
  for (let i = 0; i < z.length; i++) if (inside[i]) wrong += weight[i];
  let best = Math.max(zeroShot, z[order[0]] + 1e-9);
  let bestWrong = wrong;
  for (let r = 0; r < order.length; r++) {
    const i = order[r];
    wrong += inside[i] ? -weight[i] : weight[i];
    if (r + 1 < order.length && z[order[r + 1]] === z[i]) continue;
    // The cut just below paper i: halfway to the next.
    const cut = r + 1 < order.length ? (z[i] + z[order[r + 1]]) / 2 : z[i] - 1e-9;
    if (cut <= 0) break;
    if (wrong < bestWrong - 1e-12 || (Math.abs(wrong - bestWrong) <= 1e-12 && Math.abs(cut - zeroShot) < Math.abs(best - zeroShot))) [best, bestWrong] = [cut, wrong];
  }
  return best;
}

/**
 * Each paper's named theme (index into `matches`) or -1: a paper joins the found theme whose
 * cut-off it exceeds by the most, so a paper matching two themes goes to the nearer.
 */
export function assignThemes(matches: readonly ThemeMatch[], n: number): Int32Array {
  const out = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    let best = 1;
    matches.forEach((m, t) => {
      if (m.found && m.score[i] >= best) {
        best = m.score[i];
        out[i] = t;
      }
    });
  }
  return out;
}

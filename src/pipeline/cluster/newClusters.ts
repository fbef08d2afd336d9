import type { Csr } from '../vectorize/sparse';

export interface NewClusterOptions {
  /** Fewest papers in a new cluster. Default 8. */
  min?: number;
  /** Nearest far papers each paper links to, when the link is mutual. Default 5. */
  neighbours?: number;
  /** Least TF-IDF cosine of a link. Default 0.25. */
  similarity?: number;
  /** Most far papers grouped (their similarities are computed pair by pair). Default 5,000. */
  max?: number;
}

export const NEW_CLUSTER_DEFAULTS = { min: 8, neighbours: 5, similarity: 0.25, max: 5000 };

/**
 * Groups of papers far from every cluster that are near one another: the connected parts, of at least
 * `min` papers, of the mutual nearest-neighbour graph (Jarvis & Patrick 1973's shared-neighbour idea
 * at its simplest: two papers link when each is among the other's `neighbours` most similar far
 * papers and their TF-IDF cosine is at least `similarity`). In TF-IDF space, not the latent one: far
 * papers are those the latent space holds least of. Mutual links keep one loose chain from joining
 * unrelated papers, as single linkage would. Returns row indices of `rows`, largest group first.
 */
export function newClusters(rows: Csr, far: readonly number[], options: NewClusterOptions = {}): number[][] {
  const o = { ...NEW_CLUSTER_DEFAULTS, ...options };
  if (far.length < o.min || far.length > o.max) return [];
  // Similarities through an inverted index of the far papers' terms: only pairs sharing a term are touched.
  const postings = new Map<number, { paper: number; w: number }[]>();
  far.forEach((i, a) => {
    for (let p = rows.indptr[i]; p < rows.indptr[i + 1]; p++) {
      const list = postings.get(rows.indices[p]) ?? postings.set(rows.indices[p], []).get(rows.indices[p])!;
      list.push({ paper: a, w: rows.values[p] });
    }
  });
  const top: number[][] = [];
  const sims: Map<number, number>[] = [];
  far.forEach((i) => {
    const s = new Map<number, number>();
    for (let p = rows.indptr[i]; p < rows.indptr[i + 1]; p++) for (const { paper, w } of postings.get(rows.indices[p])!) s.set(paper, (s.get(paper) ?? 0) + w * rows.values[p]);
    sims.push(s);
  });
  sims.forEach((s, a) => {
    s.delete(a);
    top.push([...s].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, o.neighbours).map(([b]) => b));
  });
  const parent = far.map((_, a) => a);
  const root = (a: number): number => (parent[a] === a ? a : (parent[a] = root(parent[a])));
  top.forEach((near, a) => {
    for (const b of near) if (b > a && sims[a].get(b)! >= o.similarity && top[b].includes(a)) parent[root(a)] = root(b);
  });
  const parts = new Map<number, number[]>();
  far.forEach((i, a) => (parts.get(root(a)) ?? parts.set(root(a), []).get(root(a))!).push(i));
  return [...parts.values()].filter((p) => p.length >= o.min).sort((a, b) => b.length - a.length || a[0] - b[0]);
}

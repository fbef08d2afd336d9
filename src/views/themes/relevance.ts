/** LDAvis term relevance (Sievert & Shirley 2014): λ·log p(w|t) + (1−λ)·log(p(w|t)/p(w)). */
import type { Cluster } from '../../contract';

/** The cluster's top `n` terms ranked by relevance at `lambda` (falls back to its c-TF-IDF terms). */
export function rankTerms(c: Cluster, lambda: number, n = 6): string[] {
  const stats = c.termStats.filter((s) => s.pwt > 0 && s.pw > 0);
  if (stats.length === 0) return c.terms.slice(0, n).map((t) => t.term);
  const score = (s: { pwt: number; pw: number }) => lambda * Math.log(s.pwt) + (1 - lambda) * Math.log(s.pwt / s.pw);
  return stats
    .map((s) => ({ term: s.term, r: score(s) }))
    .sort((a, b) => b.r - a.r || (a.term < b.term ? -1 : 1))
    .slice(0, n)
    .map((s) => s.term);
}

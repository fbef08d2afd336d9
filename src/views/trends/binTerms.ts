/** What a theme was about in a dump bin: its per-dump terms merged over the bin's dumps. */
import type { AtlasParams, Cluster } from '../../contract';
import { fmtInt } from '../../charts/format';

/**
 * The `n` terms of cluster `c` that most of the given dumps list among their key terms, the stronger
 * first among as many. A term several days' papers share says more of a month than one paper's rare
 * word: with daily dumps a cluster's dump often holds a single paper, whose own words would lead by
 * weight alone ("exam, analyst, belief, pro" for a month of mathematical reasoning).
 */
export function binTerms(c: Cluster, dumpIds: string[], n = 5): string[] {
  const seen = new Map<string, { dumps: number; weight: number }>();
  for (const dt of c.dumpTerms) {
    if (!dumpIds.includes(dt.dump)) continue;
    for (const t of dt.terms) {
      const s = seen.get(t.term) ?? { dumps: 0, weight: 0 };
      seen.set(t.term, { dumps: s.dumps + 1, weight: s.weight + t.weight });
    }
  }
  return [...seen]
    .sort(([a, x], [b, y]) => y.dumps - x.dumps || y.weight - x.weight || (a < b ? -1 : 1))
    .slice(0, n)
    .map(([t]) => t);
}

/**
 * The words before a bin's terms. A corpus larger than its sample keeps the sample's terms per dump
 * (every paper is counted for sizes, trends and each cluster's own terms, not per dump), so the reader
 * is told whose terms they are.
 */
export const aboutLead = (sample: AtlasParams['sample']): string => (sample ? `about (in the ${fmtInt(sample.papers)} sampled papers)` : 'about');

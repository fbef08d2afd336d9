/** What a theme was about in a dump bin: its per-dump terms merged over the bin's dumps. */
import type { AtlasParams, Cluster } from '../../contract';
import { fmtInt } from '../../charts/format';

/** The `n` strongest per-dump terms of cluster `c` over the given dumps. */
export function binTerms(c: Cluster, dumpIds: string[], n = 5): string[] {
  const weights = new Map<string, number>();
  for (const dt of c.dumpTerms) {
    if (!dumpIds.includes(dt.dump)) continue;
    for (const t of dt.terms) weights.set(t.term, (weights.get(t.term) ?? 0) + t.weight);
  }
  return [...weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([t]) => t);
}

/**
 * The words before a bin's terms. A corpus larger than its sample keeps the sample's terms per dump
 * (every paper is counted for sizes, trends and each cluster's own terms, not per dump), so the reader
 * is told whose terms they are.
 */
export const aboutLead = (sample: AtlasParams['sample']): string => (sample ? `about (in the ${fmtInt(sample.papers)} sampled papers)` : 'about');

/** The atlas's updates in the reader's words: the header's line and its tooltip. */
import type { AtlasUpdate, Dump } from '../contract';
import { fmtInt, fmtPct } from '../charts/format';
import { plural } from '../charts/plural';
import { latestUpdate, updateWhen } from '../state/updates';

/** What an update added, in one line: "+59 papers on Sep 11, 1 new cluster" ("…in the latest update" when undated). */
export function updateLine(update: AtlasUpdate, dumps: readonly Dump[]): string {
  const made = update.clusters.length;
  return `+${fmtInt(update.papers)} ${plural(update.papers, 'paper')} ${updateWhen(update, dumps) ?? 'in the latest update'}${made ? `, ${made} new ${plural(made, 'cluster')}` : ''}`;
}

/**
 * The updates since the last full run, for a tooltip: the latest in full (dumps, papers listed again,
 * clusters made, drift in plain words), then the earlier ones a phrase each, newest first; '' without updates.
 */
export function updateDetails(updates: readonly AtlasUpdate[], dumps: readonly Dump[]): string {
  const latest = latestUpdate(updates);
  if (!latest) return '';
  const { papers, again } = latest;
  const n = latest.dumps.length;
  const made = latest.clusters.length;
  return [
    `Latest update: ${fmtInt(papers)} new ${plural(papers, 'paper')} from ${n} ${plural(n, 'dump')} ${updateWhen(latest, dumps) ?? '(undated)'}, placed on the themes of the last full run (earlier papers left as they were).`,
    again ? `${fmtInt(again)} ${plural(again, 'paper was', 'papers were')} already in the atlas and listed again.` : '',
    made ? `${made} new ${plural(made, 'cluster')}, made of new papers far from every earlier cluster.` : '',
    `Drift: ${fmtPct(latest.outside)} of the new papers' words are outside the vocabulary the themes were fitted on; ${fmtPct(latest.far)} of the new papers are far from every earlier cluster.`,
    updates.length > 1 ? `Earlier updates: ${updates.slice(0, -1).reverse().map((u) => updateLine(u, dumps)).join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

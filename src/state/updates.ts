/** The atlas's updates (new dumps mapped onto its fitted model): the latest, what each added, when. */
import type { AtlasUpdate, Dump } from '../contract';
import { orderDumps } from './dumpBins';
import { maskWhere } from './masks';

/** The latest update since the last full run, or null when there is none. */
export function latestUpdate(updates: readonly AtlasUpdate[] | undefined): AtlasUpdate | null {
  return updates?.length ? updates[updates.length - 1] : null;
}

/**
 * When an update's papers are from, as a sentence says it, in the dump labels the page shows: "on Sep 11",
 * "in Oct 2025", "in the week of 2025-10-06", "from Jun 2026 to Jul 2026" for several dated dumps; null
 * when none of its dumps is dated.
 */
export function updateWhen(update: AtlasUpdate, dumps: readonly Dump[]): string | null {
  if (update.date === null) return null;
  const dated = orderDumps(dumps.filter((d) => update.dumps.includes(d.id) && d.date !== null));
  if (dated.length === 0) return `on ${update.date}`;
  const [first, last] = [dated[0].label, dated[dated.length - 1].label];
  const the = (label: string) => (label.startsWith('week of ') ? `the ${label}` : label);
  if (first !== last) return `from ${the(first)} to ${the(last)}`;
  // A week's or a month's dump (`Oct 2025`) is a span, not a day.
  return /^week of |^[A-Z][a-z]{2} \d{4}$/.test(last) ? `in ${the(last)}` : `on ${last}`;
}

/** The clusters the updates made (of new papers far from every earlier cluster), each with the update that made it. */
export function newClusters(updates: readonly AtlasUpdate[] | undefined): Map<number, AtlasUpdate> {
  const out = new Map<number, AtlasUpdate>();
  for (const u of updates ?? []) for (const id of u.clusters) out.set(id, u);
  return out;
}

/** The papers an update added (a run in `papers` from `from`), as a mask of `n` papers. */
export function updateMask(n: number, update: AtlasUpdate): Uint8Array {
  const end = update.from + update.papers;
  return maskWhere(n, (i) => i >= update.from && i < end);
}

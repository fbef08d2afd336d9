/** Change in each theme's share between two dump ranges, with a 95% interval so small dumps read as noise. */
import type { Dump } from '../../contract';
import type { AtlasData } from '../../state/atlasData';
import { binDumps, dumpTime, type DumpBin } from '../../state/dumpBins';
import type { Mask } from '../../state/masks';
import type { DumpRange } from '../../state/viewOptions.svelte';

export interface CompareRow {
  cluster: number;
  slot: number;
  countA: number;
  countB: number;
  shareA: number;
  shareB: number;
  /** shareB − shareA. */
  delta: number;
  /** Half-width of the 95% interval of the difference of two proportions (Wald; 0 when a side is empty). */
  ci: number;
}

export interface Comparison {
  rows: CompareRow[];
  /** Papers in each range (a paper in several dumps of a range counts once). */
  nA: number;
  nB: number;
}

/** Each theme's share of the papers in periods A and B (inclusive dump ranges) and its change. */
export function compareRanges(data: AtlasData, mask: Mask, a: DumpRange, b: DumpRange): Comparison {
  const k = data.clusters.length;
  const ca = new Array<number>(k).fill(0);
  const cb = new Array<number>(k).fill(0);
  let nA = 0;
  let nB = 0;
  const within = (r: DumpRange, ds: number[]) => ds.some((d) => d >= r[0] && d <= r[1]);
  data.papers.forEach((p, i) => {
    if (mask && !mask[i]) return;
    const slot = data.clusterSlot.get(p.cluster) ?? 0;
    if (within(a, data.paperDumps[i])) (ca[slot]++, nA++);
    if (within(b, data.paperDumps[i])) (cb[slot]++, nB++);
  });
  const rows = data.clusters.map((c, slot) => {
    const shareA = nA ? ca[slot] / nA : 0;
    const shareB = nB ? cb[slot] / nB : 0;
    const ci = nA && nB ? 1.96 * Math.sqrt((shareA * (1 - shareA)) / nA + (shareB * (1 - shareB)) / nB) : 0;
    return { cluster: c.id, slot, countA: ca[slot], countB: cb[slot], shareA, shareB, delta: shareB - shareA, ci };
  });
  rows.sort((x, y) => y.delta - x.delta || x.cluster - y.cluster);
  return { rows, nA, nB };
}

/** A ready-made pair of periods to compare: the questions a reader asks of dated dumps. */
export interface ComparePreset {
  id: 'run' | 'months' | 'quarters' | 'halves';
  /** What it compares, in words ("Last two months"). */
  label: string;
  /** The periods it picks, in words ("May 2026 → Jun 2026"). */
  detail: string;
  a: DumpRange;
  b: DumpRange;
}

const QUARTER = ['Q1', 'Q2', 'Q3', 'Q4'];

/**
 * The presets that fit these dumps (in date order, undated last): the brushed run of dumps against
 * the same number of dumps before it; the last two whole months; the last two quarters; the two halves
 * of the dated span. A month holding fewer than half the usual dumps (one under way) is left out of
 * the months and quarters, so a preset never compares a full period with a sliver of one.
 */
export function comparePresets(dumps: readonly Dump[], run: DumpRange | null = null): ComparePreset[] {
  const out: ComparePreset[] = [];
  const label = (r: DumpRange) => (r[0] === r[1] ? dumps[r[0]].label : `${dumps[r[0]].label} – ${dumps[r[1]].label}`);
  if (run && run[0] > 0) {
    const len = run[1] - run[0] + 1;
    const a: DumpRange = [Math.max(0, run[0] - len), run[0] - 1];
    out.push({ id: 'run', label: 'Selected dates against as many dumps before', detail: `${label(a)} → ${label(run)}`, a, b: run });
  }
  const months = binDumps(dumps as Dump[], 'month').filter((b) => !b.undated && !b.partial);
  const span = (bins: readonly DumpBin[]): DumpRange => [bins[0].dumps[0], bins[bins.length - 1].dumps[bins[bins.length - 1].dumps.length - 1]];
  if (months.length >= 2) {
    const [m1, m2] = months.slice(-2);
    out.push({ id: 'months', label: 'Last two months', detail: `${m1.label} → ${m2.label}`, a: span([m1]), b: span([m2]) });
  }
  const quarters: { name: string; bins: DumpBin[] }[] = [];
  for (const m of months) {
    const t = new Date(dumpTime(dumps[m.dumps[0]].date)!);
    const name = `${QUARTER[Math.floor(t.getUTCMonth() / 3)]}${/^\d{4}/.test(dumps[m.dumps[0]].date ?? '') ? ` ${t.getUTCFullYear()}` : ''}`;
    if (quarters.at(-1)?.name === name) quarters.at(-1)!.bins.push(m);
    else quarters.push({ name, bins: [m] });
  }
  if (quarters.length >= 2) {
    const [q1, q2] = quarters.slice(-2);
    out.push({ id: 'quarters', label: 'This quarter against the last', detail: `${q1.name} → ${q2.name}`, a: span(q1.bins), b: span(q2.bins) });
  }
  const dated = dumps.filter((d) => d.date !== null).length;
  if (dated >= 2) {
    const half = Math.floor(dated / 2);
    const a: DumpRange = [0, half - 1];
    const b: DumpRange = [half, dated - 1];
    out.push({ id: 'halves', label: 'First half against second half', detail: `${label(a)} → ${label(b)}`, a, b });
  }
  return out;
}

/**
 * The periods Compare opens on: the first preset that fits (the brushed run, else the last two
 * months, the last two quarters, the two halves), or the first two dumps when nothing is dated.
 */
export function defaultRanges(dumps: readonly Dump[], run: DumpRange | null = null): [DumpRange, DumpRange] {
  const p = comparePresets(dumps, run)[0];
  if (p) return [p.a, p.b];
  return [[0, 0], [Math.min(1, dumps.length - 1), Math.min(1, dumps.length - 1)]];
}

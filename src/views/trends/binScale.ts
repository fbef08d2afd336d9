/** The x axis of the trend charts: one band per dump bin, the undated bin set apart after a gap. */
import { max, scaleBand, type ScaleBand } from 'd3';
import type { DumpBin } from '../../state/dumpBins';

/** Domain key of the gap before the undated bin. */
export const GAP = '\u0000gap';

export interface BinScale {
  x: ScaleBand<string>;
  /** Whether an undated bin stands apart after dated ones. */
  hasUndated: boolean;
  /** Label every this many bins so labels do not collide. */
  labelEvery: number;
}

/** The band scale over `plotW` px, and how sparsely to label it (`labelWidth` measures a label). */
export function binScale(bins: readonly DumpBin[], plotW: number, labelWidth: (label: string) => number): BinScale {
  const hasUndated = bins.some((b) => b.undated) && bins.some((b) => !b.undated);
  const domain = bins.flatMap((b) => (b.undated && hasUndated ? [GAP, b.key] : [b.key]));
  const x = scaleBand(domain, [0, plotW]).paddingInner(0.22).paddingOuter(0.1);
  const labelEvery = Math.max(1, Math.ceil(((max(bins, (b) => labelWidth(b.label)) ?? 30) + 10) / Math.max(1, x.step())));
  return { x, hasUndated, labelEvery };
}

/**
 * Which bins carry an x label: every `every`-th, plus the `bold` ones (the selected bin, a run's
 * ends), which always do; a regular label that would run into a bold one gives way.
 */
export function labelledBins(count: number, every: number, bold: (i: number) => boolean): boolean[] {
  return Array.from({ length: count }, (_, i) => {
    if (bold(i)) return true;
    if (i % every !== 0) return false;
    for (let j = Math.max(0, i - every + 1); j < Math.min(count, i + every); j++) if (j !== i && bold(j)) return false;
    return true;
  });
}

/**
 * Arrow keys walk the bins and Enter selects the one in focus, as an application widget does:
 * returns the bin now in focus, or null when the key is not one of these.
 */
export function walkBins(e: KeyboardEvent, focus: number, count: number, onselect: (bin: number) => void): number | null {
  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
    e.preventDefault();
    return Math.max(0, Math.min(count - 1, focus + (e.key === 'ArrowRight' ? 1 : -1)));
  }
  if (e.key === 'Enter' && focus >= 0) onselect(focus);
  return null;
}

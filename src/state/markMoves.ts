/** What a reader's marks would change at the next run: per named theme, the papers that would join it and those that would leave. */
import type { Paper, Theme } from '../contract';
import type { MarkEntry } from './themeMarks.svelte';

export interface MarkMoves {
  theme: string;
  /** Marks "belongs" and "not" on the theme. */
  in: number;
  out: number;
  /** Indices of papers marked "belongs" that are not in the theme now (they would join it), in marking order. */
  join: number[];
  /** Indices of papers marked "not" that are in the theme now (they would leave it). */
  leave: number[];
}

/**
 * Per named theme (in `themes` order), its marks and the papers they would move: a paper is in a
 * theme now when its cluster is the theme's. Marks of papers not in `paperIndex` are not counted.
 */
export function markMoves(themes: readonly Theme[], marks: readonly MarkEntry[], papers: readonly Paper[], paperIndex: ReadonlyMap<string, number>): MarkMoves[] {
  return themes.map((t) => {
    const clusters = new Set(t.clusters);
    const out: MarkMoves = { theme: t.id, in: 0, out: 0, join: [], leave: [] };
    for (const m of marks) {
      const i = m.theme === t.id ? paperIndex.get(m.paper) : undefined;
      if (i === undefined) continue;
      const inTheme = clusters.has(papers[i].cluster);
      if (m.mark === 'in') {
        out.in++;
        if (!inTheme) out.join.push(i);
      } else {
        out.out++;
        if (inTheme) out.leave.push(i);
      }
    }
    return out;
  });
}

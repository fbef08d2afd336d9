/** How each view is shown (not what is selected): modes, bins, thresholds. All of it goes in the URL. */
import type { BinUnit } from './dumpBins';
import { MapZoom } from './mapZoom.svelte';

export type TrendMode = 'count' | 'share' | 'lines';
export type TrendTab = 'volume' | 'compare';
export type CoocMode = 'network' | 'matrix';
/** Orders of the papers table: `auto` is best matches first when searching, else each theme's most typical papers first. */
export const SORT_KEYS = ['auto', 'rank', 'title', 'theme', 'dumps'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
/** Themes by top-level theme and size, or all of them rising first. */
export type ThemeOrder = 'size' | 'trend';
/** An inclusive range of dump positions (in date order). */
export type DumpRange = [number, number];

/** Defaults of the view options; a default is left out of the URL. */
export const VIEW_DEFAULTS = {
  trendMode: 'count' as TrendMode,
  trendTab: 'volume' as TrendTab,
  bin: 'auto' as BinUnit | 'auto',
  coocMode: 'network' as CoocMode,
  minLink: null as number | null,
  lambda: 0.6,
  sortKey: 'auto' as SortKey,
  sortAsc: true,
  themeOrder: 'size' as ThemeOrder,
};

/** The view options, one reactive field each. */
export class ViewOptions {
  trendMode = $state(VIEW_DEFAULTS.trendMode);
  trendTab = $state(VIEW_DEFAULTS.trendTab);
  bin = $state(VIEW_DEFAULTS.bin);
  /** The top-level theme whose clusters the trends show, or null for the top-level themes themselves. */
  trendGroup = $state<number | null>(null);
  /** With a theme selected, the trends show all themes (the selected one highlighted) instead of the theme's own trend. */
  trendAll = $state(false);
  /** The two periods the compare chart contrasts; null picks the first and last dated dump. */
  compareA = $state.raw<DumpRange | null>(null);
  compareB = $state.raw<DumpRange | null>(null);
  coocMode = $state(VIEW_DEFAULTS.coocMode);
  /** Fewest papers a keyword link needs to be drawn; null picks it so the network stays readable. */
  minLink = $state(VIEW_DEFAULTS.minLink);
  /** LDAvis relevance weight λ: 1 ranks terms by frequency in the theme, 0 by lift (specificity). */
  lambda = $state(VIEW_DEFAULTS.lambda);
  sortKey = $state(VIEW_DEFAULTS.sortKey);
  sortAsc = $state(VIEW_DEFAULTS.sortAsc);
  themeOrder = $state(VIEW_DEFAULTS.themeOrder);
  readonly zoom = new MapZoom();
}

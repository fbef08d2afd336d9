/** The selection and view options as URL parameters, so a link reproduces what a user sees. */
import type { BinUnit } from './dumpBins';
import type { Polygon } from './pointIndex';
import type { SelectionState } from './selection.svelte';
import type { MarkEntry } from './themeMarks.svelte';
import { SORT_KEYS, VIEW_DEFAULTS, type CoocMode, type DumpRange, type SortKey, type ThemeOrder, type TrendMode, type TrendTab, type ViewOptions } from './viewOptions.svelte';

/** What a link carries beyond the selection and view: the selected theme's stable key and the user's renames. */
export interface LinkExtras {
  /** The stable key of a cluster id (see Cluster.key); the id itself when absent. */
  clusterKey?: (id: number) => string | undefined;
  /** Renamed themes by cluster key. */
  names?: Record<string, string>;
  /** A reader's marks on papers (the caller leaves them out when they would make the link too long). */
  marks?: readonly MarkEntry[];
}

/** Parameters `readParams` leaves to the caller, who knows the data: raw theme key, `key:name` renames and marks. */
export interface LinkRefs {
  theme: string | null;
  names: string[];
  /** Marks that parse (`<theme>:in:<paper>` or `<theme>:out:<paper>`); whether they name this data's themes and papers is the caller's to check. */
  marks: MarkEntry[];
}

/** Writes state into `params` (keeping unrelated ones such as `data`); defaults are left out. */
export function writeParams(params: URLSearchParams, sel: SelectionState, view: ViewOptions, extras: LinkExtras = {}): URLSearchParams {
  const out = new URLSearchParams();
  const data = params.get('data');
  if (data) out.set('data', data);
  const put = (k: string, v: string | null, dflt: string | null = null) => {
    if (v !== null && v !== '' && v !== dflt) out.set(k, v);
  };
  put('theme', sel.cluster === null ? null : (extras.clusterKey?.(sel.cluster) ?? String(sel.cluster)));
  put('dump', sel.dump);
  // A run of dumps as its first and last id, each its own parameter (an id may hold any character).
  for (const id of sel.dumps ?? []) out.append('dumps', id);
  put('kw', sel.keyword);
  put('q', sel.search.trim());
  put('lasso', sel.lasso ? sel.lasso.map(([x, y]) => `${round(x)},${round(y)}`).join(';') : null);
  put('update', sel.update ? 'latest' : null);
  put('paper', sel.paper);
  put('trend', view.trendMode, VIEW_DEFAULTS.trendMode);
  put('tab', view.trendTab, VIEW_DEFAULTS.trendTab);
  put('bin', view.bin, VIEW_DEFAULTS.bin);
  put('group', view.trendGroup === null ? null : String(view.trendGroup));
  put('stack', view.trendAll ? '1' : null);
  put('a', range(view.compareA));
  put('b', range(view.compareB));
  put('net', view.coocMode, VIEW_DEFAULTS.coocMode);
  put('min', view.minLink === null ? null : String(view.minLink));
  put('lambda', String(view.lambda), String(VIEW_DEFAULTS.lambda));
  put('sort', `${view.sortKey}${view.sortAsc ? '' : '-'}`, VIEW_DEFAULTS.sortKey);
  put('order', view.themeOrder, VIEW_DEFAULTS.themeOrder);
  const z = view.zoom;
  put('map', z.zoomed ? [Math.round(z.k * 100) / 100, ...(z.centre ?? []).map(round)].join(',') : null);
  for (const [key, name] of Object.entries(extras.names ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out.append('name', `${key}:${name}`);
  for (const m of extras.marks ?? []) out.append('mark', `${m.theme}:${m.mark}:${m.paper}`);
  return out;
}

/**
 * Reads state from URL parameters; anything malformed is ignored rather than breaking the page. The
 * theme and renames name clusters by key, which only the data can resolve: they are returned raw.
 */
export function readParams(params: URLSearchParams, sel: SelectionState, view: ViewOptions): LinkRefs {
  const get = (k: string) => params.get(k);
  const int = (k: string) => (/^-?\d+$/.test(get(k) ?? '') ? Number(get(k)) : null);
  sel.cluster = null;
  sel.dump = get('dump');
  const run = params.getAll('dumps');
  sel.dumps = run.length === 2 && sel.dump === null ? [run[0], run[1]] : null;
  sel.keyword = get('kw');
  sel.search = get('q') ?? '';
  sel.lasso = polygon(get('lasso'));
  sel.update = get('update') === 'latest';
  sel.paper = get('paper');
  view.trendMode = oneOf<TrendMode>(get('trend'), ['count', 'share', 'lines'], VIEW_DEFAULTS.trendMode);
  view.trendTab = oneOf<TrendTab>(get('tab'), ['volume', 'compare'], VIEW_DEFAULTS.trendTab);
  view.bin = oneOf<BinUnit | 'auto'>(get('bin'), ['auto', 'day', 'week', 'month'], VIEW_DEFAULTS.bin);
  view.trendGroup = int('group');
  view.trendAll = get('stack') === '1';
  view.compareA = parseRange(get('a'));
  view.compareB = parseRange(get('b'));
  view.coocMode = oneOf<CoocMode>(get('net'), ['network', 'matrix'], VIEW_DEFAULTS.coocMode);
  const min = int('min');
  view.minLink = min === null ? VIEW_DEFAULTS.minLink : Math.max(1, min);
  const lambda = Number(get('lambda') ?? NaN);
  view.lambda = lambda >= 0 && lambda <= 1 ? lambda : VIEW_DEFAULTS.lambda;
  const sort = get('sort') ?? '';
  view.sortKey = oneOf<SortKey>(sort.replace(/-$/, ''), SORT_KEYS, VIEW_DEFAULTS.sortKey);
  view.sortAsc = !sort.endsWith('-');
  view.themeOrder = oneOf<ThemeOrder>(get('order'), ['size', 'trend'], VIEW_DEFAULTS.themeOrder);
  const map = (get('map') ?? '').split(',').map(Number);
  if (map.length === 3 && map.every(Number.isFinite) && map[0] > 0) [view.zoom.k, view.zoom.centre] = [map[0], [map[1], map[2]]];
  else if (map.length === 1 && map[0] > 0) view.zoom.k = map[0];
  const marks = params.getAll('mark').flatMap((raw): MarkEntry[] => {
    const m = /^([a-z0-9][a-z0-9-]*):(in|out):(.+)$/.exec(raw);
    return m ? [{ theme: m[1], mark: m[2] as MarkEntry['mark'], paper: m[3] }] : [];
  });
  return { theme: get('theme') || null, names: params.getAll('name'), marks };
}

/** The query string, with commas, semicolons, colons and slashes left readable (a query needs no escaping for them). */
export const toQuery = (params: URLSearchParams): string => params.toString().replace(/%(2C|3B|3A|2F)/gi, (m) => decodeURIComponent(m));

const round = (x: number) => Math.round(x * 1000) / 1000;
const range = (r: DumpRange | null) => (r ? `${r[0]}-${r[1]}` : null);

function parseRange(s: string | null): DumpRange | null {
  const m = s?.match(/^(\d+)-(\d+)$/);
  return m ? [Math.min(+m[1], +m[2]), Math.max(+m[1], +m[2])] : null;
}

function polygon(s: string | null): Polygon | null {
  if (!s) return null;
  const pts = s.split(';').map((p) => p.split(',').map(Number) as [number, number]);
  return pts.length >= 3 && pts.every((p) => p.length === 2 && p.every(Number.isFinite)) ? pts : null;
}

function oneOf<T extends string>(v: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(v as T) ? (v as T) : fallback;
}

import type { Atlas, Cluster, ClusterTerm, Group } from '../../contract';
import { stableId } from '../ingest/identity';

/** A cluster as identity sees it: its papers (by paper id), top terms and named theme. */
export interface ClusterContent {
  members: string[];
  terms: ClusterTerm[];
  theme: string | null;
}

/** A cluster of an earlier run of the same data set, with the key it had. */
export interface PreviousCluster extends ClusterContent {
  key: string;
  label: string;
}

export interface IdentityOptions {
  /** Least Jaccard overlap of the papers both runs hold for a cluster to keep an earlier key. Default 0.3. */
  minOverlap?: number;
  /** Least cosine of top-term weights for a cluster with no shared papers to keep an earlier key. Default 0.5. */
  minTermSimilarity?: number;
}

export const IDENTITY_DEFAULTS: Required<IdentityOptions> = { minOverlap: 0.3, minTermSimilarity: 0.5 };

export interface Identity {
  /** A key per cluster, stable across runs: renames and links use it. */
  keys: string[];
  /** How each cluster got its key. */
  via: ('theme' | 'papers' | 'terms' | 'new')[];
  /** Earlier clusters no cluster of this run carries on. */
  dropped: PreviousCluster[];
}

/**
 * Keys that survive re-running the pipeline. A named theme's cluster is keyed by its theme. Every
 * other cluster takes the key of the earlier cluster it carries on: the one whose papers it shares
 * most (Jaccard over the papers both runs hold, so a data set that grew still matches), or, among
 * clusters with no shared papers, the one with the most alike top terms; one-to-one, best pairs
 * first. A cluster that carries on none gets a key hashed from its papers, so the same inputs give
 * the same keys with or without an earlier run.
 */
export function clusterIdentity(clusters: ClusterContent[], previous: PreviousCluster[] = [], options: IdentityOptions = {}): Identity {
  const o = { ...IDENTITY_DEFAULTS, ...options };
  const keys: (string | null)[] = clusters.map((c) => (c.theme ? `theme:${c.theme}` : null));
  const via: Identity['via'] = clusters.map((c) => (c.theme ? 'theme' : 'new'));
  const used = new Set<number>();
  previous.forEach((p, j) => {
    if (p.theme && keys.includes(p.key)) used.add(j);
  });
  const free = (j: number) => !used.has(j) && !previous[j].theme;

  // Pass 1: shared papers.
  const pairs = overlapPairs(clusters.map((c) => c.members), previous.map((p) => p.members), o.minOverlap, (i) => keys[i] !== null);
  match(pairs, keys, via, used, free, previous, 'papers');

  // Pass 2: top terms, for clusters and earlier clusters that share no papers with any match.
  const termPairs: typeof pairs = [];
  clusters.forEach((c, i) => {
    if (keys[i]) return;
    previous.forEach((p, j) => {
      if (!free(j)) return;
      const score = termCosine(c.terms, p.terms);
      if (score >= o.minTermSimilarity) termPairs.push({ i, j, score });
    });
  });
  match(termPairs, keys, via, used, free, previous, 'terms');

  const taken = new Set(keys.filter((k): k is string => k !== null).concat(previous.map((p) => p.key)));
  const out = keys.map((k, i) => k ?? hashedKey(clusters[i].members, taken));
  return { keys: out, via, dropped: previous.filter((_, j) => !used.has(j)) };
}

/** A new cluster's key, hashed from its papers' ids (`-2`, `-3`… when `taken` has it); added to `taken`. */
export function hashedKey(members: readonly string[], taken: Set<string>): string {
  const base = `c${stableId([...members].sort().join(' ')).slice(0, 8)}`;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

/**
 * Pairs of a set of this run and one of an earlier run whose papers overlap by at least `minOverlap`
 * (Jaccard over the papers both runs hold, so a data set that grew still matches); sets for which
 * `skip` holds are left out.
 */
function overlapPairs(now: readonly string[][], earlier: readonly string[][], minOverlap: number, skip: (i: number) => boolean = () => false): { i: number; j: number; score: number }[] {
  const nowIds = new Set(now.flat());
  const before = new Map<string, number>();
  earlier.forEach((ids, j) => ids.forEach((id) => before.set(id, j)));
  const prevShared = earlier.map((ids) => ids.filter((id) => nowIds.has(id)).length);
  const pairs: { i: number; j: number; score: number }[] = [];
  now.forEach((ids, i) => {
    if (skip(i)) return;
    const overlap = new Map<number, number>();
    let shared = 0;
    for (const id of ids) {
      const j = before.get(id);
      if (j === undefined) continue;
      shared++;
      overlap.set(j, (overlap.get(j) ?? 0) + 1);
    }
    for (const [j, both] of overlap) {
      const score = both / (shared + prevShared[j] - both);
      if (score >= minOverlap) pairs.push({ i, j, score });
    }
  });
  return pairs;
}

/** One-to-one matching, best-scoring pairs first (ties by cluster order, so it is deterministic). */
function match(
  pairs: { i: number; j: number; score: number }[],
  keys: (string | null)[],
  via: Identity['via'],
  used: Set<number>,
  free: (j: number) => boolean,
  previous: PreviousCluster[],
  how: 'papers' | 'terms',
): void {
  pairs.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  for (const { i, j } of pairs) {
    if (keys[i] || !free(j)) continue;
    keys[i] = previous[j].key;
    via[i] = how;
    used.add(j);
  }
}

function termCosine(a: ClusterTerm[], b: ClusterTerm[]): number {
  const wb = new Map(b.map((t) => [t.term, t.weight]));
  let dot = 0;
  for (const t of a) dot += t.weight * (wb.get(t.term) ?? 0);
  const norm = (ts: ClusterTerm[]) => Math.sqrt(ts.reduce((s, t) => s + t.weight * t.weight, 0));
  const d = norm(a) * norm(b);
  return d > 0 ? dot / d : 0;
}

/** Gives each cluster its key (`clusterIdentity` over the papers each holds); returns how, and the earlier clusters dropped. */
export function keyClusters(clusters: Cluster[], assign: ArrayLike<number>, paperIds: readonly string[], previous?: PreviousCluster[], options?: IdentityOptions): Identity {
  const members = clusters.map(() => [] as string[]);
  for (let i = 0; i < paperIds.length; i++) members[assign[i]].push(paperIds[i]);
  const identity = clusterIdentity(
    clusters.map((c, i) => ({ members: members[i], terms: c.terms, theme: c.theme })),
    previous,
    options,
  );
  clusters.forEach((c, i) => (c.key = identity.keys[i]));
  return identity;
}

/** The clusters of an earlier atlas, for `clusterIdentity`; none when it predates cluster keys. */
export function previousClusters(atlas: Pick<Atlas, 'clusters' | 'papers'>): PreviousCluster[] {
  if (!atlas.clusters.every((c) => typeof c.key === 'string')) return [];
  const members = atlas.clusters.map(() => [] as string[]);
  const index = new Map(atlas.clusters.map((c, i) => [c.id, i]));
  for (const p of atlas.papers) {
    const i = index.get(p.cluster);
    if (i !== undefined) members[i].push(p.id);
  }
  return atlas.clusters.map((c, i) => ({ key: c.key, label: c.label, members: members[i], terms: c.terms, theme: c.theme }));
}

/** A top-level theme of an earlier run: its key, label, colour and papers. */
export interface PreviousGroup {
  key: string;
  label: string;
  hue: number;
  members: string[];
}

/** How the top-level themes carried on: which kept an earlier key, colour and label, and which earlier ones are gone. */
export interface GroupIdentity {
  /** Per group, whether it carries on an earlier one. */
  carried: boolean[];
  dropped: PreviousGroup[];
}

/** Palette size the hues index into (charts/palette's list). */
const HUES = 16;

/**
 * Keys, colours and labels of top-level themes that survive a rebuild. A top-level theme carries on
 * the earlier one whose papers it shares most (Jaccard over the papers both runs hold, at least
 * `minOverlap`; one-to-one, best pairs first) and takes its key, label and colour, so a reader keeps
 * their bearings; the others get a key hashed from their papers and the first colours no carried
 * theme uses. Sets `key` and `hue` (and a carried label) on `groups` in place.
 */
export function keyGroups(groups: Group[], members: readonly string[][], previous: readonly PreviousGroup[] = [], options: IdentityOptions = {}): GroupIdentity {
  const o = { ...IDENTITY_DEFAULTS, ...options };
  const pairs = overlapPairs(members, previous.map((p) => p.members), o.minOverlap);
  pairs.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  const match = new Array<number>(groups.length).fill(-1);
  const used = new Set<number>();
  for (const { i, j } of pairs) {
    if (match[i] >= 0 || used.has(j)) continue;
    match[i] = j;
    used.add(j);
  }
  const hues = new Set(match.filter((j) => j >= 0).map((j) => previous[j].hue));
  const taken = new Set(match.filter((j) => j >= 0).map((j) => previous[j].key).concat(previous.map((p) => p.key)));
  let nextHue = 0;
  groups.forEach((g, i) => {
    const j = match[i];
    if (j >= 0) {
      g.key = previous[j].key;
      g.hue = previous[j].hue;
      g.label = previous[j].label;
      return;
    }
    const base = `g${stableId([...members[i]].sort().join(' ')).slice(0, 8)}`;
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    taken.add(key);
    g.key = key;
    while (hues.has(nextHue % HUES) && nextHue < HUES) nextHue++;
    g.hue = nextHue % HUES;
    hues.add(g.hue);
  });
  return { carried: match.map((j) => j >= 0), dropped: previous.filter((_, j) => !used.has(j)) };
}

/** The top-level themes of an earlier atlas, for `keyGroups`; none when it predates their keys. */
export function previousGroups(atlas: Pick<Atlas, 'groups' | 'clusters' | 'papers'>): PreviousGroup[] {
  if (!atlas.groups.every((g) => typeof g.key === 'string')) return [];
  const groupOf = new Map(atlas.clusters.map((c) => [c.id, c.group]));
  const members = atlas.groups.map(() => [] as string[]);
  const index = new Map(atlas.groups.map((g, i) => [g.id, i]));
  for (const p of atlas.papers) {
    const i = index.get(groupOf.get(p.cluster) ?? -1);
    if (i !== undefined) members[i].push(p.id);
  }
  return atlas.groups.map((g, i) => ({ key: g.key!, label: g.label, hue: g.hue ?? g.id, members: members[i] }));
}

/** The keyword network of a subset of papers: term and link counts recounted from `papers[].keywords`. */
import type { Atlas, Paper } from '../../contract';
import type { Mask } from '../../state/masks';
import { associationStrength } from '../../pipeline/cooccur/association';

export interface NetTerm {
  term: string;
  count: number;
  cluster: number;
  x: number;
  y: number;
}

export interface NetLink {
  /** Indices into `terms`. */
  s: number;
  t: number;
  count: number;
  strength: number;
}

export interface Network {
  terms: NetTerm[];
  links: NetLink[];
  /** Papers the counts are over. */
  papers: number;
}

/** Each paper's network terms as indices into `co.terms`, distinct and ascending: paper i's are `ids[starts[i]] .. ids[starts[i + 1] - 1]`. */
interface PaperTerms {
  starts: Int32Array;
  ids: Int32Array;
}

const termIndex = new WeakMap<Atlas['cooccurrence'], WeakMap<Paper[], PaperTerms>>();

/** The papers arrays whose terms are indexed for this network. */
const indexedFor = (co: Atlas['cooccurrence']) => termIndex.get(co) ?? termIndex.set(co, new WeakMap()).get(co)!;

/** The network terms of every paper, found once per network and papers array (a recount at a million papers then reads integers, not keyword strings). */
function paperTerms(co: Atlas['cooccurrence'], papers: Paper[]): PaperTerms {
  const known = indexedFor(co);
  const kept = known.get(papers);
  if (kept) return kept;
  const index = termIndexer(co, papers);
  index.add(papers.length);
  const terms = index.done();
  known.set(papers, terms);
  return terms;
}

/**
 * Indexes the network terms of every paper ahead of the first recount, `budget` ms of papers at a
 * time, awaiting `pause()` between (at a million papers the index takes some 0.3-0.5 s, which in one
 * task held the page as the keywords came in with a theme selected). The papers' keywords must be final.
 */
export async function indexPaperTerms(co: Atlas['cooccurrence'], papers: Paper[], pause: () => Promise<void>, budget = 8): Promise<void> {
  const known = indexedFor(co);
  if (known.has(papers)) return;
  const index = termIndexer(co, papers);
  let start = performance.now();
  while (index.next < papers.length) {
    if (performance.now() - start >= budget) {
      await pause();
      // A recount meanwhile indexed them all.
      if (known.has(papers)) return;
      start = performance.now();
    }
    index.add(Math.min(papers.length, index.next + 4096));
  }
  known.set(papers, index.done());
}

/** Indexes papers in order: `add(to)` takes those up to `to`, `done()` gives the index of all. */
function termIndexer(co: Atlas['cooccurrence'], papers: Paper[]) {
  const at = new Map(co.terms.map((t, i) => [t.term, i]));
  const starts = new Int32Array(papers.length + 1);
  // Into one growing typed array, each paper's ids kept ascending and distinct as they are inserted
  // (a paper has a handful of keywords): per-paper arrays and sets for a million papers took over a
  // second.
  let ids = new Int32Array(Math.max(16, papers.length * 2));
  let n = 0;
  const indexer = {
    next: 0,
    add(to: number) {
      for (let i = indexer.next; i < to; i++) {
        const from = n;
        for (const k of papers[i].keywords) {
          const id = at.get(k);
          if (id === undefined) continue;
          let j = n;
          while (j > from && ids[j - 1] > id) j--;
          if (j > from && ids[j - 1] === id) continue;
          if (n === ids.length) {
            const more = new Int32Array(ids.length * 2);
            more.set(ids);
            ids = more;
          }
          ids.copyWithin(j + 1, j, n);
          ids[j] = id;
          n++;
        }
        starts[i + 1] = n;
      }
      indexer.next = to;
    },
    done: (): PaperTerms => ({ starts, ids: ids.slice(0, n) }),
  };
  return indexer;
}

/**
 * The network for the papers in `mask` (all papers when null), keeping the precomputed positions.
 * With a mask the papers' keywords must be final: their terms are indexed once per papers array.
 */
export function subsetNetwork(co: Atlas['cooccurrence'], papers: Paper[], mask: Mask): Network {
  const at = new Map(co.terms.map((t, i) => [t.term, i]));
  const resolve = (l: { source: string; target: string }) => [at.get(l.source), at.get(l.target)] as const;
  if (!mask) {
    const links: NetLink[] = [];
    for (const l of co.links) {
      const [s, t] = resolve(l);
      if (s !== undefined && t !== undefined) links.push({ s, t, count: l.count, strength: l.strength });
    }
    return { terms: co.terms.map((t) => ({ ...t })), links, papers: papers.length };
  }

  const { starts, ids } = paperTerms(co, papers);
  const counts = new Array<number>(co.terms.length).fill(0);
  const pairs = new Map<number, number>();
  const T = co.terms.length;
  let n = 0;
  for (let i = 0; i < papers.length; i++) {
    if (!mask[i]) continue;
    n++;
    for (let a = starts[i]; a < starts[i + 1]; a++) {
      counts[ids[a]]++;
      for (let b = a + 1; b < starts[i + 1]; b++) pairs.set(ids[a] * T + ids[b], (pairs.get(ids[a] * T + ids[b]) ?? 0) + 1);
    }
  }
  const links: NetLink[] = [];
  for (const l of co.links) {
    const [a, b] = resolve(l);
    if (a === undefined || b === undefined) continue;
    const [s, t] = a < b ? [a, b] : [b, a];
    const c = pairs.get(s * T + t) ?? 0;
    if (c > 0) links.push({ s, t, count: c, strength: associationStrength(c, n, counts[s], counts[t]) });
  }
  return { terms: co.terms.map((t, i) => ({ ...t, count: counts[i] })), links, papers: n };
}

/** Smallest link threshold that leaves at most `budget` links: beyond a few hundred lines a network is a hairball. */
export function autoMinLink(links: NetLink[], budget = 160): number {
  const counts = links.map((l) => l.count).sort((a, b) => b - a);
  return counts.length <= budget ? 1 : Math.max(1, counts[budget] + 1);
}

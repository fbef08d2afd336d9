import type { Cluster, ClusterTerm, Dump, Group, TermStat } from '../../contract';
import { sig4 } from '../round';
import type { ThemeSpec } from '../themes';
import { sumTermRuns } from '../vectorize/sparse';
import type { Tfidf } from '../vectorize/tfidf';
import { ClassTfidf, labelFromTerms } from './ctfidf';
import { paperKeywords } from './keywords';

export interface DescribeOptions {
  /** Key terms listed per cluster. Default 10. */
  clusterTerms?: number;
  /** Candidate terms per cluster with p(w|t) and p(w), for the relevance slider. Default 30. */
  termStats?: number;
  /** Key terms (and candidates) per cluster and dump. Default 5. */
  dumpTerms?: number;
  /** Key terms listed per top-level theme; a term among another theme's first this many names that one. Default 10. */
  groupTerms?: number;
  /** Candidate terms a top-level theme's name is chosen from. Default 20. */
  groupCandidates?: number;
  /** Keywords listed per paper. Default 8. */
  keywordsPerPaper?: number;
}

export const DESCRIBE_DEFAULTS = { clusterTerms: 10, termStats: 30, dumpTerms: 5, groupTerms: 10, groupCandidates: 20, keywordsPerPaper: 8 };

/** What the description stage reads: the TF-IDF (its raw counts), the two levels of clusters and the dumps. */
export interface DescribeInput {
  tf: Tfidf;
  /** Cluster of each paper. */
  assign: Int32Array;
  /** Top-level theme of each cluster. */
  clusterGroup: readonly number[];
  groups: number;
  /** The named theme of each cluster, or null. */
  clusterTheme: readonly (ThemeSpec | null)[];
  dumps: readonly Dump[];
  /** Dump ids of each paper. */
  paperDumps: readonly (readonly string[])[];
  /** All named themes (a top-level theme is not named after one it holds only part of). */
  themes: readonly ThemeSpec[];
  /** A user's phrase as the corpus's term (the terms stage's `normalize`). */
  normalize: (text: string) => string[];
}

export interface Description {
  /** Clusters with labels and terms; `key` is left empty for the identity stage. */
  clusters: Cluster[];
  groups: Group[];
  /** Each paper's keywords. */
  keywords: string[][];
  /** The clusters' class-based TF-IDF, which new papers' clusters are described by (see ../model). */
  classTfidf: ClassTfidf;
  /** What describes the clusters and top-level themes again over more papers (see `redescribe`). */
  counts: ClassCounts;
}

/** Raw term counts by vocabulary index summed per cluster, and the named themes' terms a top-level theme is not named after. */
export interface ClassCounts {
  classes: Float64Array[];
  themeTerms: string[];
}

/** Key terms and term statistics as written (four significant digits). */
export const roundTerms = (ts: readonly ClusterTerm[]) => ts.map((t) => ({ term: t.term, weight: sig4(t.weight) }));
export const roundStats = (ts: readonly TermStat[]) => ts.map((s) => ({ term: s.term, pwt: sig4(s.pwt), pw: sig4(s.pw) }));

/**
 * The description stage: key terms and a readable label per cluster and per top-level theme by
 * class-based TF-IDF, p(w|t) and p(w) for LDAvis-style relevance, key terms per cluster and dump,
 * and each paper's keywords.
 */
export function describe(input: DescribeInput, options: DescribeOptions = {}): Description {
  const o = { ...DESCRIBE_DEFAULTS, ...options };
  const classCounts = termCountsByCluster(input.tf, input.assign, input.clusterGroup.length);
  const ctf = new ClassTfidf(classCounts, input.tf.terms);
  const dumpTerms = termsByClusterAndDump(input, ctf, o.dumpTerms);
  const clusters: Cluster[] = classCounts.map((counts, c) => {
    const spec = input.clusterTheme[c];
    return { id: c, key: '', group: input.clusterGroup[c], label: spec ? spec.label : '', theme: spec ? spec.id : null, size: 0, ...clusterTerms(ctf, counts, spec === null, o), dumpTerms: dumpTerms[c] };
  });
  input.assign.forEach((a) => clusters[a].size++);
  const themeTerms = [...new Set(input.themes.flatMap((t) => [t.label, ...t.seeds].map((s) => input.normalize(s)[0])).filter((t) => t !== undefined))];
  const groups = describeGroups(input.groups, input.tf.terms, classCounts, clusters, themeTerms, o);
  const keywords = paperKeywords(input.tf.matrix, input.tf.terms, o.keywordsPerPaper);
  return { clusters, groups, keywords, classTfidf: ctf, counts: { classes: classCounts, themeTerms } };
}

/** A cluster's key terms and term statistics by the class-based TF-IDF, and (`labelled`) a label made from its terms. */
function clusterTerms(ctf: ClassTfidf, counts: Float64Array, labelled: boolean, o: typeof DESCRIBE_DEFAULTS): Pick<Cluster, 'terms' | 'termStats'> & { label?: string } {
  const d = ctf.describe(counts, o.clusterTerms, o.termStats);
  return { ...(labelled ? { label: labelFromTerms(d.terms) } : {}), terms: roundTerms(d.terms), termStats: roundStats(d.stats) };
}

/**
 * The clusters and top-level themes described again from `counts` (the same clusters over more
 * papers): key terms, term statistics and the labels made from them; a named theme's label, and a
 * top-level theme's carried from an earlier run (`carried`), stay. Also the class-based TF-IDF.
 */
export function redescribe(clusters: readonly Cluster[], groups: readonly Group[], terms: readonly string[], counts: ClassCounts, carried: readonly boolean[], options: DescribeOptions = {}): { clusters: Cluster[]; groups: Group[]; classTfidf: ClassTfidf } {
  const o = { ...DESCRIBE_DEFAULTS, ...options };
  const ctf = new ClassTfidf(counts.classes, terms);
  const described = clusters.map((c, i) => ({ ...c, ...clusterTerms(ctf, counts.classes[i], c.theme === null, o) }));
  const again = describeGroups(groups.length, terms, counts.classes, described, counts.themeTerms, o);
  return { clusters: described, groups: groups.map((g, i) => ({ ...g, label: carried[i] ? g.label : again[i].label, terms: again[i].terms })), classTfidf: ctf };
}

/** Raw term counts by vocabulary index, summed per cluster. */
function termCountsByCluster(tf: Tfidf, assign: Int32Array, k: number): Float64Array[] {
  const { indptr, indices } = tf.matrix;
  const classCounts = Array.from({ length: k }, () => new Float64Array(tf.terms.length));
  for (let i = 0; i < assign.length; i++) {
    const into = classCounts[assign[i]];
    for (let p = indptr[i]; p < indptr[i + 1]; p++) into[indices[p]] += tf.counts[p];
  }
  return classCounts;
}

/**
 * Key terms of each cluster in each dump (what the theme was about on that date), a paper counted
 * once in each dump it is in, its terms summed pair by pair.
 */
export function termsByClusterAndDump(
  input: Pick<DescribeInput, 'assign' | 'clusterGroup' | 'dumps' | 'paperDumps'> & { tf: Pick<Tfidf, 'matrix' | 'counts' | 'terms'> },
  ctf: ClassTfidf,
  top: number,
): { dump: string; terms: ClusterTerm[] }[][] {
  const { tf, assign, dumps } = input;
  const dumpIndex = new Map(dumps.map((d, i) => [d.id, i]));
  const nDumps = dumps.length;
  const byPair: [number, number][] = [];
  input.paperDumps.forEach((ds, i) => {
    for (const d of ds) byPair.push([assign[i] * nDumps + dumpIndex.get(d)!, i]);
  });
  byPair.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out = Array.from({ length: input.clusterGroup.length }, () => [] as { dump: string; terms: ClusterTerm[] }[]);
  sumTermRuns(byPair, tf.matrix, tf.counts, tf.terms.length, (key, touched, sums) => {
    const c = Math.floor(key / nDumps);
    out[c].push({ dump: dumps[key - c * nDumps].id, terms: roundTerms(ctf.describeSome(touched, sums, top, top).terms) });
  });
  return out;
}

/**
 * Top-level themes: key terms by c-TF-IDF over groups, and a label from the terms a group holds
 * most strongly, never after a named theme it holds only part of.
 */
function describeGroups(nGroups: number, vocabulary: readonly string[], classCounts: readonly Float64Array[], clusters: readonly Cluster[], themeTermList: readonly string[], o: typeof DESCRIBE_DEFAULTS): Group[] {
  const vocabSize = vocabulary.length;
  const groupCounts = Array.from({ length: nGroups }, () => new Float64Array(vocabSize));
  classCounts.forEach((counts, c) => {
    const into = groupCounts[clusters[c].group];
    for (let t = 0; t < vocabSize; t++) into[t] += counts[t];
  });
  const gtf = new ClassTfidf(groupCounts, vocabulary);
  const groupTerms = groupCounts.map((counts) => gtf.describe(counts, o.groupCandidates, o.termStats).terms);
  // A top-level theme's label uses the terms it holds most strongly: a term among another group's
  // first ten with a higher weight there ("language model" in most of them) names that group, not this.
  const strongest = new Map<string, number>();
  for (const ts of groupTerms) for (const t of ts.slice(0, o.groupTerms)) strongest.set(t.term, Math.max(strongest.get(t.term) ?? 0, t.weight));
  // Nor is a top-level theme named after a named theme it holds only part of: that theme has its own
  // cluster and name, and the group's would read as it ("information bottleneck" on the seed data for
  // a group of four clusters, the named theme's one of them).
  const themeTerms = new Set(themeTermList);
  return groupCounts.map((_, g) => {
    const all = groupTerms[g];
    const size = clusters.filter((c) => c.group === g).reduce((s, c) => s + c.size, 0);
    const themed = clusters.filter((c) => c.group === g && c.theme).sort((a, b) => b.size - a.size)[0];
    const theme = themed && themed.size * 2 > size ? themed.theme : null;
    const other = all.filter((t) => !themeTerms.has(t.term));
    const nameable = theme || other.length < 2 ? all : other;
    const own = nameable.filter((t) => t.weight >= (strongest.get(t.term) ?? 0));
    return { id: g, label: labelFromTerms(own.length >= 2 ? own : nameable), theme, size, terms: roundTerms(all.slice(0, o.groupTerms)) };
  });
}

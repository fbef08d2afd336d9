import type { Cluster, Paper, PaperText, SeedReport, Theme } from '../contract';
import type { ThemeMatch } from './cluster/zeroShot';
import type { CorpusPaper } from './ingest';
import type { Knn } from './neighbors';
import { round4 } from './round';

/** The contract's paper records: id, title, url, dumps, cluster, map position, keywords and typicality. */
export function paperRecords(papers: readonly CorpusPaper[], assign: Int32Array, xy: readonly { x: number; y: number }[], keywords: readonly string[][], typical: Float64Array): Paper[] {
  return papers.map((p, i) => ({
    id: p.id,
    title: p.title,
    ...(p.url ? { url: p.url } : {}),
    dumps: p.dumps,
    cluster: assign[i],
    x: round4(xy[i].x),
    y: round4(xy[i].y),
    keywords: keywords[i],
    typicality: round4(typical[i]),
  }));
}

/** What the abstract chunks hold per paper, in paper order: the abstract, up to `perPaper` nearest papers' ids and the authors. */
export function paperTexts(papers: readonly CorpusPaper[], knn: Knn, perPaper: number): PaperText[] {
  return papers.map((p, i): PaperText => {
    const neighbors = knn.indices[i].filter((j) => j !== i).slice(0, perPaper).map((j) => papers[j].id);
    return { abstract: p.abstract, ...(neighbors.length ? { neighbors } : {}), ...(p.authors?.length ? { authors: p.authors } : {}) };
  });
}

/** The named themes as the contract lists them: found or not, the presence test's p, and their papers and clusters. */
export function themeRecords(matches: readonly ThemeMatch[], clusters: readonly Cluster[], seedReports: readonly (SeedReport[] | undefined)[] = []): Theme[] {
  return matches.map((m, t) => ({
    id: m.theme.id,
    label: m.theme.label,
    seeds: m.theme.seeds,
    ...(m.theme.description ? { description: m.theme.description } : {}),
    found: m.found,
    p: round4(m.p),
    papers: clusters.find((c) => c.theme === m.theme.id)?.size ?? 0,
    clusters: clusters.filter((c) => c.theme === m.theme.id).map((c) => c.id),
    ...(seedReports[t] ? { seedReport: seedReports[t] } : {}),
  }));
}

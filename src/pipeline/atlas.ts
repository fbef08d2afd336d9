import { SCHEMA_VERSION, type Atlas } from '../contract';
import type { Corpus } from './ingest';

export interface AtlasOptions {
  /** Seed for every stochastic step. Default 0. */
  seed?: number;
  /** Number of clusters, or 'auto'. Default 'auto'. */
  k?: number | 'auto';
}

/** Runs the analysis stages on an ingested corpus and returns the contract plus abstracts in paper order. */
export function buildAtlas(corpus: Corpus, options: AtlasOptions = {}): { atlas: Atlas; abstracts: string[] } {
  const seed = options.seed ?? 0;
  const papers = corpus.papers.map((p) => ({ id: p.id, title: p.title, dumps: p.dumps, cluster: 0, x: 0, y: 0, keywords: [], neighbors: [] }));
  const atlas: Atlas = {
    schemaVersion: SCHEMA_VERSION,
    generated: { seed, k: 1, params: { k: options.k ?? 'auto' } },
    dumps: corpus.dumps,
    clusters: [{ id: 0, label: 'all papers', theme: null, size: papers.length, terms: [], termStats: [], dumpTerms: [] }],
    themes: [],
    papers,
    trends: corpus.dumps.map((d) => ({ dump: d.id, cluster: 0, count: d.papers, share: d.papers ? 1 : 0 })),
    cooccurrence: { terms: [], links: [] },
    ingest: corpus.ingest,
  };
  return { atlas, abstracts: corpus.papers.map((p) => p.abstract) };
}

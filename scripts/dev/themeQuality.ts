import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { assembleCorpus, parseJsonLines, parsePageText, titleKey, type Corpus } from '../../src/pipeline/ingest';
import { parseThemes, type ThemeSpec } from '../../src/pipeline/themes';
import { assignThemes, locateThemes, type ZeroShotOptions } from '../../src/pipeline/cluster/zeroShot';
import { vectorSpace } from '../../src/pipeline/atlas';

/** The benchmark corpus of dated arXiv papers, outside the project (absent on some machines). */
export const BENCH = '../shared/bench/arxiv-daily-50k.jsonl.gz';

/** The five seed dumps, ingested. */
export function seedCorpus(): Corpus {
  const dir = 'data/dumps';
  return assembleCorpus(readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => parsePageText(readFileSync(`${dir}/${f}`, 'utf8'), f)));
}

let benchLines: string[] | null = null;
/** The first `n` papers of the benchmark corpus (a uniform sample of it), or null when it is absent. */
export function benchCorpus(n: number): Corpus | null {
  if (!existsSync(BENCH)) return null;
  benchLines ??= gunzipSync(readFileSync(BENCH)).toString('utf8').split('\n');
  return assembleCorpus([parseJsonLines(benchLines.slice(0, n).join('\n'), 'bench.jsonl')]);
}

export const seedThemes = (): ThemeSpec[] => parseThemes(JSON.parse(readFileSync('data/themes.json', 'utf8')));

/**
 * Hand labels, read by tests/fixtures/theme-reading.md: each paper's theme id or null, by title key.
 * `seed` labels all 531 seed papers; `bench` labels 897 papers of the benchmark corpus (see docs/evaluation.md).
 * `samples`, when given, keeps only the rows of those samples.
 */
export function handLabels(set: 'seed' | 'bench', samples?: readonly string[]): Map<string, string | null> {
  const rows: { title: string; theme: string | null; sample?: string }[] = JSON.parse(readFileSync(`tests/fixtures/${set}-labels.json`, 'utf8'));
  return new Map(rows.filter((r) => !samples || samples.includes(r.sample ?? '')).map((r) => [titleKey(r.title), r.theme]));
}

export interface ThemeScore {
  theme: string;
  found: boolean;
  precision: number;
  recall: number;
  /** Labelled papers given the theme. */
  assigned: number;
  /** Labelled papers of the theme. */
  relevant: number;
}

/** Precision and recall of theme membership over the labelled papers (unlabelled papers are not scored). */
export function scoreMembership(themeIds: readonly string[], found: readonly boolean[], assigned: ArrayLike<number>, titles: readonly string[], labels: Map<string, string | null>): ThemeScore[] {
  return themeIds.map((id, t) => {
    let tp = 0;
    let hits = 0;
    let relevant = 0;
    for (let i = 0; i < titles.length; i++) {
      const gold = labels.get(titleKey(titles[i]));
      if (gold === undefined) continue;
      const hit = assigned[i] === t;
      if (hit) hits++;
      if (gold === id) relevant++;
      if (hit && gold === id) tp++;
    }
    return { theme: id, found: found[t], precision: hits ? tp / hits : 0, recall: relevant ? tp / relevant : 0, assigned: hits, relevant };
  });
}

/** The vector space of a corpus as the pipeline builds it (terms, TF-IDF, LSA), for locating themes. */
export function prepareSpace(corpus: Corpus, themes: readonly ThemeSpec[], seed = 0) {
  return { ...vectorSpace(corpus, { themes: [...themes], seed }), titles: corpus.papers.map((p) => p.title) };
}

/** Locates and assigns the themes in a prepared space and scores them against labels. */
export function scoreSpace(space: ReturnType<typeof prepareSpace>, themes: readonly ThemeSpec[], labels: Map<string, string | null>, options: ZeroShotOptions = {}): ThemeScore[] {
  const matches = locateThemes(themes, space.tf, space.model, space.terms.normalize, options);
  const assigned = assignThemes(matches, space.titles.length);
  return scoreMembership(themes.map((t) => t.id), matches.map((m) => m.found), assigned, space.titles, labels);
}

/** The corpus without the papers labelled with a theme (to check that an absent theme is not found). */
export function withoutTheme(corpus: Corpus, labels: Map<string, string | null>, theme: string): Corpus {
  const papers = corpus.papers.filter((p) => labels.get(titleKey(p.title)) !== theme);
  return { ...corpus, papers };
}

import { readdirSync, readFileSync } from 'node:fs';
import type { Atlas } from '../../src/contract';
import { assembleCorpus, parsePageText, titleKey, type Corpus } from '../../src/pipeline/ingest';
import { parseThemes, type ThemeSpec } from '../../src/pipeline/themes';

/** The five seed dumps, ingested. */
export function seedCorpus(): Corpus {
  const dir = 'data/dumps';
  return assembleCorpus(readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => parsePageText(readFileSync(`${dir}/${f}`, 'utf8'), f)));
}

export const seedThemes = (): ThemeSpec[] => parseThemes(JSON.parse(readFileSync('data/themes.json', 'utf8')));

/** Hand labels of every seed paper: its primary theme id or null (tests/fixtures/seed-labels.json). */
export function handLabels(): Map<string, string | null> {
  const rows: { title: string; theme: string | null }[] = JSON.parse(readFileSync('tests/fixtures/seed-labels.json', 'utf8'));
  return new Map(rows.map((r) => [titleKey(r.title), r.theme]));
}

export interface ThemeScore {
  theme: string;
  precision: number;
  recall: number;
  tagged: number;
  relevant: number;
}

/** Precision and recall of each theme's tagged clusters against the hand labels. */
export function scoreThemes(atlas: Atlas, labels: Map<string, string | null>): ThemeScore[] {
  return atlas.themes.map((t) => {
    const inTagged = new Set(t.clusters);
    let tp = 0;
    let tagged = 0;
    let relevant = 0;
    for (const p of atlas.papers) {
      const gold = labels.get(titleKey(p.title)) === t.id;
      const hit = inTagged.has(p.cluster);
      if (hit) tagged++;
      if (gold) relevant++;
      if (hit && gold) tp++;
    }
    return { theme: t.id, precision: tagged ? tp / tagged : 0, recall: relevant ? tp / relevant : 0, tagged, relevant };
  });
}

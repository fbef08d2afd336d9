/**
 * The benchmark papers picked for hand labels at the named themes' boundaries (sample
 * "boundary-20k-50k" of tests/fixtures/bench-labels.json), by the zero-shot ranking alone, never by a
 * label: for each theme, in the first 20,000 and then the first 50,000 papers of the benchmark corpus,
 * the `QUOTA` unlabelled papers the theme takes with the lowest scores (just above its cut-off) and
 * the `QUOTA` unlabelled papers it does not take with the highest scores (the top of the list below
 * the cut-off, as the themes view shows it), default options, skipping papers already picked.
 * Sparse attention and test-time scaling, the themes whose boundary is least sure, get twice as many.
 *
 * Papers already labelled count as labelled unless they are of this sample, so the picks are the same
 * once they are labelled. Prints the picks in a seeded random order with id, title and abstract only,
 * so they are read without their theme, side or score; `--sources` prints instead where each came
 * from (corpus size, theme, side of the cut-off), one line each.
 *
 *   npx tsx scripts/dev/labelCandidates.ts [--sources] > candidates.txt
 */
import { readFileSync } from 'node:fs';
import { randomLcg } from 'd3';
import { assignThemes, locateThemes } from '../../src/pipeline/cluster/zeroShot';
import { titleKey, type CorpusPaper } from '../../src/pipeline/ingest';
import { benchCorpus, BENCH, prepareSpace, seedThemes } from './themeQuality';

/** Papers on each side of the cut-off per theme and corpus size. */
const QUOTA: Record<string, number> = { 'sparse-attention': 30, 'test-time-scaling': 30, 'information-bottleneck': 15, 'state-space-models': 15 };
const SIZES = [20000, 50000];

const SAMPLE = 'boundary-20k-50k';

const themes = seedThemes();
const rows: { title: string; sample: string }[] = JSON.parse(readFileSync('tests/fixtures/bench-labels.json', 'utf8'));
const labels = new Set(rows.filter((r) => r.sample !== SAMPLE).map((r) => titleKey(r.title)));
const picked = new Map<string, CorpusPaper>();
const sources: string[] = [];
for (const n of SIZES) {
  const corpus = benchCorpus(n);
  if (!corpus) throw new Error(`benchmark corpus not found at ${BENCH}`);
  const space = prepareSpace(corpus, themes);
  const matches = locateThemes(themes, space.tf, space.model, space.terms.normalize);
  const assigned = assignThemes(matches, space.titles.length);
  const open = (i: number) => !labels.has(titleKey(space.titles[i])) && !picked.has(titleKey(space.titles[i]));
  themes.forEach((theme, t) => {
    const score = matches[t].score;
    const all = [...Array(space.titles.length).keys()];
    const above = all.filter((i) => assigned[i] === t).sort((a, b) => score[a] - score[b] || a - b);
    const below = all.filter((i) => assigned[i] !== t && Number.isFinite(score[i])).sort((a, b) => score[b] - score[a] || a - b);
    for (const [name, side] of [['above', above], ['below', below]] as const)
      for (const i of side.filter(open).slice(0, QUOTA[theme.id])) {
        picked.set(titleKey(space.titles[i]), corpus.papers[i]);
        sources.push(`${corpus.papers[i].id}\t${n}\t${theme.id}\t${name}`);
      }
  });
}

// Fisher-Yates with a fixed seed: the reading order says nothing of where a paper came from.
const order = [...picked.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const random = randomLcg(0.2718);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [order[i], order[j]] = [order[j], order[i]];
}
if (process.argv.includes('--sources')) process.stdout.write(`${sources.join('\n')}\n`);
else order.forEach((p, k) => process.stdout.write(`## ${k + 1} ${p.id}\n${p.title}\n${p.abstract}\n\n`));

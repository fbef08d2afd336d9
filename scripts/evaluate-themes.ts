/**
 * Held-out evaluation of named-theme membership. Two hand-labelled sets (tests/fixtures, read by
 * theme-reading.md): all 531 seed papers, and 897 papers of the benchmark corpus. The zero-shot
 * cut-offs are fitted on one set and reported on the other, both ways, at every corpus size given;
 * then each theme's labelled papers are removed to check that it is no longer found. The fit on the bench labels
 * runs at the smallest size given that holds all of them (50,000: they lie across its rows).
 *
 *   npx tsx scripts/evaluate-themes.ts [--sizes 5000,20000,50000] [--no-fit]
 */
import { parseArgs } from 'node:util';
import { ZERO_SHOT_DEFAULTS, type ZeroShotOptions } from '../src/pipeline/cluster/zeroShot';
import type { Corpus } from '../src/pipeline/ingest';
import { benchCorpus, BENCH, handLabels, prepareSpace, scoreSpace, seedCorpus, seedThemes, withoutTheme, type ThemeScore } from './dev/themeQuality';
import { titleKey } from '../src/pipeline/ingest';

const { values: args } = parseArgs({ options: { sizes: { type: 'string', default: '5000' }, 'no-fit': { type: 'boolean', default: false } } });
const themes = seedThemes();
const out = (s: string) => process.stdout.write(`${s}\n`);
const f1 = (s: ThemeScore) => (s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const GRID: ZeroShotOptions[] = [];
for (const cutoff of [1.5, 2, 2.5, 3, 3.5, 4]) for (const mix of [0.3, 0.5, 0.7, 0.9]) for (const descriptionWeight of [0, 0.25, 0.5]) GRID.push({ cutoff, mix, descriptionWeight });

type Space = ReturnType<typeof prepareSpace>;
/** The grid point with the best mean F1 over the themes (ties: the earlier). */
function fit(space: Space, labels: Map<string, string | null>): ZeroShotOptions {
  let best = GRID[0];
  let bestScore = -1;
  for (const o of GRID) {
    const s = mean(scoreSpace(space, themes, labels, o).map(f1));
    if (s > bestScore + 1e-9) (bestScore = s), (best = o);
  }
  return best;
}

const table = (title: string, scores: ThemeScore[]) => {
  out(`  ${title}`);
  for (const s of scores)
    out(`    ${s.theme.padEnd(24)} ${s.found ? 'found    ' : 'NOT FOUND'} P ${s.precision.toFixed(2)}  R ${s.recall.toFixed(2)}  (${s.assigned} assigned, ${s.relevant} labelled)`);
};
const describe = (o: ZeroShotOptions) => `cutoff ${o.cutoff}, mix ${o.mix}, descriptionWeight ${o.descriptionWeight}`;

const seedLabels = handLabels('seed');
const benchLabels = handLabels('bench');
const seed = prepareSpace(seedCorpus(), themes);
const defaults = { cutoff: ZERO_SHOT_DEFAULTS.cutoff, mix: ZERO_SHOT_DEFAULTS.mix, descriptionWeight: ZERO_SHOT_DEFAULTS.descriptionWeight };
out(`defaults: ${describe(defaults)}`);
out(`\nSeed data (531 papers)`);
table('defaults, on the seed labels', scoreSpace(seed, themes, seedLabels));

const sizes = args.sizes.split(',').filter(Boolean).map(Number);
const benches: [number, Space][] = [];
for (const n of sizes) {
  const c = benchCorpus(n);
  if (!c) {
    out(`\nbenchmark corpus not found at ${BENCH}: sizes skipped`);
    break;
  }
  benches.push([n, prepareSpace(c, themes)]);
  out(`\nBenchmark corpus, first ${n} papers`);
  table('defaults, on the bench labels', scoreSpace(benches.at(-1)![1], themes, benchLabels));
}

if (!args['no-fit'] && benches.length) {
  const fromSeed = fit(seed, seedLabels);
  out(`\nFitted on the seed labels: ${describe(fromSeed)}`);
  for (const [n, space] of benches) table(`held out: bench labels at ${n} papers`, scoreSpace(space, themes, benchLabels, fromSeed));
  // The fit reads the bench labels in the smallest corpus given that holds them all (50,000: some lie beyond the first 20,000 papers).
  const held = ([, space]: [number, Space]) => new Set(space.titles.map(titleKey).filter((k) => benchLabels.has(k))).size;
  const [n0, first] = benches.find((b) => held(b) === benchLabels.size) ?? benches.reduce((a, b) => (held(b) > held(a) ? b : a));
  const fromBench = fit(first, benchLabels);
  out(`\nFitted on the bench labels at ${n0} papers (${held([n0, first])} of ${benchLabels.size} labelled papers): ${describe(fromBench)}`);
  table('held out: seed labels at 531 papers', scoreSpace(seed, themes, seedLabels, fromBench));
}

// An absent theme must not be found: remove each theme's labelled papers from a fully labelled corpus.
const labelledBench = (() => {
  const c = benchCorpus(50000);
  return c ? { ...c, papers: c.papers.filter((p) => benchLabels.has(titleKey(p.title))) } : null;
})();
for (const [name, corpus, labels] of [['seed data', seedCorpus(), seedLabels], ['labelled bench papers', labelledBench, benchLabels]] as [string, Corpus | null, Map<string, string | null>][]) {
  if (!corpus) continue;
  out(`\nRemoval check on the ${name}`);
  for (const t of themes) {
    const without = withoutTheme(corpus, labels, t.id);
    const scores = scoreSpace(prepareSpace(without, themes), themes, labels);
    out(`  without ${t.id.padEnd(24)} (${corpus.papers.length - without.papers.length} removed): ${scores.map((s) => `${s.theme} ${s.found ? 'found' : '-'}`).join(', ')}`);
  }
}

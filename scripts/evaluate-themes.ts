/** Prints precision and recall of each named theme's clusters on the seed data, for seeds 0-4. */
import { buildAtlas } from '../src/pipeline/atlas';
import { handLabels, scoreThemes, seedCorpus, seedThemes } from '../tests/pipeline/themeQuality';

const corpus = seedCorpus();
const themes = seedThemes();
const labels = handLabels();
const seeds = process.argv.slice(2).map(Number);
for (const seed of seeds.length ? seeds : [0, 1, 2, 3, 4]) {
  const { atlas } = buildAtlas(corpus, { seed, themes });
  const cells = scoreThemes(atlas, labels).map((s) => `${s.theme.padEnd(22)} P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} (${s.tagged} tagged, ${s.relevant} labelled)`);
  process.stdout.write(`seed ${seed} k=${atlas.generated.k}\n  ${cells.join('\n  ')}\n`);
}

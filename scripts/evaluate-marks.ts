/**
 * A reader's marks, simulated honestly on the hand-labelled benchmark papers (tests/fixtures/bench-labels.json).
 * The labelled papers are split in two halves by a fixed hash of their titles. The reader looks at
 * one half only: among that half's labelled papers in a named theme it marks the wrong ones it
 * meets first, in the order the themes view lists them (most typical first: cosine to the theme's
 * mean vector), and among the papers just below the cut-off (highest score first) it marks those
 * that belong; at most `marks` per theme, half of each kind where there are enough, at most 10 of
 * each. The themes are located again with the marks, and precision and recall are reported on the
 * other half only. (A reader judges every paper; the simulation can judge only labelled ones.)
 *
 * `--set seed` runs the same on the 531 seed papers, all labelled (where the method's choices were made).
 *
 *   npx tsx scripts/evaluate-marks.ts [--sizes 5000,20000,50000] [--marks 0,5,10,20] [--set seed]
 */
import { parseArgs } from 'node:util';
import { assignThemes, locateThemes, type ThemeMarks, type ThemeMatch } from '../src/pipeline/cluster/zeroShot';
import { stableId, titleKey } from '../src/pipeline/ingest';
import { row } from '../src/pipeline/vectorize/sparse';
import { benchCorpus, BENCH, handLabels, prepareSpace, scoreMembership, seedCorpus, seedThemes } from './dev/themeQuality';

const { values: args } = parseArgs({ options: { sizes: { type: 'string', default: '5000,20000' }, marks: { type: 'string', default: '0,5,10,20' }, set: { type: 'string', default: 'bench' }, tune: { type: 'boolean', default: false }, prior: { type: 'string' }, against: { type: 'string' }, weight: { type: 'string' } } });
const options = { ...(args.prior ? { markPrior: Number(args.prior) } : {}), ...(args.against ? { markAgainst: Number(args.against) } : {}), ...(args.weight ? { markWeight: Number(args.weight) } : {}) };
const themes = seedThemes();
const set = args.set === 'seed' ? 'seed' : 'bench';
const labels = handLabels(set);
const out = (s: string) => process.stdout.write(`${s}\n`);
const MAX_EACH = 10;

/** Whether a labelled title is in the half the reader looks at (a fixed hash: the other half is held out). */
const reads = (title: string) => parseInt(stableId(titleKey(title)).slice(-1), 16) % 2 === 0;

type Space = ReturnType<typeof prepareSpace>;

/** The marks a reader makes on one theme from what the zero-shot run shows: `marks` at most. */
function simulate(space: Space, matches: ThemeMatch[], assigned: Int32Array, t: number, marks: number): ThemeMarks {
  const id = themes[t].id;
  const n = space.titles.length;
  const gold = (i: number) => labels.get(titleKey(space.titles[i]));
  const looked = (i: number) => gold(i) !== undefined && reads(space.titles[i]);
  const docs = space.model.docs;
  const mean = new Float64Array(docs.cols);
  for (let i = 0; i < n; i++) if (assigned[i] === t) row(docs, i).forEach((v, k) => (mean[k] += v));
  const typical = (i: number) => row(docs, i).reduce((s, v, k) => s + v * mean[k], 0);
  const inTheme = [...Array(n).keys()].filter((i) => assigned[i] === t).sort((a, b) => typical(b) - typical(a) || a - b);
  const below = [...Array(n).keys()].filter((i) => assigned[i] !== t && Number.isFinite(matches[t].score[i])).sort((a, b) => matches[t].score[b] - matches[t].score[a] || a - b);
  const wrong = inTheme.filter((i) => looked(i) && gold(i) !== id);
  const missed = below.filter((i) => looked(i) && gold(i) === id);
  let outs = Math.min(Math.ceil(marks / 2), wrong.length, MAX_EACH);
  let ins = Math.min(marks - outs, missed.length, MAX_EACH);
  outs = Math.min(marks - ins, wrong.length, MAX_EACH);
  return { exclude: wrong.slice(0, outs), include: missed.slice(0, ins) };
}

const sizes = set === 'seed' ? [0] : args.sizes.split(',').filter(Boolean).map(Number);
const markCounts = args.marks.split(',').filter(Boolean).map(Number);
out(`labelled bench papers: ${labels.size}; the reader's half: ${[...labels.keys()].filter((k) => parseInt(stableId(k).slice(-1), 16) % 2 === 0).length}`);
for (const n of sizes) {
  const corpus = set === 'seed' ? seedCorpus() : benchCorpus(n);
  if (!corpus) {
    out(`benchmark corpus not found at ${BENCH}`);
    break;
  }
  const space = prepareSpace(corpus, themes);
  const zero = locateThemes(themes, space.tf, space.model, space.terms.normalize);
  const assigned = assignThemes(zero, space.titles.length);
  // --tune scores on the reader's own half instead (its papers the reader did not mark): where choices are made.
  const heldOut = new Map([...labels].filter(([k]) => parseInt(stableId(k).slice(-1), 16) % 2 === (args.tune ? 0 : 1)));
  out(`\n${n} papers (held-out half: ${space.titles.filter((t) => heldOut.has(titleKey(t))).length} labelled papers in the corpus)`);
  out(`  ${'theme'.padEnd(24)} ${markCounts.map((m) => `${String(m).padStart(2)} marks P/R   `).join('')}`);
  const rows = themes.map((t) => `  ${t.id.padEnd(24)} `);
  for (const m of markCounts) {
    const marks = themes.map((_, t) => (m === 0 ? undefined : simulate(space, zero, assigned, t, m)));
    const matches = m === 0 ? zero : locateThemes(themes, space.tf, space.model, space.terms.normalize, options, marks);
    const markedTitles = new Set(marks.flatMap((mk) => (mk ? [...mk.include, ...mk.exclude] : [])).map((i) => titleKey(space.titles[i])));
    const scored = args.tune ? new Map([...heldOut].filter(([k]) => !markedTitles.has(k))) : heldOut;
    const scores = scoreMembership(themes.map((t) => t.id), matches.map((x) => x.found), assignThemes(matches, space.titles.length), space.titles, scored);
    scores.forEach((s, t) => {
      const used = marks[t] ? marks[t]!.include.length + marks[t]!.exclude.length : 0;
      rows[t] += `${s.precision.toFixed(2)}/${s.recall.toFixed(2)} (${String(used).padStart(2)})  `;
    });
  }
  rows.forEach((r) => out(r));
}

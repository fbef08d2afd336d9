// Writes a synthetic corpus of N papers recombined from the real benchmark papers, for scale runs
// beyond the 50,000 real ones: `npx tsx scripts/generate-corpus.ts --papers 200000 --out big.jsonl.gz`.
// The same N, seed and source give byte-identical output (d3's seeded LCG drives every choice).
import { randomLcg } from 'd3';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { gunzipSync, createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import { buildSource, readCategories, synthesizer, type SourcePaper } from './lib/synthCorpus';

const USAGE = `usage: generate-corpus --papers N [--seed S] [--source file.jsonl[.gz]] [--out file.jsonl[.gz]]
  --papers  how many papers to write (a positive integer)
  --seed    the generator's seed (an integer; default 1)
  --source  the real papers to recombine (default ../shared/bench/arxiv-daily-50k.jsonl.gz)
  --out     where to write JSON Lines, gzipped when the name ends in .gz (default: standard output)
`;
const DEFAULT_SOURCE = '../shared/bench/arxiv-daily-50k.jsonl.gz';

function fail(message: string): never {
  process.stderr.write(`generate-corpus: ${message}\n`);
  process.exit(2);
}

/** The real papers of a JSON Lines file (gzipped or not) that have a title, an abstract and a date. */
function readSource(file: string): SourcePaper[] {
  if (!existsSync(file)) fail(`source corpus not found at ${file} (give one with --source)`);
  const bytes = readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const papers: SourcePaper[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Record<string, unknown>;
    const [title, abstract, date] = [r.title, r.abstract, r.date].map((v) => (typeof v === 'string' ? v.trim() : ''));
    if (title && abstract && date) papers.push({ title, abstract, date, categories: readCategories(r.categories) });
  }
  return papers;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { papers: { type: 'string' }, seed: { type: 'string', default: '1' }, source: { type: 'string', default: DEFAULT_SOURCE }, out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return void process.stdout.write(USAGE);
  const n = Number(values.papers);
  if (!Number.isInteger(n) || n < 1) fail(`--papers must be a positive integer, got ${values.papers ?? 'nothing'}\n${USAGE}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) fail(`--seed must be an integer, got ${values.seed}`);
  const start = performance.now();
  const source = buildSource(readSource(values.source!));
  // d3's LCG reads a seed in [0, 1) as a fraction of its state: an integer seed is taken as a state.
  const next = synthesizer(source, randomLcg(Math.abs(seed) + 1));

  const file = values.out ? createWriteStream(values.out) : process.stdout;
  const gzip = values.out?.endsWith('.gz') ? createGzip({ level: 6 }) : null;
  if (gzip) gzip.pipe(file);
  const sink: Writable = gzip ?? file;
  // Lines go out in batches, and the generator waits whenever the stream asks it to (memory stays flat).
  let batch: string[] = [];
  for (let i = 0; i < n; i++) {
    batch.push(JSON.stringify(next(i)));
    if (batch.length === 1000 || i === n - 1) {
      if (!sink.write(batch.join('\n') + '\n')) await once(sink, 'drain');
      batch = [];
    }
  }
  if (sink !== process.stdout) {
    sink.end();
    await once(file, 'finish');
  }
  const seconds = (performance.now() - start) / 1000;
  process.stderr.write(`generate-corpus: ${n.toLocaleString('en-US')} papers from ${source.papers.length.toLocaleString('en-US')} real ones (seed ${seed}, ${source.firstDate} to ${source.lastDate}) in ${seconds.toFixed(1)} s${values.out ? ` to ${values.out}` : ''}\n`);
}

await main();

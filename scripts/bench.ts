/**
 * Benchmark: times each preprocessing stage on the seed data (median of runs) with peak memory,
 * the whole `npm run preprocess` command, and optionally the scikit-learn reference pipeline on the
 * same papers (`--peer`), larger samples of the benchmark corpus (`--sizes 2000,5000`) and synthetic
 * corpora beyond it (`--synthetic 200000,1000000`, see scripts/generate-corpus.ts), and the same run
 * as a job on a two-worker Dask LocalCluster (`--cluster 200000`, docs/cluster.md). For each
 * sample, the dashboard on the command's output in headless Chromium (unless `--no-browser`): the
 * first payload's size, the map's first draw after navigation and frame times while zooming.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { buildAtlas } from '../src/pipeline/atlas';
import { mapOffThread, OFF_THREAD_ABOVE } from './lib/mapThread';
import { threadPool } from './lib/pool';
import { assembleCorpus, parseJsonLines, type Corpus, type SourceRecords } from '../src/pipeline/ingest';
import { parseThemes } from '../src/pipeline/themes';
import { listInputs, readSource } from './lib/readSources';
import { writeOutput } from './lib/writeOutput';
import { CHROMIUM, startDashboard, type Dashboard } from './dev/harness';
import { filterMs, firstDrawMs, mean, percentile, zoomFrames } from './dev/mapTiming';
import { topKeywords, topKeywordsLabelled } from './dev/topKeywordsLabelled';
import { readAtlas } from './lib/readAtlas';
import { firstPayload } from './dev/firstPayload';

const BENCH = '../shared/bench/arxiv-daily-50k.jsonl.gz';
const PEER = '../shared/bench/peer_sklearn.py';
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' }, peer: { type: 'boolean', default: false }, sizes: { type: 'string', default: '' }, synthetic: { type: 'string', default: '' }, cluster: { type: 'string', default: '' }, 'no-browser': { type: 'boolean', default: false } } });
const runs = Math.max(1, Number(args.runs));
const themes = parseThemes(JSON.parse(readFileSync('data/themes.json', 'utf8')));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${(x / 1000).toFixed(3)} s`;
const peakMb = () => process.resourceUsage().maxRSS / 1024;

async function ingestSeeds(): Promise<Corpus> {
  const { files } = await listInputs(['data/dumps']);
  const sources: SourceRecords[] = [];
  for (const f of files) sources.push(await readSource(f));
  return assembleCorpus(sources);
}

/** Times each stage of one full run on a corpus (stage name -> ms). */
async function timeStages(load: () => Promise<Corpus>): Promise<{ times: Map<string, number>; corpus: Corpus; k: number }> {
  const times = new Map<string, number>();
  let t = performance.now();
  const corpus = await load();
  times.set('ingest', performance.now() - t);
  let stage = '';
  t = performance.now();
  // As the command line runs it: the LSA's products on two cores, neighbours and map on a second core
  // (their row is the wait for them).
  const pool = corpus.papers.length > OFF_THREAD_ABOVE ? threadPool() : undefined;
  const runMap = mapOffThread(corpus.papers.length);
  const { atlas, abstracts } = await buildAtlas(corpus, {
    seed: 0,
    themes,
    pool,
    runMap,
    onStage: (s) => {
      const now = performance.now();
      if (stage) times.set(stage, now - t);
      stage = s;
      t = now;
    },
  });
  times.set(stage, performance.now() - t);
  pool?.close();
  runMap.close();
  t = performance.now();
  const out = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  await writeOutput(out, atlas, abstracts);
  times.set('write', performance.now() - t);
  rmSync(out, { recursive: true, force: true });
  return { times, corpus, k: atlas.generated.k };
}

/** A fresh folder under the system's temporary one, removed when the benchmark exits (the outputs run to hundreds of MB). */
const made: string[] = [];
process.on('exit', () => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

function report(title: string, all: Map<string, number>[]): number {
  process.stdout.write(`\n${title}\n`);
  let total = 0;
  for (const name of all[0].keys()) {
    const m = median(all.map((r) => r.get(name)!));
    total += m;
    process.stdout.write(`  ${name.padEnd(14)} ${ms(m).padStart(9)}\n`);
  }
  process.stdout.write(`  ${'total'.padEnd(14)} ${ms(total).padStart(9)}   (median of ${all.length} run(s); peak RSS ${peakMb().toFixed(0)} MB)\n`);
  return total;
}

/** Runs the scikit-learn reference on the corpus with k clusters: its wall time and peak memory (MB), or null. */
function peer(corpus: Corpus, k: number): { wall: number; peakMb: number } | null {
  if (!existsSync(PEER) || spawnSync('/usr/bin/python3', ['-c', 'import sklearn, umap'], { encoding: 'utf8' }).status !== 0) {
    process.stdout.write('\nscikit-learn reference skipped: needs /usr/bin/python3 with python3-sklearn and umap-learn (apt-get install -y python3-sklearn umap-learn python3-pynndescent)\n');
    return null;
  }
  const dir = tempDir('atlas-peer-');
  writeFileSync(join(dir, 'in.jsonl'), corpus.papers.map((p) => JSON.stringify({ id: p.id, title: p.title, abstract: p.abstract })).join('\n'));
  const started = performance.now();
  const r = spawnSync('/usr/bin/python3', [PEER, join(dir, 'in.jsonl'), String(k), join(dir, 'out.jsonl'), '--timing-json', join(dir, 't.json')], { encoding: 'utf8' });
  const wall = performance.now() - started;
  if (r.status !== 0) {
    process.stdout.write(`\nscikit-learn reference failed: ${r.stderr.slice(-400)}\n`);
    return null;
  }
  process.stdout.write(`\nscikit-learn reference (${PEER}, k=${k}), whole process: ${ms(wall)}\n${r.stderr.split('\n').filter((l) => l.startsWith('[stage]')).map((l) => `  ${l}`).join('\n')}\n`);
  const peakMb = Number(/\[stage\] total.*peak RSS\s+([\d.]+) MB/.exec(r.stderr)?.[1] ?? NaN);
  return { wall, peakMb };
}

/**
 * Times `npm run preprocess` (the bundled command users run) on a corpus in a fresh process, with its
 * peak memory from GNU time when installed: the in-process stage times above run through tsx.
 */
function wholeCommand(jsonl: string): { line: string; wall: number; peakMb: number; out: string } {
  const dir = tempDir('atlas-scale-');
  writeFileSync(join(dir, 'in.jsonl'), jsonl);
  return timedCommand(['--input', join(dir, 'in.jsonl'), '--out', join(dir, 'out')], join(dir, 'out'));
}

/** Times `npm run preprocess` with these arguments in a fresh process, with its peak memory from GNU time when installed. */
function timedCommand(preprocessArgs: string[], out: string): { line: string; wall: number; peakMb: number; out: string; stdout?: string } {
  const args = ['scripts/run.mjs', 'preprocess', ...preprocessArgs];
  const timed = existsSync('/usr/bin/time');
  const started = performance.now();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', 'peak-kb %M', process.execPath, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } })
    : spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const wall = performance.now() - started;
  if (r.status !== 0) return { line: `npm run preprocess failed: ${r.stderr.slice(-300)}`, wall: NaN, peakMb: NaN, out: '', stdout: r.stdout };
  const kb = Number(/peak-kb (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { line: `npm run preprocess (whole command): ${ms(wall)}${Number.isFinite(kb) ? `, peak RSS ${(kb / 1024).toFixed(0)} MB` : ' (peak RSS needs /usr/bin/time)'}`, wall, peakMb: kb / 1024, out, stdout: r.stdout };
}

/**
 * Updates against the full run of the same papers (`full`, its wall time): the sample without its
 * last month (from the first day of the month 30 days before its newest date), then that month added
 * with `--update`; and without its newest calendar month alone, then that month. Prints each
 * update's whole-command time and peak memory, the share of the full run's time, and what the update said of drift.
 */
function updateRows(lines: string[], full: number): void {
  const dated = lines.map((l) => ({ l, date: (/"date":\s*"(\d{4}-\d{2}-\d{2})/.exec(l)?.[1] ?? '') }));
  const newest = dated.reduce((a, d) => (d.date > a ? d.date : a), '');
  const monthAgo = new Date(Date.parse(newest) - 30 * 864e5).toISOString().slice(0, 7);
  for (const [label, from] of [['last month', `${monthAgo}-01`], ['newest calendar month', `${newest.slice(0, 7)}-01`]] as const) {
    const dir = tempDir('atlas-update-');
    const base = dated.filter((d) => d.date < from).map((d) => d.l);
    const added = dated.filter((d) => d.date >= from).map((d) => d.l);
    writeFileSync(join(dir, 'base.jsonl'), base.join('\n'));
    writeFileSync(join(dir, 'month.jsonl'), added.join('\n'));
    const fit = spawnSync(process.execPath, ['scripts/run.mjs', 'preprocess', '--input', join(dir, 'base.jsonl'), '--out', join(dir, 'out')], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    if (fit.status !== 0) {
      process.stdout.write(`  update (${label}): the full run before it failed: ${fit.stderr.slice(-300)}\n`);
      continue;
    }
    const u = timedCommand(['--update', '--input', join(dir, 'month.jsonl'), '--out', join(dir, 'out')], join(dir, 'out'));
    process.stdout.write(`  update, ${label} (${added.length} papers from ${from}) onto ${base.length}: ${u.line.replace('npm run preprocess (whole command): ', '')}; ${((u.wall / full) * 100).toFixed(1)}% of the full run's time\n`);
    for (const l of u.stdout?.split('\n') ?? []) if (/^(drift|new cluster|a full run is advised)/.test(l)) process.stdout.write(`    ${l}\n`);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The dashboard on an atlas the command wrote: the first payload (atlas.json and the papers file,
 * raw and gzip, as a server compresses each file), the map's
 * first draw after navigation (median of three loads) and the frames while zooming it. The browser is
 * closed again before anything else is timed.
 */
async function inBrowser(out: string, name: string): Promise<string> {
  const first = firstPayload(out);
  const payload = `first payload (${first.files.join(' and ')}) ${(first.raw / 1e6).toFixed(2)} MB, ${(first.gzip / 1e6).toFixed(2)} MB gzip`;
  if (args['no-browser'] || !existsSync(CHROMIUM)) return `${payload}; browser timings skipped (${args['no-browser'] ? '--no-browser' : `no Chromium at ${CHROMIUM}`})`;
  const dashboard: Dashboard = await startDashboard({});
  cpSync(out, join(dashboard.root, 'fixtures', name), { recursive: true });
  const draws: number[] = [];
  let zoom = { frames: [0], draws: [0] };
  let filters = [0];
  let rested = [0];
  // The keyword network's ten most frequent keywords: how many carry a label, in the page and its SVG export.
  const top = topKeywords(readAtlas(out));
  let labelled = { page: 0, svg: 0 };
  try {
    for (let i = 0; i < 3; i++) {
      const { page } = await dashboard.open(`?data=fixtures/${name}`);
      draws.push(await firstDrawMs(page));
      if (i === 0) labelled = await topKeywordsLabelled(page, top);
      if (i === 2) {
        zoom = await zoomFrames(page);
        filters = await filterMs(page);
        rested = await filterMs(page, 5, true);
      }
      await page.close();
    }
  } finally {
    await dashboard.close();
  }
  return (
    `${payload}; map drawn ${percentile(draws, 0.5).toFixed(0)} ms after navigation (median of 3 loads); zooming: frame interval mean ` +
    `${mean(zoom.frames).toFixed(1)} ms, p95 ${percentile(zoom.frames, 0.95).toFixed(1)} ms, map work on the main thread p95 ${percentile(zoom.draws, 0.95).toFixed(1)} ms; ` +
    `a theme clicked to the next paint ${clicks(filters)} (pointer moved, pressed and released at once), ${clicks(rested)} (pointer resting on it first); ` +
    `keyword network: ${labelled.page} of the ${top.length} most frequent keywords labelled in the page, ${labelled.svg} in the exported SVG`
  );
}

/** Event Timing durations of theme clicks in words: median and the first (of the page, or of a series). */
const clicks = (ms: number[]) => (ms.length ? `${percentile(ms, 0.5).toFixed(0)} ms (median of ${ms.length}, first ${ms[0].toFixed(0)} ms)` : 'under 16 ms');

/**
 * This machine's speed now: the milliseconds a fixed floating-point loop takes in a fresh Node
 * process. A laptop's or a shared machine's speed drifts (here by up to a fifth within an hour), so
 * the benchmark prints it at its start and end: compare runs made at similar speeds.
 */
function machineSpeed(): string {
  const loop = `(() => {
  const a = new Float64Array(1 << 20).map((_, i) => Math.sin(i));
  let s = 0;
  const t = performance.now();
  for (let r = 0; r < 300; r++) for (let i = 0; i < a.length; i++) s += a[i] * a[(i * 7) & (a.length - 1)];
  process.stdout.write(String(Math.round(performance.now() - t) + (s > 0 ? 0 : 0)));
})();`; // (the sum is read, so the loop cannot be optimised away)
  const r = spawnSync(process.execPath, ['-e', loop], { encoding: 'utf8' });
  return r.status === 0 ? `${r.stdout} ms` : 'not measured';
}

async function main() {
  process.stdout.write(`machine speed at the start: a fixed loop took ${machineSpeed()}\n`);
  const seedRuns: Map<string, number>[] = [];
  let last: Awaited<ReturnType<typeof timeStages>> | null = null;
  for (let i = 0; i < runs; i++) seedRuns.push((last = await timeStages(ingestSeeds)).times);
  const inProcess = report(`Seed data: ${last!.corpus.papers.length} papers, ${last!.corpus.dumps.length} dumps, k=${last!.k}`, seedRuns);

  const cli: number[] = [];
  let seedOut = '';
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    seedOut = tempDir('atlas-cli-');
    const r = spawnSync(process.execPath, ['scripts/run.mjs', 'preprocess', '--out', seedOut], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    if (r.status !== 0) throw new Error(`preprocess failed: ${r.stderr}`);
    cli.push(performance.now() - started);
  }
  process.stdout.write(`\nnpm run preprocess (whole command, Node start-up included): ${ms(median(cli))} (median of ${runs})\n`);
  process.stdout.write(`dashboard: ${await inBrowser(seedOut, 'seed')}\n`);

  if (args.peer) {
    const ref = peer(last!.corpus, last!.k);
    if (ref) process.stdout.write(`ratio: Topic Atlas command / scikit-learn process = ${(median(cli) / ref.wall).toFixed(2)}; pipeline in process / scikit-learn = ${(inProcess / ref.wall).toFixed(2)}\n`);
  }

  if (existsSync(BENCH)) {
    const started = performance.now();
    const r = spawnSync(process.execPath, ['scripts/run.mjs', 'preprocess', '--input', BENCH, '--dry-run'], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    const line = r.stdout.split('\n').find((l) => l.startsWith('dry run')) ?? r.stderr;
    process.stdout.write(`\nIngestion of the 50,000-paper benchmark corpus (streamed, gzip): ${ms(performance.now() - started)}, ${line.replace('dry run: nothing written ', '')}\n`);
  } else process.stdout.write(`\nbenchmark corpus not found at ${BENCH}: ingestion check skipped\n`);

  const sizes = args.sizes.split(',').filter(Boolean).map(Number);
  if (sizes.length && !existsSync(BENCH)) process.stdout.write(`\nbenchmark corpus not found at ${BENCH}: scale runs skipped\n`);
  else if (sizes.length) {
    const lines = gunzipSync(readFileSync(BENCH)).toString('utf8').split('\n');
    for (const n of sizes) {
      const text = lines.slice(0, n).join('\n');
      const { times, corpus, k } = await timeStages(async () => assembleCorpus([parseJsonLines(text, 'bench.jsonl')]));
      report(`Benchmark corpus, first ${n} papers`, [times]);
      const command = wholeCommand(text);
      process.stdout.write(`  ${command.line}\n`);
      if (command.out) process.stdout.write(`  dashboard: ${await inBrowser(command.out, `n${n}`)}\n`);
      updateRows(lines.slice(0, n), command.wall);
      if (args.peer) {
        const ref = peer(corpus, k);
        if (ref)
          process.stdout.write(
            `ratio at ${n} papers: Topic Atlas command / scikit-learn process = ${(command.wall / ref.wall).toFixed(2)} in time, ${(command.peakMb / ref.peakMb).toFixed(2)} in peak memory\n`,
          );
      }
    }
  }
}

/**
 * The synthetic corpus of `n` papers (scripts/generate-corpus.ts, seed 1, recombined from the real
 * benchmark papers), generated once into the system's temporary folder and reused: the generator
 * gives the same bytes for the same n.
 */
function syntheticCorpus(n: number): string {
  const file = join(tmpdir(), `topic-atlas-synthetic-${n}.jsonl.gz`);
  if (existsSync(file)) return file;
  // Written under another name first (still .gz, which the generator compresses by), so a stopped run leaves no half file.
  const part = file.replace(/\.jsonl\.gz$/, '.part.jsonl.gz');
  const r = spawnSync(process.execPath, ['scripts/run.mjs', 'generate-corpus', '--papers', String(n), '--out', part], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`generate-corpus failed: ${r.stderr.slice(-300)}`);
  renameSync(part, file);
  return file;
}

/** The whole command on synthetic corpora beyond the real papers (fitted on a sample above its size), and the dashboard on each output; the outputs of the sizes `keep` holds are kept, by size. */
async function syntheticRows(sizes: number[], keep: number[]): Promise<Map<number, string>> {
  const kept = new Map<number, string>();
  for (const n of sizes) {
    const file = syntheticCorpus(n);
    const out = tempDir('atlas-synthetic-');
    const command = timedCommand(['--input', file, '--out', join(out, 'out')], join(out, 'out'));
    process.stdout.write(`\nSynthetic corpus of ${n.toLocaleString('en-US')} papers (recombined from the real ones; ${file}):\n  ${command.line}\n`);
    const sampled = command.stdout?.split('\n').find((l) => l.startsWith('model fitted on a seeded sample'));
    if (sampled) process.stdout.write(`  ${sampled}\n`);
    if (command.out) process.stdout.write(`  dashboard: ${await inBrowser(command.out, `synthetic${n}`)}\n`);
    if (keep.includes(n) && command.out) kept.set(n, join(out, 'out'));
    else rmSync(out, { recursive: true, force: true });
  }
  return kept;
}

/** Whether two folders hold the same files, byte for byte. */
function sameFolders(a: string, b: string): boolean {
  const names = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? names(join(d, e.name)).map((n) => `${e.name}/${n}`) : [e.name])).sort();
  const [x, y] = [names(a), names(b)];
  return x.join() === y.join() && x.every((n) => readFileSync(join(a, n)).equals(readFileSync(join(b, n))));
}

/**
 * The same run as a job on a Dask LocalCluster of two workers (scripts/cluster/dask_job.py, docs/cluster.md):
 * its steps' times, the largest process's peak memory, and whether its atlas is the one-machine run's byte for byte.
 */
function clusterRows(sizes: number[], oneMachine: Map<number, string>): void {
  const python = '/usr/bin/python3';
  for (const n of sizes) {
    const file = syntheticCorpus(n);
    const dir = tempDir('atlas-cluster-');
    const driver = [join('scripts', 'cluster', 'dask_job.py'), '--job', join(dir, 'job'), '--local-workers', '2', '--', '--input', file, '--out', join(dir, 'out')];
    const timed = existsSync('/usr/bin/time');
    const started = performance.now();
    const r = timed ? spawnSync('/usr/bin/time', ['-f', 'peak-kb %M', python, ...driver], { encoding: 'utf8', env: { ...process.env, CI: 'true' } }) : spawnSync(python, driver, { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    const wall = performance.now() - started;
    process.stdout.write(`\nThe job on a Dask LocalCluster of two workers, synthetic corpus of ${n.toLocaleString('en-US')} papers:\n`);
    if (r.status !== 0) process.stdout.write(`  failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}\n`);
    else {
      const kb = Number(/peak-kb (\d+)/.exec(r.stderr)?.[1] ?? NaN);
      const steps = r.stdout.split('\n').find((l) => l.startsWith('dask_job:')) ?? '';
      const same = oneMachine.has(n) ? (sameFolders(oneMachine.get(n)!, join(dir, 'out')) ? 'byte-identical to the one-machine run' : 'DIFFERS from the one-machine run') : 'not compared (run --synthetic with the same size to compare)';
      process.stdout.write(`  ${ms(wall)} in all${Number.isFinite(kb) ? `, largest process ${(kb / 1024).toFixed(0)} MB peak RSS` : ''}; ${steps.replace('dask_job: ', '')}; atlas ${same}\n`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  for (const out of oneMachine.values()) rmSync(dirname(out), { recursive: true, force: true });
}

const clusterSizes = args.cluster.split(',').filter(Boolean).map(Number);
main()
  .then(() => syntheticRows(args.synthetic.split(',').filter(Boolean).map(Number), clusterSizes))
  .then((kept) => clusterRows(clusterSizes, kept))
  .then(() => process.stdout.write(`\nmachine speed at the end: a fixed loop took ${machineSpeed()}\n`))
  .catch((e) => {
    process.stderr.write(`bench: ${(e as Error).stack}\n`);
    process.exit(1);
  });

/** CLI: reads paper dumps, runs the pipeline stages, writes the dashboard's data. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ABSTRACT_CHUNK_SIZE, type PaperText, type Rejection } from '../src/contract';
import { assembleCorpus, embeddingMatrix, parseEmbeddingLines, SourceError, type AssembleOptions, type Corpus, type CorpusPaper, type GroupBy, type ManifestEntry, type SourceRecords } from '../src/pipeline/ingest';
import type { PreviousCluster } from '../src/pipeline/cluster/identity';
import type { buildAtlas } from '../src/pipeline/atlas';
import { batchCount, buildSampledAtlas, fitSample, mergeSample, planSample, SAMPLE_DEFAULTS, type SamplePlan } from '../src/pipeline/sampled';
import { corpusFingerprint, defaultShards, JobError, jobPlan, mapShard, readFit, readJob, readShards, shardRanges, writeJob, type JobOptions } from './lib/job';
import { encodeModel } from '../src/pipeline/model/file';
import type { Dense } from '../src/pipeline/vectorize/sparse';
import { foundAgain, updateAtlas, type UpdateReport } from '../src/pipeline/update';
import { AtlasFolderError, readAtlasFolder } from './lib/atlasFolder';
import { FINE_K } from '../src/pipeline/cluster/twoLevel';
import { fsReason } from './lib/fsReason';
import { listInputs, readSource, type InputFile } from './lib/readSources';
import { readManifest } from './lib/manifest';
import { checkOutput, OutputError, writeOutput, type ReusedChunks } from './lib/writeOutput';
import { NO_PREVIOUS, readPrevious, type Previous } from './lib/previousAtlas';
import { mapOffThread, OFF_THREAD_ABOVE } from './lib/mapThread';
import { threadPool } from './lib/pool';
import { parseThemes, type ThemeSpec } from '../src/pipeline/themes';
import { progress, progressDone, progressPapers } from './lib/progress';
import { SpilledTexts } from './lib/spilledTexts';

async function loadThemes(file: string): Promise<ThemeSpec[]> {
  if (file === 'none') return [];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new SourceError(file, `themes file: ${fsReason(e)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new SourceError(file, `not valid JSON (${(e as Error).message})`);
  }
  try {
    return parseThemes(data, file);
  } catch (e) {
    throw new SourceError(file, (e as Error).message.replace(`${file}: `, ''));
  }
}

const USAGE = `Usage: npm run preprocess -- [options]

  --input <file|dir>   dump file or folder of dumps (repeatable; default data/dumps)
  --manifest <csv>     manifest with columns source,date,label (default data/dumps.csv with the default input)
  --out <dir>          where atlas.json and its abstracts-<hash>/ folder are written (default public/data)
  --seed <n>           seed for every random step (default 0)
  --k <n|auto>         number of fine clusters outside named themes, 2 to the number of papers (default auto: about √papers, at most ${FINE_K.max})
  --sample <n|all>     above n papers, fit the model on a seeded sample of n and map the rest onto
                       it in batches, as --update does (default ${SAMPLE_DEFAULTS.size.toLocaleString('en-US')}; all: fit on every paper)
  --batch <n>          papers mapped onto the sample's model at a time (default ${SAMPLE_DEFAULTS.batch.toLocaleString('en-US')})
  --themes <json>      named themes to find (default data/themes.json; "none" for unsupervised)
  --group-by <unit>    group dated records of an export into dumps by day, week or month (default day)
  --fresh              give every theme a new id instead of carrying on those of the atlas already in --out
  --embeddings <jsonl> precomputed embeddings, lines of {"id": ..., "embedding": [...]} by paper id
                       (an "embedding" field in JSON or JSON Lines records works too): clusters,
                       neighbours and the map use them instead of the text's LSA vectors
  --update             add the --input dumps to the atlas in --out: new papers are mapped onto its
                       fitted model and every paper already there stays as it is (needs --input)
  --job <dir> --stage fit|map|merge
                       the same run in three steps, for many machines (docs/cluster.md):
                       fit [--shards <n>]  read the inputs, fit the model on the sample, cut the
                                           other papers into n shards in <dir> (default one a batch)
                       map --shard <i>     map shard i onto the model (any machine, any order)
                       merge               read the inputs again and every shard, write --out
                       The merged atlas is byte-identical to the run without --job.
  --strict             stop at the first unusable file instead of skipping it
  --dry-run            read and report the inputs only; analyse and write nothing
  --debug              print the stack trace of an unexpected error
  --help               show this help

Formats: page text (.txt), .csv, .tsv, .json (array of objects), .jsonl; each optionally .gz.`;

class UsageError extends Error {}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        input: { type: 'string', multiple: true },
        manifest: { type: 'string' },
        out: { type: 'string', default: 'public/data' },
        seed: { type: 'string', default: '0' },
        k: { type: 'string', default: 'auto' },
        sample: { type: 'string', default: String(SAMPLE_DEFAULTS.size) },
        batch: { type: 'string', default: String(SAMPLE_DEFAULTS.batch) },
        job: { type: 'string' },
        stage: { type: 'string' },
        shards: { type: 'string' },
        shard: { type: 'string' },
        'group-by': { type: 'string', default: 'day' },
        themes: { type: 'string' },
        strict: { type: 'boolean', default: false },
        fresh: { type: 'boolean', default: false },
        update: { type: 'boolean', default: false },
        embeddings: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
      tokens: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  const seed = Number(v.seed);
  if (!/^\d+$/.test(v.seed.trim()) || !Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got "${v.seed}"`);
  let k: number | 'auto' = 'auto';
  if (v.k !== 'auto') {
    k = Number(v.k);
    if (!/^\d+$/.test(v.k.trim()) || k < 2) throw new UsageError(`--k must be a whole number of at least 2, or "auto", got "${v.k}"`);
  }
  const sample = v.sample === 'all' ? Infinity : Number(v.sample);
  if (v.sample !== 'all' && (!/^\d+$/.test(v.sample.trim()) || sample < 3)) throw new UsageError(`--sample must be a whole number of at least 3, or "all", got "${v.sample}"`);
  const batch = wholeNumber('--batch', v.batch, 2);
  const given = new Set(parsed.tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : [])));
  const job = jobOptions(v, given);
  for (const [name, value] of [['--input', v.input], ['--out', [v.out]], ['--manifest', v.manifest === undefined ? [] : [v.manifest]], ['--themes', v.themes === undefined ? [] : [v.themes]], ['--embeddings', v.embeddings === undefined ? [] : [v.embeddings]]] as const)
    if (value?.some((x) => !x.trim())) throw new UsageError(`${name} needs a path, got an empty one`);
  if (v.update) {
    if (v.input === undefined) throw new UsageError('--update needs --input with the new dumps');
    for (const [name, given] of [['--k', v.k !== 'auto'], ['--seed', v.seed !== '0'], ['--themes', v.themes !== undefined], ['--fresh', v.fresh], ['--sample', v.sample !== String(SAMPLE_DEFAULTS.size)]] as const)
      if (given) throw new UsageError(`--update maps new papers onto the atlas's fitted model, which fixes ${name.slice(2)}; leave out ${name}, or run without --update`);
  }
  const groupBy = v['group-by'];
  if (groupBy !== 'day' && groupBy !== 'week' && groupBy !== 'month')
    throw new UsageError(`--group-by must be day, week or month, got "${groupBy}"`);
  const defaultInput = v.input === undefined;
  const manifest = v.manifest ?? (defaultInput && existsSync('data/dumps.csv') ? 'data/dumps.csv' : undefined);
  const inputs = v.input ?? (v.manifest ? [] : ['data/dumps']);
  const themes = v.themes ?? (existsSync('data/themes.json') ? 'data/themes.json' : 'none');
  return { help: v.help, inputs, manifest, out: v.out, seed, k, sample, batch, job, groupBy: groupBy as GroupBy, strict: v.strict, fresh: v.fresh, update: v.update, embeddings: v.embeddings, themes, dryRun: v['dry-run'], debug: v.debug };
}

/** A whole number of at least `least` given to `name`; a UsageError otherwise. */
function wholeNumber(name: string, value: string, least: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < least) throw new UsageError(`${name} must be a whole number of at least ${least}, got "${value}"`);
  return n;
}

/** `--job` and its step, checked: map and merge take their analysis options from the job. */
function jobOptions(v: Record<string, string | boolean | string[] | undefined>, given: Set<string>): { dir: string; stage: 'fit' | 'map' | 'merge'; shards?: number; shard?: number } | null {
  const { job, stage, shards, shard } = v as Record<string, string | undefined>;
  if (job === undefined) {
    for (const [name, given] of [['--stage', stage], ['--shards', shards], ['--shard', shard]] as const) if (given !== undefined) throw new UsageError(`${name} goes with --job <dir>`);
    return null;
  }
  if (!job.trim()) throw new UsageError('--job needs a folder, got an empty one');
  if (stage !== 'fit' && stage !== 'map' && stage !== 'merge') throw new UsageError(`--job needs --stage fit, map or merge${stage === undefined ? '' : `, got "${stage}"`}`);
  if (v.update) throw new UsageError('--job runs a full analysis in steps; an update (--update) runs on one machine');
  if (shards !== undefined && stage !== 'fit') throw new UsageError('--shards goes with --stage fit (the fit cuts the papers into shards)');
  if (stage === 'map' && shard === undefined) throw new UsageError('--stage map needs --shard <i>, the shard to map');
  if (shard !== undefined && stage !== 'map') throw new UsageError('--shard goes with --stage map');
  if (stage !== 'fit') {
    const analysis = ['input', 'manifest', 'out', 'seed', 'k', 'sample', 'batch', 'themes', 'group-by', 'embeddings', 'fresh', 'strict', 'dry-run'];
    const extra = analysis.find((name) => given.has(name));
    if (extra) throw new UsageError(`--stage ${stage} takes the options the fit step was given, kept in the job; leave out --${extra}`);
  }
  return { dir: job, stage, ...(shards !== undefined ? { shards: wholeNumber('--shards', shards, 1) } : {}), ...(shard !== undefined ? { shard: wholeNumber('--shard', shard, 0) } : {}) };
}

function fail(message: string, code: number): never {
  process.stderr.write(`preprocess: ${message}\n`);
  process.exit(code);
}

const asRejection = (e: SourceError): Rejection => ({ source: e.source, line: e.line, reason: e.reason });

let debug = process.argv.includes('--debug');

// Output piped into a command that stops reading early (`| head`) is no failure of the run.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });

type Options = ReturnType<typeof options>;
type Built = Awaited<ReturnType<typeof buildAtlas>>;

/**
 * Where unusable inputs (`report`) and notes on inputs (`warn`) go: each is printed as it is found
 * and kept for atlas.json's ingest section; with --strict the first unusable input stops the run.
 */
function problemLog(strict: boolean) {
  const unreadable: SourceError[] = [];
  const warnings: SourceError[] = [];
  const report = (e: SourceError) => {
    if (strict) fail(`${e.message}\n(--strict: stopping at the first unusable file)`, 1);
    unreadable.push(e);
    process.stderr.write(`skipped ${e.message}\n`);
  };
  const warn = (e: SourceError) => {
    warnings.push(e);
    process.stderr.write(`warning: ${e.message}\n`);
  };
  return { unreadable, warnings, report, warn };
}

type ProblemLog = ReturnType<typeof problemLog>;

/** The dump files to read, with the dates and labels the manifest gives them; fails when there are none. */
async function findInputs(opts: Options, out: string, log: ProblemLog): Promise<{ files: InputFile[]; manifest: Map<string, ManifestEntry> }> {
  const manifestRows = opts.manifest ? await readManifest(opts.manifest) : { rows: [], problems: [], warnings: [] };
  const inputs = await listInputs(opts.inputs, manifestRows.rows.map((r) => r.path), out, opts.manifest);
  inputs.unreadable.forEach(log.report);
  for (const i of inputs.ignored) log.warn(new SourceError(i.source, i.reason));
  manifestRows.problems.forEach(log.report);
  manifestRows.warnings.forEach(log.warn);
  const { files } = inputs;
  const manifest = new Map<string, ManifestEntry>();
  for (const row of manifestRows.rows) {
    const file = files.find((f) => f.path === row.path || f.real === row.path);
    if (file) manifest.set(file.source, { date: row.date, label: row.label });
  }
  if (files.length === 0) {
    const what = [...opts.inputs, ...(opts.manifest ? [opts.manifest] : [])].join(', ');
    fail(log.unreadable.length || inputs.ignored.length ? `nothing to read in ${what}: every input was skipped (see above)` : `no dump files found in ${what}`, 1);
  }
  return { files, manifest };
}

/** Reads every file (one that cannot be read is reported and skipped) and assembles the corpus. */
async function readCorpus(
  files: InputFile[],
  manifest: Map<string, ManifestEntry>,
  groupBy: GroupBy,
  log: ProblemLog,
  known?: AssembleOptions['known'],
): Promise<{ sources: SourceRecords[]; corpus: Corpus }> {
  const sources: SourceRecords[] = [];
  for (const file of files) {
    try {
      const src = await readSource(file);
      sources.push(src);
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      log.report(e);
    }
  }
  const corpus = assembleCorpus(sources, {
    groupBy,
    manifest,
    unreadable: log.unreadable.map(asRejection),
    warnings: log.warnings.map(asRejection),
    known,
  });
  return { sources, corpus };
}

/**
 * Prints what each file gave and the totals, with the first 20 rejected records and notes (atlas.json
 * lists them all); `inputWarnings` notes on the inputs themselves were printed as they were found.
 */
function printIngest(sources: SourceRecords[], corpus: Corpus, inputWarnings: number): void {
  for (const src of sources) {
    const dumps = corpus.dumps.filter((d) => d.source === src.source);
    const rejected = corpus.ingest.rejected.filter((r) => r.source === src.source).length;
    const records = src.records.length + src.rejected.length;
    const papers = dumps.reduce((n, d) => n + d.papers, 0);
    const when = dumps.length === 1 ? dumps[0].label : `${dumps.length} dumps`;
    process.stdout.write(`read ${src.source} (${when}): ${records} records, ${papers} papers, ${rejected} rejected\n`);
  }
  const { records, unique, duplicates, rejected } = corpus.ingest;
  process.stdout.write(
    `total: ${records} records -> ${unique} papers, ${duplicates} duplicates, ${rejected.length} rejected, in ${corpus.dumps.filter((d) => sources.some((s) => s.source === d.source)).length} dumps\n`,
  );
  for (const r of rejected.slice(0, 20)) process.stdout.write(`  rejected ${r.source}${r.line ? `:${r.line}` : ''}: ${r.reason}\n`);
  if (rejected.length > 20) process.stdout.write(`  ... and ${rejected.length - 20} more (all listed in atlas.json ingest.rejected)\n`);
  const conflicts = (corpus.ingest.warnings ?? []).slice(inputWarnings);
  for (const w of conflicts.slice(0, 20)) process.stdout.write(`  note ${w.source}:${w.line}: ${w.reason}\n`);
  if (conflicts.length > 20) process.stdout.write(`  ... and ${conflicts.length - 20} more (all listed in atlas.json ingest.warnings)\n`);
}

/**
 * The papers' precomputed embeddings (rows of unit length), or null when none has one: those of the
 * --embeddings file by paper id (a line for no paper read is noted), else the records' own. A paper
 * without one, a wrong dimension or a number that is not finite fails the run, naming the line.
 */
async function embeddingsOf(papers: CorpusPaper[], file: string | undefined): Promise<Dense | null> {
  if (file) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new SourceError(file, `embeddings file: ${fsReason(e)}`);
    }
    const given = parseEmbeddingLines(text, file);
    const ids = new Set(papers.map((p) => p.id));
    for (const p of papers) if (given.has(p.id)) p.embedding = given.get(p.id);
    const unused = [...given.keys()].filter((id) => !ids.has(id));
    if (unused.length) process.stdout.write(`  note ${file}: ${unused.length} embedding(s) for papers not read (first: "${unused[0]}" at line ${given.get(unused[0])!.line})\n`);
  }
  return embeddingMatrix(papers);
}

/** Fails, writing nothing, when too few papers were read for the analysis or for --k. */
function checkCorpus(unique: number, k: number | 'auto'): void {
  if (unique === 0) fail('no usable papers were read; nothing written', 1);
  if (unique < 3) fail(`only ${unique} paper${unique === 1 ? ' was' : 's were'} read and at least 3 are needed to find themes; nothing written`, 1);
  if (k !== 'auto' && k > unique) fail(`--k ${k} asks for more clusters than the ${unique} papers read; give at most ${unique}, or --k auto`, 1);
}

/**
 * Runs the analysis stages with a progress line; fails, writing nothing, when the analysis stops.
 * Given a plan, only the fit on its sample (a job's fit step).
 */
async function analyse(corpus: Corpus, opts: Options, themes: ThemeSpec[], previous: Previous, embeddings: Dense | null, spilled: SpilledTexts | null, fitOnly?: SamplePlan): Promise<Built> {
  const started = Date.now();
  let built;
  // The LSA's products on two cores, and the neighbours and map on the second while this one clusters.
  const pool = corpus.papers.length > OFF_THREAD_ABOVE ? threadPool() : undefined;
  const runMap = mapOffThread(corpus.papers.length);
  let mappingStarted = 0;
  const mapPool = corpus.papers.length > opts.sample && !fitOnly ? threadPool() : undefined;
  const text = spilled ? (i: number) => spilled.get(i) : undefined;
  try {
    const options = {
      seed: opts.seed,
      k: opts.k,
      themes,
      previous: previous.clusters,
      previousMap: previous.map ?? undefined,
      previousGroups: previous.groups,
      embeddings,
      pool,
      runMap,
      onStage: (name: string) => progress(`${name}`, started),
    };
    built = fitOnly
      ? await fitSample(corpus, fitOnly, options, text ?? ((i) => corpus.papers[i].abstract))
      : await buildSampledAtlas(corpus, { ...options, sample: { size: opts.sample, batch: opts.batch, pool: mapPool, ...(text ? { text } : {}), onBatch: (done, total) => progressPapers(done, total, (mappingStarted ||= Date.now())) } });
  } catch (e) {
    progressDone(started);
    if (debug) throw e;
    fail(`the analysis stopped: ${(e as Error).message}; nothing written`, 1);
  } finally {
    pool?.close();
    mapPool?.close();
    runMap.close();
  }
  progressDone(started);
  return built;
}

/** Prints whether each named theme was found, how many themes and top-level themes carried on from the previous atlas, and what the map moved. */
function printThemes({ atlas, dropped, moved, groups }: Built, previous: PreviousCluster[]): void {
  const sampled = atlas.generated.params.sample;
  for (const t of atlas.themes) {
    process.stdout.write(
      t.found && t.papers > 0
        ? `theme "${t.label}": ${t.papers} papers, in "${atlas.groups[atlas.clusters[t.clusters[0]].group].label}"\n`
        : `theme "${t.label}": not found in these papers (its seed terms are no more concentrated than chance terms, p = ${t.p})\n`,
    );
    const brought = (t.seedReport ?? []).filter((r) => r.alone > 0);
    const among = sampled ? ` (among the ${sampled.papers.toLocaleString('en-US')} sampled papers)` : '';
    if (brought.length) process.stdout.write(`  papers each seed alone matches -> joined the theme${among}: ${brought.map((r) => `"${r.seed}" ${r.alone} -> ${r.joined}`).join(', ')}\n`);
    for (const r of (t.seedReport ?? []).filter((x) => x.generic))
      process.stdout.write(`  warning: seed "${r.seed}" alone brings ${r.joined} papers into "${t.label}", yet ${r.alone - r.joined} of the ${r.alone} it alone matches stay out and the papers use it unlike the other seeds (coherence ${r.coherence}): a generic seed pulls in another topic\n`);
  }
  if (previous.length) {
    const carried = atlas.clusters.filter((c) => previous.some((p) => p.key === c.key)).length;
    process.stdout.write(`themes carried over from the previous atlas: ${carried} of ${atlas.clusters.length} keep their ids (renames and links follow them)\n`);
    if (dropped.length)
      process.stdout.write(`${dropped.length} earlier theme(s) no longer found: ${dropped.slice(0, 8).map((d) => `"${d.label}"`).join(', ')}${dropped.length > 8 ? ', ...' : ''}\n`);
  }
  if (groups.carried.some(Boolean) || groups.dropped.length) {
    const fresh = atlas.groups.filter((_, i) => !groups.carried[i]).map((g) => `"${g.label}"`);
    process.stdout.write(
      `top-level themes carried over: ${groups.carried.filter(Boolean).length} of ${atlas.groups.length} keep their ids, names and colours` +
        (fresh.length ? `; new: ${fresh.join(', ')}` : '') +
        (groups.dropped.length ? `; gone: ${groups.dropped.map((g) => `"${g.label}"`).join(', ')}` : '') +
        '\n',
    );
  }
  if (moved?.shared && atlas.generated.params.alignment)
    process.stdout.write(
      `map brought onto the previous atlas's (${moved.shared} shared papers): they moved a median ${(moved.medianMove * 100).toFixed(1)}% of the map's width; ${(moved.keyChanged * 100).toFixed(1)}% changed theme id\n`,
    );
  else if (moved?.shared) process.stdout.write(`the previous atlas holds only ${moved.shared} of these ${atlas.papers.length} papers: the map was not brought onto it\n`);
}

/** Writes atlas.json and its abstracts folder to `out` (given as `outOption`) and says what was written and how many inputs were skipped. */
async function writeAtlas(out: string, outOption: string, { atlas, abstracts, model }: Pick<Built, 'atlas' | 'abstracts' | 'model'>, skipped: number, reuse?: ReusedChunks): Promise<void> {
  let target: string;
  try {
    target = await writeOutput(out, atlas, abstracts, encodeModel(model), reuse);
  } catch (e) {
    if (debug) throw e;
    throw new OutputError(`could not write to --out ${outOption}: ${fsReason(e)}`);
  }
  process.stdout.write(`wrote ${target} (${atlas.papers.length} papers, ${atlas.groups.length} top-level themes, ${atlas.clusters.length} clusters)\n`);
  if (skipped) process.stdout.write(`${skipped} input(s) skipped, listed in atlas.json ingest.rejected\n`);
}

/** New papers from which an update searches their neighbours on a second thread (starting it costs a tenth of a second). */
const UPDATE_POOL_ABOVE = 1000;

/**
 * `--update`: reads the atlas, texts and model in --out, maps the new dumps onto them and writes the
 * updated three in one switch. Records of a dump the atlas holds (the same file and date) are read
 * as duplicates, or rejected when they would change that dump.
 */
async function update(opts: Options, out: string): Promise<void> {
  const started = Date.now();
  const { atlas, texts, model } = await readAtlasFolder(out, opts.out);
  const log = problemLog(opts.strict);
  const { files, manifest } = await findInputs(opts, out, log);
  const { sources, corpus } = await readCorpus(files, manifest, opts.groupBy, log, { papers: atlas.papers, dumps: atlas.dumps });
  printIngest(sources, corpus, log.warnings.length);
  if (corpus.dumps.length === atlas.dumps.length) fail('nothing to add: every dump of the inputs is already in the atlas (an update adds new dumps); nothing written', 1);
  if (opts.dryRun) {
    process.stdout.write('dry run: nothing written\n');
    return;
  }
  const fresh = corpus.papers.slice(atlas.papers.length);
  const embeddings = await embeddingsOf(fresh, opts.embeddings);
  if (model.space === 'embeddings' && !embeddings)
    fail(`the atlas was made from embeddings (${model.spaceDims} dimensions), and the new papers have none: give them in an "embedding" field or with --embeddings; nothing written`, 1);
  if (model.space === 'lsa' && embeddings) process.stdout.write('note: the atlas was made from the text, so the new papers\' embeddings are not used (a full run with them uses them)\n');
  if (embeddings && embeddings.cols !== model.spaceDims)
    fail(`the new papers' embeddings have ${embeddings.cols} dimensions and the atlas's ${model.spaceDims}; nothing written`, 1);
  // Earlier papers found again: their texts give the new dumps' key terms.
  const n0 = atlas.papers.length;
  const againTexts = new Map<number, PaperText>();
  for (const i of foundAgain(atlas, corpus)) againTexts.set(i, (await texts(i, i + 1))[0]);
  let result;
  // The new papers' neighbour search on two cores when there are many.
  const pool = fresh.length >= UPDATE_POOL_ABOVE ? threadPool() : undefined;
  try {
    result = updateAtlas({ atlas, texts: (i) => againTexts.get(i), model, corpus, embeddings: model.space === 'embeddings' ? embeddings : null }, { pool });
  } catch (e) {
    if (debug) throw e;
    fail(`the update stopped: ${(e as Error).message}; nothing written`, 1);
  } finally {
    pool?.close();
  }
  printUpdate(result.report, result.atlas.papers.length, Date.now() - started);
  // The earlier papers' whole chunks are kept as they are; the last, part-filled one is written again with the new papers.
  const kept = Math.floor(n0 / ABSTRACT_CHUNK_SIZE);
  const abstracts: PaperText[] = new Array(kept * ABSTRACT_CHUNK_SIZE);
  abstracts.push(...(await texts(kept * ABSTRACT_CHUNK_SIZE, n0)), ...result.abstracts);
  const reuse = atlas.abstracts ? { folder: atlas.abstracts, chunks: kept } : undefined;
  await writeAtlas(out, opts.out, { atlas: result.atlas, abstracts, model: result.model }, log.unreadable.length, reuse);
}

/** What an update added, how far the new papers are from the model, and whether a full run is advised. */
function printUpdate(r: UpdateReport, papers: number, ms: number): void {
  const u = r.update;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  process.stdout.write(`update: +${u.papers} papers in ${u.dumps.length} dump(s)${u.date ? ` to ${u.date}` : ''}, ${u.again} earlier paper(s) found again; ${papers} papers in all (${(ms / 1000).toFixed(1)} s)\n`);
  if (u.papers) process.stdout.write(`drift: ${pct(u.outside)} of the new papers' term mass is outside the vocabulary (fitted papers: ${pct(r.fitted.outside)}); ${pct(u.far)} of them are far from every cluster (fitted papers: ${pct(r.fitted.far)})\n`);
  for (const c of r.newClusters) process.stdout.write(`new cluster "${c.label}": ${c.papers} papers far from every earlier cluster, in "${c.group}"\n`);
  if (r.advice) process.stdout.write(`a full run is advised: ${r.advice}\n`);
}

async function main(): Promise<void> {
  const opts = options();
  debug = opts.debug;
  if (opts.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  // A job's map and merge steps write where the job says.
  if (opts.job?.stage === 'map') return mapStage(resolve(opts.job.dir), opts.job.shard!);
  if (opts.job?.stage === 'merge') return mergeStage(opts, resolve(opts.job.dir));
  // Everything that can be checked before reading the input is: a run never fails after its analysis
  // for a reason known at the start.
  const out = resolve(opts.out);
  if (!opts.dryRun) await checkOutput(opts.out, out);
  if (opts.update) return update(opts, out);
  if (opts.job) return fitStage(opts, resolve(opts.job.dir), opts.job.shards, out);
  const themes = await loadThemes(opts.themes);

  const log = problemLog(opts.strict);
  const corpus = await ingest(opts, out, log);
  if (opts.dryRun) {
    process.stdout.write(`dry run: nothing written (peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)\n`);
    return;
  }

  const embeddings = await embeddingsOf(corpus.papers, opts.embeddings);
  if (embeddings) process.stdout.write(`embeddings: ${embeddings.cols} dimensions for all ${embeddings.rows} papers (clusters, neighbours and the map use them)\n`);
  const previous = opts.fresh ? NO_PREVIOUS : await readPrevious(out);
  // A corpus fitted on a sample keeps its abstracts on disk until each is needed.
  const spilled = corpus.papers.length > opts.sample ? new SpilledTexts(corpus.papers) : null;
  try {
    await analyseAndWrite(corpus, opts, themes, previous, embeddings, spilled, out, log);
  } finally {
    spilled?.close();
  }
}

/** Reads the inputs into a corpus and reports what was read (the records read go once the corpus holds its papers). */
async function ingest(opts: Options, out: string, log: ProblemLog): Promise<Corpus> {
  const { files, manifest } = await findInputs(opts, out, log);
  const { sources, corpus } = await readCorpus(files, manifest, opts.groupBy, log);
  printIngest(sources, corpus, log.warnings.length);
  checkCorpus(corpus.ingest.unique, opts.k);
  return corpus;
}

/** Analyses the corpus, says what was found and writes the atlas. */
async function analyseAndWrite(corpus: Corpus, opts: Options, themes: ThemeSpec[], previous: Previous, embeddings: Dense | null, spilled: SpilledTexts | null, out: string, log: ProblemLog): Promise<void> {
  const built = await analyse(corpus, opts, themes, previous, embeddings, spilled);
  await reportAndWrite(built, opts, previous, out, log);
}

/** Says what the analysis found and writes the atlas. */
async function reportAndWrite(built: Built, opts: Options, previous: Previous, out: string, log: ProblemLog): Promise<void> {
  const sampled = built.atlas.generated.params.sample;
  if (sampled) process.stdout.write(`model fitted on a seeded sample of ${sampled.papers.toLocaleString('en-US')} of the ${sampled.of.toLocaleString('en-US')} papers; the other ${(sampled.of - sampled.papers).toLocaleString('en-US')} mapped onto it (--sample)\n`);
  printThemes(built, previous.clusters);
  const { unknownMarks } = built;
  for (const m of unknownMarks.slice(0, 10)) process.stdout.write(`note ${opts.themes}: theme "${m.theme}" marks paper "${m.paper}" (${m.kind}), which these papers do not hold: ignored\n`);
  if (unknownMarks.length > 10) process.stdout.write(`  ... and ${unknownMarks.length - 10} more marks of papers not held, ignored\n`);
  await writeAtlas(out, opts.out, built, log.unreadable.length);
}

/** `--job <dir> --stage fit`: reads the inputs, fits the model on the sample and writes the job folder with the other papers in shards. */
async function fitStage(opts: Options, dir: string, shards: number | undefined, out: string): Promise<void> {
  const themes = await loadThemes(opts.themes);
  const log = problemLog(opts.strict);
  const corpus = await ingest(opts, out, log);
  const n = corpus.papers.length;
  const plan = planSample(n, opts.seed, { size: opts.sample, batch: opts.batch });
  if (!plan) fail(`the inputs hold ${n.toLocaleString('en-US')} papers, no more than --sample ${opts.sample.toLocaleString('en-US')}: the model is fitted on all of them and there is nothing to map in shards; run without --job`, 1);
  if (opts.dryRun) {
    process.stdout.write('dry run: nothing written\n');
    return;
  }
  const embeddings = await embeddingsOf(corpus.papers, opts.embeddings);
  const previous = opts.fresh ? NO_PREVIOUS : await readPrevious(out);
  const spilled = new SpilledTexts(corpus.papers);
  try {
    const fit = await analyse(corpus, opts, themes, previous, embeddings, spilled, plan);
    const ranges = shardRanges(batchCount(plan), shards ?? defaultShards(plan));
    const job = await writeJob(dir, { options: jobOptionsOf(opts, out), corpus: { papers: n, fingerprint: corpusFingerprint(corpus) }, shards: ranges }, fit, plan, (i) => ({ title: corpus.papers[i].title, abstract: spilled.get(i) }), embeddings);
    process.stdout.write(
      `model fitted on a seeded sample of ${plan.picked.length.toLocaleString('en-US')} of the ${n.toLocaleString('en-US')} papers; the other ${plan.rest.length.toLocaleString('en-US')} cut into ${job.shards.length} shard(s) in ${dir}\n` +
        `next: --job ${opts.job!.dir} --stage map --shard <i> for each i from 0 to ${job.shards.length - 1} (any machine, any order), then --job ${opts.job!.dir} --stage merge\n`,
    );
  } finally {
    spilled.close();
  }
}

/** The options a job keeps (those the merge reads the inputs with, and the analysis's), with absolute paths. */
const jobOptionsOf = (o: Options, out: string): JobOptions => ({
  inputs: o.inputs.map((i) => resolve(i)),
  ...(o.manifest ? { manifest: resolve(o.manifest) } : {}),
  out,
  seed: o.seed,
  k: o.k,
  sample: o.sample,
  batch: o.batch,
  themes: o.themes === 'none' ? 'none' : resolve(o.themes),
  groupBy: o.groupBy,
  strict: o.strict,
  fresh: o.fresh,
  ...(o.embeddings ? { embeddings: resolve(o.embeddings) } : {}),
});

/** `--job <dir> --stage map --shard <i>`: maps one shard onto the job's model. */
async function mapStage(dir: string, shard: number): Promise<void> {
  const started = Date.now();
  const job = await readJob(dir);
  const pool = threadPool();
  try {
    const n = await mapShard(dir, job, shard, pool, (done, total) => progressPapers(done, total, started));
    process.stderr.write(process.stderr.isTTY && !process.env.CI ? '\r\x1b[2K' : '');
    process.stdout.write(`shard ${shard} of ${job.shards.length}: ${n.toLocaleString('en-US')} papers mapped in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    pool.close();
  }
}

/** `--job <dir> --stage merge`: reads the inputs again and every shard, and writes the atlas as the one-machine run does. */
async function mergeStage(base: Options, dir: string): Promise<void> {
  const job = await readJob(dir);
  // A job kept without a manifest or embeddings has none: the command line's defaults do not apply.
  const opts: Options = { ...base, ...job.options, manifest: job.options.manifest, embeddings: job.options.embeddings };
  const out = job.options.out;
  await checkOutput(out, out);
  const log = problemLog(opts.strict);
  const corpus = await ingest(opts, out, log);
  if (corpus.papers.length !== job.corpus.papers || corpusFingerprint(corpus) !== job.corpus.fingerprint)
    fail(`the inputs no longer hold the papers the job was fitted on (${corpus.papers.length.toLocaleString('en-US')} papers now, ${job.corpus.papers.toLocaleString('en-US')} then, or other ids or dumps): run the fit step again; nothing written`, 1);
  const plan = jobPlan(job);
  const previous = opts.fresh ? NO_PREVIOUS : await readPrevious(out);
  const spilled = new SpilledTexts(corpus.papers);
  try {
    const fit = await readFit(dir, 'with texts');
    const mapped = await readShards(dir, job, plan, fit.model);
    const built = mergeSample(corpus, plan, fit, mapped, opts.seed, (i) => spilled.get(i));
    await reportAndWrite(built, opts, previous, out, log);
  } finally {
    spilled.close();
  }
}

main().catch((e) => {
  if (e instanceof UsageError) fail(`${e.message}\n\n${USAGE}`, 2);
  if (e instanceof SourceError || e instanceof OutputError || e instanceof AtlasFolderError || e instanceof JobError) fail(e.message, 1);
  if (debug) fail((e as Error).stack ?? String(e), 1);
  fail(`unexpected error: ${(e as Error).message ?? String(e)} (run again with --debug for the details)`, 1);
});

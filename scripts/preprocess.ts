/** CLI: reads paper dumps, runs the pipeline stages, writes the dashboard's data. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assembleCorpus, formatOf, SourceError, type GroupBy, type ManifestEntry, type SourceRecords } from '../src/pipeline/ingest';
import { buildAtlas } from '../src/pipeline/atlas';
import { listInputs, readSource } from './lib/readSources';
import { readManifest } from './lib/manifest';
import { writeOutput } from './lib/writeOutput';
import { readPrevious } from './lib/previousAtlas';
import { mapOffThread } from './lib/mapThread';
import { parseThemes, type ThemeSpec } from '../src/pipeline/themes';
import { progress, progressDone } from './lib/progress';

async function loadThemes(file: string): Promise<ThemeSpec[]> {
  if (file === 'none') return [];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new SourceError(file, 'themes file not found');
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
  --out <dir>          where atlas.json and abstracts/ are written (default public/data)
  --seed <n>           seed for every random step (default 0)
  --k <n|auto>         number of fine clusters outside named themes (default auto: about √papers, at most 150)
  --themes <json>      named themes to find (default data/themes.json; "none" for unsupervised)
  --group-by <unit>    group dated records of an export into dumps by day, week or month (default day)
  --fresh              give every theme a new id instead of carrying on those of the atlas already in --out
  --strict             stop at the first unusable file instead of skipping it
  --dry-run            read and report the inputs only; analyse and write nothing
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
        'group-by': { type: 'string', default: 'day' },
        themes: { type: 'string' },
        strict: { type: 'boolean', default: false },
        fresh: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  const seed = Number(v.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a non-negative integer, got "${v.seed}"`);
  let k: number | 'auto' = 'auto';
  if (v.k !== 'auto') {
    k = Number(v.k);
    if (!Number.isInteger(k) || k < 1) throw new UsageError(`--k must be a positive integer or "auto", got "${v.k}"`);
  }
  const groupBy = v['group-by'];
  if (groupBy !== 'day' && groupBy !== 'week' && groupBy !== 'month')
    throw new UsageError(`--group-by must be day, week or month, got "${groupBy}"`);
  const defaultInput = v.input === undefined;
  const manifest = v.manifest ?? (defaultInput && existsSync('data/dumps.csv') ? 'data/dumps.csv' : undefined);
  const inputs = v.input ?? (v.manifest ? [] : ['data/dumps']);
  const themes = v.themes ?? (existsSync('data/themes.json') ? 'data/themes.json' : 'none');
  return { help: v.help, inputs, manifest, out: v.out, seed, k, groupBy: groupBy as GroupBy, strict: v.strict, fresh: v.fresh, themes, dryRun: v['dry-run'] };
}

function fail(message: string, code: number): never {
  process.stderr.write(`preprocess: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const opts = options();
  if (opts.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const problems: SourceError[] = [];
  const report = (e: SourceError) => {
    if (opts.strict) fail(`${e.message}\n(--strict: stopping at the first unusable file)`, 1);
    problems.push(e);
    process.stderr.write(`skipped ${e.message}\n`);
  };

  const manifest = new Map<string, ManifestEntry>();
  const { files, skipped } = await listInputs(opts.inputs);
  for (const s of skipped) process.stderr.write(`ignored ${s}: not a dump format\n`);
  if (opts.manifest) {
    const { rows, problems: bad } = await readManifest(opts.manifest);
    bad.forEach(report);
    for (const row of rows) {
      let file = files.find((f) => f.path === row.path);
      if (!file) {
        const format = formatOf(row.path);
        if (!format) {
          report(new SourceError(opts.manifest, `names a file in no format Topic Atlas reads: ${row.path}`, row.line));
          continue;
        }
        file = { path: row.path, source: row.path.split(/[\\/]/).pop()!, format };
        files.push(file);
      }
      manifest.set(file.source, { date: row.date, label: row.label });
    }
  }
  if (files.length === 0) fail(`no dump files found in ${opts.inputs.join(', ') || opts.manifest}`, 1);

  const sources: SourceRecords[] = [];
  for (const file of files) {
    try {
      const src = await readSource(file);
      sources.push(src);
    } catch (e) {
      if (e instanceof SourceError) report(e);
      else throw e;
    }
  }
  const corpus = assembleCorpus(sources, { groupBy: opts.groupBy, manifest });
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
    `total: ${records} records -> ${unique} papers, ${duplicates} duplicates, ${rejected.length} rejected, in ${corpus.dumps.length} dumps\n`,
  );
  for (const r of rejected.slice(0, 20)) process.stdout.write(`  rejected ${r.source}:${r.line}: ${r.reason}\n`);
  if (rejected.length > 20) process.stdout.write(`  ... and ${rejected.length - 20} more (all listed in atlas.json ingest.rejected)\n`);
  if (unique === 0) fail('no usable papers were read; nothing written', 1);
  if (opts.dryRun) {
    process.stdout.write(`dry run: nothing written (peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)\n`);
    return;
  }

  const themes = await loadThemes(opts.themes);
  const previous = opts.fresh ? [] : await readPrevious(resolve(opts.out));
  const started = Date.now();
  const { atlas, abstracts, dropped } = await buildAtlas(corpus, {
    seed: opts.seed,
    k: opts.k,
    themes,
    previous,
    runMap: mapOffThread(),
    onStage: (name) => progress(`${name}`, started),
  });
  progressDone(started);
  for (const t of atlas.themes)
    process.stdout.write(
      t.found && t.papers > 0
        ? `theme "${t.label}": ${t.papers} papers, in "${atlas.groups[atlas.clusters[t.clusters[0]].group].label}"\n`
        : `theme "${t.label}": not found in these papers (its seed terms are no more concentrated than chance terms, p = ${t.p})\n`,
    );
  if (previous.length) {
    const carried = atlas.clusters.filter((c) => previous.some((p) => p.key === c.key)).length;
    process.stdout.write(`themes carried over from the previous atlas: ${carried} of ${atlas.clusters.length} keep their ids (renames and links follow them)\n`);
    if (dropped.length)
      process.stdout.write(`${dropped.length} earlier theme(s) no longer found: ${dropped.slice(0, 8).map((d) => `"${d.label}"`).join(', ')}${dropped.length > 8 ? ', ...' : ''}\n`);
  }
  const target = await writeOutput(resolve(opts.out), atlas, abstracts);
  process.stdout.write(`wrote ${target} (${atlas.papers.length} papers, ${atlas.groups.length} top-level themes, ${atlas.clusters.length} clusters)\n`);
  if (problems.length) process.stdout.write(`${problems.length} file(s) skipped, see messages above\n`);
}

main().catch((e) => {
  if (e instanceof UsageError) fail(`${e.message}\n\n${USAGE}`, 2);
  if (e instanceof SourceError) fail(e.message, 1);
  fail((e as Error).stack ?? String(e), 1);
});

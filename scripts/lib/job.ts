import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { deserialize, serialize } from 'node:v8';
import type { Corpus, GroupBy } from '../../src/pipeline/ingest';
import { decodeModel, encodeModel, ModelFileError } from '../../src/pipeline/model/file';
import type { BatchOutput, ClassTermSums } from '../../src/pipeline/model/mapBatch';
import type { FittedModel } from '../../src/pipeline/model/model';
import { decodeTensors, encodeTensors } from '../../src/pipeline/model/tensors';
import type { Pool } from '../../src/pipeline/parallel';
import { batchCount, batchInput, emptyMapped, mapBatches, planSample, putMapped, type Mapped, type SamplePlan } from '../../src/pipeline/sampled';
import type { buildAtlas } from '../../src/pipeline/atlas';
import type { DocumentText } from '../../src/pipeline/text/terms';
import type { Dense } from '../../src/pipeline/vectorize/sparse';
import { fsReason } from './fsReason';

/**
 * A run in three steps, for many machines (docs/cluster.md): `fit` reads the corpus, fits the model
 * on the sample and writes the job folder (the model, the fit, and the other papers cut into
 * shards of whole batches); `map` maps one shard onto the model, anywhere, in any order; `merge`
 * reads the corpus again and every shard's output and writes the atlas. A shard's output is a
 * function of the model and the shard alone, and a batch is mapped as the one-machine run maps it,
 * so the merged atlas is byte-identical to that run's.
 *
 * The folder: job.json (the options, the corpus's fingerprint, the shards; written last), model.safetensors,
 * fit.bin (the fit's atlas and counts) and texts.bin (the sample's texts, which only the merge reads), in
 * Node's structured-clone format: read back exactly, -0 and all,
 * shards/NNN.jsonl (a shard's papers: title, abstract, embedding) and shards/NNN.out.safetensors.
 */
const FORMAT = 'topic-atlas-job';
const SHARD_FORMAT = 'topic-atlas-shard';
const VERSION = 1;

type Built = Awaited<ReturnType<typeof buildAtlas>>;

/** The options a job was fitted with: the merge reads the same inputs the same way. Paths are absolute. */
export interface JobOptions {
  inputs: string[];
  manifest?: string;
  out: string;
  seed: number;
  k: number | 'auto';
  sample: number;
  batch: number;
  themes: string;
  groupBy: GroupBy;
  strict: boolean;
  fresh: boolean;
  embeddings?: string;
}

export interface Job {
  format: typeof FORMAT;
  version: number;
  options: JobOptions;
  /** Papers in the corpus and a hash of their ids and dumps: the merge checks it read the same corpus. */
  corpus: { papers: number; fingerprint: string };
  /** Each shard's batches, [first, last). */
  shards: [number, number][];
  /** A hash of the model and the fit: a shard's output names the fit it was mapped onto. */
  fit: string;
}

/** The job folder or a shard cannot be used; the message names it and says why, in one line. */
export class JobError extends Error {}

/** A hash of the corpus's papers' ids and dumps. */
export function corpusFingerprint(corpus: Corpus): string {
  const hash = createHash('sha256');
  for (const p of corpus.papers) hash.update(`${p.id}\t${p.dumps.join(',')}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** `batches` cut into `shards` runs of whole batches, as even as can be (no shard empty). */
export function shardRanges(batches: number, shards: number): [number, number][] {
  const s = Math.max(1, Math.min(shards, batches));
  return Array.from({ length: s }, (_, i) => [Math.floor((i * batches) / s), Math.floor(((i + 1) * batches) / s)]);
}

const shardName = (i: number) => String(i).padStart(3, '0');
const shardInput = (dir: string, i: number) => join(dir, 'shards', `${shardName(i)}.jsonl`);
const shardOutput = (dir: string, i: number) => join(dir, 'shards', `${shardName(i)}.out.safetensors`);

/** The plan the job's options give its corpus. */
export function jobPlan(job: Job): SamplePlan {
  const plan = planSample(job.corpus.papers, job.options.seed, { size: job.options.sample, batch: job.options.batch });
  if (!plan) throw new JobError(`job ${job.options.out}: its corpus is no larger than its sample`);
  return plan;
}

/** Writes `content` to `path` through a temporary name, so a reader never sees part of it. */
async function writeWhole(path: string, content: Uint8Array | string): Promise<void> {
  await writeFile(`${path}.part`, content);
  await rename(`${path}.part`, path);
}

/**
 * Writes the job folder for a fit: the model, the fit, each shard's papers, then job.json. Whatever
 * an earlier job left in the folder's shards is removed first.
 */
export async function writeJob(
  dir: string,
  job: Omit<Job, 'format' | 'version' | 'fit'>,
  fit: Built,
  plan: SamplePlan,
  paper: (i: number) => DocumentText,
  embeddings: Dense | null,
): Promise<Job> {
  try {
    await mkdir(dir, { recursive: true });
    await rm(join(dir, 'job.json'), { force: true });
    await rm(join(dir, 'shards'), { recursive: true, force: true });
    await mkdir(join(dir, 'shards'));
    const { model, abstracts, ...rest } = fit;
    const modelBytes = encodeModel(model);
    const fitBytes = serialize(rest);
    const textBytes = serialize(abstracts);
    await writeWhole(join(dir, 'model.safetensors'), modelBytes);
    await writeWhole(join(dir, 'fit.bin'), fitBytes);
    await writeWhole(join(dir, 'texts.bin'), textBytes);
    for (const [s, [first, last]] of job.shards.entries()) {
      const from = first * plan.batch;
      const to = Math.min(plan.rest.length, last * plan.batch);
      const fh = await open(`${shardInput(dir, s)}.part`, 'w');
      let lines: string[] = [];
      for (let r = from; r < to; r++) {
        const i = plan.rest[r];
        const { title, abstract } = paper(i);
        const embedding = embeddings ? Array.from(embeddings.data.subarray(i * embeddings.cols, (i + 1) * embeddings.cols)) : undefined;
        lines.push(JSON.stringify({ title, abstract, ...(embedding ? { embedding } : {}) }));
        if (lines.length === 1000 || r === to - 1) {
          await fh.write(lines.join('\n') + '\n');
          lines = [];
        }
      }
      await fh.close();
      await rename(`${shardInput(dir, s)}.part`, shardInput(dir, s));
    }
    const written: Job = { format: FORMAT, version: VERSION, ...job, fit: createHash('sha256').update(modelBytes).update(fitBytes).update(textBytes).digest('hex').slice(0, 16) };
    await writeWhole(join(dir, 'job.json'), JSON.stringify(written, null, 2) + '\n');
    return written;
  } catch (e) {
    if (e instanceof JobError) throw e;
    throw new JobError(`could not write the job folder ${dir}: ${fsReason(e)}`);
  }
}

/** The job a folder holds; a JobError when there is none, or it is not one this version reads. */
export async function readJob(dir: string): Promise<Job> {
  let text: string;
  try {
    text = await readFile(join(dir, 'job.json'), 'utf8');
  } catch (e) {
    throw new JobError(`job ${dir}: no job.json (${fsReason(e)}); run the fit step first (--stage fit)`);
  }
  let job: Job;
  try {
    job = JSON.parse(text);
  } catch (e) {
    throw new JobError(`job ${dir}/job.json: not valid JSON (${(e as Error).message})`);
  }
  if (job?.format !== FORMAT) throw new JobError(`job ${dir}/job.json: not a Topic Atlas job file`);
  if (job.version !== VERSION) throw new JobError(`job ${dir}/job.json: a job of version ${job.version}, and this version reads version ${VERSION}; run the fit step again`);
  return job;
}

/** The fit a job folder holds: the model and the sample's atlas, and (for the merge) the sample's texts. */
export async function readFit(dir: string): Promise<Omit<Built, 'abstracts'>>;
export async function readFit(dir: string, texts: 'with texts'): Promise<Built>;
export async function readFit(dir: string, texts?: 'with texts'): Promise<Built | Omit<Built, 'abstracts'>> {
  try {
    const model = decodeModel(await readFile(join(dir, 'model.safetensors')));
    const rest = deserialize(await readFile(join(dir, 'fit.bin'))) as Omit<Built, 'model' | 'abstracts'>;
    if (!texts) return { ...rest, model };
    return { ...rest, model, abstracts: deserialize(await readFile(join(dir, 'texts.bin'))) as Built['abstracts'] };
  } catch (e) {
    if (e instanceof ModelFileError) throw new JobError(`job ${dir}/model.safetensors: ${e.message}; run the fit step again`);
    throw new JobError(`job ${dir}: its fit cannot be read (${fsReason(e)}); run the fit step again`);
  }
}

/** A shard's papers, as the fit step wrote them. */
async function readShardInput(path: string): Promise<{ papers: DocumentText[]; embeddings: number[][] }> {
  const papers: DocumentText[] = [];
  const embeddings: number[][] = [];
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      const p = JSON.parse(text) as DocumentText & { embedding?: number[] };
      papers.push({ title: p.title, abstract: p.abstract });
      if (p.embedding) embeddings.push(p.embedding);
    }
  } catch (e) {
    throw new JobError(line ? `${path}:${line}: not a paper line (${(e as Error).message}); run the fit step again` : `${path}: ${fsReason(e)}; run the fit step again`);
  }
  return { papers, embeddings };
}

/**
 * Maps shard `s` of the job onto its model, half of each batch on either thread of `pool`, and writes
 * its output beside its input. Returns the papers mapped.
 */
export async function mapShard(dir: string, job: Job, s: number, pool: Pool | undefined, onBatch?: (done: number, total: number) => void): Promise<number> {
  if (!Number.isInteger(s) || s < 0 || s >= job.shards.length) throw new JobError(`job ${dir} has shards 0 to ${job.shards.length - 1}, not ${s}`);
  const plan = jobPlan(job);
  const fit = await readFit(dir);
  const { papers, embeddings } = await readShardInput(shardInput(dir, s));
  const [first, last] = job.shards[s];
  const start = first * plan.batch;
  const expected = Math.min(plan.rest.length, last * plan.batch) - start;
  if (papers.length !== expected) throw new JobError(`${shardInput(dir, s)}: ${papers.length} papers, and the job gives the shard ${expected}; run the fit step again`);
  const dims = fit.model.spaceDims;
  const input = (from: number, to: number) => {
    const own = embeddings.length ? { rows: to - from, cols: embeddings[0].length, data: Float64Array.from(embeddings.slice(from - start, to - start).flat()) } : null;
    return batchInput(fit, papers.slice(from - start, to - start), own, job.options.seed);
  };
  const mapped = mapBatches(plan, input, first, last, { pool, onBatch }, fit.model);
  const sums = nonZero(mapped.classes);
  const bytes = encodeTensors(
    { format: SHARD_FORMAT, version: String(VERSION), fit: job.fit, shard: String(s), keywords: JSON.stringify(mapped.keywords), neighbours: JSON.stringify(mapped.neighbours) },
    [
      { name: 'cluster', dtype: 'I32', shape: [expected], data: mapped.cluster },
      { name: 'x', dtype: 'F64', shape: [expected], data: mapped.x },
      { name: 'y', dtype: 'F64', shape: [expected], data: mapped.y },
      { name: 'vectors', dtype: 'F32', shape: [expected, dims], data: mapped.vectors },
      { name: 'typicality', dtype: 'F64', shape: [expected], data: mapped.typicality },
      { name: 'termCluster', dtype: 'I32', shape: [sums.cluster.length], data: sums.cluster },
      { name: 'termIndex', dtype: 'I32', shape: [sums.term.length], data: sums.term },
      { name: 'termCount', dtype: 'F64', shape: [sums.count.length], data: sums.count },
    ],
  );
  try {
    await writeWhole(shardOutput(dir, s), bytes);
  } catch (e) {
    throw new JobError(`could not write ${shardOutput(dir, s)}: ${fsReason(e)}`);
  }
  return expected;
}

/** Dense per-cluster term counts as (cluster, term, count) triples of their non-zero entries. */
function nonZero(classes: Float64Array[]): ClassTermSums {
  const entries = classes.reduce((s, c) => s + c.reduce((m, v) => m + (v ? 1 : 0), 0), 0);
  const out: ClassTermSums = { cluster: new Int32Array(entries), term: new Int32Array(entries), count: new Float64Array(entries) };
  let e = 0;
  classes.forEach((c, k) =>
    c.forEach((v, t) => {
      if (!v) return;
      [out.cluster[e], out.term[e], out.count[e]] = [k, t, v];
      e++;
    }),
  );
  return out;
}

/** Every shard's output, in the order the papers are mapped; a JobError naming a shard that is missing, cut short or of another fit. */
export async function readShards(dir: string, job: Job, plan: SamplePlan, model: FittedModel): Promise<Mapped> {
  const dims = model.spaceDims;
  const out = emptyMapped(plan.rest.length, model);
  const missing = job.shards.map((_, s) => s).filter((s) => !existsSync(shardOutput(dir, s)));
  if (missing.length) throw new JobError(`job ${dir}: shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not mapped yet (no ${shardOutput(dir, missing[0])}); run --stage map --shard <n> for ${missing.length > 1 ? 'each' : 'it'}`);
  for (const [s, [first, last]] of job.shards.entries()) {
    const path = shardOutput(dir, s);
    const at = first * plan.batch;
    const m = Math.min(plan.rest.length, last * plan.batch) - at;
    let part: BatchOutput;
    try {
      const file = decodeTensors(await readFile(path), (reason) => new JobError(`${path}: ${reason}; map the shard again`));
      const meta = file.metadata;
      if (meta?.format !== SHARD_FORMAT) throw new JobError(`${path}: not a Topic Atlas shard output`);
      if (meta.fit !== job.fit) throw new JobError(`${path}: mapped onto another fit than the job's (the fit step was run again since); map the shard again`);
      part = {
        cluster: file.array('cluster', 'I32') as Int32Array,
        x: file.array('x', 'F64') as Float64Array,
        y: file.array('y', 'F64') as Float64Array,
        vectors: file.array('vectors', 'F32') as Float32Array,
        typicality: file.array('typicality', 'F64') as Float64Array,
        classTerms: { cluster: file.array('termCluster', 'I32') as Int32Array, term: file.array('termIndex', 'I32') as Int32Array, count: file.array('termCount', 'F64') as Float64Array },
        keywords: JSON.parse(meta.keywords),
        neighbours: JSON.parse(meta.neighbours),
      };
    } catch (e) {
      if (e instanceof JobError) throw e;
      throw new JobError(`${path}: ${fsReason(e)}; map the shard again`);
    }
    if (part.cluster.length !== m || part.vectors.length !== m * dims || part.classTerms.cluster.some((c) => c >= model.fine.length) || part.classTerms.term.some((t) => t >= model.terms.length)) throw new JobError(`${path}: ${part.cluster.length} papers, and the job gives the shard ${m}; map the shard again`);
    putMapped(out, part, at, dims);
  }
  return out;
}

/** Shards a job's corpus is cut into by default: one per batch, so every worker of a cluster has work. */
export const defaultShards = (plan: SamplePlan) => batchCount(plan);

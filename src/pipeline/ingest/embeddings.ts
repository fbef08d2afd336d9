import type { Dense } from '../vectorize/sparse';
import type { CorpusPaper } from './assemble';
import { SourceError } from './records';

/**
 * The papers' precomputed embeddings as one matrix (rows scaled to unit length), or null when no
 * paper has one. Every paper must have one, all of one dimension, every number finite: otherwise a
 * SourceError names the source and line of the first that is not (a paper without one, by its id).
 */
export function embeddingMatrix(papers: readonly Pick<CorpusPaper, 'id' | 'title' | 'embedding'>[]): Dense | null {
  const first = papers.find((p) => p.embedding !== undefined);
  if (!first) return null;
  const dims = Array.isArray(first.embedding!.values) ? first.embedding!.values.length : 0;
  const data = new Float64Array(papers.length * dims);
  papers.forEach((p, i) => {
    if (!p.embedding) throw new SourceError(first.embedding!.source, `paper "${p.id}" ("${p.title.slice(0, 50)}") has no embedding, and every paper needs one when any has (${first.embedding!.source} gives them)`);
    const { values, source, line } = p.embedding;
    if (!Array.isArray(values)) throw new SourceError(source, `the embedding is not an array of numbers`, line);
    if (values.length === 0) throw new SourceError(source, 'the embedding is empty', line);
    if (values.length !== dims) throw new SourceError(source, `the embedding has ${values.length} numbers, and the first paper's (${first.embedding!.source}:${first.embedding!.line}) has ${dims}`, line);
    let s = 0;
    for (let k = 0; k < dims; k++) {
      const v = values[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new SourceError(source, `the embedding's number ${k + 1} is ${JSON.stringify(v) ?? String(v)}, not a finite number`, line);
      data[i * dims + k] = v;
      s += v * v;
    }
    if (s === 0) throw new SourceError(source, 'the embedding is all zeros', line);
    const norm = Math.sqrt(s);
    for (let k = 0; k < dims; k++) data[i * dims + k] /= norm;
  });
  return { rows: papers.length, cols: dims, data };
}

/**
 * An embeddings file (JSON Lines of `{"id": ..., "embedding": [...]}`) as embeddings by paper id;
 * a line that is not JSON, has no id or no embedding fails with its line.
 */
export function parseEmbeddingLines(text: string, source: string): Map<string, { values: unknown; source: string; line: number }> {
  const out = new Map<string, { values: unknown; source: string; line: number }>();
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let item: unknown;
    try {
      item = JSON.parse(raw);
    } catch {
      throw new SourceError(source, 'not valid JSON', line);
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new SourceError(source, 'not an object with "id" and "embedding"', line);
    const { id, embedding } = item as { id?: unknown; embedding?: unknown };
    if (typeof id !== 'string' && typeof id !== 'number') throw new SourceError(source, 'no "id"', line);
    if (embedding === undefined) throw new SourceError(source, 'no "embedding"', line);
    if (out.has(String(id))) throw new SourceError(source, `id "${id}" again (first at line ${out.get(String(id))!.line})`, line);
    out.set(String(id), { values: embedding, source, line });
  });
  return out;
}

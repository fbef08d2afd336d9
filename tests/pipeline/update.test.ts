import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Atlas, Paper } from '../../src/contract';
import { buildAtlas } from '../../src/pipeline/atlas';
import { assembleCorpus, parseJsonLines, parsePageText } from '../../src/pipeline/ingest';
import { decodeModel, encodeModel, ModelFileError } from '../../src/pipeline/model/file';
import { Transform } from '../../src/pipeline/model/transform';
import { extractTerms, TextReader } from '../../src/pipeline/text/terms';
import { tfidf } from '../../src/pipeline/vectorize/tfidf';
import { updateAtlas } from '../../src/pipeline/update';
import { seedCorpus, seedThemes } from '../../scripts/dev/themeQuality';

const DIR = 'data/dumps';
const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
const sources = (names: string[]) => names.map((f) => parsePageText(readFileSync(`${DIR}/${f}`, 'utf8'), f));
// Sep 11 is the second dump file.
const sep11 = files.filter((f) => f.startsWith('001_'));
const others = files.filter((f) => !f.startsWith('001_'));
const themes = seedThemes();
const before = await buildAtlas(assembleCorpus(sources(others)), { seed: 0, themes });

/** The seed's other four dumps with Sep 11 added by an update. */
function addSep11(model = decodeModel(encodeModel(before.model))) {
  const corpus = assembleCorpus(sources(sep11), { known: { papers: before.atlas.papers, dumps: before.atlas.dumps } });
  return updateAtlas({ atlas: before.atlas, texts: (i) => before.abstracts[i], model, corpus });
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const keyOf = (a: Atlas, p: Paper) => a.clusters[p.cluster].key;

describe('updateAtlas: adding a dump to an atlas', () => {
  const after = addSep11();

  it('adds the Sep 11 seed dump to an atlas of the other four: 531 papers, every earlier paper exactly where and what it was', () => {
    expect(before.atlas.papers).toHaveLength(472);
    expect(after.atlas.papers).toHaveLength(531);
    before.atlas.papers.forEach((p, i) => {
      const q = after.atlas.papers[i];
      expect({ ...q, dumps: p.dumps }).toEqual(p);
      expect(keyOf(after.atlas, q)).toBe(keyOf(before.atlas, p));
      // Dumps only grow, and only by the new one.
      expect(q.dumps.filter((d) => !p.dumps.includes(d))).toEqual(q.dumps.length > p.dumps.length ? [after.atlas.updates![0].dumps[0]] : []);
    });
    expect(after.atlas.clusters.slice(0, before.atlas.clusters.length).map((c) => [c.key, c.label, c.group])).toEqual(before.atlas.clusters.map((c) => [c.key, c.label, c.group]));
  });

  it('leaves the trends of the earlier dumps as they were, and counts the new dump', () => {
    const earlier = new Set(before.atlas.dumps.map((d) => d.id));
    expect(after.atlas.trends.filter((t) => earlier.has(t.dump))).toEqual(before.atlas.trends);
    const added = after.atlas.dumps.find((d) => !earlier.has(d.id))!;
    expect(added.label).toBe('Sep 11');
    expect(after.atlas.papers.filter((p) => p.dumps.includes(added.id))).toHaveLength(added.papers);
    expect(after.atlas.trends.filter((t) => t.dump === added.id).reduce((s, t) => s + t.count, 0)).toBe(added.papers);
  });

  it('gives a paper already in the atlas the new dump, not a second record', () => {
    const u = after.atlas.updates![0];
    expect(u.again).toBeGreaterThan(0);
    expect(u.papers + u.again).toBe(after.atlas.dumps.find((d) => d.id === u.dumps[0])!.papers);
    expect(new Set(after.atlas.papers.map((p) => p.id)).size).toBe(531);
    const { ingest } = after.atlas;
    expect(ingest.records).toBe(ingest.unique + ingest.duplicates + ingest.rejected.length);
    expect(ingest.unique).toBe(531);
  });

  it('gives byte-identical output for the same update twice', () => {
    const again = addSep11();
    expect(JSON.stringify(again.atlas)).toBe(JSON.stringify(after.atlas));
    expect(JSON.stringify(again.abstracts)).toBe(JSON.stringify(after.abstracts));
    expect(sameBytes(encodeModel(again.model), encodeModel(after.model))).toBe(true);
  });

  it('places each new paper among its nearest earlier papers, inside the map, with neighbours and keywords', () => {
    const fresh = after.atlas.papers.slice(472);
    for (const p of fresh) {
      expect(p.x).toBeGreaterThanOrEqual(-0.1);
      expect(p.x).toBeLessThanOrEqual(1.1);
      expect(p.keywords.length).toBeGreaterThan(0);
    }
    // A new paper sits nearer its own cluster's papers than the map's papers at large, for most.
    const byCluster = (c: number) => before.atlas.papers.filter((p) => p.cluster === c);
    const centre = (ps: Paper[]) => ({ x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length });
    const all = centre(before.atlas.papers);
    const nearer = fresh.filter((p) => {
      const own = centre(byCluster(p.cluster));
      return Math.hypot(p.x - own.x, p.y - own.y) < Math.hypot(p.x - all.x, p.y - all.y);
    }).length;
    expect(nearer / fresh.length).toBeGreaterThan(0.7);
    const texts = after.abstracts;
    expect(texts).toHaveLength(59);
    expect(texts.every((t) => typeof t === 'object' && t.neighbors!.length > 0)).toBe(true);
  });

  it('reports drift against the fitted papers', () => {
    const { report } = after;
    expect(report.update.outside).toBeGreaterThan(0);
    expect(report.update.outside).toBeLessThan(0.5);
    expect(report.fitted.far).toBeCloseTo(0.01);
    expect(report.update.far).toBeLessThan(0.2);
  });
});

describe('assembling an update', () => {
  it('an export saved again under its name, grown by a new date: its earlier date is read as duplicates, a new paper dated into it is rejected, the new date is a new dump', () => {
    const abs = (n: number) => `Paper ${n} studies a question about topic clustering of research papers and answers it with a method that works.`;
    const line = (n: number, date: string) => JSON.stringify({ id: `p${n}`, title: `Paper number ${n}`, abstract: abs(n), date });
    const first = assembleCorpus([parseJsonLines([1, 2, 3].map((n) => line(n, '2026-01-05')).join('\n'), 'export.jsonl')]);
    const grown = parseJsonLines([...[1, 2, 3].map((n) => line(n, '2026-01-05')), line(4, '2026-01-05'), line(5, '2026-01-06')].join('\n'), 'export.jsonl');
    const corpus = assembleCorpus([grown], { known: { papers: first.papers, dumps: first.dumps } });
    expect(corpus.dumps.map((d) => [d.date, d.papers])).toEqual([['2026-01-05', 3], ['2026-01-06', 1]]);
    expect(corpus.papers.map((p) => p.title)).toEqual([1, 2, 3, 5].map((n) => `Paper number ${n}`));
    expect(corpus.ingest).toMatchObject({ records: 5, unique: 1, duplicates: 3 });
    expect(corpus.ingest.rejected).toEqual([{ source: 'export.jsonl', line: 4, reason: 'dated into 2026-01-05, a dump of this file the atlas already holds: an update adds new dumps only (a full run reads it again)' }]);
  });
});

describe('the fitted model', () => {
  it('reads the fitted corpus\'s own papers into exactly the terms the fit counted', () => {
    const corpus = seedCorpus();
    const terms = extractTerms(corpus.papers);
    const tf = tfidf(terms.counts);
    const reader = new TextReader(terms.tables(tf.terms));
    // In two batches: a paper's terms do not depend on the papers read with it.
    const half = 200;
    const parts = [reader.read(corpus.papers.slice(0, half)), reader.read(corpus.papers.slice(half))];
    const row = (c: typeof terms.counts, d: number) => {
      const m: Record<string, number> = {};
      for (let p = c.indptr[d]; p < c.indptr[d + 1]; p++) if (tf.index.has(c.names[c.terms[p]])) m[c.names[c.terms[p]]] = c.counts[p];
      return m;
    };
    corpus.papers.forEach((_, d) => expect(row(d < half ? parts[0] : parts[1], d < half ? d : d - half)).toEqual(row(terms.counts, d)));
  });

  it('maps the fitted papers back to their own clusters and vectors', () => {
    const t = new Transform(before.model).papers(assembleCorpus(sources(others)).papers);
    const d = before.model.dims;
    let same = 0;
    before.atlas.papers.forEach((p, i) => {
      let cos = 0;
      for (let j = 0; j < d; j++) cos += t.vectors.data[i * d + j] * before.model.vectors[i * d + j];
      expect(cos).toBeGreaterThan(0.98);
      if (t.cluster[i] === p.cluster) same++;
    });
    expect(same / before.atlas.papers.length).toBeGreaterThan(0.98);
  });

  it('round-trips through its file, and a file cut short or of another version is refused with the reason', () => {
    const bytes = encodeModel(before.model);
    expect(sameBytes(encodeModel(decodeModel(bytes)), bytes)).toBe(true);
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 100))).toThrow(new ModelFileError('cut short (its arrays run past the end)'));
    expect(() => decodeModel(bytes.subarray(0, 40))).toThrow(/cut short/);
    const other = Uint8Array.from(bytes);
    other[Buffer.from(other).indexOf('"version":"1"') + 11] = '9'.charCodeAt(0);
    expect(() => decodeModel(other)).toThrow('a model of version 9, and this version reads version 1');
    expect(() => decodeModel(new TextEncoder().encode('{"schemaVersion":1}'))).toThrow(ModelFileError);
  });

  it('refuses an update whose model does not hold the atlas\'s papers', () => {
    const model = { ...before.model, vectors: before.model.vectors.subarray(0, before.model.dims * 10) };
    expect(() => addSep11(model)).toThrow(/model holds 10 papers and the atlas 472/);
  });
});

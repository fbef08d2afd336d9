import { describe, expect, it } from 'vitest';
import { ClassTfidf, labelFromTerms } from '../../../src/pipeline/describe/ctfidf';
import { paperKeywords } from '../../../src/pipeline/describe/keywords';
import { typicality } from '../../../src/pipeline/describe/typicality';
import type { Csr } from '../../../src/pipeline/vectorize/sparse';

/** Counts by index of a sorted vocabulary, from term -> count. */
const byIndex = (vocab: string[], m: Map<string, number>) => Float64Array.from(vocab, (t) => m.get(t) ?? 0);

describe('ClassTfidf', () => {
  const vocab = ['attention', 'kernel', 'mamba', 'sparse attention'];
  const classes = [new Map([['sparse attention', 4], ['attention', 6], ['kernel', 2]]), new Map([['mamba', 5], ['attention', 2], ['kernel', 1]])].map((m) => byIndex(vocab, m));
  const ctf = new ClassTfidf(classes, vocab);

  it('ClassTfidf.describe weighs tf(t,c)/|c| by log(1 + A/f(t)) as BERTopic does', () => {
    const A = (12 + 8) / 2;
    const d = ctf.describe(classes[1]);
    const mamba = d.terms.find((t) => t.term === 'mamba')!;
    expect(mamba.weight).toBeCloseTo((5 / 8) * Math.log(1 + A / 5), 12);
    expect(d.terms[0].term).toBe('mamba');
  });

  it('ClassTfidf.describe gives p(w|t) and p(w) for relevance re-ranking', () => {
    const d = ctf.describe(classes[1]);
    const kernel = d.stats.find((s) => s.term === 'kernel')!;
    expect(kernel.pwt).toBeCloseTo(1 / 8, 12);
    expect(kernel.pw).toBeCloseTo(3 / 20, 12);
  });

  it('ClassTfidf.describe drops a word seen mostly inside a listed multi-word term', () => {
    const v = ['other', 'sparse', 'sparse attention', 'video'];
    const first = byIndex(v, new Map([['sparse attention', 4], ['sparse', 4], ['video', 3]]));
    const c = new ClassTfidf([first, byIndex(v, new Map([['video', 1], ['other', 5]]))], v);
    expect(c.describe(first).terms.map((t) => t.term)).toEqual(['sparse attention', 'video']);
  });
});

describe('labelFromTerms', () => {
  it('labelFromTerms prefers multi-word terms and never repeats a word', () => {
    const terms = ['attention', 'sparse', 'sparse attention', 'pattern', 'attention pattern', 'query'].map((term, i) => ({ term, weight: 1 - i / 10 }));
    expect(labelFromTerms(terms)).toBe('sparse attention · pattern · query');
    expect(labelFromTerms(terms, 1, 'Sparse attention')).toBe('pattern');
  });
});

describe('paperKeywords', () => {
  it('paperKeywords lists a paper’s highest TF-IDF terms, multi-word terms absorbing their words', () => {
    const terms = ['attention', 'kernel', 'sparse attention', 'video'];
    const m: Csr = { rows: 1, cols: 4, indptr: Int32Array.from([0, 4]), indices: Int32Array.from([0, 1, 2, 3]), values: Float64Array.from([0.6, 0.2, 0.5, 0.4]) };
    expect(paperKeywords(m, terms, 3)).toEqual([['attention', 'sparse attention', 'video']]);
    const m2: Csr = { ...m, values: Float64Array.from([0.4, 0.2, 0.6, 0.5]) };
    expect(paperKeywords(m2, terms, 3)).toEqual([['sparse attention', 'video', 'kernel']]);
  });
});

describe('typicality(docs, assign, k)', () => {
  it('ranks a cluster’s papers by closeness to its mean: the central paper first, the outlier last', () => {
    // Cluster 0: unit vectors around (1, 0), two far off it on either side; cluster 1 alone.
    const rows = [
      [1, 0],
      [0.995, 0.0998],
      [0.995, -0.0998],
      [0.6, 0.8],
      [0.6, -0.8],
      [0, 1],
    ];
    const docs = { rows: rows.length, cols: 2, data: Float64Array.from(rows.flat()) };
    const t = typicality(docs, Int32Array.from([0, 0, 0, 0, 0, 1]), 2);
    expect(t[0]).toBeGreaterThan(t[1]);
    expect(t[1]).toBeCloseTo(t[2], 10);
    expect(t[3]).toBeLessThan(t[2]);
    expect(t[4]).toBeCloseTo(t[3], 10);
    expect(t[5]).toBeCloseTo(1, 10);
  });
});

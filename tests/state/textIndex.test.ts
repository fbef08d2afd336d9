/** TextIndex: the paper search’s prefix and typo-forgiving word index. */
import { describe, expect, it } from 'vitest';
import { TextIndex } from '../../src/state/textIndex';

describe('TextIndex (the paper search)', () => {
  const docs = [
    ['Sparse attention for long contexts', 'kv-cache', 'We evict tokens from the KV cache.'],
    ['Mamba: linear-time sequence models', 'state space', ''],
    ['Transformers for graphs', '', 'Graph neural networks meet attention.'],
    ['État de l’art', '', ''],
  ];
  const index = TextIndex.build(docs);
  const find = (q: string) => [...index.search(q)];

  it('finds every word of a query, in any field, as a prefix of a term', () => {
    expect(find('attention')).toEqual([0, 2]);
    expect(find('attention graph')).toEqual([2]);
    expect(find('atten')).toEqual([0, 2]);
    expect(find('kv')).toEqual([0]);
    expect(find('zzz')).toEqual([]);
    expect(find('  ')).toEqual([]);
  });

  it('splits at punctuation and ignores case, as typed or not', () => {
    expect(find('KV-Cache')).toEqual([0]);
    expect(find('linear time')).toEqual([1]);
    expect(find('état')).toEqual([3]);
  });

  it('forgives one typo in words of five letters or more, none in shorter ones', () => {
    expect(find('transfomers')).toEqual([2]);
    expect(find('mamba')).toEqual([1]);
    expect(find('mabma')).toEqual([]);
    expect(find('mamb')).toEqual([1]);
    expect(find('mumba')).toEqual([1]);
    expect(find('kc')).toEqual([]);
  });

  it('tells for each hit the first field holding every query word: title, then keywords, then abstract', () => {
    const ranked = TextIndex.build([
      ['Graph attention', '', 'Sparse kernels.'],
      ['Sparse kernels', 'attention', ''],
      ['Kernels', '', 'Sparse attention in graphs.'],
      ['Sparse attention', 'attention', 'Attention everywhere.'],
      ['Attention', 'sparse models', ''],
    ]);
    const { hits, tiers } = ranked.match('sparse attention');
    expect([...hits]).toEqual([0, 1, 2, 3, 4]);
    expect([...tiers]).toEqual([2, 1, 2, 0, 1]);
    // Prefix and typo matches count in the field they are found in.
    expect([...ranked.match('atten sparse').tiers]).toEqual([2, 1, 2, 0, 1]);
    expect([...ranked.match('graph').tiers]).toEqual([0, 2]);
    expect(ranked.match('zzz')).toEqual({ hits: new Uint32Array(0), tiers: new Uint8Array(0) });
  });

  it('builds the same index in slices', async () => {
    const sliced = await TextIndex.buildInSlices(docs, 1);
    for (const q of ['attention', 'kv', 'transfomers', 'état']) expect(sliced.match(q)).toEqual(index.match(q));
  });
});

/** PaperSearch before its worker answers: the substring match over titles and keywords, with relevance tiers. */
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/contract';
import type { AbstractStore } from '../../src/state/abstracts';
import { PaperTextLoad } from '../../src/state/paperText.svelte';
import { PaperSearch } from '../../src/state/search.svelte';

const paper = (title: string, keywords: string[]): Paper => ({ id: title, title, keywords, dumps: [], cluster: 0, x: 0, y: 0 });
const papers = [paper('Graph kernels', ['sparse attention']), paper('Sparse attention for graphs', []), paper('Attention', ['sparse']), paper('Kernels', [])];

describe('PaperSearch.hits(query) and relevance(query)', () => {
  it('match every word in title or keywords and rank title matches first', () => {
    const search = new PaperSearch(papers, {} as AbstractStore, new PaperTextLoad(null));
    expect([...search.hits('sparse attention')!]).toEqual([1, 1, 1, 0]);
    expect([...search.relevance('sparse attention')!].slice(0, 3)).toEqual([1, 0, 1]);
    expect([...search.relevance('graph')!].slice(0, 2)).toEqual([0, 0]);
  });

  it('answer nothing for an empty query', () => {
    const search = new PaperSearch(papers, {} as AbstractStore, new PaperTextLoad(null));
    expect(search.hits('  ')).toBeNull();
    expect(search.relevance('')).toBeNull();
  });

  it('match nothing until the titles and keywords are in', () => {
    const search = new PaperSearch(papers, {} as AbstractStore, new PaperTextLoad(() => new Promise(() => {})));
    expect([...search.hits('sparse')!]).toEqual([0, 0, 0, 0]);
    expect(search.waiting('sparse')).toBe(false);
  });

  it('leave a data set of more than 100,000 papers to the worker: nothing matches, and the search says it waits', () => {
    const many = Array.from({ length: 100_001 }, (_, i) => paper(`Sparse attention ${i}`, []));
    const search = new PaperSearch(many, {} as AbstractStore, new PaperTextLoad(null));
    expect(search.hits('sparse')!.some((x) => x === 1)).toBe(false);
    expect(search.waiting('sparse')).toBe(true);
    expect(search.waiting(' ')).toBe(false);
    expect(new PaperSearch(papers, {} as AbstractStore, new PaperTextLoad(null)).waiting('sparse')).toBe(false);
  });
});

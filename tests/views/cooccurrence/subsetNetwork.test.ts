/** subsetNetwork: the keyword network recounted for the selected papers. */
import { describe, expect, it } from 'vitest';
import { indexPaperTerms, subsetNetwork } from '../../../src/views/cooccurrence/subsetNetwork';
import { makeAtlas } from '../../../scripts/dev/makeAtlas';

describe('subsetNetwork(cooccurrence, papers, mask) on a synthetic atlas', () => {
  const { atlas } = makeAtlas({ papers: 200, clusters: 5, dumps: 3, seed: 3 });
  it('subsetNetwork recounts terms and links from the selected papers only', () => {
    const mask = Uint8Array.from(atlas.papers, (p) => (p.cluster === 0 ? 1 : 0));
    const net = subsetNetwork(atlas.cooccurrence, atlas.papers, mask);
    const t = net.terms.find((x) => x.count > 0)!;
    expect(t.count).toBe(atlas.papers.filter((p) => p.cluster === 0 && p.keywords.includes(t.term)).length);
    expect(net.papers).toBe(atlas.papers.filter((p) => p.cluster === 0).length);
    expect(net.links.every((l) => l.count <= Math.min(net.terms[l.s].count, net.terms[l.t].count))).toBe(true);
  });
});

describe('subsetNetwork(cooccurrence, papers, mask) on a hand-checked fixture', () => {
  const co = {
    terms: ['a', 'b', 'c'].map((term, i) => ({ term, count: 0, cluster: 0, x: i, y: 0 })),
    links: [
      { source: 'a', target: 'b', count: 0, strength: 0 },
      { source: 'c', target: 'b', count: 0, strength: 0 },
      { source: 'a', target: 'c', count: 0, strength: 0 },
    ],
  };
  const paper = (keywords: string[]) => ({ id: keywords.join(), title: '', dumps: [], cluster: 0, x: 0, y: 0, keywords });
  // Keywords out of order, repeated, and outside the network count once each, where they are in it.
  const papers = [paper(['c', 'a', 'c']), paper(['b', 'x', 'a', 'b']), paper(['c', 'b', 'a']), paper(['x']), paper([])];

  it('counts each paper once per keyword and pair, whatever the order or repeats of its keywords', () => {
    const net = subsetNetwork(co, papers, Uint8Array.of(1, 1, 1, 1, 0));
    expect(net.papers).toBe(4);
    expect(net.terms.map((t) => t.count)).toEqual([3, 2, 2]);
    const pairs = Object.fromEntries(net.links.map((l) => [`${net.terms[l.s].term}-${net.terms[l.t].term}`, l.count]));
    expect(pairs).toEqual({ 'a-b': 2, 'b-c': 1, 'a-c': 2 });
  });

  it('counts only the selected papers', () => {
    const net = subsetNetwork(co, papers, Uint8Array.of(0, 1, 0, 1, 1));
    expect(net.terms.map((t) => t.count)).toEqual([1, 1, 0]);
    expect(net.links.map((l) => [l.s, l.t, l.count])).toEqual([[0, 1, 1]]);
  });
});

describe('indexPaperTerms(cooccurrence, papers, pause) ahead of the first recount', () => {
  it('indexes a slice of papers at a time, pausing between, and a recount then gives the network it gives without it', async () => {
    const { atlas } = makeAtlas({ papers: 10_000, clusters: 5, dumps: 3, seed: 5, neighbors: false });
    const mask = Uint8Array.from(atlas.papers, (p) => (p.cluster === 1 ? 1 : 0));
    const direct = subsetNetwork(atlas.cooccurrence, atlas.papers.slice(), mask);
    const papers = atlas.papers.slice();
    let pauses = 0;
    await indexPaperTerms(atlas.cooccurrence, papers, async () => void pauses++, 0);
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(subsetNetwork(atlas.cooccurrence, papers, mask)).toEqual(direct);
  });
});

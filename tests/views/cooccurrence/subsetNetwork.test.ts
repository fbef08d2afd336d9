/** subsetNetwork: the keyword network recounted for the selected papers. */
import { describe, expect, it } from 'vitest';
import { subsetNetwork } from '../../../src/views/cooccurrence/subsetNetwork';
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

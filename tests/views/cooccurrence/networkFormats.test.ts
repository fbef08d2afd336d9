/** The keyword network written for other tools: VOSviewer JSON and GraphML (read back with graphology's parser). */
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { parse } from 'graphology-graphml';
import { graphml, vosviewerJson } from '../../../src/views/cooccurrence/networkFormats';
import type { Network } from '../../../src/views/cooccurrence/subsetNetwork';

const net: Network = {
  terms: [
    { term: 'sparse attention', count: 12, cluster: 3, x: 0.1, y: 0.2 },
    { term: 'kv <cache> & "eviction"', count: 5, cluster: 3, x: 0.3, y: 0.25 },
    { term: 'mamba', count: 9, cluster: 7, x: 0.8, y: 0.6 },
    { term: 'unused', count: 0, cluster: 7, x: 0.5, y: 0.5 },
  ],
  links: [
    { s: 0, t: 1, count: 4, strength: 2.5 },
    { s: 0, t: 2, count: 1, strength: 0.4 },
    { s: 2, t: 3, count: 2, strength: 1 },
  ],
  papers: 20,
};
const themes = { slotOf: (c: number) => (c === 3 ? 0 : 1), name: (c: number) => (c === 3 ? 'Sparse attention' : 'State <space> models') };

describe('vosviewerJson(net, minLink, themes)', () => {
  it('writes VOSviewer items and links for what the chart shows', () => {
    const json = JSON.parse(vosviewerJson(net, 2, themes));
    expect(Object.keys(json.network)).toEqual(['items', 'links']);
    expect(json.network.items.map((i: { label: string }) => i.label)).toEqual(['sparse attention', 'kv <cache> & "eviction"', 'mamba']);
    const first = json.network.items[0];
    expect(Object.keys(first).sort()).toEqual(['cluster', 'description', 'id', 'label', 'weights', 'x', 'y']);
    expect(first).toMatchObject({ id: 1, cluster: 1, x: 0.1, y: -0.2, weights: { Links: 1, 'Total link strength': 4, Occurrences: 12 } });
    expect(json.network.items[2].description).toBe('Theme: State &lt;space&gt; models');
    // Links below the threshold and to keywords without papers are left out.
    expect(json.network.links).toEqual([{ source_id: 1, target_id: 2, strength: 4 }]);
  });
});

describe('graphml(net, minLink, themes)', () => {
  it('is GraphML that graphology reads back with every node, edge and attribute', () => {
    const g = parse(Graph, graphml(net, 1, themes));
    expect(g.order).toBe(3);
    expect(g.size).toBe(2);
    expect(g.type).toBe('undirected');
    expect(g.getNodeAttributes('n1')).toMatchObject({ label: 'kv <cache> & "eviction"', theme: 'Sparse attention', papers: 5, x: 0.3, y: 0.25 });
    expect(g.getNodeAttribute('n2', 'theme')).toBe('State <space> models');
    expect(g.getEdgeAttributes('n0', 'n1')).toMatchObject({ weight: 4, strength: 2.5 });
  });
});

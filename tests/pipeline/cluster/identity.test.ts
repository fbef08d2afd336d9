import { describe, expect, it } from 'vitest';
import type { Group } from '../../../src/contract';
import { clusterIdentity, keyGroups, previousClusters, type ClusterContent, type PreviousCluster } from '../../../src/pipeline/cluster/identity';

const ids = (prefix: string, from: number, to: number) => Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);
const terms = (...words: string[]) => words.map((term, i) => ({ term, weight: 1 / (i + 1) }));
const cluster = (members: string[], t = terms('x'), theme: string | null = null): ClusterContent => ({ members, terms: t, theme });
const prev = (key: string, c: ClusterContent): PreviousCluster => ({ ...c, key, label: key });

describe('clusterIdentity(clusters, previous)', () => {
  it('gives the same keys to the same clusters, with or without an earlier run', () => {
    const now = [cluster(ids('a', 0, 20)), cluster(ids('b', 0, 30)), cluster(ids('t', 0, 5), terms('y'), 'ssm')];
    const first = clusterIdentity(now);
    expect(first.keys[2]).toBe('theme:ssm');
    expect(new Set(first.keys).size).toBe(3);
    expect(clusterIdentity(now).keys).toEqual(first.keys);
    const again = clusterIdentity(now, now.map((c, i) => prev(first.keys[i], c)));
    expect(again.keys).toEqual(first.keys);
    expect(again.dropped).toEqual([]);
  });

  it('carries a key to the cluster holding most of its papers when the data grows, in any order', () => {
    const before = [prev('rl', cluster(ids('a', 0, 40))), prev('graphs', cluster(ids('b', 0, 40)))];
    // The grown run: clusters reordered, new papers added, a few papers moved across.
    const now = [cluster([...ids('b', 0, 35), ...ids('a', 0, 3), ...ids('new', 0, 50)]), cluster([...ids('a', 3, 40), ...ids('b', 35, 40), ...ids('more', 0, 60)])];
    const { keys, via } = clusterIdentity(now, before);
    expect(keys).toEqual(['graphs', 'rl']);
    expect(via).toEqual(['papers', 'papers']);
  });

  it('matches by top terms when no papers are shared, and drops an earlier cluster nothing carries on', () => {
    const before = [prev('diffusion', cluster(ids('a', 0, 10), terms('diffusion', 'denoising', 'score'))), prev('old', cluster(ids('b', 0, 10), terms('protein', 'folding')))];
    const now = [cluster(ids('z', 0, 10), terms('speech', 'audio')), cluster(ids('y', 0, 10), terms('denoising', 'diffusion', 'image'))];
    const { keys, via, dropped } = clusterIdentity(now, before);
    expect(keys[1]).toBe('diffusion');
    expect(via).toEqual(['new', 'terms']);
    expect(keys[0]).not.toBe('old');
    expect(dropped.map((d) => d.key)).toEqual(['old']);
  });

  it('gives one earlier key to one cluster only: of two halves of a split, the larger keeps it', () => {
    const before = [prev('vision', cluster(ids('a', 0, 100)))];
    const now = [cluster(ids('a', 0, 40)), cluster(ids('a', 40, 100))];
    const { keys } = clusterIdentity(now, before);
    expect(keys[1]).toBe('vision');
    expect(keys[0]).not.toBe('vision');
    expect(keys[0]).toMatch(/^c[0-9a-f]{8}$/);
  });

  it('never hands a named theme’s key to another cluster, nor reuses a dropped key for a new cluster', () => {
    const before = [prev('theme:ib', cluster(ids('a', 0, 10), terms('bottleneck'), 'ib'))];
    const now = [cluster(ids('a', 0, 10), terms('bottleneck'))];
    const { keys, dropped } = clusterIdentity(now, before);
    expect(keys[0]).not.toBe('theme:ib');
    expect(dropped.map((d) => d.key)).toEqual(['theme:ib']);
  });
});

describe('previousClusters(atlas)', () => {
  it('collects each cluster’s papers, and nothing from an atlas without keys', () => {
    const papers = [{ id: 'p1', cluster: 0 }, { id: 'p2', cluster: 1 }, { id: 'p3', cluster: 0 }];
    const clusters = [{ id: 0, key: 'k0', label: 'zero', terms: [], theme: null }, { id: 1, key: 'k1', label: 'one', terms: [], theme: 'x' }];
    const got = previousClusters({ clusters, papers } as never);
    expect(got.map((c) => [c.key, c.members])).toEqual([['k0', ['p1', 'p3']], ['k1', ['p2']]]);
    expect(previousClusters({ clusters: clusters.map(({ key: _, ...c }) => c), papers } as never)).toEqual([]);
  });
});

describe('keyGroups(groups, members, previous)', () => {
  const group = (id: number, label: string): Group => ({ id, label, theme: null, size: 0, terms: [] });
  const papers = (from: number, to: number) => ids('p', from, to);

  it('gives a top-level theme the key, name and colour of the earlier one holding most of its papers, and new ones the free colours', () => {
    const previous = [
      { key: 'gA', label: 'vision', hue: 0, members: papers(0, 50) },
      { key: 'gB', label: 'language', hue: 1, members: papers(50, 100) },
      { key: 'gC', label: 'gone', hue: 2, members: papers(100, 120) },
    ];
    // Reordered by size, one earlier theme split away, one new.
    const groups = [group(0, 'language models'), group(1, 'vision models'), group(2, 'robots')];
    const members = [papers(50, 100).concat(papers(120, 150)), papers(0, 50), papers(200, 230)];
    const r = keyGroups(groups, members, previous);
    expect(groups.map((g) => [g.key, g.label, g.hue])).toEqual([
      ['gB', 'language', 1],
      ['gA', 'vision', 0],
      [expect.stringMatching(/^g[0-9a-f]{8}$/), 'robots', 2],
    ]);
    expect(r.carried).toEqual([true, true, false]);
    expect(r.dropped.map((g) => g.key)).toEqual(['gC']);
  });
  it('without an earlier atlas, colours follow the ids and keys come from the papers', () => {
    const groups = [group(0, 'a'), group(1, 'b')];
    keyGroups(groups, [papers(0, 5), papers(5, 9)]);
    const again = [group(0, 'a'), group(1, 'b')];
    keyGroups(again, [papers(0, 5), papers(5, 9)]);
    expect(groups.map((g) => g.hue)).toEqual([0, 1]);
    expect(groups.map((g) => g.key)).toEqual(again.map((g) => g.key));
  });
});

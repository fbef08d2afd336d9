/** markMoves: which papers a reader's marks would move at the next run. */
import { describe, expect, it } from 'vitest';
import type { Paper, Theme } from '../../src/contract';
import { markMoves } from '../../src/state/markMoves';

const paper = (id: string, cluster: number): Paper => ({ id, title: id, dumps: [], cluster, x: 0, y: 0, keywords: [] });
const theme = (id: string, clusters: number[]): Theme => ({ id, label: id, seeds: [id], found: clusters.length > 0, p: 0.01, papers: 0, clusters });

describe('markMoves(themes, marks, papers, paperIndex)', () => {
  // Cluster 7 is the theme "sparse"; "lost" was not found.
  const papers = [paper('a', 7), paper('b', 7), paper('c', 1), paper('d', 2)];
  const index = new Map(papers.map((p, i) => [p.id, i]));
  const themes = [theme('sparse', [7]), theme('lost', [])];

  it('counts marks in and out and lists papers marked in that are elsewhere (join) and marked out that are in (leave)', () => {
    const moves = markMoves(
      themes,
      [
        { theme: 'sparse', paper: 'a', mark: 'in' }, // already in: no move
        { theme: 'sparse', paper: 'c', mark: 'in' }, // joins
        { theme: 'sparse', paper: 'b', mark: 'out' }, // leaves
        { theme: 'sparse', paper: 'd', mark: 'out' }, // already out: no move
        { theme: 'lost', paper: 'd', mark: 'in' }, // a theme with no cluster: joins
        { theme: 'sparse', paper: 'gone', mark: 'in' }, // not in this data: not counted
      ],
      papers,
      index,
    );
    expect(moves).toEqual([
      { theme: 'sparse', in: 2, out: 2, join: [2], leave: [1] },
      { theme: 'lost', in: 1, out: 0, join: [3], leave: [] },
    ]);
  });

  it('gives every theme a line, empty without marks', () => {
    expect(markMoves(themes, [], papers, index)).toEqual([
      { theme: 'sparse', in: 0, out: 0, join: [], leave: [] },
      { theme: 'lost', in: 0, out: 0, join: [], leave: [] },
    ]);
  });
});

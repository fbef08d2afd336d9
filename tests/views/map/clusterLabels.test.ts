/** The map’s cluster and top-level theme labels: distinct texts and which labels show. */
import { describe, expect, it } from 'vitest';
import { distinctTexts, mapLabels } from '../../../src/views/map/clusterLabels';

describe('distinctTexts(labels, font)', () => {
  it('gives map labels that would read the same (a long first term cut alike) the terms that set them apart', () => {
    const texts = distinctTexts(
      [
        { name: 'relative policy optimization methods · math reasoning · grpo' },
        { name: 'relative policy optimization methods · agents · tool use' },
        { name: 'diffusion model · image' },
        { name: 'relative policy optimization methods · math reasoning', group: true },
      ],
      '12px sans-serif',
    );
    expect(texts[0]).not.toBe(texts[1]);
    expect(texts[0]).toContain('math reasoning');
    expect(texts[1]).toContain('agents');
    expect(texts[0].startsWith('relativ')).toBe(true);
    expect(texts[2]).toBe('diffusion model · image');
    // A top-level theme's label is another level: it keeps its own cut.
    expect(texts[3].startsWith('relative policy optimization')).toBe(true);
  });

  it('keeps the text of labels whose differing term would not fit, for the map to show only the bigger one', () => {
    const long = 'an exceedingly long distinguishing term indeed';
    const texts = distinctTexts([{ name: `relative policy optimization methods · ${long}` }, { name: `relative policy optimization methods · ${long} too` }], '12px sans-serif');
    expect(texts[0]).toBe(texts[1]);
    const placed = mapLabels(
      [
        { id: 1, name: `relative policy optimization methods · ${long}`, size: 10, x: 50, y: 50 },
        { id: 2, name: `relative policy optimization methods · ${long} too`, size: 30, x: 300, y: 300 },
      ],
      600,
      600,
      '12px sans-serif',
      null,
    );
    expect(placed.map((p) => p.item.id)).toEqual([2]);
  });

  it('shows a cluster label that reads as a top-level theme’s (in any case) only when that cluster is selected', () => {
    const inputs = [
      { id: 3, name: 'reinforcement learning · verifiable reward · relative policy optimization', size: 900, group: true, x: 100, y: 100 },
      { id: 7, name: 'Reinforcement learning', size: 200, x: 400, y: 400 },
      { id: 8, name: 'diffusion model · image', size: 100, x: 250, y: 500 },
    ];
    const texts = (selected: number | null) => mapLabels(inputs, 600, 600, '12px sans-serif', selected, 'bold 14px sans-serif').map((p) => `${p.item.group ? 'g' : 'c'}${p.item.id}`);
    expect(texts(null).sort()).toEqual(['c8', 'g3']);
    expect(texts(7).sort()).toEqual(['c7', 'c8']);
  });
});

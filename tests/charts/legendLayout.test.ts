/** Legend layout: wrapped labels and rows as tall as their tallest label. */
import { describe, expect, it } from 'vitest';
import { legendLayout, wrapLabel } from '../../src/charts/legendLayout';

describe('legendLayout(items, width, colWidth, measure)', () => {
  const measure = (s: string) => s.length * 6;
  it('wrapLabel breaks a long name between words instead of cutting it, within three lines', () => {
    expect(wrapLabel('stochastic gradient descent · learning rate schedule', 120, measure)).toEqual(['stochastic gradient', 'descent · learning', 'rate schedule']);
    expect(wrapLabel('short name', 120, measure)).toEqual(['short name']);
    expect(wrapLabel('a b c d e f g h i j k l m n o p q r s t u v w x y z', 24, measure)).toHaveLength(3);
  });
  it('gives a row the height of its tallest label, so wrapped names never overlap the next row', () => {
    const items = ['a very long theme name that wraps', 'short', 'next row'].map((label, i) => ({ key: i, label, color: '#000' }));
    const { cells, height } = legendLayout(items, 300, 150, measure);
    expect(cells.map((c) => c.y)).toEqual([0, 0, 16 + 12 * (cells[0].lines.length - 1)]);
    expect(cells[0].lines.join(' ')).toBe('a very long theme name that wraps');
    expect(height).toBe(cells[2].y + 16);
  });
});

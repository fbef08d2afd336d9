/** networkLabels: the keyword network labelled by priority, the largest always. */
import { describe, expect, it } from 'vitest';
import { randomLcg } from 'd3';
import { networkLabels, type LabelNode, type NodeLabel } from '../../../src/views/cooccurrence/networkLabels';

const measure = (text: string, size: number) => text.length * size * 0.6;
const box = (l: NodeLabel<unknown>) => ({ x0: l.x - l.width / 2, y0: l.y - l.height / 2, x1: l.x + l.width / 2, y1: l.y + l.height / 2 });

/** `n` keywords scattered over a `width` x `height` plot, the first `big` of them large and in its crowded middle. */
function crowd(seed: number, n = 120, big = 10, width = 600, height = 300): LabelNode<number>[] {
  const random = randomLcg(seed);
  return Array.from({ length: n }, (_, i) => {
    const middle = i < big || random() < 0.5;
    return {
      item: i,
      x: middle ? width / 2 + (random() - 0.5) * width * 0.3 : 10 + random() * (width - 20),
      y: middle ? height / 2 + (random() - 0.5) * height * 0.3 : 10 + random() * (height - 20),
      r: i < big ? 14 - i / 2 : 3 + random() * 5,
      text: `${i < big ? 'large' : 'small'} keyword ${i}`,
    };
  });
}

function check(labels: NodeLabel<number>[], width: number, height: number) {
  const boxes = labels.map(box);
  for (const b of boxes) {
    expect(b.x0).toBeGreaterThanOrEqual(0);
    expect(b.y0).toBeGreaterThanOrEqual(0);
    expect(b.x1).toBeLessThanOrEqual(width);
    expect(b.y1).toBeLessThanOrEqual(height);
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, `labels ${labels[i].item} and ${labels[j].item} overlap`).toBe(false);
    }
}

describe('networkLabels(nodes, options)', () => {
  it('sets a label that fits just below its circle there, in the type size asked and with no leader line', () => {
    const [label] = networkLabels([{ item: 'a', x: 100, y: 100, r: 10, text: 'agent' }], { width: 300, height: 200, circles: [{ x: 100, y: 100, r: 10 }], measure, fontSize: 12 });
    expect(label).toMatchObject({ item: 'a', x: 100, fontSize: 12, leader: null, height: 15 });
    expect(label.y).toBeCloseTo(100 + 10 + 2 + 7.5, 6);
    expect(label.width).toBeCloseTo(5 * 12 * 0.6 + 4, 6);
  });

  it('always labels the first `always` nodes, even in a crowd; no two labels overlap and all stay inside the plot', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const nodes = crowd(seed);
      const labels = networkLabels(nodes, { width: 600, height: 300, circles: nodes, measure, always: 10, fontSize: 12 });
      const items = new Set(labels.map((l) => l.item));
      for (let i = 0; i < 10; i++) expect(items.has(i), `seed ${seed}: keyword ${i} labelled`).toBe(true);
      check(labels, 600, 300);
      // Legible: shrunk no further than the smallest size.
      for (const l of labels) expect(l.fontSize).toBeGreaterThanOrEqual(10);
    }
  });

  it('always labels them in a plot as small as the printed report’s, packed with circles', () => {
    // A grid of circles leaves no spot clear of them: the largest go over circles or further out.
    const grid: LabelNode<number>[] = [];
    for (let y = 8; y < 200; y += 16) for (let x = 8; x < 340; x += 16) grid.push({ item: grid.length, x, y, r: 6, text: `kw ${grid.length}` });
    const order = [...grid].sort((a, b) => Math.hypot(a.x - 170, a.y - 100) - Math.hypot(b.x - 170, b.y - 100));
    const labels = networkLabels(order, { width: 344, height: 204, circles: grid, measure, always: 10, fontSize: 11 });
    const items = new Set(labels.map((l) => l.item));
    for (const n of order.slice(0, 10)) expect(items.has(n.item)).toBe(true);
    check(labels, 344, 204);
  });

  it('labels the others only where they keep clear of every circle and label', () => {
    const nodes = crowd(7);
    const labels = networkLabels(nodes, { width: 600, height: 300, circles: nodes, measure, always: 0 });
    expect(labels.length).toBeGreaterThan(10);
    expect(labels.length).toBeLessThan(nodes.length);
    for (const l of labels) {
      const b = box(l);
      for (const c of nodes) expect(Math.hypot(c.x - Math.max(b.x0, Math.min(b.x1, c.x)), c.y - Math.max(b.y0, Math.min(b.y1, c.y)))).toBeGreaterThanOrEqual(c.r - 0.5);
    }
    check(labels, 600, 300);
  });

  it('keeps clear of labels placed before, and a label set away from its circle gets a leader line from the rim that crosses no label', () => {
    const nodes = crowd(11);
    const first = networkLabels(nodes.slice(0, 10), { width: 600, height: 300, circles: nodes, measure, always: 10, fontSize: 12 });
    const rest = networkLabels(nodes.slice(10), { width: 600, height: 300, circles: nodes, measure, placed: first });
    check([...first, ...rest], 600, 300);
    const led = first.filter((l) => l.leader);
    expect(led.length).toBeGreaterThan(0);
    for (const l of led) {
      const n = nodes[l.item];
      expect(Math.hypot(l.leader!.x1 - n.x, l.leader!.y1 - n.y)).toBeCloseTo(n.r, 6);
      for (const other of [...first, ...rest]) {
        if (other === l) continue;
        const b = box(other);
        // Sampled along the line: no point inside another label.
        for (let t = 0; t <= 1; t += 0.02) {
          const [x, y] = [l.leader!.x1 + t * (l.leader!.x2 - l.leader!.x1), l.leader!.y1 + t * (l.leader!.y2 - l.leader!.y1)];
          expect(x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1, `leader of ${l.item} through ${other.item}`).toBe(false);
        }
      }
    }
  });

  it('gives the same labels for the same nodes', () => {
    const nodes = crowd(3);
    const options = { width: 600, height: 300, circles: nodes, measure };
    expect(networkLabels(nodes, options)).toEqual(networkLabels(nodes, options));
  });
});

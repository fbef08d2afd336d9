/** Nudges network nodes apart so circles do not cover each other, staying near their precomputed places. */
import { forceCollide, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';

interface Node extends SimulationNodeDatum {
  x: number;
  y: number;
  r: number;
  x0: number;
  y0: number;
}

/** Screen positions after a fixed number of collision ticks (a headless d3-force run on copies). */
export function relaxNodes(points: { x: number; y: number; r: number }[], width: number, height: number, ticks = 80): { x: number; y: number }[] {
  const nodes: Node[] = points.map((p) => ({ ...p, x0: p.x, y0: p.y }));
  forceSimulation(nodes)
    .force('collide', forceCollide<Node>((n) => n.r + 1.5).strength(0.8))
    .force('x', forceX<Node>((n) => n.x0).strength(0.15))
    .force('y', forceY<Node>((n) => n.y0).strength(0.15))
    .stop()
    .tick(ticks);
  return nodes.map((n) => ({ x: Math.max(n.r, Math.min(width - n.r, n.x)), y: Math.max(n.r, Math.min(height - n.r, n.y)) }));
}

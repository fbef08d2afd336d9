/** Nudges network nodes apart so circles do not cover each other, staying near their precomputed places. */
import { forceCollide, forceSimulation, forceX, forceY, type Simulation, type SimulationNodeDatum } from 'd3';

interface Node extends SimulationNodeDatum {
  x: number;
  y: number;
  r: number;
  x0: number;
  y0: number;
}

type Point = { x: number; y: number; r: number };

/** How many collision ticks a layout runs (default of both functions below). */
const TICKS = 80;

/** The headless d3-force run on copies of `points`, stopped before its first tick. */
function simulation(points: Point[]): { sim: Simulation<Node, undefined>; nodes: Node[] } {
  const nodes: Node[] = points.map((p) => ({ ...p, x0: p.x, y0: p.y }));
  const sim = forceSimulation(nodes)
    .force('collide', forceCollide<Node>((n) => n.r + 1.5).strength(0.8))
    .force('x', forceX<Node>((n) => n.x0).strength(0.15))
    .force('y', forceY<Node>((n) => n.y0).strength(0.15))
    .stop();
  return { sim, nodes };
}

/** The nodes' places, kept inside the plot. */
const inside = (nodes: Node[], width: number, height: number) =>
  nodes.map((n) => ({ x: Math.max(n.r, Math.min(width - n.r, n.x)), y: Math.max(n.r, Math.min(height - n.r, n.y)) }));

/** Screen positions after a fixed number of collision ticks (a headless d3-force run on copies). */
export function relaxNodes(points: Point[], width: number, height: number, ticks = TICKS): { x: number; y: number }[] {
  const { sim, nodes } = simulation(points);
  sim.tick(ticks);
  return inside(nodes, width, height);
}

export interface SliceOptions {
  /** Collision ticks (default 80, as `relaxNodes`). */
  ticks?: number;
  /** Milliseconds of ticks between two pauses (default 8). */
  budget?: number;
  /** Once aborted, the run stops at its next pause and resolves to null. */
  signal?: AbortSignal;
  /** The clock the budget is read from, in ms (default `performance.now`). */
  now?: () => number;
}

/**
 * The same positions as `relaxNodes`, the ticks run a few at a time: after each `budget` ms it awaits
 * `pause()`, which lets the page paint and answer input (the ticks took 0.12-0.35 s in one task as
 * the network first showed at a million papers, while the page was still loading). A simulation's
 * ticks one by one are its ticks all at once, so the layout is the same to the bit.
 */
export async function relaxNodesInSlices(
  points: Point[],
  width: number,
  height: number,
  pause: () => Promise<void>,
  { ticks = TICKS, budget = 8, signal, now = () => performance.now() }: SliceOptions = {},
): Promise<{ x: number; y: number }[] | null> {
  const { sim, nodes } = simulation(points);
  let start = now();
  for (let done = 0; done < ticks; done++) {
    if (now() - start >= budget) {
      await pause();
      start = now();
    }
    if (signal?.aborted) return null;
    sim.tick();
  }
  return inside(nodes, width, height);
}

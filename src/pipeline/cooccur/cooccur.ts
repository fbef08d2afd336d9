import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3';
import type { CooccurrenceLink, CooccurrenceTerm } from '../../contract';
import { seededRandom } from '../random';
import { round4 } from '../round';
import { associationStrength } from './association';

export interface CooccurOptions {
  /** Keywords in the network: the most frequent paper keywords. Default 120. */
  vocabulary?: number;
  /** Fewest papers sharing two keywords for a link. Default 2. */
  minCount?: number;
  /** Least association strength (observed over expected) for a link. Default 1. */
  minStrength?: number;
  /** Most links kept, strongest first. Default 600. */
  maxLinks?: number;
  seed?: number;
  /** Force-layout ticks. Default 300. */
  ticks?: number;
  /** Where each cluster sits (e.g. its centre on the paper map, in [0, 1]); keywords are drawn toward their cluster's. */
  anchors?: readonly { x: number; y: number }[];
}

export const COOCCUR_DEFAULTS = { vocabulary: 120, minCount: 2, minStrength: 1, maxLinks: 600, ticks: 300 };

/** Each cluster's centre on the map (mean position of its papers): the anchors its keywords are drawn toward. */
export function clusterCentres(xy: readonly { x: number; y: number }[], assign: ArrayLike<number>, sizes: readonly number[]): { x: number; y: number }[] {
  const anchors = sizes.map(() => ({ x: 0, y: 0 }));
  for (let i = 0; i < xy.length; i++) {
    const a = assign[i];
    anchors[a].x += xy[i].x / sizes[a];
    anchors[a].y += xy[i].y / sizes[a];
  }
  return anchors;
}

interface Node extends SimulationNodeDatum {
  term: string;
  count: number;
}

/**
 * Keyword co-occurrence over papers (binary: a paper counts once per keyword pair), normalised by
 * association strength as VOSviewer does (./association.ts). Positions come from a d3-force layout run ahead of time on
 * copies of the nodes with a seeded random source, so the dashboard only draws.
 */
export function cooccurrence(keywords: readonly string[][], clusters: ArrayLike<number>, k: number, options: CooccurOptions = {}): { terms: CooccurrenceTerm[]; links: CooccurrenceLink[] } {
  const o = { ...COOCCUR_DEFAULTS, ...options };
  const n = keywords.length;
  const freq = new Map<string, number>();
  for (const kw of keywords) for (const t of new Set(kw)) freq.set(t, (freq.get(t) ?? 0) + 1);
  const vocab = [...freq].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, o.vocabulary).map(([t]) => t).sort();
  const index = new Map(vocab.map((t, i) => [t, i]));
  const v = vocab.length;
  const pair = new Map<number, number>();
  const perCluster = vocab.map(() => new Float64Array(k));
  const sizes = new Float64Array(k);
  keywords.forEach((kw, p) => {
    sizes[clusters[p]]++;
    const ids = [...new Set(kw.map((t) => index.get(t)).filter((i): i is number => i !== undefined))].sort((a, b) => a - b);
    for (const i of ids) perCluster[i][clusters[p]]++;
    for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) {
      const key = ids[a] * v + ids[b];
      pair.set(key, (pair.get(key) ?? 0) + 1);
    }
  });
  const links: CooccurrenceLink[] = [];
  for (const [key, c] of pair) {
    const a = Math.floor(key / v);
    const b = key % v;
    const strength = associationStrength(c, n, freq.get(vocab[a])!, freq.get(vocab[b])!);
    if (c >= o.minCount && strength >= o.minStrength) links.push({ source: vocab[a], target: vocab[b], count: c, strength: round4(strength) });
  }
  links.sort((x, y) => y.strength - x.strength || y.count - x.count || (x.source + x.target < y.source + y.target ? -1 : 1));
  links.splice(o.maxLinks);
  links.sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : 1));

  // The cluster a keyword is most characteristic of: where the largest share of papers carries it.
  const cluster = vocab.map((_, i) => {
    let best = 0;
    for (let c = 1; c < k; c++) if (perCluster[i][c] / (sizes[c] || 1) > perCluster[i][best] / (sizes[best] || 1)) best = c;
    return best;
  });

  const nodes: Node[] = vocab.map((term) => ({ term, count: freq.get(term)! }));
  const spread = 40 * Math.sqrt(nodes.length);
  const anchor = (i: number) => {
    const a = o.anchors?.[cluster[i]];
    return a ? { x: (a.x - 0.5) * spread, y: (a.y - 0.5) * spread } : { x: 0, y: 0 };
  };
  const maxStrength = Math.max(1, ...links.map((l) => l.strength));
  const simLinks: SimulationLinkDatum<Node>[] = links.map((l) => ({ source: index.get(l.source)!, target: index.get(l.target)! }));
  const strengths = links.map((l) => l.strength);
  const sim = forceSimulation(nodes)
    .randomSource(seededRandom(o.seed ?? 0, 'cooccur'))
    .force('link', forceLink(simLinks).strength((_, i) => 0.05 + 0.5 * (strengths[i] / maxStrength)).distance(30))
    .force('charge', forceManyBody().strength(-40))
    .force('collide', forceCollide<Node>((d) => 4 + Math.sqrt(d.count)))
    // With anchors, a keyword is drawn toward its cluster's place on the paper map, so the network
    // reads like the map (themes in the same places); links then pull related keywords together.
    .force('x', forceX<Node>((_, i) => anchor(i).x).strength(o.anchors ? 0.12 : 0.04))
    .force('y', forceY<Node>((_, i) => anchor(i).y).strength(o.anchors ? 0.12 : 0.04))
    .stop();
  sim.tick(o.ticks);
  const xs = nodes.map((d) => d.x ?? 0);
  const ys = nodes.map((d) => d.y ?? 0);
  const x0 = Math.min(...xs, 0);
  const y0 = Math.min(...ys, 0);
  const span = Math.max(Math.max(...xs, 0) - x0, Math.max(...ys, 0) - y0) || 1;
  const terms = nodes.map((d, i) => ({ term: d.term, count: d.count, cluster: cluster[i], x: round4((xs[i] - x0) / span), y: round4((ys[i] - y0) / span) }));
  return { terms, links };
}

/**
 * Labels of the keyword network by priority, largest first as VOSviewer labels its maps, except that
 * the first few are never dropped: each goes to the spot near its circle that hides the least
 * (further out with a leader line, over the rims of other circles on the label's white halo, in
 * smaller type). The others are set only beside their circle, clear of every circle and of the labels
 * placed before. Labels never overlap one another and stay inside the plot.
 */

/** A keyword's circle on screen and its text; callers pass them most important first. */
export interface LabelNode<T> {
  item: T;
  x: number;
  y: number;
  r: number;
  text: string;
}

/** A line from (x1, y1) to (x2, y2). */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A placed label: the centre of its box, its size and type size, and a leader line when set away from its circle. */
export interface NodeLabel<T> {
  item: T;
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
  leader: Segment | null;
}

export interface NetworkLabelOptions {
  /** Size of the plot in px: no label reaches outside it. */
  width: number;
  height: number;
  /** Every circle drawn: labels keep off them where they can. */
  circles: { x: number; y: number; r: number }[];
  /** Width in px of `text` set at `fontSize` px. */
  measure: (text: string, fontSize: number) => number;
  /** How many of the first nodes are always labelled (default 10). */
  always?: number;
  /** Type size in px (default 11). */
  fontSize?: number;
  /** Smallest type size an always-labelled keyword shrinks to (default 10). */
  minFontSize?: number;
  /** Labels already drawn, which these keep clear of (default none). */
  placed?: NodeLabel<unknown>[];
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A spot to try: the offset of the label's centre from its circle's, and how far out it is, in label heights. */
interface Spot {
  dx: number;
  dy: number;
  out: number;
}

const DEFAULTS = { always: 10, fontSize: 11, minFontSize: 10 };
/** Space in px kept between two labels, and between a label and its circle. */
const GAP = 1;
/** A label further than this many px from its circle gets a leader line. */
const LEADER_AFTER = 6;
/** Angles tried around a circle, in turn: below, above, right, left, the diagonals, then between them. */
const ANGLES = [90, 270, 0, 180, 45, 135, 315, 225, 67.5, 112.5, 292.5, 247.5, 22.5, 157.5, 337.5, 202.5].map((a) => (a * Math.PI) / 180);
/**
 * What an always-labelled keyword's spot costs: each label height further out (a leader line gets
 * longer), each circle it reaches into (by how far, so a covered centre costs a whole circle), a
 * covered centre again (a keyword hidden), its own circle covered, its leader line crossing another
 * (which reads as pointing at the wrong keyword), smaller type.
 */
const COST = { out: 0.4, rim: 1.5, centre: 3, own: 8, crossing: 2, smaller: 1.5 };

/** Labels for `nodes` (most important first): the first `always` placed whatever it takes, the rest where they fit. */
export function networkLabels<T>(nodes: LabelNode<T>[], options: NetworkLabelOptions): NodeLabel<T>[] {
  const { width, height, circles, measure, always, fontSize, minFontSize } = { ...DEFAULTS, ...options };
  const small = Math.min(fontSize, minFontSize);
  const boxes: Box[] = (options.placed ?? []).map(boxOf);
  const leaders = (options.placed ?? []).flatMap((l) => (l.leader ? [l.leader] : []));
  const out: NodeLabel<T>[] = [];
  // Free: clear of the labels placed and their leader lines, and its own leader line clear of those labels.
  const clear = (b: Box, node: LabelNode<T>) => {
    if (boxes.some((o) => o.x0 < b.x1 + GAP && b.x0 < o.x1 + GAP && o.y0 < b.y1 + GAP && b.y0 < o.y1 + GAP)) return false;
    if (leaders.some((l) => crosses(l, b))) return false;
    const own = leader(node, b);
    return !own || !boxes.some((o) => crosses(own, o));
  };
  // How much of the circles a box covers, counted up to `limit`: a label may touch a rim (its own, most often) for free.
  const covers = (b: Box, own: LabelNode<T>, limit: number) => {
    let cost = 0;
    for (const c of circles) {
      const d = distance(c, b);
      if (d >= c.r - 0.5) continue;
      if (c.x === own.x && c.y === own.y) cost += COST.own;
      else cost += COST.rim * (1 - d / c.r) + (d === 0 ? COST.centre : 0);
      if (cost >= limit) break;
    }
    return cost;
  };
  const boxAt = (node: LabelNode<T>, size: number, spot: Spot) => {
    const w = measure(node.text, size) + 4;
    const h = Math.round(size * 1.25);
    return inPlot(node.x + spot.dx, node.y + spot.dy, w, h, width, height);
  };
  const spotsFor = (node: LabelNode<T>, size: number, spots: Spots) => spots(node.r, measure(node.text, size) + 4, Math.round(size * 1.25));
  nodes.forEach((node, rank) => {
    let best: { box: Box; size: number; cost: number } | null = null;
    if (rank >= always) {
      // The others only beside their circle, clear of every circle and label.
      for (const spot of spotsFor(node, fontSize, beside)) {
        const box = boxAt(node, fontSize, spot);
        if (clear(box, node) && covers(box, node, Number.MIN_VALUE) === 0) {
          best = { box, size: fontSize, cost: 0 };
          break;
        }
      }
    } else {
      // The cheapest spot near the circle, in its own type size or smaller; the first free one beside it ends the search.
      search: for (const size of new Set([fontSize, small]))
        for (const spot of spotsFor(node, size, near)) {
          const bound = best?.cost ?? Infinity;
          let cost = COST.out * spot.out + (size < fontSize ? COST.smaller : 0);
          if (cost >= bound) continue;
          const box = boxAt(node, size, spot);
          if (!clear(box, node)) continue;
          const line = leader(node, box);
          if (line) cost += COST.crossing * leaders.filter((l) => intersect(l, line)).length;
          if (cost < bound) cost += covers(box, node, bound - cost);
          if (cost < bound) best = { box, size, cost };
          if (cost === 0) break search;
        }
      // Else wherever the plot has room, and with none left, under its circle: never dropped.
      if (!best) {
        const spot = first(spotsFor(node, small, rings(5, Math.hypot(width, height) / small)), (s) => clear(boxAt(node, small, s), node));
        best = { box: boxAt(node, small, spot ?? { dx: 0, dy: node.r + small, out: 0 }), size: small, cost: Infinity };
      }
    }
    if (!best) return;
    const { box, size } = best;
    const line = leader(node, box);
    boxes.push(box);
    if (line) leaders.push(line);
    out.push({ item: node.item, x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2, width: box.x1 - box.x0, height: box.y1 - box.y0, fontSize: size, leader: line });
  });
  return out;
}

/** Spots around a circle of radius `r` for a `w` x `h` label, in the order to try them. */
type Spots = (r: number, w: number, h: number) => Iterable<Spot>;

/** The spot `e` px out from a circle of radius `r` at angle `a` (radians), for a `w` x `h` label. */
const around = (r: number, e: number, w: number, h: number, a: number): Spot => ({
  dx: (r + e + w / 2) * Math.cos(a),
  dy: (r + e + h / 2) * Math.sin(a),
  out: (e - GAP - 1) / h,
});

/** Just outside the circle: below, above, right, left, then the diagonals. */
const beside: Spots = function* (r, w, h) {
  for (const a of ANGLES.slice(0, 8)) yield around(r, GAP + 1, w, h, a);
};

/** Beside the circle, then up to six label heights further out, then on it. */
const near: Spots = function* (r, w, h) {
  yield* beside(r, w, h);
  yield* rings(1, 6)(r, w, h);
  yield { dx: 0, dy: 0, out: 0 };
};

/** Rings from `from` to `to` label heights out, three quarters of a height apart, each tried at more angles the longer it is. */
function rings(from: number, to: number): Spots {
  return function* (r, w, h) {
    for (let k = from; k <= to; k += 0.75) {
      const e = GAP + 1 + k * h;
      const n = Math.max(16, Math.ceil((2 * Math.PI * (r + e)) / (2 * h)));
      if (n === 16) for (const a of ANGLES) yield around(r, e, w, h, a);
      else for (let i = 0; i < n; i++) yield around(r, e, w, h, Math.PI / 2 + (i * 2 * Math.PI) / n);
    }
  };
}

function first<S>(items: Iterable<S>, ok: (s: S) => boolean): S | null {
  for (const s of items) if (ok(s)) return s;
  return null;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** Distance from a circle's centre to the nearest point of a box (0 inside it). */
const distance = (c: { x: number; y: number }, b: Box) => Math.hypot(c.x - clamp(c.x, b.x0, b.x1), c.y - clamp(c.y, b.y0, b.y1));

/** The box of a `w` x `h` label centred at (x, y), moved inside the plot. */
function inPlot(x: number, y: number, w: number, h: number, width: number, height: number): Box {
  const cx = clamp(x, w / 2, width - w / 2);
  const cy = clamp(y, h / 2, height - h / 2);
  return { x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 };
}

function boxOf(l: NodeLabel<unknown>): Box {
  return { x0: l.x - l.width / 2, y0: l.y - l.height / 2, x1: l.x + l.width / 2, y1: l.y + l.height / 2 };
}

/** Whether a segment passes through a box (Liang-Barsky clipping). */
function crosses(l: Segment, b: Box): boolean {
  const [dx, dy] = [l.x2 - l.x1, l.y2 - l.y1];
  let [t0, t1] = [0, 1];
  for (const [p, q] of [[-dx, l.x1 - b.x0], [dx, b.x1 - l.x1], [-dy, l.y1 - b.y0], [dy, b.y1 - l.y1]]) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** Whether two segments cross. */
function intersect(a: Segment, b: Segment): boolean {
  const side = (p: Segment, x: number, y: number) => Math.sign((p.x2 - p.x1) * (y - p.y1) - (p.y2 - p.y1) * (x - p.x1));
  return side(a, b.x1, b.y1) * side(a, b.x2, b.y2) < 0 && side(b, a.x1, a.y1) * side(b, a.x2, a.y2) < 0;
}

/** A line from the circle's rim to the nearest point of a label set away from it. */
function leader(node: { x: number; y: number; r: number }, b: Box): Segment | null {
  const x2 = clamp(node.x, b.x0, b.x1);
  const y2 = clamp(node.y, b.y0, b.y1);
  const d = Math.hypot(x2 - node.x, y2 - node.y);
  if (d - node.r <= LEADER_AFTER) return null;
  return { x1: node.x + ((x2 - node.x) * node.r) / d, y1: node.y + ((y2 - node.y) * node.r) / d, x2, y2 };
}

/** Where the swatches of a legend drawn inside a chart go: as many columns as the width allows. */

export interface LegendItem {
  key: string | number;
  label: string;
  color: string;
  /** Set on an item that opens to sub-items: whether it is open. */
  open?: boolean;
  /** A sub-item, drawn indented under the item it belongs to. */
  indent?: boolean;
}

export interface LegendCell extends LegendItem {
  x: number;
  y: number;
  /** The label in lines that fit the column (one line when no measure was given). */
  lines: string[];
}

/** Height of a legend row in px (one line). */
export const LEGEND_ROW = 16;
/** Height of each further line of a wrapped label. */
const LINE = 12;
/** Space a cell's swatch and gap take before its label. */
const SWATCH = 22;

/**
 * A label in at most `maxLines` lines of at most `width` px (by `measure`), broken between words;
 * a word longer than a line, or text past the last line, ends in an ellipsis.
 */
export function wrapLabel(label: string, width: number, measure: (s: string) => number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines) kept[maxLines - 1] += ' …';
  return kept.map((l) => (measure(l) <= width ? l : fit(l, width, measure)));
}

function fit(text: string, width: number, measure: (s: string) => number): string {
  let n = text.length;
  while (n > 1 && measure(`${text.slice(0, n)}…`) > width) n--;
  return `${text.slice(0, n).trimEnd()}…`;
}

/**
 * Cells laid out in rows of `colWidth`-wide columns, and the total height. With `measure` (text
 * width in px) a label wraps onto up to three lines instead of being cut, as a figure in a report needs.
 */
export function legendLayout(items: LegendItem[], width: number, colWidth = 170, measure?: (s: string) => number): { cells: LegendCell[]; height: number; colWidth: number } {
  const cols = Math.max(1, Math.floor(width / colWidth));
  const w = width / cols;
  const lines = items.map((it) => (measure ? wrapLabel(it.label, w - SWATCH - (it.indent ? 12 : 0) - (it.open === undefined ? 0 : 10), measure) : [it.label]));
  // Sub-items sit in rows of their own under their item, so an open item reads as a block.
  const rows: number[][] = [];
  items.forEach((it, i) => {
    const row = rows[rows.length - 1];
    if (!row || row.length === cols || (i > 0 && !!it.indent !== !!items[i - 1].indent)) rows.push([i]);
    else row.push(i);
  });
  const cells: LegendCell[] = [];
  let y = 0;
  for (const row of rows) {
    row.forEach((i, col) => cells.push({ ...items[i], x: col * w, y, lines: lines[i] }));
    y += LEGEND_ROW + LINE * (Math.max(...row.map((i) => lines[i].length)) - 1);
  }
  return { cells, height: y, colWidth: w };
}

/**
 * Legend items for top-level themes, one of which may be open to list its clusters beneath it (each
 * the shade of its group's hue that the map and network draw it in). Keys: `g<group id>`, `c<cluster id>`.
 */
export function themeLegendItems(
  groups: readonly { id: number; label: string }[],
  clusters: readonly { id: number; group: number }[],
  groupColor: (g: number) => string,
  cluster: (id: number) => { label: string; color: string },
  open: number | null,
): LegendItem[] {
  return groups.flatMap((g) => [
    { key: `g${g.id}`, label: g.label, color: groupColor(g.id), open: g.id === open },
    ...(g.id === open ? clusters.filter((c) => c.group === g.id).map((c) => ({ key: `c${c.id}`, ...cluster(c.id), indent: true })) : []),
  ]);
}

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
}

/** Height of a legend row in px. */
export const LEGEND_ROW = 16;

/** Cells laid out in rows of `colWidth`-wide columns, and the total height. */
export function legendLayout(items: LegendItem[], width: number, colWidth = 170): { cells: LegendCell[]; height: number; colWidth: number } {
  const cols = Math.max(1, Math.floor(width / colWidth));
  const w = width / cols;
  // Sub-items sit in rows of their own under their item, so an open item reads as a block.
  let col = 0;
  let rowY = 0;
  const cells = items.map((it, i) => {
    if (col === cols || (i > 0 && !!it.indent !== !!items[i - 1].indent && col > 0)) [col, rowY] = [0, rowY + LEGEND_ROW];
    return { ...it, x: col++ * w, y: rowY };
  });
  return { cells, height: items.length ? rowY + LEGEND_ROW : 0, colWidth: w };
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

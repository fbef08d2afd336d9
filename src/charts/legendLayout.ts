/** Where the swatches of a legend drawn inside a chart go: as many columns as the width allows. */

export interface LegendItem {
  key: string | number;
  label: string;
  color: string;
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
  const cells = items.map((it, i) => ({ ...it, x: (i % cols) * w, y: Math.floor(i / cols) * LEGEND_ROW }));
  return { cells, height: Math.ceil(items.length / cols) * LEGEND_ROW, colWidth: w };
}

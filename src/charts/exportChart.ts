/**
 * Export of a chart as it looks in the page: a self-contained SVG (explicit size, fonts and styles
 * inside, canvas layers embedded as images), a PNG at 2x on white, or its data as CSV.
 */
import Papa from 'papaparse';
import { FONT_FAMILY, textWidth } from './textWidth';
import { legendLayout, wrapLabel, type LegendItem } from './legendLayout';

/** Presentation properties copied inline, so the SVG needs none of the page's stylesheets. */
const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linejoin', 'stroke-opacity', 'opacity', 'paint-order', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline'];
/** Height of the title and a one-line subtitle; each further subtitle line adds SUBTITLE_LINE. */
const HEADER = 44;
const SUBTITLE_LINE = 14;

export interface ExportMeta {
  title: string;
  subtitle?: string;
  /** A colour legend to draw under the chart (for charts whose legend is not part of their SVG, as the map's). */
  legend?: LegendItem[];
}

/** A standalone SVG document of the chart drawn in `body`: its canvases and SVG layers, under a title. */
export function chartSvg(body: HTMLElement, meta: ExportMeta): { svg: string; width: number; height: number } {
  const box = body.getBoundingClientRect();
  const width = Math.round(box.width);
  // The subtitle (what is shown, the filter, a theme's verdict) wraps rather than being cut at the edge.
  const subtitle = meta.subtitle ? wrapLabel(meta.subtitle, width - 24, (s) => textWidth(s, `11.5px ${FONT_FAMILY}`), 6) : [];
  const header = HEADER + SUBTITLE_LINE * Math.max(0, subtitle.length - 1);
  const layers = [...body.querySelectorAll<HTMLCanvasElement | SVGSVGElement>('canvas, svg')].filter((el) => !el.closest('[data-no-export]') && shownRect(el).width > 0);
  const chartHeight = Math.round(Math.max(...layers.map((el) => shownRect(el).bottom - box.top), 10)) + header;
  const legend = meta.legend?.length ? legendLayout(meta.legend, width - 24, 180, (s) => textWidth(s, `11px ${FONT_FAMILY}`)) : null;
  const height = chartHeight + (legend ? legend.height + 12 : 0);
  const ns = 'http://www.w3.org/2000/svg';
  const root = document.createElementNS(ns, 'svg');
  root.setAttribute('xmlns', ns);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', FONT_FAMILY);
  const style = document.createElementNS(ns, 'style');
  style.textContent = `svg { font-family: ${FONT_FAMILY}; } text { fill: #1f2328; }`;
  root.append(style);
  root.append(rect(ns, width, height));
  root.append(text(ns, meta.title, 12, 20, 15, 700));
  subtitle.forEach((line, i) => root.append(text(ns, line, 12, 36 + SUBTITLE_LINE * i, 11.5, 400, '#57606a')));
  for (const el of layers) {
    const r = shownRect(el);
    const g = document.createElementNS(ns, 'g');
    g.setAttribute('transform', `translate(${Math.round(r.left - box.left)},${Math.round(r.top - box.top) + header})`);
    if (el instanceof HTMLCanvasElement) {
      const img = document.createElementNS(ns, 'image');
      img.setAttribute('width', String(Math.round(r.width)));
      img.setAttribute('height', String(Math.round(r.height)));
      const png = shownPixels(el, r).toDataURL('image/png');
      img.setAttribute('href', png);
      // Older SVG tools only read xlink:href.
      img.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', png);
      g.append(img);
    } else {
      const copy = el.cloneNode(true) as SVGSVGElement;
      inlineStyles(el, copy);
      copy.removeAttribute('tabindex');
      // What only the page needs (how to click, what opens) stays out of a figure for a report.
      for (const hint of copy.querySelectorAll('[data-hint]')) hint.remove();
      g.append(copy);
    }
    root.append(g);
  }
  if (legend) {
    const g = document.createElementNS(ns, 'g');
    g.setAttribute('transform', `translate(12,${chartHeight + 6})`);
    for (const c of legend.cells) {
      const sw = document.createElementNS(ns, 'rect');
      for (const [k, v] of Object.entries({ x: c.x, y: c.y + 2, width: 10, height: 10, rx: 2, fill: c.color })) sw.setAttribute(k, String(v));
      const t = text(ns, '', c.x + 15, c.y + 11, 11, 400);
      c.lines.forEach((line, i) => {
        const span = document.createElementNS(ns, 'tspan');
        span.setAttribute('x', String(c.x + 15));
        if (i) span.setAttribute('dy', '12');
        span.textContent = line;
        t.append(span);
      });
      g.append(sw, t);
    }
    root.append(g);
  }
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

function inlineStyles(src: Element, dst: Element): void {
  const cs = getComputedStyle(src);
  const decl = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
  dst.setAttribute('style', decl);
  // Classes point into the page's stylesheets, which the file does not carry: their effect is inlined above.
  dst.removeAttribute('class');
  for (let i = 0; i < src.children.length; i++) inlineStyles(src.children[i], dst.children[i]);
}

function rect(ns: string, w: number, h: number) {
  const r = document.createElementNS(ns, 'rect');
  r.setAttribute('width', String(w));
  r.setAttribute('height', String(h));
  r.setAttribute('fill', '#fff');
  return r;
}

/** The part of a layer on screen: a canvas may reach past the frame that clips it (the map's does). */
function shownRect(el: Element): DOMRect {
  const r = el.getBoundingClientRect();
  const frame = el.parentElement;
  if (!frame || getComputedStyle(frame).overflow === 'visible') return r;
  const f = frame.getBoundingClientRect();
  const [left, top] = [Math.max(r.left, f.left), Math.max(r.top, f.top)];
  const [right, bottom] = [Math.min(r.right, f.right), Math.min(r.bottom, f.bottom)];
  return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
}

/** The canvas's pixels inside `shown` (a part of its on-screen box), as a canvas of their own. */
function shownPixels(el: HTMLCanvasElement, shown: DOMRect): HTMLCanvasElement {
  const r = el.getBoundingClientRect();
  if (shown.width === r.width && shown.height === r.height) return el;
  const [kx, ky] = [el.width / r.width, el.height / r.height];
  const crop = document.createElement('canvas');
  crop.width = Math.max(1, Math.round(shown.width * kx));
  crop.height = Math.max(1, Math.round(shown.height * ky));
  crop.getContext('2d')!.drawImage(el, (shown.left - r.left) * kx, (shown.top - r.top) * ky, crop.width, crop.height, 0, 0, crop.width, crop.height);
  return crop;
}

function text(ns: string, s: string, x: number, y: number, size: number, weight: number, fill = '#1f2328') {
  const t = document.createElementNS(ns, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('font-size', String(size));
  t.setAttribute('font-weight', String(weight));
  t.setAttribute('fill', fill);
  t.textContent = s;
  return t;
}

/** The SVG rendered to a PNG at `scale`x on white. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** CSV of rows; cells starting with = + - @ are escaped so spreadsheets never run them as formulas. */
export function toCsv(rows: Record<string, unknown>[]): string {
  return Papa.unparse(rows, { escapeFormulae: true });
}

/** Saves a blob under `name` through a temporary object URL. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The download name of a chart's export: the chart, its mode and the day, `topic-atlas_trends-share_2026-11-30.svg`. */
export function fileName(id: string, ext: string, mode?: string, day = new Date()): string {
  const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  return `topic-atlas_${id}${mode ? `-${mode}` : ''}_${date}.${ext}`;
}

/** A CSV file's bytes: a UTF-8 byte-order mark first, so spreadsheet programs read accents and `·` as UTF-8. */
export const csvBlob = (text: string): Blob => new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });

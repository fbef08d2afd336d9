/** Width of text in a given CSS font, measured on a shared offscreen canvas (for label placement). */
let ctx: CanvasRenderingContext2D | null = null;
const cache = new Map<string, number>();
let lastFont = '';

/** The font stack of the page and of exported charts (DejaVu Sans on a bare Debian). */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

/** Width in px of `text` set in the CSS `font`, cached. */
export function textWidth(text: string, font: string): number {
  const key = `${font}\n${text}`;
  let w = cache.get(key);
  if (w === undefined) {
    // Outside a page (unit tests) there is no canvas: a rough 7 px a character.
    ctx ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (ctx) {
      // Setting the font parses it each time: only set it when it changes.
      if (lastFont !== font) ctx.font = lastFont = font;
      w = ctx.measureText(text).width;
    } else w = text.length * 7;
    cache.set(key, w);
  }
  return w;
}

/** `text` cut to at most `max` px wide with an ellipsis. */
export function truncate(text: string, max: number, font: string): string {
  if (textWidth(text, font) <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (textWidth(text.slice(0, mid) + '…', font) <= max) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo).trimEnd() + '…';
}

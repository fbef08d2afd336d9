/**
 * Shifts a floating element (a tooltip, a readout) just enough to lie inside the window, `margin` px
 * from its edges, through its `translate` (so `left`/`top` stay the caller's). Call it after each move.
 * When it cannot fit, its left and top edges are the ones kept in sight.
 */
export function keepInViewport(el: HTMLElement, margin = 4): void {
  el.style.translate = '';
  const r = el.getBoundingClientRect();
  // The root's client box leaves out the scroll bars, which would hide the edge of the element as well.
  const { clientWidth: w, clientHeight: h } = document.documentElement;
  const dx = Math.max(margin - r.left, Math.min(0, w - margin - r.right));
  const dy = Math.max(margin - r.top, Math.min(0, h - margin - r.bottom));
  if (dx || dy) el.style.translate = `${dx}px ${dy}px`;
}

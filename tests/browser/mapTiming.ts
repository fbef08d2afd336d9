/** Timings of the dashboard's map in a page: its first draw after navigation, and frames while zooming. */
import type { Page } from 'playwright-core';

export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Milliseconds from navigation to the map's first drawn frame (the page's `map-first-draw` mark). */
export async function firstDrawMs(page: Page): Promise<number> {
  await page.waitForSelector('[data-chart=map] canvas', { timeout: 120_000 });
  return page.evaluate(async () => {
    while (!performance.getEntriesByName('map-first-draw').length) await new Promise((r) => setTimeout(r, 10));
    return performance.getEntriesByName('map-first-draw')[0].startTime;
  });
}

/**
 * Zooms the map in for a second and out for a second with wheel events (one every 8 ms, as input
 * arrives independent of frames) while a frame loop records the interval between frames; returns
 * those intervals and the canvas draws' durations (`map-draw` measures).
 */
export async function zoomFrames(page: Page): Promise<{ frames: number[]; draws: number[] }> {
  // tsx names functions through an `__name` helper that the page does not have.
  await page.evaluate('window.__name = (f) => f');
  return page.evaluate(async () => {
    const svg = document.querySelector('[data-chart=map] svg[role=application]')!;
    const box = svg.getBoundingClientRect();
    performance.clearMeasures('map-draw');
    const frames: number[] = [];
    let running = true;
    let last = performance.now();
    const loop = (now: number) => {
      frames.push(now - last);
      last = now;
      if (running) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    const start = performance.now();
    await new Promise<void>((done) => {
      const timer = setInterval(() => {
        const t = performance.now() - start;
        if (t > 2000) {
          clearInterval(timer);
          return done();
        }
        svg.dispatchEvent(new WheelEvent('wheel', { deltaY: t < 1000 ? -12 : 12, clientX: box.left + box.width * 0.4, clientY: box.top + box.height * 0.45, bubbles: true, cancelable: true }));
      }, 8);
    });
    running = false;
    await new Promise((r) => requestAnimationFrame(r));
    return { frames: frames.slice(1), draws: performance.getEntriesByName('map-draw').map((e) => e.duration) };
  });
}

/**
 * Milliseconds from a click on a theme in the themes list to the end of the frame that shows its
 * selection (map, trends and table updated), for the first `n` themes in turn.
 */
export async function filterMs(page: Page, n = 5): Promise<number[]> {
  await page.waitForSelector('[data-chart=themes] li[data-cluster] button.main');
  await page.evaluate('window.__name = (f) => f');
  return page.evaluate(async (n) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const button = document.querySelectorAll<HTMLButtonElement>('[data-chart=themes] li[data-cluster] button.main')[i];
      if (!button) break;
      const t0 = performance.now();
      button.click();
      // The frame the click's updates draw in, and its paint.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 300));
    }
    return times;
  }, n);
}

/** Timings of the dashboard's map in a page: its first draw after navigation, and frames while zooming. */
import type { Page } from 'playwright-core';

export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Milliseconds from navigation to the map's first drawn frame (the page's `map-first-draw` mark). */
export async function firstDrawMs(page: Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('map-first-draw').length > 0, undefined, { timeout: 120_000 });
  return page.evaluate(() => performance.getEntriesByName('map-first-draw')[0].startTime);
}

/** Milliseconds from navigation to the papers' titles and keywords being in, for data whose text comes in a file of its own (the page's `paper-text-loaded` mark). */
export async function textLoadedMs(page: Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('paper-text-loaded').length > 0, undefined, { timeout: 120_000 });
  return page.evaluate(() => performance.getEntriesByName('paper-text-loaded')[0].startTime);
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
 * Milliseconds from a click on a theme in the themes list to the next paint after it (the browser's
 * Event Timing of the click, as Interaction to Next Paint counts it: pointer events, handlers and the
 * rendering of what the click changes), for the first `n` themes in turn. By default each is clicked
 * as Playwright clicks: the pointer moved onto it, pressed and released at once, so the hover's
 * preview is handled and painted inside the click's time. With `rest`, as a person clicks: the
 * pointer rests on the theme first (its preview painted), then presses and releases 80 ms later.
 * Event Timing reports only clicks of 16 ms or more, in steps of 8 ms.
 */
export async function filterMs(page: Page, n = 5, rest = false): Promise<number[]> {
  const buttons = page.locator('[data-chart=themes] li[data-cluster] button.main');
  await buttons.first().waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { clicks: number[]; clickObserver?: PerformanceObserver };
    w.clicks = [];
    w.clickObserver?.disconnect();
    w.clickObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'click') w.clicks.push(e.duration);
    });
    w.clickObserver.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });
  for (let i = 0; i < n && i < (await buttons.count()); i++) {
    // These pauses are part of what is measured, not waits for a result: the pointer resting on the
    // theme and the press lasting as a person's do, and a quiet gap after each click so that clicks
    // are timed one at a time (a click under 16 ms leaves no entry to wait for).
    if (rest) {
      await buttons.nth(i).hover();
      await page.waitForTimeout(300);
      await page.mouse.down();
      await page.waitForTimeout(80);
      await page.mouse.up();
    } else await buttons.nth(i).click();
    await page.waitForTimeout(400);
  }
  return page.evaluate(() => (window as unknown as { clicks: number[] }).clicks);
}

/**
 * Records the page's long tasks (over 50 ms on the main thread) from its start: call before
 * navigating. `longTasks` reads them.
 */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: [number, number][] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks (start and duration in ms from navigation) that ended after `from` and started before `to` (see `observeLongTasks`). */
export async function longTasks(page: Page, from: number, to: number): Promise<{ start: number; duration: number }[]> {
  const all = await page.evaluate(() => (window as unknown as { longTasks: [number, number][] }).longTasks);
  return all.filter(([s, d]) => s + d > from && s < to).map(([start, duration]) => ({ start, duration }));
}

/**
 * Readies a page, before it navigates, to zoom its map from the moment the map is first drawn (as a
 * reader who starts at once would, while the page still loads what comes after the map) and to time
 * every click: the frame loop runs from the page's start, and at the first frame after the
 * `map-first-draw` mark it zooms in for a second and out for a second as `zoomFrames` does. Frames
 * the page cannot paint while busy show as long intervals. `earlyZoom` reads the result.
 */
export async function zoomAtFirstDraw(page: Page): Promise<void> {
  // tsx names functions through an `__name` function the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  await page.addInitScript(() => {
    const z = { frames: [] as number[], start: -1, end: -1, clicks: [] as [number, number][] };
    (window as unknown as { earlyZoom: typeof z }).earlyZoom = z;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'click') z.clicks.push([e.startTime, e.duration]);
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    const zoom = () => {
      const svg = document.querySelector('[data-chart=map] svg[role=application]')!;
      const box = svg.getBoundingClientRect();
      const timer = setInterval(() => {
        const t = performance.now() - z.start;
        if (t > 2000) {
          z.end = performance.now();
          return clearInterval(timer);
        }
        svg.dispatchEvent(new WheelEvent('wheel', { deltaY: t < 1000 ? -12 : 12, clientX: box.left + box.width * 0.4, clientY: box.top + box.height * 0.45, bubbles: true, cancelable: true }));
      }, 8);
    };
    const loop = (now: number) => {
      if (z.start < 0) {
        const drawn = performance.getEntriesByName('map-first-draw')[0];
        if (drawn) {
          // From the drawing itself: the task that drew may run on before the frame shows.
          z.frames.push(drawn.startTime);
          z.start = now;
          zoom();
        }
      }
      if (z.start >= 0) z.frames.push(now);
      if (z.end < 0) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

/** What `zoomAtFirstDraw` recorded, once its zooming is over: frame intervals, when zooming began and ended (ms after the first draw), and each click's start and duration (ms from navigation; clicks of 16 ms or more). */
export async function earlyZoom(page: Page): Promise<{ frames: number[]; start: number; end: number; clicks: [number, number][] }> {
  await page.waitForFunction(() => (window as unknown as { earlyZoom: { end: number } }).earlyZoom.end >= 0, undefined, { timeout: 120_000 });
  return page.evaluate(() => {
    const z = (window as unknown as { earlyZoom: { frames: number[]; start: number; end: number; clicks: [number, number][] } }).earlyZoom;
    const drawn = z.frames[0];
    return { frames: z.frames.slice(1).map((t, i) => t - z.frames[i]), start: z.start - drawn, end: z.end - drawn, clicks: z.clicks };
  });
}

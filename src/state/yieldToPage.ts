/**
 * Lets the page paint and handle input before the caller goes on: the rest runs in a task of its own
 * at the page's ordinary priority (`scheduler.postTask` where there is one). Not `scheduler.yield`:
 * Chromium runs its continuations ahead of rendering, so a loop of 8 ms slices yielding that way got
 * a frame painted only every 100 ms; nor `setTimeout` where it can be helped, which once nested waits
 * 4 ms each time.
 *
 * Work that yields this way is work the reader is not waiting on (text arriving, views below the
 * first screen, rankings, layouts), so while the reader zooms or pans the map it also waits for the
 * map to rest (see `whenMapRests`): at a million papers its slices, the views' mounting and the
 * garbage they leave cost zoom frames of 50-280 ms in the first seconds.
 */
export async function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void) => Promise<void> } }).scheduler;
  await (scheduler?.postTask ? scheduler.postTask(() => {}) : new Promise((r) => setTimeout(r)));
  await whenMapRests();
}

/** How long the map must be still to count as resting, and the longest a yield waits for it (so work a reader who never stops zooming still gets done). */
export const MAP_REST_MS = 200;
export const MAX_WAIT_MS = 1500;

/** When the map's view last moved (performance.now()), -Infinity before it ever did. */
let lastMove = -Infinity;

/** Says the map's view has just moved (zoom, pan, a link's view). */
export function noteMapMove(): void {
  lastMove = performance.now();
}

/** Settles once the map has not moved for MAP_REST_MS, at once if it is resting, and after MAX_WAIT_MS at the latest. */
export function whenMapRests(): Promise<void> {
  const start = performance.now();
  return new Promise((done) => {
    const check = () => {
      const now = performance.now();
      const wait = Math.min(lastMove + MAP_REST_MS, start + MAX_WAIT_MS) - now;
      if (wait <= 0) done();
      else setTimeout(check, wait);
    };
    check();
  });
}

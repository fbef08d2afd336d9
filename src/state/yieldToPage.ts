/**
 * Lets the page paint and handle input before the caller goes on: the rest runs in a task of its own
 * at the page's ordinary priority (`scheduler.postTask` where there is one). Not `scheduler.yield`:
 * Chromium runs its continuations ahead of rendering, so a loop of 8 ms slices yielding that way got
 * a frame painted only every 100 ms; nor `setTimeout` where it can be helped, which once nested waits
 * 4 ms each time.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void) => Promise<void> } }).scheduler;
  return scheduler?.postTask ? scheduler.postTask(() => {}) : new Promise((r) => setTimeout(r));
}

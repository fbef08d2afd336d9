/** yieldToPage: the page gets its frames between slices of long work. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToPage } from '../../src/state/yieldToPage';

describe('yieldToPage()', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('goes on in a task of its own posted at ordinary priority, not in a continuation that runs ahead of rendering', async () => {
    const postTask = vi.fn((task: () => void) => Promise.resolve(task()));
    const yielded = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { postTask, yield: yielded });
    await yieldToPage();
    expect(postTask).toHaveBeenCalledTimes(1);
    expect(yielded).not.toHaveBeenCalled();
  });

  it('goes on after a timer where the browser has no task scheduler', async () => {
    vi.stubGlobal('scheduler', undefined);
    const timer = vi.spyOn(globalThis, 'setTimeout');
    await yieldToPage();
    expect(timer).toHaveBeenCalled();
    timer.mockRestore();
  });
});

describe('whenMapRests()', () => {
  afterEach(() => vi.useRealTimers());

  it('settles at once when the map has not moved, else once it has been still for MAP_REST_MS, and waits no more than MAX_WAIT_MS', async () => {
    vi.useFakeTimers();
    const { noteMapMove, whenMapRests, MAP_REST_MS, MAX_WAIT_MS } = await import('../../src/state/yieldToPage');
    const settled = (p: Promise<void>) => {
      const state = { done: false };
      p.then(() => (state.done = true));
      return state;
    };
    vi.advanceTimersByTime(MAX_WAIT_MS);
    const still = settled(whenMapRests());
    await vi.advanceTimersByTimeAsync(0);
    expect(still.done).toBe(true);

    // Moved just now: waits until it has been still for MAP_REST_MS.
    noteMapMove();
    const afterMove = settled(whenMapRests());
    await vi.advanceTimersByTimeAsync(MAP_REST_MS - 10);
    expect(afterMove.done).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    expect(afterMove.done).toBe(true);

    // A reader who never stops zooming: the work goes on after MAX_WAIT_MS.
    noteMapMove();
    const zooming = settled(whenMapRests());
    for (let t = 0; t < MAX_WAIT_MS - 50; t += 50) {
      noteMapMove();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(zooming.done).toBe(false);
    noteMapMove();
    await vi.advanceTimersByTimeAsync(50);
    expect(zooming.done).toBe(true);
  });
});

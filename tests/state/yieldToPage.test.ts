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

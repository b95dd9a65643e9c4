import { describe, expect, it, vi } from 'vitest';
import { loadOnce } from '../../src/lib/load-once.ts';

const nextTask = () => new Promise<string>((resolve) => setTimeout(() => resolve('task'), 0));

describe('loadOnce', () => {
  it('loads on first use only, and every use gets the same value', async () => {
    const load = vi.fn(async () => ({ name: 'chunk' }));
    const get = loadOnce(load);
    expect(load).not.toHaveBeenCalled();
    const [first, second] = await Promise.all([get(), get()]);
    expect(await get()).toBe(first);
    expect(second).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('once loaded, answers before the next task: before the page draws again', async () => {
    // A load that answers in a later task each time, as import() does behind the map's frames.
    const get = loadOnce(() => new Promise<string>((resolve) => setTimeout(resolve, 5, 'module')));
    await get();
    expect(await Promise.race([get(), nextTask()])).toBe('module');
  });

  it('tries again after a failed load', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce('module');
    const get = loadOnce(load);
    await expect(get()).rejects.toThrow('offline');
    expect(await get()).toBe('module');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { fallbackPlugin, isFallbackModule } from './fallback.js';
import { retryPlugin } from './retry.js';

type Hook = (args: Record<string, unknown>) => Promise<unknown>;

function args(getRemoteEntry: () => Promise<unknown>) {
  return {
    getRemoteEntry,
    origin: {},
    remoteInfo: { name: 'r', entry: 'https://a.example/remoteEntry.js' },
    globalLoading: { key: Promise.resolve() } as Record<string, unknown>,
    uniqueKey: 'key',
  };
}

describe('retry plugin', () => {
  it('retries a failed remote entry with backoff, dropping the failed attempt first', async () => {
    const waits: number[] = [];
    const plugin = retryPlugin({ retries: 2, sleep: async (ms) => void waits.push(ms) });
    const exports = { init: () => undefined, get: () => undefined };
    const a = args(
      vi.fn().mockRejectedValueOnce(new Error('RUNTIME-008 404')).mockResolvedValueOnce(exports),
    );
    await expect((plugin.loadEntryError as unknown as Hook)(a)).resolves.toBe(exports);
    expect(waits).toEqual([500, 1500]);
    expect(a.globalLoading.key).toBeUndefined();
  });

  it('gives up after the retries, and never retries a refused script', async () => {
    const plugin = retryPlugin({ retries: 2, sleep: async () => undefined });
    const failing = vi.fn().mockRejectedValue(new Error('RUNTIME-008 gone'));
    await expect((plugin.loadEntryError as unknown as Hook)(args(failing))).rejects.toThrow('gone');
    expect(failing).toHaveBeenCalledTimes(2);
    // An entry outside the signed assets: the runtime's own error stands (the hook recovers nothing).
    const guarded = retryPlugin({
      retries: 2,
      sleep: async () => undefined,
      retriable: (entry) => entry !== 'https://a.example/remoteEntry.js',
    });
    const refused = vi.fn().mockRejectedValue(new Error('RUNTIME-008 SHELL_ERR_SCRIPT_REFUSED'));
    await expect((guarded.loadEntryError as unknown as Hook)(args(refused))).resolves.toBeUndefined();
    expect(refused).not.toHaveBeenCalled();
  });
});

describe('fallback plugin', () => {
  it('turns a failed load into a fallback module, so loadRemote never rejects', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const hook = fallbackPlugin().errorLoadRemote as unknown as Hook;
    const result = await hook({ id: 'r/Tile', error: new Error('404\nstack'), lifecycle: 'onLoad' });
    expect(isFallbackModule(result)).toBe(true);
    expect(result).toMatchObject({ id: 'r/Tile', error: '404' });
    expect(warn.mock.calls[0]?.[0]).toMatch(/SHELL_ERR_WIDGET_LOAD.*r\/Tile.*\/docs\//);
    // Other lifecycles keep the runtime's own error.
    expect(await hook({ id: 'r/Tile', error: new Error('x'), lifecycle: 'beforeRequest' })).toBeUndefined();
    warn.mockRestore();
  });
});

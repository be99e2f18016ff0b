import { describe, expect, it, vi } from 'vitest';
import { createElderlyMode, hasCapability } from './host.js';

describe('hasCapability', () => {
  it('is true only for granted capabilities', () => {
    const host = { widget: { name: 'w', version: '1.0.0', capabilities: ['store.read'] as const } };
    expect(hasCapability(host, 'store.read')).toBe(true);
    expect(hasCapability(host, 'store.write')).toBe(false);
  });
});

describe('createElderlyMode', () => {
  it('notifies listeners and onChange on a change only', () => {
    const onChange = vi.fn();
    const elderly = createElderlyMode(false, onChange);
    const listener = vi.fn();
    const stop = elderly.subscribe(listener);
    elderly.set(false);
    expect(listener).not.toHaveBeenCalled();
    elderly.set(true);
    expect(elderly.get()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith(true);
    stop();
    elderly.set(false);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith(false);
  });
});

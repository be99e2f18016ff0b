import { describe, expect, it } from 'vitest';
import { SingleFlight } from './single-flight.js';

describe('SingleFlight', () => {
  it('runs one fetch per key while it lasts, then a new one', async () => {
    const flights = new SingleFlight();
    let runs = 0;
    let release: () => void = () => {};
    const slow = () =>
      new Promise<number>((resolve) => {
        runs += 1;
        release = () => resolve(runs);
      });
    const a = flights.run('react', slow);
    const b = flights.run('react', slow);
    const other = flights.run('vue', async () => 'vue');
    release();
    expect(await Promise.all([a, b, other])).toEqual([1, 1, 'vue']);
    const c = flights.run('react', slow);
    release();
    expect(await c).toBe(2);
  });

  it('shares a failure with every waiter and forgets it', async () => {
    const flights = new SingleFlight();
    const failing = () => Promise.reject(new Error('uplink down'));
    const results = await Promise.allSettled([flights.run('x', failing), flights.run('x', failing)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await flights.run('x', async () => 'again')).toBe('again');
  });
});

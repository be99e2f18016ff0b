/** The used-ticket store (host-api/page-tickets.ts) on both back ends: a ticket is used once, across instances. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, type OpenedBackend, openBackend } from '../../../test/backends.js';
import type { Storage } from '../types.js';

describe.each(BACKENDS)('used page tickets on %s', (backend) => {
  let opened: OpenedBackend;
  let storage: Storage;

  beforeEach(async () => {
    opened = await openBackend(backend);
    storage = opened.storage;
  });

  afterEach(async () => {
    await opened.close();
  });

  it('says true the first time a ticket is used, false after, on this instance and another', async () => {
    const now = Date.now();
    const other = await opened.again();
    try {
      expect(await storage.host.useTicket('t1', now + 60_000, now)).toBe(true);
      expect(await storage.host.useTicket('t1', now + 60_000, now)).toBe(false);
      expect(await other.host.useTicket('t1', now + 60_000, now)).toBe(false);
      // Two instances racing for one ticket: exactly one wins.
      const race = await Promise.all([
        storage.host.useTicket('t2', now + 60_000, now),
        other.host.useTicket('t2', now + 60_000, now),
      ]);
      expect(race.filter(Boolean)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('forgets tickets once they expired (an expired ticket is refused before it is looked up)', async () => {
    const now = Date.now();
    expect(await storage.host.useTicket('old', now + 1000, now)).toBe(true);
    expect(await storage.host.useTicket('old', now + 5000, now + 2000)).toBe(true);
  });
});

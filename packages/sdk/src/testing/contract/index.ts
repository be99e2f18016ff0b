/**
 * `@cunmen/sdk/contract`: the host API contract as one vitest suite, run against every host that claims
 * to implement it — the MockHost (packages/sdk) and the real shell server through `createHttpHostApi`
 * (shell/server) — so the mock a widget is tested with cannot drift from production. Each case checks
 * the exact code (and status and field) a refusal carries.
 *
 * @example
 * describeHostApiContract('MockHost', async () => ({
 *   resident: createMockHost().api,
 *   readOnly: createMockHost({ capabilities: ['store.read'] }).api,
 *   anonymous: createMockHost({ user: null }).api,
 * }));
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { argumentContract } from './arguments.js';
import { callsContract } from './calls.js';
import type { ContractHost } from './host.js';
import { storeContract } from './store.js';

export type { ContractHost } from './host.js';

/** Declares the contract's cases for the host `open` gives (called once, before the first case). */
export function describeHostApiContract(name: string, open: () => Promise<ContractHost>): void {
  describe(`host API contract: ${name}`, () => {
    let host: ContractHost | undefined;
    beforeAll(async () => {
      host = await open();
    }, 120_000);
    afterAll(async () => {
      await host?.close?.();
    });
    const get = (): ContractHost => {
      if (!host) throw new Error('the host under test did not open');
      return host;
    };
    storeContract(get);
    callsContract(get);
    argumentContract(get);
  });
}

/**
 * The host API contract suite of `@cunmen/sdk/contract` against the real server: real Fastify on a real
 * port, real SQLite, the SDK's HTTP client. packages/sdk runs the same suite against the MockHost.
 */
import { createHttpHostApi } from '@cunmen/sdk';
import { describeHostApiContract } from '@cunmen/sdk/contract';
import { beforeAll } from 'vitest';
import {
  adoptPointsRuleBook,
  credentialsOverHttp,
  hostApiWorld,
  MACHINERY,
  signInOverHttp,
  WASTE,
} from '../../test/host-api.js';

const w = hostApiWorld();
beforeAll(() => adoptPointsRuleBook(w), 60_000);

describeHostApiContract('the shell server', async () => {
  const address = await w.shell.app.listen({ port: 0, host: '127.0.0.1' });
  const session = await signInOverHttp(address, '13812345678');
  // One page load each, signed in and anonymous, as shell/web's boot code exchanges its ticket.
  const signedIn = await credentialsOverHttp(address, session);
  const anonymous = await credentialsOverHttp(address);
  const client = (credential: string | undefined) =>
    createHttpHostApi({ baseUrl: address, credential: credential as string });
  return {
    resident: client(signedIn[WASTE]),
    readOnly: client(signedIn[MACHINERY]),
    anonymous: client(anonymous[WASTE]),
  };
});

/**
 * The host API contract suite of `@cunmen/sdk/contract` against the real server: real Fastify on a real
 * port, real SQLite, the SDK's HTTP client. packages/sdk runs the same suite against the MockHost.
 */
import { createHttpHostApi } from '@cunmen/sdk';
import { describeHostApiContract } from '@cunmen/sdk/contract';
import { hostApiWorld, JSON_TYPE, MACHINERY, signInOverHttp, TOKEN_URL, WASTE } from '../../test/host-api.js';
import { XIANTAN } from '../../test/shell.js';

const w = hostApiWorld();

describeHostApiContract('the shell server', async () => {
  const address = await w.shell.app.listen({ port: 0, host: '127.0.0.1' });
  const { cookie, csrf } = await signInOverHttp(address, '13812345678');
  // One credential per widget and person, as shell/web's widgetCredential keeps it (they last 15 minutes).
  const credential = async (widget: string, signedIn: boolean) => {
    const res = await fetch(`${address}${TOKEN_URL}`, {
      method: 'POST',
      headers: { ...JSON_TYPE, ...(signedIn ? { cookie, 'x-csrf-token': csrf } : {}) },
      body: JSON.stringify({ village: XIANTAN, widget, version: '1.0.0' }),
    });
    return ((await res.json()) as { token: string }).token;
  };
  const client = async (widget: string, signedIn: boolean) =>
    createHttpHostApi({ baseUrl: address, credential: await credential(widget, signedIn) });
  return {
    resident: await client(WASTE, true),
    readOnly: await client(MACHINERY, true),
    anonymous: await client(WASTE, false),
  };
});

/**
 * An in-test HTTP server that speaks the few npm registry calls `cunmen login` and `cunmen publish`
 * make, answers refusals in the registry's error body (`@cunmen/errors`) and records what it received
 * (the real registry is tested in registry/).
 */
import { createServer } from 'node:http';

export interface Received {
  method: string;
  url: string;
  auth: string | undefined;
  body: Record<string, unknown> | null;
}

/** The one password the fake registry accepts, for any user. */
export const FAKE_PASSWORD = 'secret';

export interface FakeRegistry {
  url: string;
  received: Received[];
  /** A refusal for the next PUTs until cleared (null): publish and login alike. */
  refuseWith: { status: number; code: string; error: string } | null;
  close(): Promise<void>;
}

export async function startFakeRegistry(): Promise<FakeRegistry> {
  const fake: FakeRegistry = { url: '', received: [], refuseWith: null, close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
      fake.received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        auth: req.headers.authorization,
        body,
      });
      const json = (status: number, answer: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      if (req.method === 'PUT' && fake.refuseWith) {
        const { status, code, error } = fake.refuseWith;
        return json(status, { error, code, message: '该令牌无权发布到此作用域', requestId: 'req-1' });
      }
      if (req.url?.startsWith('/-/user/org.couchdb.user:')) {
        return body?.password === FAKE_PASSWORD
          ? json(201, { ok: true, token: 'tok-from-password' })
          : json(401, {
              error: 'wrong user name or password',
              code: 'REG_ERR_BAD_LOGIN',
              message: '用户名或密码错误',
              requestId: 'req-3',
            });
      }
      if (req.url === '/-/whoami') {
        return req.headers.authorization?.startsWith('Bearer tok-')
          ? json(200, { username: 'deqing-dev' })
          : json(401, {
              error: 'the registry token is unknown or revoked',
              code: 'REG_ERR_UNAUTHORIZED',
              message: '需要有效的仓库令牌',
              requestId: 'req-2',
            });
      }
      if (req.method === 'PUT') return json(201, { ok: true });
      return json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  fake.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  fake.close = () => new Promise<void>((r) => server.close(() => r()));
  return fake;
}

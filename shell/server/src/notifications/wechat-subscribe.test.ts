/**
 * The WeChat subscribe-message channel (./wechat-subscribe.ts) through the notifier, against a small
 * local stand-in of api.weixin.qq.com: a resident with a bound openid gets the message with the
 * template, page and fields; WeChat's errcode answers are logged and the inbox notice stands; a resident
 * without WeChat, or a staff role notice, sends nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ModuleNotice } from '@cunmen/module-api';
import { makeTempDir } from '@cunmen/test-utils';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../test/postgres.js';
import { WechatClient } from '../identity/wechat-client.js';
import { WechatTokens } from '../identity/wechat-tokens.js';
import { openStorage } from '../storage/index.js';
import type { Storage } from '../storage/types.js';
import { Notifier } from './delivery.js';
import { wechatSubscribeChannel } from './wechat-subscribe.js';

const XIANTAN = '330521107201';
const TEMPLATE = 'tmpl-notice-0123456789';

interface Sent {
  accessToken: string | null;
  body: Record<string, unknown>;
}

/** api.weixin.qq.com for `/cgi-bin/token` and `/cgi-bin/message/subscribe/send`. */
let server: Server;
let base: string;
const sent: Sent[] = [];
const answers: { errcode: number; errmsg: string }[] = [];
let tokens = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (url.pathname === '/cgi-bin/token') {
        tokens++;
        res.end(JSON.stringify({ access_token: `token-${tokens}`, expires_in: 7200 }));
        return;
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
        sent.push({ accessToken: url.searchParams.get('access_token'), body: JSON.parse(raw) });
        res.end(JSON.stringify(answers.shift() ?? { errcode: 0, errmsg: 'ok' }));
        return;
      }
      res.statusCode = 404;
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let storage: Storage;
let notifier: Notifier;
const logged: { obj: Record<string, unknown>; msg: string }[] = [];

beforeEach(async () => {
  sent.length = 0;
  answers.length = 0;
  logged.length = 0;
  dir = await makeTempDir('cunmen-wechat-notice-');
  storage = await openStorage(dir.path, { databaseUrl: await testDatabaseUrl() });
  const client = new WechatClient({
    appId: 'wx0123456789abcdef',
    appSecret: 'secret',
    apiBase: base,
    openBase: base,
  });
  const log = {
    error: (obj: Record<string, unknown>, msg: string) => logged.push({ obj, msg }),
  } as unknown as FastifyBaseLogger;
  notifier = new Notifier({
    store: storage.notifications,
    identity: storage.identity,
    channels: [
      wechatSubscribeChannel({
        templateId: TEMPLATE,
        apiBase: base,
        accessToken: () => new WechatTokens(storage.identity, client).accessToken(),
      }),
    ],
    now: () => new Date('2026-11-02T01:00:00.000Z'),
    log,
  });
});
afterEach(async () => {
  await storage.close();
  await dir.remove();
});

const resident = (name: string, wechatOpenid: string | null) =>
  storage.identity.createUser({ name, displayName: name, role: 'resident', division: XIANTAN, wechatOpenid });

const answered = (user: number): ModuleNotice => ({
  module: 'complaints',
  to: { user },
  title: '您反映的事有答复了',
  body: '您反映的“路灯不亮”已有答复，点此查看',
  link: `/v/${XIANTAN}/p/complaints`,
});

describe('WeChat subscribe messages', () => {
  it('sends a resident with a bound openid the notice, and keeps it in the inbox', async () => {
    const zhang = await resident('xt-zhang', 'o-zhang-openid');
    const stored = await notifier.send(answered(zhang.id));
    expect(sent).toEqual([
      {
        accessToken: 'token-1',
        body: {
          touser: 'o-zhang-openid',
          template_id: TEMPLATE,
          page: `/v/${XIANTAN}/p/complaints`,
          data: {
            thing1: { value: '您反映的事有答复了' },
            thing2: { value: '您反映的“路灯不亮”已有答复，点此查看' },
          },
        },
      },
    ]);
    expect(logged).toEqual([]);
    const inbox = await storage.notifications.list(
      { id: zhang.id, role: 'resident', division: XIANTAN },
      1,
      20,
    );
    expect(inbox.items.map((i) => i.id)).toEqual([stored.id]);
    // The access token is the shared cached one: a second notice fetches none.
    await notifier.send(answered(zhang.id));
    expect(sent.map((s) => s.accessToken)).toEqual(['token-1', 'token-1']);
  });

  it.each([
    [43101, 'user refuse to accept the msg'],
    [40037, 'invalid template_id'],
  ])('logs WeChat errcode %i and the inbox notice stands', async (errcode, errmsg) => {
    const zhang = await resident('xt-zhang', 'o-zhang-openid');
    answers.push({ errcode, errmsg });
    const stored = await notifier.send(answered(zhang.id));
    expect(sent).toHaveLength(1);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.obj).toMatchObject({ channel: 'wechat-subscribe', notice: stored.id });
    expect(String((logged[0]?.obj.err as Error | undefined)?.message)).toContain(String(errcode));
    expect(
      await storage.notifications.unreadCount({ id: zhang.id, role: 'resident', division: XIANTAN }),
    ).toBe(1);
  });

  it('sends nothing to a resident without WeChat or for a role notice, and cuts long text to 20 characters', async () => {
    const li = await resident('xt-li', null);
    await notifier.send(answered(li.id));
    await notifier.send({ ...answered(1), to: { role: 'village-cadre', division: XIANTAN } });
    expect(sent).toEqual([]);
    const wang = await resident('xt-wang', 'o-wang-openid');
    await notifier.send({
      ...answered(wang.id),
      body: '您反映的“村口的路灯已经坏了整整三天”已有答复，点此查看',
    });
    expect((sent[0]?.body.data as Record<string, { value: string }> | undefined)?.thing2?.value).toBe(
      '您反映的“村口的路灯已经坏了整整三天”…',
    );
  });
});

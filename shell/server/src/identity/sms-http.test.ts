/**
 * The HTTP SMS provider against a tiny gateway started here: the request it sends (URL, bearer key,
 * JSON body), what counts as accepted, and through the real shell a failing gateway → a clear zh-CN
 * refusal with nothing stored as sent.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShell, type TestShell, XIANTAN } from '../../test/shell.js';
import { HttpSmsProvider } from './sms-http.js';
import { SmsSendError } from './sms-provider.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

let server: Server;
let gatewayUrl: string;
const received: Received[] = [];
/** What the gateway answers next: status and raw body (or `hang` to never answer). */
let next: { status: number; body: string } | 'hang' = { status: 200, body: '{"ok":true,"messageId":"m-1"}' };

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(raw || 'null'),
      });
      if (next === 'hang') return;
      res.writeHead(next.status, { 'content-type': 'application/json' });
      res.end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const provider = (timeoutMs?: number) =>
  new HttpSmsProvider({ url: gatewayUrl, apiKey: 'province-key-123', timeoutMs });

describe('the HTTP SMS provider', () => {
  it('POSTs the documented JSON with the API key as a bearer token', async () => {
    next = { status: 200, body: '{"ok":true,"messageId":"m-1"}' };
    received.length = 0;
    await provider().send({ phone: '13812345678', code: '042917', ttlMinutes: 5 });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: 'POST',
      url: '/sms/send',
      headers: { authorization: 'Bearer province-key-123', 'content-type': 'application/json' },
      body: { phone: '13812345678', template: 'cunmen-sign-in-code', params: { code: '042917', minutes: 5 } },
    });
  });

  it.each([
    [
      'a 500',
      { status: 500, body: '{"ok":false,"error":"upstream down"}' },
      'HTTP 500, ok=false: upstream down',
    ],
    [
      'ok false with a 200',
      { status: 200, body: '{"ok":false,"error":"number blocked"}' },
      'HTTP 200, ok=false: number blocked',
    ],
    ['a body that is not JSON', { status: 200, body: 'OK' }, 'HTTP 200, not JSON'],
    ['no ok field', { status: 200, body: '{"messageId":"x"}' }, 'HTTP 200, ok=undefined'],
  ])('refuses %s', async (_name, answer, reason) => {
    next = answer;
    const err = await provider()
      .send({ phone: '13812345678', code: '111111', ttlMinutes: 5 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmsSendError);
    expect((err as SmsSendError).reason).toBe(reason);
  });

  it('gives up on a gateway that does not answer in time', async () => {
    next = 'hang';
    const err = await provider(200)
      .send({ phone: '13812345678', code: '111111', ttlMinutes: 5 })
      .catch((e: unknown) => e);
    expect((err as SmsSendError).reason).toMatch(/^no answer \(TimeoutError/);
  });
});

describe('a failing gateway behind the shell', () => {
  let shell: TestShell;
  beforeAll(async () => {
    shell = await startShell({ channels: { sms: provider(2000), wechat: null } });
  });
  afterAll(async () => shell?.close());

  it('answers a clear zh-CN error, stores no code, and audits the failure', async () => {
    next = { status: 503, body: '{"ok":false,"error":"quota exhausted"}' };
    const res = await shell.app.inject({
      method: 'POST',
      url: '/api/auth/phone/code',
      payload: { phone: '15912345678' },
    });
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({
      code: 'SHELL_ERR_SMS_SEND_FAILED',
      message: '短信发送失败，请稍后再试',
    });
    const db = shell.app.shell.storage.modules.database;
    expect(await db.selectFrom('identity_phone_codes').selectAll().execute()).toEqual([]);
    const audit = (await shell.app.shell.storage.audit.list()).map((e) => [e.action, e.subject, e.detail]);
    expect(audit).toEqual([
      [
        'auth.sms-failed',
        'phone:159****5678',
        { phone: '159****5678', provider: 'http', reason: 'HTTP 503, ok=false: quota exhausted' },
      ],
    ]);
    // So a code the resident may still have got cannot sign in.
    const sentBody = received.at(-1)?.body as { params: { code: string } } | undefined;
    expect(sentBody?.params.code).toMatch(/^\d{6}$/);
    const signIn = await shell.app.inject({
      method: 'POST',
      url: '/api/auth/phone/sign-in',
      payload: {
        phone: '15912345678',
        code: sentBody?.params.code,
        village: XIANTAN,
      },
    });
    expect(signIn.json().code).toBe('SHELL_ERR_SMS_CODE_EXPIRED');
    expect(signIn.cookies).toEqual([]);
  });
});

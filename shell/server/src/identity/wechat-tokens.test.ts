/**
 * The WeChat access token and jsapi_ticket cache, against the local stand-in (test/wechat-stand-in.ts),
 * with two instances sharing one database on each back end; and the JS-SDK signature against WeChat's
 * published example.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, type OpenedBackend, openBackend } from '../../test/backends.js';
import { startWechatStandIn, type WechatStandIn } from '../../test/wechat-stand-in.js';
import type { Storage } from '../storage/types.js';
import { jssdkSignature, newNonce } from './jssdk.js';
import { WechatApiError, WechatClient } from './wechat-client.js';
import { WechatTokens } from './wechat-tokens.js';

describe('the JS-SDK signature', () => {
  it("matches the example of WeChat's JS-SDK documentation", () => {
    const signed = {
      ticket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
      nonceStr: 'Wm3WZYTPz0wzccnW',
      timestamp: 1414587457,
      url: 'http://mp.weixin.qq.com?params=value',
    };
    expect(jssdkSignature(signed)).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
    // The fragment is not part of the signed URL; anything else is.
    expect(jssdkSignature({ ...signed, url: `${signed.url}#share` })).toBe(
      '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
    );
    expect(jssdkSignature({ ...signed, url: `${signed.url}&x=1` })).not.toBe(
      '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
    );
  });

  it('makes nonces of 16 letters and digits, different each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9]{16}$/);
  });
});

let wechat: WechatStandIn;
beforeAll(async () => {
  wechat = await startWechatStandIn();
});
afterAll(async () => wechat.close());

describe.each(BACKENDS)('WeChat tokens shared by two instances on %s', (backend) => {
  let opened: OpenedBackend;
  let a: Storage;
  let b: Storage;
  const client = () =>
    new WechatClient({
      appId: wechat.appId,
      appSecret: wechat.appSecret,
      apiBase: wechat.url,
      openBase: wechat.url,
    });
  const callsOf = (path: string) => wechat.calls[path] ?? 0;

  beforeEach(async () => {
    opened = await openBackend(backend);
    a = opened.storage;
    b = await opened.again();
    wechat.delayMs = 0;
  });

  afterEach(async () => {
    await b.close();
    await opened.close();
  });

  it('fetches the access token and the ticket once when both instances ask at once, then uses the cache', async () => {
    wechat.delayMs = 150;
    const [tokens, ticketsBefore] = [callsOf('/cgi-bin/token'), callsOf('/cgi-bin/ticket/getticket')];
    const one = new WechatTokens(a.identity, client(), { pollMs: 20 });
    const two = new WechatTokens(b.identity, client(), { pollMs: 20 });
    const tickets = await Promise.all([one, two, one, two, one, two].map((t) => t.jsapiTicket()));
    expect(new Set(tickets).size).toBe(1);
    expect(tickets[0]).toMatch(/^ticket-/);
    expect(callsOf('/cgi-bin/token') - tokens).toBe(1);
    expect(callsOf('/cgi-bin/ticket/getticket') - ticketsBefore).toBe(1);
    // A third instance starting later finds both in the database.
    const three = new WechatTokens(b.identity, client());
    expect(await three.jsapiTicket()).toBe(tickets[0]);
    expect(await three.accessToken()).toBe(await one.accessToken());
    expect(callsOf('/cgi-bin/token') - tokens).toBe(1);
  });

  it("passes WeChat's error on, releases the claim, and fetches again on the next call", async () => {
    wechat.failNext('/cgi-bin/token', 40164, 'invalid ip 10.0.0.9 ipv6 ::ffff:10.0.0.9, not in whitelist');
    const tokens = new WechatTokens(a.identity, client());
    const err = await tokens.jsapiTicket().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WechatApiError);
    expect(err).toMatchObject({ errcode: 40164 });
    expect(await a.identity.readWechatToken(`access_token:${wechat.appId}`)).toBeNull();
    expect(await new WechatTokens(b.identity, client()).jsapiTicket()).toMatch(/^ticket-/);
  });

  it('takes a fresh access token when WeChat says the cached one was retired', async () => {
    const one = new WechatTokens(a.identity, client());
    const first = await one.accessToken();
    // Someone else fetched a token with the same app id: ours is no longer the latest.
    await client().accessToken();
    const ticket = await new WechatTokens(b.identity, client()).jsapiTicket();
    expect(ticket).toMatch(/^ticket-/);
    expect(await one.accessToken()).not.toBe(first);
  });
});

/**
 * The WeChat access token (`/cgi-bin/token`) and jsapi_ticket (`/cgi-bin/ticket/getticket`), cached in
 * the database until shortly before they expire, so every instance uses the same pair. WeChat allows
 * few fetches a day and a new token retires the old one, so two instances must never fetch at once: the
 * one that claims the refresh (one upsert, a lease that runs out if its holder dies) fetches, and the
 * others wait for the value it stores. Within one instance, concurrent callers share one promise.
 */
import { randomUUID } from 'node:crypto';
import type { IdentityStore } from './store.js';
import { type ExpiringValue, WechatApiError, type WechatClient } from './wechat-client.js';

/** Stop using a value this long before WeChat says it expires (it may be refreshed by then). */
const EARLY_SECONDS = 300;
/** errcodes that mean the access token is no longer valid (another fetch retired it). */
const TOKEN_GONE = new Set([40001, 40014, 42001]);

export interface WechatTokenTiming {
  /** How long a claim to refresh lasts if its holder never finishes. */
  claimMs?: number;
  /** How long a caller waits for another instance's refresh. */
  waitMs?: number;
  pollMs?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class WechatTokens {
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly holder = randomUUID();

  constructor(
    private readonly store: IdentityStore,
    private readonly client: WechatClient,
    private readonly timing: WechatTokenTiming = {},
  ) {}

  accessToken(): Promise<string> {
    return this.cached(`access_token:${this.client.appId}`, () => this.client.accessToken());
  }

  async jsapiTicket(): Promise<string> {
    const fetchTicket = async () => {
      const token = await this.accessToken();
      try {
        return await this.client.jsapiTicket(token);
      } catch (err) {
        if (!(err instanceof WechatApiError) || !TOKEN_GONE.has(err.errcode)) throw err;
        // The token was retired elsewhere: forget it and try once with a fresh one.
        await this.forget(`access_token:${this.client.appId}`, token);
        return this.client.jsapiTicket(await this.accessToken());
      }
    };
    return this.cached(`jsapi_ticket:${this.client.appId}`, fetchTicket);
  }

  private cached(name: string, fetchValue: () => Promise<ExpiringValue>): Promise<string> {
    const running = this.inFlight.get(name);
    if (running) return running;
    const promise = this.resolve(name, fetchValue).finally(() => this.inFlight.delete(name));
    this.inFlight.set(name, promise);
    return promise;
  }

  private async resolve(name: string, fetchValue: () => Promise<ExpiringValue>): Promise<string> {
    const claimMs = this.timing.claimMs ?? 20_000;
    const deadline = Date.now() + (this.timing.waitMs ?? 20_000);
    for (;;) {
      const now = Date.now();
      const cached = await this.store.readWechatToken(name);
      if (cached && Date.parse(cached.expiresAt) > now) return cached.value;
      if (await this.store.claimWechatRefresh(name, this.holder, iso(now), iso(now + claimMs))) {
        try {
          const fresh = await fetchValue();
          const usable = Math.max(fresh.expiresInSeconds - EARLY_SECONDS, fresh.expiresInSeconds / 2);
          await this.store.saveWechatToken(name, this.holder, {
            value: fresh.value,
            expiresAt: iso(Date.now() + usable * 1000),
          });
          return fresh.value;
        } catch (err) {
          await this.store.releaseWechatRefresh(name, this.holder);
          throw err;
        }
      }
      if (Date.now() > deadline) {
        throw new WechatApiError(
          -3,
          `timed out waiting for another instance to fetch the ${name.split(':')[0]}`,
        );
      }
      await sleep(this.timing.pollMs ?? 100);
    }
  }

  /** Drops `retired` from the cache, unless another instance already replaced it. */
  private async forget(name: string, retired: string): Promise<void> {
    const now = Date.now();
    if (await this.store.claimWechatRefresh(name, this.holder, iso(now), iso(now + 1000), retired)) {
      await this.store.saveWechatToken(name, this.holder, { value: '', expiresAt: '' });
    }
  }
}

/**
 * Residents' sign-in channels beside the password: SMS codes and WeChat. What the identity plugin needs
 * for them, and how the server reads their settings from the environment:
 *
 * - `CUNMEN_SMS_GATEWAY_URL` + `CUNMEN_SMS_API_KEY`: the province's SMS gateway (./sms-http.ts); without
 *   them codes go to the server log (./sms-development.ts);
 * - `CUNMEN_WECHAT_APP_ID` + `CUNMEN_WECHAT_APP_SECRET` (+ `CUNMEN_WECHAT_API_BASE`,
 *   `CUNMEN_WECHAT_OPEN_BASE`): the official account for web authorisation and the JS-SDK; without them
 *   WeChat sign-in is off.
 */
import type { DivisionStore } from '../storage/types.js';
import { DevelopmentSmsProvider } from './sms-development.js';
import { HttpSmsProvider } from './sms-http.js';
import type { SmsProvider } from './sms-provider.js';
import { WECHAT_API_BASE, WECHAT_OPEN_BASE, type WechatOptions } from './wechat-client.js';

/** Counts hits of a key in a fixed window, across instances (storage/sql/rate-limits.ts). */
export interface RateCounter {
  hit(key: string, windowMs: number): Promise<{ current: number; ttl: number }>;
}

/** Whether a village code is a village of this platform (a new resident is scoped to it). */
export type VillageCheck = (code: string) => Promise<boolean>;

export function villageCheck(divisions: Pick<DivisionStore, 'getVillage'>): VillageCheck {
  return async (code) => (await divisions.getVillage(code)) !== null;
}

/** What `buildApp` hands the resident origin's identity plugin for the channels. */
export interface ResidentChannels {
  sms: SmsProvider;
  /** Where the per-phone limits are counted. */
  counters: RateCounter;
  villageExists: VillageCheck;
  /** Off (every WeChat route refuses) when null. */
  wechat: WechatOptions | null;
  /** The portal's public URL: the WeChat callback and JS-SDK pages are on its origin. */
  publicUrl?: string;
}

/** The channels' settings as `ShellOptions.channels` takes them (tests pass them directly). */
export interface ChannelSettings {
  sms: SmsProvider;
  wechat: WechatOptions | null;
}

const nonEmpty = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an http(s) URL (got "${value}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`${name} must be an http(s) URL`);
  return value;
}

/** The settings from the environment; a half-configured channel is an error, not silently off. */
export function channelSettingsFromEnv(
  env: NodeJS.ProcessEnv,
  log: { warn(message: string): void },
): ChannelSettings {
  const gateway = nonEmpty(env.CUNMEN_SMS_GATEWAY_URL);
  const apiKey = nonEmpty(env.CUNMEN_SMS_API_KEY);
  if (gateway && !apiKey) throw new Error('CUNMEN_SMS_GATEWAY_URL is set but CUNMEN_SMS_API_KEY is not');
  if (apiKey && !gateway) throw new Error('CUNMEN_SMS_API_KEY is set but CUNMEN_SMS_GATEWAY_URL is not');
  const sms: SmsProvider =
    gateway && apiKey
      ? new HttpSmsProvider({ url: httpUrl('CUNMEN_SMS_GATEWAY_URL', gateway), apiKey })
      : new DevelopmentSmsProvider(log);
  const appId = nonEmpty(env.CUNMEN_WECHAT_APP_ID);
  const appSecret = nonEmpty(env.CUNMEN_WECHAT_APP_SECRET);
  if (Boolean(appId) !== Boolean(appSecret)) {
    throw new Error('CUNMEN_WECHAT_APP_ID and CUNMEN_WECHAT_APP_SECRET are set together or not at all');
  }
  const wechat =
    appId && appSecret
      ? {
          appId,
          appSecret,
          apiBase: httpUrl('CUNMEN_WECHAT_API_BASE', nonEmpty(env.CUNMEN_WECHAT_API_BASE) ?? WECHAT_API_BASE),
          openBase: httpUrl(
            'CUNMEN_WECHAT_OPEN_BASE',
            nonEmpty(env.CUNMEN_WECHAT_OPEN_BASE) ?? WECHAT_OPEN_BASE,
          ),
        }
      : null;
  return { sms, wechat };
}

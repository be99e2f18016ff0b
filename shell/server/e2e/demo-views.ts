/**
 * What people see of the demo content, read over HTTP the way the portal does it: a sign-in (session
 * cookie), a widget credential per widget, then GETs of the module routes and the host API's store —
 * or, for a visitor, the public routes and an anonymous credential. Reads only.
 */
import { expect } from 'vitest';
import { widgetCredentialOverHttp } from '../test/page-credentials.js';
import type { ShellAccount } from './demo-platform.js';

export interface Reader {
  /** The shell's own API on the session cookie. */
  shell<T>(path: string): Promise<T>;
  /** A standard module's route, as `@cunmen/<module>` calls it. */
  module<T>(village: string, module: string, path: string): Promise<T>;
  /** Every document of a widget's collection. */
  store<T>(village: string, widget: string, collection: string): Promise<{ id: string; data: T }[]>;
}

async function json<T>(response: Response, what: string): Promise<T> {
  const body = await response.text();
  if (!response.ok) throw new Error(`${what}: ${response.status} ${body}`);
  return JSON.parse(body) as T;
}

/** A reader signed in as `account`, or an anonymous visitor without one. */
export async function readerFor(shellUrl: string, account?: ShellAccount): Promise<Reader> {
  let cookie = '';
  if (account) {
    const login = await fetch(`${shellUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: account.name, password: account.password }),
    });
    expect(login.status, `sign-in of ${account.name}`).toBe(200);
    cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }
  const headers = (): Record<string, string> => (cookie ? { cookie } : {});
  const credentials = new Map<string, Promise<string>>();
  const credential = (village: string, widget: string) => {
    const key = `${village} ${widget}`;
    if (!credentials.has(key)) {
      const minted = (async () => {
        const snapshot = await json<{ widgets: { name: string; version: string }[] }>(
          await fetch(`${shellUrl}/api/portals/${village}/snapshot`),
          'snapshot',
        );
        const version = snapshot.widgets.find((w) => w.name === widget)?.version;
        return widgetCredentialOverHttp(shellUrl, village, widget, version, cookie || undefined);
      })();
      credentials.set(key, minted);
    }
    return credentials.get(key) as Promise<string>;
  };
  const bearer = async <T>(village: string, widget: string, url: string) =>
    json<T>(
      await fetch(url, { headers: { authorization: `Bearer ${await credential(village, widget)}` } }),
      url,
    );
  return {
    shell: async (path) => json(await fetch(`${shellUrl}${path}`, { headers: headers() }), path),
    module: (village, module, path) =>
      bearer(village, `@cunmen/${module}`, `${shellUrl}/api/modules/${module}${path}`),
    store: async (village, widget, collection) =>
      (
        await bearer<{ items: { id: string; data: never }[] }>(
          village,
          widget,
          `${shellUrl}/api/host/v1/store/${collection}?limit=100`,
        )
      ).items,
  };
}

/** How many of `items` have each value of `key`. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

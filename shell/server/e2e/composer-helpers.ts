/**
 * What the composer's browser test needs beside the platform (platform.ts): a staff session over
 * plain HTTP on the console origin (to set the scene and to play "someone else"), the village's
 * snapshot and config as residents and the admin API see them, and a counter of the cadre's
 * interactions (clicks, key presses, fills), the measure of "no code, few steps".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTarball, type openPage, publishDocument, publishPath } from '@cunmen/test-utils';
import { expect } from 'vitest';
import { totpCode } from '../src/identity/totp.js';
import { fixtureManifest } from '../test/registry.js';
import { PASSWORD, type Platform, repo } from './platform.js';

type Page = Awaited<ReturnType<typeof openPage>>['page'];
type Locator = ReturnType<Page['locator']>;

export interface StaffApi {
  call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** Signs `name` in on the console origin and calls its API with the session's cookie and CSRF token. */
export async function staffApi(consoleUrl: string, name: string): Promise<StaffApi> {
  const login = await fetch(`${consoleUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in of ${name} failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken, mfa } = (await login.json()) as { csrfToken: string; mfa?: string };
  const api: StaffApi = {
    async call(method, path, body) {
      const res = await fetch(`${consoleUrl}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
    },
  };
  // Province and county staff enrol their second factor first, as the console asks them to.
  if (mfa === 'enrolment-required') {
    const { body } = await api.call('POST', '/api/auth/totp/setup', {});
    const enabled = await api.call('POST', '/api/auth/totp/enable', { code: totpCode(String(body.secret)) });
    if (enabled.status !== 200) throw new Error(`TOTP enrolment of ${name} failed: ${enabled.status}`);
  }
  return api;
}

/** The resident snapshot without its generation time (what a rollback must restore exactly). */
export async function residentSnapshot(shellUrl: string, village: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${shellUrl}/api/portals/${village}/snapshot`);
  const { generatedAt: _at, ...rest } = (await res.json()) as Record<string, unknown>;
  return rest;
}

/** Counts what the cadre does: every click, key press and fill goes through here. */
export class Interactions {
  count = 0;
  readonly log: string[] = [];

  async click(locator: Locator, what: string): Promise<void> {
    await locator.click();
    this.note(`click ${what}`);
  }

  async fill(locator: Locator, value: string, what: string): Promise<void> {
    await locator.fill(value);
    this.note(`fill ${what}`);
  }

  async press(locator: Locator, key: string, what: string): Promise<void> {
    await locator.press(key);
    this.note(`press ${key} in ${what}`);
  }

  /** A page the cadre opens by typing or tapping a link outside the app (one interaction). */
  note(what: string): void {
    this.count++;
    this.log.push(`${this.count}. ${what}`);
  }
}

/** The built manifest of a widget of this repo (`<dir>/dist/cunmen.json`). */
export function builtManifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(repo, dir, 'dist/cunmen.json'), 'utf8'));
}

/** What a new version keeps of the built one: everything a portal's placements and config rely on. */
const KEPT = ['name', 'kind', 'county', 'title', 'category', 'sdk', 'exposes', 'contributes', 'capabilities'];
const KEPT_TOO = ['configSchema', 'configDefaults', 'remote', 'shared'];

/**
 * Publishes another version of a built widget over the npm protocol (pending review): its manifest as
 * built, with `overrides` (e.g. other shared ranges), and small fixture assets.
 */
export async function publishLike(
  p: Platform,
  built: Record<string, unknown>,
  version: string,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<void> {
  const name = String(built.name);
  const kept = Object.fromEntries([...KEPT, ...KEPT_TOO].map((k) => [k, built[k]]));
  const { manifest, bodies } = fixtureManifest(name, version, { ...kept, ...overrides, version });
  const files: Record<string, string> = {
    'package/package.json': JSON.stringify({ name, version }),
    'package/dist/cunmen.json': JSON.stringify(manifest),
  };
  for (const [path, body] of Object.entries(bodies)) files[`package/dist/${path}`] = body;
  const doc = publishDocument(name, version, makeTarball(files), {
    dist: { tarball: `${p.registryUrl}/x.tgz` },
  });
  const res = await fetch(`${p.registryUrl}${publishPath(name)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  });
  expect(res.status, await res.text()).toBe(201);
}

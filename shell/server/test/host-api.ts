/**
 * The host-API tests' shared world: a real registry with two widgets (find-machinery asks for store.read
 * and store.write but is granted only store.read; waste-pickup is granted what it asks), a shell on real
 * SQLite whose Xiantan portal places both, four accounts, and helpers to sign in, mint credentials and
 * call the API. `hostApiWorld()` builds it once per test file.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { hashPassword } from '../src/identity/passwords.js';
import type { IdentityRole } from '../src/identity/roles.js';
import { NAVIGATION, pageCredentialsOverHttp, TOKENS_PATH } from './page-credentials.js';
import { startRegistry, type TestRegistry } from './registry.js';
import { admin, startShell, type TestShell, WUSI, XIANTAN } from './shell.js';

export const MACHINERY = '@deqing/find-machinery';
export const WASTE = '@yiyuan/waste-pickup';
export const TOKEN_URL = '/api/host/v1/widget-token';
export const TOKENS_URL = TOKENS_PATH;
export { NAVIGATION };
export const PASSWORD = 'correct horse battery';
export const JSON_TYPE = { 'content-type': 'application/json' };
/** The smallest PNG: signature + IHDR + IEND. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

export interface Session {
  cookie: string;
  csrf: string;
}

/** Publishes find-machinery (granted only store.read) and waste-pickup 1.0.0 (granted what it asks) and 1.1.0. */
export async function publishWidgets(registry: TestRegistry): Promise<void> {
  await registry.publish(MACHINERY, '1.0.0', { capabilities: ['store.read', 'store.write'] });
  const approved = await registry.app.inject({
    method: 'POST',
    url: `/-/cunmen/v1/review/${MACHINERY}/1.0.0/approve`,
    headers: { authorization: `Bearer ${registry.tokens.province}` },
    payload: { capabilities: ['store.read'] },
  });
  expect(approved.statusCode).toBe(200);
  await registry.release(WASTE, '1.0.0', {
    title: { 'zh-CN': '垃圾分类预约' },
    exposes: { './Tile': './src/tile.tsx' },
    contributes: [{ slot: 'village.home.tile/v1', expose: './Tile', title: { 'zh-CN': '垃圾预约' } }],
    configSchema: null,
    configDefaults: null,
    capabilities: ['form.submit', 'store.read', 'store.write', 'media.upload', 'user.read', 'points.request'],
    // bookings stays undeclared (`owner`); the visibility tests use the others.
    collections: { notices: { visibility: 'village' }, board: { visibility: 'public' } },
  });
  await registry.release(WASTE, '1.1.0', {
    exposes: { './Tile': './src/tile.tsx' },
    contributes: [{ slot: 'village.home.tile/v1', expose: './Tile' }],
    configSchema: null,
    configDefaults: null,
    capabilities: ['store.read'],
  });
}

/** Saves Xiantan's portal with both widgets (or the ones named). */
export async function placeWidgets(shell: TestShell, widgets = [MACHINERY, WASTE]): Promise<void> {
  const saved = await shell.app.inject({
    method: 'PUT',
    url: `/api/portals/${XIANTAN}`,
    headers: admin,
    payload: {
      title: { 'zh-CN': '仙潭村门户' },
      widgets: widgets.map((name) => ({
        name,
        version: '1.0.0',
        placements: [{ slot: 'village.home.tile/v1' }],
      })),
    },
  });
  expect(saved.statusCode, saved.body).toBe(200);
}

export async function addUser(
  shell: TestShell,
  [name, displayName, role, household]: [string, string, IdentityRole, string | null],
): Promise<void> {
  await shell.app.shell.storage.identity.createUser({
    name,
    displayName,
    role,
    division: XIANTAN,
    household,
    passwordHash: await hashPassword(PASSWORD),
  });
}

export interface HostApiWorld {
  registry: TestRegistry;
  shell: TestShell;
  login(name: string): Promise<Session>;
  mint(body: unknown, headers?: Record<string, string>, session?: Session): Promise<LightMyRequestResponse>;
  /** Loads Xiantan's portal page as a browser navigation: the ticket cookie it sets (`name=value`). */
  pageTicket(session?: Session, village?: string): Promise<string>;
  /** Exchanges a page load's ticket for the credentials of the placed widgets. */
  exchange(
    ticket: string,
    session?: Session,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  tokenFor(widget: string, session?: Session): Promise<string>;
  call(
    token: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
}

/** Builds the world before the file's tests and closes it after them. */
export function hostApiWorld(): HostApiWorld {
  const sessions = new Map<string, Session>();
  const tokens = new Map<string, string>();
  const world = {} as HostApiWorld;

  beforeAll(async () => {
    world.registry = await startRegistry();
    await publishWidgets(world.registry);
    world.shell = await startShell({
      registryUrl: world.registry.url,
      registryToken: world.registry.tokens.province,
    });
    await placeWidgets(world.shell);
    for (const user of [
      ['13812345678', '张建华', 'resident', 'H-0012'],
      ['lisi', '李四', 'resident', 'H-0013'],
      ['nohome', '王五', 'resident', null],
      ['cadre', '赵村长', 'village-cadre', null],
    ] as const) {
      await addUser(world.shell, [...user]);
    }
    // A resident of another village (Wusi), for the division checks.
    await world.shell.app.shell.storage.identity.createUser({
      name: 'wusi-resident',
      displayName: '钱六',
      role: 'resident',
      division: WUSI,
      household: null,
      passwordHash: await hashPassword(PASSWORD),
    });
  }, 60_000);

  afterAll(async () => {
    await world.shell?.close();
    await world.registry?.close();
  });

  /** Signs in once per user (sign-in is rate-limited per address). */
  world.login = async (name) => {
    const known = sessions.get(name);
    if (known) return known;
    const res = await world.shell.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { name, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'cunmen_session');
    const session = { cookie: `cunmen_session=${cookie?.value}`, csrf: res.json().csrfToken };
    sessions.set(name, session);
    return session;
  };

  world.mint = (body, headers = {}, session) =>
    world.shell.app.inject({
      method: 'POST',
      url: TOKEN_URL,
      headers: {
        ...JSON_TYPE,
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
        ...headers,
      },
      payload: JSON.stringify(body),
    });

  world.pageTicket = async (session, village = XIANTAN) => {
    const page = await world.shell.app.inject({
      url: `/v/${village}/`,
      headers: { ...NAVIGATION, ...(session ? { cookie: session.cookie } : {}) },
    });
    expect(page.statusCode, page.body).toBe(200);
    const ticket = page.cookies.find((c) => c.name.startsWith('cunmen_ticket_'));
    expect(ticket, 'the page sets a ticket cookie').toBeDefined();
    return `${ticket?.name}=${ticket?.value}`;
  };

  world.exchange = (ticket, session, headers = {}) =>
    world.shell.app.inject({
      method: 'POST',
      url: TOKENS_URL,
      headers: {
        ...JSON_TYPE,
        cookie: [session?.cookie, ticket].filter(Boolean).join('; '),
        ...(session ? { 'x-csrf-token': session.csrf } : {}),
        ...headers,
      },
      payload: JSON.stringify({ village: XIANTAN }),
    });

  /** One credential per widget and session, as the boot code gets them: one page load, one exchange. */
  world.tokenFor = async (widget, session) => {
    const cacheKey = `${widget} ${session?.cookie ?? ''}`;
    const known = tokens.get(cacheKey);
    if (known) return known;
    const res = await world.exchange(await world.pageTicket(session), session);
    expect(res.statusCode, res.body).toBe(200);
    const credentials = res.json().credentials as Record<string, { token: string }>;
    for (const [name, credential] of Object.entries(credentials)) {
      tokens.set(`${name} ${session?.cookie ?? ''}`, credential.token);
    }
    return credentials[widget]?.token as string;
  };

  world.call = (token, method, path, body) =>
    world.shell.app.inject({
      method,
      url: `/api/host/v1${path}`,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : JSON_TYPE) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });

  return world;
}

/** Signs `name` in over a real port, as a browser would: the session cookie and its CSRF token. */
export async function signInOverHttp(address: string, name: string): Promise<Session> {
  const res = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: JSON_TYPE,
    body: JSON.stringify({ name, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** What the boot code does over a real port, as `session` (or nobody). Widget name → credential. */
export function credentialsOverHttp(
  address: string,
  session?: Session,
  village = XIANTAN,
): Promise<Record<string, string>> {
  return pageCredentialsOverHttp(address, village, session?.cookie);
}

/** The one error body: `code`, English `error`, zh-CN `message`, the request id. */
export function expectError(res: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({
    code,
    error: expect.any(String),
    message: expect.stringMatching(/[\u4e00-\u9fff]/),
    requestId: expect.any(String),
  });
  return body;
}

export const POINTS = '@cunmen/points';

/** 积分制 released and placed in Xiantan's portal (version 1 from the world) beside the two widgets. */
export async function placePoints(world: HostApiWorld): Promise<void> {
  await world.registry.release(POINTS, '1.0.0', {
    title: { 'zh-CN': '积分超市' },
    capabilities: ['module.api', 'user.read'],
  });
  const saved = await world.shell.app.inject({
    method: 'PUT',
    url: `/api/portals/${XIANTAN}`,
    headers: admin,
    payload: {
      baseVersion: 1,
      title: { 'zh-CN': '仙潭村门户' },
      widgets: [MACHINERY, WASTE, POINTS].map((name) => ({
        name,
        version: '1.0.0',
        placements: [{ slot: 'village.home.tile/v1' }],
      })),
    },
  });
  expect(saved.statusCode, saved.body).toBe(200);
}

/**
 * 积分制 placed in Xiantan's portal (version 1 from the world) and a rule book adopted with the item the
 * widgets of these suites ask points for (垃圾分类): a points request is a claim in its queue, and the
 * module refuses one before any rule book (routes/points-requests.test.ts tests that).
 */
export async function adoptPointsRuleBook(world: HostApiWorld): Promise<void> {
  await placePoints(world);
  const cadre = await world.tokenFor(POINTS, await world.login('cadre'));
  const adopted = await world.shell.app.inject({
    method: 'POST',
    url: '/api/modules/points/rulebooks',
    headers: { authorization: `Bearer ${cadre}`, ...JSON_TYPE },
    payload: JSON.stringify({
      adoptedOn: '2026-03-01',
      assembly: { date: '2026-02-26', attendance: 40, votesFor: 35, votesAgainst: 2, abstaining: 3 },
      items: [{ code: 'R01', title: '垃圾分类', points: 5, evidence: '照片', proposer: '第三村民小组' }],
    }),
  });
  expect(adopted.statusCode, adopted.body).toBe(201);
}

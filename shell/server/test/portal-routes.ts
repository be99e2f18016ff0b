/**
 * What the portal-route tests share: a real registry holding the releases a test file asks for (started
 * once per file), a shell started per test against it, and the admin `PUT` of a village config.
 */
import { afterAll, beforeAll } from 'vitest';
import { startRegistry, type TestRegistry } from './registry.js';
import { admin, startShell, type TestShell, XIANTAN } from './shell.js';

export const MACHINERY = '@deqing/find-machinery';
export const WASTE = '@yiyuan/waste-pickup';
export const AFFAIRS = '@cunmen/affairs-disclosure';

/** One release of the registry's fixture: approved unless `pending`, yanked when `yank` gives a reason. */
export interface FixtureRelease {
  name: string;
  version: string;
  overrides?: Record<string, unknown>;
  pending?: boolean;
  yank?: string;
}

export const WASTE_1_0_0: FixtureRelease = {
  name: WASTE,
  version: '1.0.0',
  overrides: {
    title: { 'zh-CN': '垃圾分类预约' },
    exposes: { './Tile': './src/tile.tsx' },
    contributes: [{ slot: 'village.home.tile/v1', expose: './Tile', title: { 'zh-CN': '垃圾预约' } }],
    configSchema: null,
    configDefaults: null,
    capabilities: ['form.submit'],
  },
};

export interface PortalRegistry {
  readonly registry: TestRegistry;
  /** The province public key (PEM) the registry signs with. */
  readonly pem: string;
  /** Runs `fn` against a fresh shell that assembles from this registry, then closes the shell. */
  withShell(fn: (s: TestShell) => Promise<void>, options?: Record<string, unknown>): Promise<void>;
}

/** Starts the registry with `releases` before the file's tests and closes it after them. */
export function registryForFile(releases: readonly FixtureRelease[]): PortalRegistry {
  let registry: TestRegistry | undefined;
  let pem = '';
  beforeAll(async () => {
    registry = await startRegistry();
    for (const r of releases) {
      if (r.pending) await registry.publish(r.name, r.version, r.overrides);
      else await registry.release(r.name, r.version, r.overrides);
      if (r.yank !== undefined) await registry.yank(r.name, r.version, r.yank);
    }
    pem = (await (await fetch(`${registry.url}/-/cunmen/v1/keys`)).json()).keys[0].pem;
  });
  afterAll(async () => {
    await registry?.close();
  });
  const started = (): TestRegistry => {
    if (!registry) throw new Error('the registry starts in beforeAll');
    return registry;
  };
  return {
    get registry() {
      return started();
    },
    get pem() {
      return pem;
    },
    async withShell(fn, options = {}) {
      const shell = await startShell({
        registryUrl: started().url,
        registryToken: started().tokens.province,
        provinceKeyPem: pem,
        ...options,
      });
      try {
        await fn(shell);
      } finally {
        await shell.close();
      }
    },
  };
}

/**
 * The admin `PUT` of a village config, based on the village's current version (as a client that just
 * read the portal sends it) unless the body names its own `baseVersion`.
 */
export const put = async (s: TestShell, body: unknown, village = XIANTAN) => {
  const payload =
    typeof body === 'object' && body !== null && !Array.isArray(body) && !('baseVersion' in body)
      ? { ...body, baseVersion: (await s.app.shell.storage.portals.currentVersion(village)) ?? 0 }
      : body;
  return s.app.inject({
    method: 'PUT',
    url: `/api/portals/${village}`,
    headers: admin,
    payload: payload as object,
  });
};

export const rollback = (s: TestShell, version: unknown, village = XIANTAN) =>
  s.app.inject({
    method: 'POST',
    url: `/api/portals/${village}/rollback`,
    headers: admin,
    payload: { version },
  });

/** A one-widget operation on 仙潭村: `path` is below `/api/portals/<village>` (e.g. `/widgets`). */
export const widgetOp = (
  s: TestShell,
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: Record<string, unknown>,
  village = XIANTAN,
) =>
  s.app.inject({
    method,
    url: `/api/portals/${village}${path}`,
    headers: admin,
    ...(body === undefined ? {} : { payload: body }),
  });

interface ConfigLike {
  widgets: { name: string; placements: { slot: string; order: number }[] }[];
}

export const placementsOf = (config: ConfigLike, name: string) =>
  config.widgets.find((w) => w.name === name)?.placements;

/** The widgets with an entry in `slot`, in the order the portal shows them (by order, then by name). */
export function slotOrder(config: ConfigLike, slot: string): string[] {
  const entries = config.widgets.flatMap((w) =>
    w.placements.flatMap((p, i) =>
      p.slot === slot ? [{ key: `${w.name}#${i}`, name: w.name, order: p.order }] : [],
    ),
  );
  entries.sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return entries.map((e) => e.name);
}

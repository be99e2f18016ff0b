/**
 * The staff console's origin: a second Fastify instance over the same services as the resident one
 * (storage, portals, widget credentials), listening on its own port (`serve --console-port`). It
 * serves the console app (`shell/console`), staff sign-in with a cookie of its own — host-only,
 * `SameSite=Strict`, `__Host-` over https — and the staff API: the admin API, households, the host API
 * and the standard modules' routes the cadre pages call, and the console's own routes (routes.ts). The
 * resident pages are not served here, and the resident origin serves none of this app.
 */
import { fileURLToPath } from 'node:url';
import type { ShellModule } from '@cunmen/module-api';
import Fastify, { type FastifyInstance } from 'fastify';
import { bannerServeRoutes, bannerUploadRoutes } from '../banner/routes.js';
import { BANNER_BLOBS, BannerStore } from '../banner/store.js';
import { handleShellErrors } from '../errors.js';
import type { WidgetCredentials } from '../host-api/credentials.js';
import { hostApi } from '../host-api/plugin.js';
import { joinRoutes } from '../households/join-routes.js';
import { householdRoutes } from '../households/routes.js';
import { portalRoutes } from '../http/portal-routes.js';
import { securityHeaders } from '../http/security.js';
import { WebDist } from '../http/web-dist.js';
import { villageCheck } from '../identity/channels.js';
import { identity } from '../identity/plugin.js';
import { mandatoryRoutes } from '../mandatory/routes.js';
import { type ModuleServices, mountModules } from '../modules/mount.js';
import { pointsQueue } from '../modules/points-queue.js';
import { inboxRoutes } from '../notifications/routes.js';
import type { RegistryClient } from '../portals/registry-client.js';
import type { PortalService } from '../portals/service.js';
import type { Storage } from '../storage/types.js';
import { buildCadreFrameApp, type CadreFrameApp, type CadreFrameOptions } from './cadre-frame.js';
import { CatalogClient } from './catalog-client.js';
import { Composer } from './composer.js';
import { composerRoutes } from './composer-routes.js';
import { posterRoutes } from './poster-routes.js';
import { consoleRoutes } from './routes.js';
import { ServiceInfoCache } from './service-info.js';
import { consoleWeb } from './web.js';

/** `shell/console/dist`, next to this package (the same relative path from `src/console/` and `dist/console/`). */
export const DEFAULT_CONSOLE_DIST = fileURLToPath(new URL('../../../console/dist', import.meta.url));

export interface ConsoleOptions {
  /** The URL staff reach the console at, e.g. `https://console.example.gov.cn` (its own origin). */
  url: string;
  /** The console app's build (default `shell/console/dist`). */
  dist?: string;
  /** The cadre frame's origin, where county widgets' cadre pages run sandboxed (cadre-frame.ts). */
  frame?: CadreFrameOptions;
  /**
   * County widgets the province trusts to run in the console's realm like the standard modules (package
   * names). Default none: every county widget's cadre page runs in the sandboxed frame.
   */
  trustedWidgets?: readonly string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** On the console's app: the cadre frame's origin, which listens when the console does. */
    cadreFrame?: CadreFrameApp;
  }
}

export interface ConsoleDeps {
  storage: Storage;
  portals: PortalService;
  credentials: WidgetCredentials;
  registry: RegistryClient | null;
  registryOrigins: string[];
  /** The pinned province key (raw, base64) the console's pages hand the browser's trust gate. */
  provinceKey?: string | null;
  modules: readonly ShellModule[];
  /** The resident app's notifier and scheduler: one of each per shell process. */
  services: ModuleServices;
  adminToken?: string;
  /** The resident origin's public URL, for links from the console to portals. */
  residentUrl?: string;
  registryTimeoutMs?: number;
  fetch?: typeof fetch;
  trustProxy?: string[];
  logger?: boolean;
  now?: () => Date;
}

export async function buildConsoleApp(options: ConsoleOptions, deps: ConsoleDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? false, trustProxy: deps.trustProxy ?? false });
  const { storage, portals, credentials, registry } = deps;
  const url = options.url.replace(/\/+$/, '');
  handleShellErrors(app);
  const web = new WebDist(options.dist ?? DEFAULT_CONSOLE_DIST);
  const frame = await buildCadreFrameApp(options.frame ?? {}, {
    web,
    consoleOrigin: new URL(url).origin,
    registryOrigins: deps.registryOrigins,
    provinceKey: deps.provinceKey ?? null,
    trustProxy: deps.trustProxy,
    logger: deps.logger,
  });
  app.decorate('cadreFrame', frame);
  // The frame's origin listens on the console's address, on a port of its own. Fastify does not wait
  // for onListen hooks, so requests wait for it instead: the console never names a frame not yet there.
  let frameListening: Promise<unknown> | null = null;
  app.addHook('onListen', async () => {
    const address = app.server.address();
    frameListening = frame
      .listen(typeof address === 'object' && address ? address.address : '127.0.0.1')
      .catch((err: unknown) => app.log.error({ err }, 'the cadre frame origin could not listen'));
  });
  app.addHook('onRequest', async () => {
    await frameListening;
  });
  app.addHook('onClose', async () => frame.app.close());
  await app.register(securityHeaders, { registryOrigins: deps.registryOrigins, publicUrl: url });
  await app.register(identity, {
    store: storage.identity,
    audit: storage.audit,
    rateLimitStore: storage.kind === 'shared' ? storage.rateLimits.storeClass('console') : undefined,
    secureCookies: url.startsWith('https:'),
    surface: 'console',
    villageExists: villageCheck(storage.divisions),
  });
  app.get('/healthz', async () => ({ ok: true }));
  await app.register(portalRoutes, { portals, adminToken: deps.adminToken });
  await app.register(householdRoutes, {
    storage,
    households: storage.households,
    adminToken: deps.adminToken,
  });
  await joinRoutes(app, storage, 'console');
  // The console's in-realm widgets still ask by name until county cadre pages run in their own realm.
  await app.register(hostApi, {
    portals,
    storage,
    publicUrl: url,
    credentials,
    mintByName: true,
    points: pointsQueue(deps.modules, storage, app.log, deps.services, deps.now),
  });
  await mountModules(app, {
    modules: deps.modules,
    storage,
    credentials,
    services: deps.services,
    now: deps.now,
  });
  await app.register(inboxRoutes, { store: storage.notifications, now: deps.now ?? (() => new Date()) });
  const catalog = registry
    ? new CatalogClient({
        registry,
        divisionName: async (code) => (await storage.divisions.getDivision(code))?.name ?? null,
        fetch: deps.fetch,
        timeoutMs: deps.registryTimeoutMs,
      })
    : null;
  await app.register(consoleRoutes, {
    storage,
    catalog,
    consoleUrl: url,
    residentUrl: deps.residentUrl,
    cadreFrameUrl: () => frame.url(),
    trustedWidgets: options.trustedWidgets ?? [],
  });
  await app.register(posterRoutes, { storage, residentUrl: deps.residentUrl });
  await app.register(composerRoutes, {
    composer: new Composer(portals, storage.drafts, new ServiceInfoCache(registry), deps.now),
    audit: storage.audit,
  });
  const banners = new BannerStore(storage.modules.blobs(BANNER_BLOBS));
  await app.register(bannerServeRoutes, { banners });
  await app.register(bannerUploadRoutes, { banners, audit: storage.audit });
  await app.register(mandatoryRoutes, {
    store: storage.mandatory,
    portals,
    audit: storage.audit,
    now: deps.now ?? (() => new Date()),
  });
  await app.register(consoleWeb, {
    web,
    registryOrigins: deps.registryOrigins,
    provinceKey: deps.provinceKey ?? null,
    cadreFrameUrl: () => frame.url(),
  });
  return app;
}

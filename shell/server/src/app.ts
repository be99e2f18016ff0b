/**
 * `buildApp`: the shell as a Fastify instance. Storage, the registry client, the trusted province key
 * and the usage reporter are built here and handed to encapsulated route plugins as options. Errors
 * become the one body `{ error, code, message, requestId, field?, widget? }` (errors.ts) with a 4xx for
 * client input; anything unexpected is logged and answered as a 500 with the request id.
 */

import { fileURLToPath } from 'node:url';
import type { ShellModule } from '@cunmen/module-api';
import type { S3ObjectStoreOptions } from '@cunmen/object-store';
import { requestIdOptions, serviceOps } from '@cunmen/service-ops';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { bannerServeRoutes } from './banner/routes.js';
import { BANNER_BLOBS, BannerStore } from './banner/store.js';
import { buildConsoleApp, type ConsoleOptions } from './console/app.js';
import { handleShellErrors } from './errors.js';
import { WidgetCredentials } from './host-api/credentials.js';
import { pageTickets } from './host-api/page-tickets.js';
import { hostApi } from './host-api/plugin.js';
import { joinRoutes } from './households/join-routes.js';
import { householdRoutes } from './households/routes.js';
import { portalRoutes } from './http/portal-routes.js';
import { securityHeaders } from './http/security.js';
import { WebDist } from './http/web-dist.js';
import { webRoutes } from './http/web-routes.js';
import { type ChannelSettings, channelSettingsFromEnv, villageCheck } from './identity/channels.js';
import type { OidcOptions } from './identity/oidc.js';
import { identity } from './identity/plugin.js';
import { WechatClient } from './identity/wechat-client.js';
import { WechatTokens } from './identity/wechat-tokens.js';
import { type ModuleServices, mountModules } from './modules/mount.js';
import { pointsQueue } from './modules/points-queue.js';
import { STANDARD_MODULES } from './modules/standard.js';
import { type NoticeChannel, Notifier } from './notifications/delivery.js';
import { inboxRoutes } from './notifications/routes.js';
import { Scheduler } from './notifications/scheduler.js';
import { wechatSubscribeChannel } from './notifications/wechat-subscribe.js';
import { RegistryClient } from './portals/registry-client.js';
import { PortalService } from './portals/service.js';
import { pinnedKey } from './portals/trust.js';
import { UsageReporter } from './portals/usage.js';
import { openStorage } from './storage/index.js';
import type { Storage } from './storage/types.js';

/** `shell/web/dist`, next to this package (the same relative path from `src/` and `dist/`). */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface ShellOptions {
  /** Data directory of the embedded store (and of module blobs in scale mode); or pass `storage`. */
  dataDir?: string;
  /** A `postgres://` URL: keep every table there (scale mode) instead of `<dataDir>/shell.db`. */
  databaseUrl?: string;
  /** An S3 bucket for module blobs and banner photos (scale mode) instead of files under `dataDir`. */
  s3?: S3ObjectStoreOptions;
  storage?: Storage;
  /** The registry's base URL; without it portals can be served and rolled back but not saved. */
  registryUrl?: string;
  /**
   * PEM of the province's Ed25519 public key, pinned: required with `registryUrl` (the shell never
   * learns it from the registry), and handed to the browser in every portal page.
   */
  provinceKeyPem?: string;
  /** Province token for usage reports; without it none are sent. */
  registryToken?: string;
  /** Operator token for the admin API; without it the admin API refuses every request. */
  adminToken?: string;
  /** The public URL residents reach the shell at (HSTS when https). */
  publicUrl?: string;
  /** The shell web app's dist directory (default `shell/web/dist`). */
  webDist?: string;
  /** Sign-in through the provincial identity platform; omitted means password sign-in only. */
  oidc?: OidcOptions;
  registryTimeoutMs?: number;
  fetch?: typeof fetch;
  /** Addresses (or CIDRs) of reverse proxies whose X-Forwarded-For is believed; default none. */
  trustProxy?: string[];
  logger?: boolean;
  /** The standard modules' back ends to mount under /api/modules (default: STANDARD_MODULES). */
  modules?: readonly ShellModule[];
  /** The clock the modules see (tests move it to check time limits). */
  now?: () => Date;
  /** The staff console on its own origin (`app.console`); staff then sign in only there. */
  console?: ConsoleOptions;
  /** When set, `GET /metrics` answers only `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /**
   * Residents' SMS and WeChat sign-in (identity/channels.ts); default: read from the environment
   * (`CUNMEN_SMS_*`, `CUNMEN_WECHAT_*`), codes to the log and WeChat off when those are unset.
   */
  channels?: ChannelSettings;
  /**
   * Notices (notifications/): the WeChat subscribe-message template (default
   * `CUNMEN_WECHAT_NOTICE_TEMPLATE_ID`, with `CUNMEN_WECHAT_NOTICE_FIELDS`; off without it or without
   * WeChat) and how often the scheduler ticks (default 60 s; `serve` starts it).
   */
  notices?: { wechatTemplateId?: string; wechatFields?: readonly [string, string]; tickMs?: number };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The shell's services, for the server process (usage retries) and tests. */
    shell: {
      portals: PortalService;
      usage: UsageReporter;
      storage: Storage;
      /** Delivers modules' notices to the inbox and WeChat. */
      notifier: Notifier;
      /** Runs modules' periodic jobs; `serve` starts its timer, tests call `tick()`. */
      scheduler: Scheduler;
    };
    /** The staff console's app (its own origin and port), when `console` was given. */
    console: FastifyInstance | null;
  }
}

export async function buildApp(options: ShellOptions): Promise<FastifyInstance> {
  let storage = options.storage;
  const ownsStorage = !storage;
  if (!storage) {
    if (!options.dataDir) throw new Error('buildApp needs dataDir or storage');
    storage = await openStorage(options.dataDir, { databaseUrl: options.databaseUrl, s3: options.s3 });
  }
  // Behind nginx or a CDN the client address is in X-Forwarded-For; it is believed only from the proxies
  // named here, so rate limits and the audit log see residents, not the proxy.
  const app = Fastify({
    ...requestIdOptions(),
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
  });

  const registry = options.registryUrl
    ? new RegistryClient({
        url: options.registryUrl,
        token: options.registryToken,
        timeoutMs: options.registryTimeoutMs,
        fetch: options.fetch,
      })
    : null;
  if (registry && !options.provinceKeyPem) {
    throw new Error('the province key is required with a registry (provinceKeyPem, --province-key)');
  }
  const keys = options.provinceKeyPem ? pinnedKey(options.provinceKeyPem) : null;
  const usage = new UsageReporter(storage.usage, registry, app.log);
  const portals = new PortalService({ storage, registry, keys, usage });
  const channels = options.channels ?? channelSettingsFromEnv(process.env, app.log);
  const now = options.now ?? (() => new Date());
  const notifier = new Notifier({
    store: storage.notifications,
    identity: storage.identity,
    channels: noticeChannels(options, channels, storage),
    now,
    log: app.log,
  });
  const scheduler = new Scheduler({
    leases: storage.kind === 'shared' ? storage.leases : null,
    now,
    log: app.log,
    tickMs: options.notices?.tickMs,
  });
  const services: ModuleServices = { notifier, scheduler };
  app.decorate('shell', { portals, usage, storage, notifier, scheduler });

  handleShellErrors(app);
  app.addHook('onClose', async () => {
    await scheduler.stop();
    await app.console?.close();
    await usage.stop();
    if (ownsStorage) await storage.close();
  });

  const registryOrigins = registry ? [registry.origin] : [];
  await app.register(securityHeaders, { registryOrigins, publicUrl: options.publicUrl });
  if (channels.sms.kind === 'development') {
    app.log.warn(
      'no SMS gateway (CUNMEN_SMS_GATEWAY_URL): sign-in codes are written to this log, for development only',
    );
  }
  await app.register(identity, {
    store: storage.identity,
    audit: storage.audit,
    rateLimitStore: storage.kind === 'shared' ? storage.rateLimits.storeClass('resident') : undefined,
    secureCookies: options.publicUrl?.startsWith('https:') ?? false,
    oidc: options.oidc,
    consoleUrl: options.console?.url,
    villageExists: villageCheck(storage.divisions),
    channels: {
      ...channels,
      counters: storage.rateLimits,
      villageExists: villageCheck(storage.divisions),
      publicUrl: options.publicUrl,
    },
  });
  // /healthz (as before: `{ ok: true }`), /readyz (database and blob store), /metrics, request ids.
  const probed = storage;
  await app.register(serviceOps, {
    service: 'shell',
    metricsToken: options.metricsToken,
    checks: {
      database: () => sql`select 1`.execute(probed.modules.database),
      objects: () => probed.modules.blobs('readiness').get('0'.repeat(64)),
    },
  });
  await app.register(portalRoutes, { portals, adminToken: options.adminToken });
  await app.register(householdRoutes, {
    storage,
    households: storage.households,
    adminToken: options.adminToken,
  });
  await joinRoutes(app, storage, 'resident');
  const credentials = new WidgetCredentials(await storage.host.credentialKey(), portals, storage.identity);
  const modules = options.modules ?? STANDARD_MODULES;
  await app.register(hostApi, {
    portals,
    storage,
    publicUrl: options.publicUrl,
    credentials,
    points: pointsQueue(modules, storage, app.log, services, options.now),
  });
  // Every portal page navigation gets the ticket its boot code exchanges for the widgets' credentials.
  await app.register(pageTickets, {
    key: credentials.key,
    secureCookies: options.publicUrl?.startsWith('https:') ?? false,
  });
  await mountModules(app, {
    modules,
    storage,
    credentials,
    services,
    now: options.now,
  });
  await app.register(inboxRoutes, { store: storage.notifications, now });
  await app.register(bannerServeRoutes, { banners: new BannerStore(storage.modules.blobs(BANNER_BLOBS)) });
  await app.register(webRoutes, {
    portals,
    web: new WebDist(options.webDist ?? DEFAULT_WEB_DIST),
    registryOrigins,
    provinceKey: keys ? (await keys.current()).raw : null,
    consoleUrl: options.console?.url,
  });
  const staff = options.console
    ? await buildConsoleApp(options.console, {
        storage,
        portals,
        credentials,
        registry,
        registryOrigins,
        provinceKey: keys ? (await keys.current()).raw : null,
        adminToken: options.adminToken,
        residentUrl: options.publicUrl,
        modules,
        services,
        now: options.now,
        registryTimeoutMs: options.registryTimeoutMs,
        fetch: options.fetch,
        trustProxy: options.trustProxy,
        logger: options.logger,
      })
    : null;
  app.decorate('console', staff);
  return app;
}

/** The channels besides the inbox: WeChat subscribe messages when WeChat and a template are configured. */
function noticeChannels(options: ShellOptions, channels: ChannelSettings, storage: Storage): NoticeChannel[] {
  const templateId =
    options.notices?.wechatTemplateId ?? (process.env.CUNMEN_WECHAT_NOTICE_TEMPLATE_ID || undefined);
  if (!templateId || !channels.wechat) return [];
  const fieldsEnv = process.env.CUNMEN_WECHAT_NOTICE_FIELDS?.split(',').map((f) => f.trim());
  const fields =
    options.notices?.wechatFields ??
    (fieldsEnv?.length === 2 && fieldsEnv.every(Boolean) ? (fieldsEnv as [string, string]) : undefined);
  const tokens = new WechatTokens(storage.identity, new WechatClient(channels.wechat));
  return [
    wechatSubscribeChannel({
      templateId,
      fields,
      apiBase: channels.wechat.apiBase,
      accessToken: () => tokens.accessToken(),
      fetch: channels.wechat.fetch,
    }),
  ];
}

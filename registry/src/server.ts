/**
 * Starts the registry on a port. SIGTERM/SIGINT: readiness turns 503, requests in flight finish, then the
 * stores close (`@cunmen/service-ops`). `CUNMEN_METRICS_TOKEN` guards `GET /metrics`. Every hour the audit
 * log's head is signed with the province key into `<data>/audit-checkpoints/` (cli/audit.ts).
 */
import { startCheckpointTimer } from '@cunmen/audit-log';
import { handleShutdownSignals } from '@cunmen/service-ops';
import { buildApp } from './app.js';
import { REGISTRY_AUDIT_SERVICE, registryCheckpointDir } from './cli/audit.js';
import { describeStorage } from './cli/scale-options.js';
import { loadOrCreateKeys } from './services/keys.js';
import { openStorage, type ScaleStorageOptions } from './storage/index.js';

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
  publicUrl?: string;
  /** The cookie-less origin browser assets are served from; default the public URL. */
  assetOrigin?: string;
  maxPublishBytes?: number;
  /** Origins allowed to read browser assets with CORS; default any origin. */
  shellOrigins?: string[];
  supportedSdk?: string;
  /** The province's limit on a widget's home route, gzip bytes. */
  homeRouteLimit?: number;
  trustProxy?: string[];
  uplink?: { url: string; timeoutMs?: number; maxAgeSeconds?: number };
  scale?: ScaleStorageOptions;
  signingKeyFile?: string;
  /** Minutes between signed checkpoints of the audit log's head (`<data>/audit-checkpoints/`); 0: none. */
  auditCheckpointMinutes?: number;
}

export async function serve(options: ServeOptions): Promise<void> {
  const publicUrl =
    options.publicUrl ?? `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${options.port}`;
  // Opened here rather than by buildApp: the checkpoint timer reads the same log the routes write.
  const storage = await openStorage(options.dataDir, options.scale);
  const keys = loadOrCreateKeys(options.dataDir, options.signingKeyFile);
  const app = await buildApp({
    storage,
    keys,
    dataDir: options.dataDir,
    publicUrl,
    assetOrigin: options.assetOrigin,
    logger: true,
    maxPublishBytes: options.maxPublishBytes,
    shellOrigins: options.shellOrigins,
    supportedSdk: options.supportedSdk,
    homeRouteLimit: options.homeRouteLimit,
    trustProxy: options.trustProxy,
    uplink: options.uplink,
    scale: options.scale,
    signingKeyFile: options.signingKeyFile,
    metricsToken: process.env.CUNMEN_METRICS_TOKEN || undefined,
  });
  const minutes = options.auditCheckpointMinutes ?? 60;
  const checkpoints =
    minutes > 0
      ? startCheckpointTimer({
          log: storage.audit,
          dir: registryCheckpointDir(options.dataDir),
          service: REGISTRY_AUDIT_SERVICE,
          privateKey: keys.privateKey,
          intervalMs: minutes * 60_000,
          onError: (err) => app.log.error({ err }, 'audit checkpoint failed'),
        })
      : null;
  app.addHook('onClose', async () => {
    await checkpoints?.stop();
    await storage.close();
  });
  await app.listen({ port: options.port, host: options.host });
  process.stdout.write(
    `cunmen-registry listening on ${publicUrl} (${describeStorage(options.dataDir, options.scale ?? {})})\n`,
  );
  if (options.uplink) {
    process.stdout.write(`proxying packages outside the province's scopes from ${options.uplink.url}\n`);
  }
  handleShutdownSignals(app);
}

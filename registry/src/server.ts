/**
 * Starts the registry on a port. SIGTERM/SIGINT: readiness turns 503, requests in flight finish, then the
 * stores close (`@cunmen/service-ops`). `CUNMEN_METRICS_TOKEN` guards `GET /metrics`.
 */
import { handleShutdownSignals } from '@cunmen/service-ops';
import { buildApp } from './app.js';
import { describeStorage } from './cli/scale-options.js';
import type { ScaleStorageOptions } from './storage/index.js';

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
  trustProxy?: string[];
  uplink?: { url: string; timeoutMs?: number; maxAgeSeconds?: number };
  scale?: ScaleStorageOptions;
  signingKeyFile?: string;
}

export async function serve(options: ServeOptions): Promise<void> {
  const publicUrl =
    options.publicUrl ?? `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${options.port}`;
  const app = await buildApp({
    dataDir: options.dataDir,
    publicUrl,
    assetOrigin: options.assetOrigin,
    logger: true,
    maxPublishBytes: options.maxPublishBytes,
    shellOrigins: options.shellOrigins,
    supportedSdk: options.supportedSdk,
    trustProxy: options.trustProxy,
    uplink: options.uplink,
    scale: options.scale,
    signingKeyFile: options.signingKeyFile,
    metricsToken: process.env.CUNMEN_METRICS_TOKEN || undefined,
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

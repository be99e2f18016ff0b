/** `cunmen-registry serve`. */

import { type CliCommand, optionalString, requiredString } from '@cunmen/command-line';
import semver from 'semver';
import { serve } from '../server.js';
import { DATA_DEFAULT_HELP } from './data-dir.js';
import { SCALE_HELP, SCALE_OPTIONS, scaleSetting } from './scale-options.js';
import { UPLINK_HELP, UPLINK_OPTIONS, uplinkSetting } from './uplink-options.js';

function listOption(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map(String) : undefined;
}

export const serveCommands: CliCommand[] = [
  {
    name: 'serve',
    summary: 'run the registry server',
    help: `Usage: cunmen-registry serve --port <n> [--data <dir>] [--public-url <url>] [--host <addr>] [--uplink <url>]

  --port        TCP port to listen on
  --data        data directory (SQLite database and blobs; created if missing)
                ${DATA_DEFAULT_HELP}
  --public-url  base URL clients reach the registry at; tarball and asset URLs are built from it
                (default http://127.0.0.1:<port>)
  --asset-origin <url>  a cookie-less origin of its own (another host name routed to this server)
                that browser assets are served from; the login page and API are not served on it
                (default: assets on the public URL)
  --host        address to bind (default 127.0.0.1)
  --max-publish-mb  largest publish request body in MB (default 50)
  --shell-origin    origin allowed to fetch browser assets with CORS (repeatable; default any)
  --trust-proxy <addr>  a reverse proxy (address or CIDR, repeatable) whose X-Forwarded-For is believed
  --supported-sdk   the SDK range the province's shell supports; a widget's range must overlap it
                    (default ^0.1.0)
  --home-route-limit-kb  the province's limit on a widget's home route (remote entry + what its home
                    tile needs), KB gzip; a publish above it is REG_ERR_HOME_ROUTE_BUDGET (default 48)
${UPLINK_HELP}
Scale mode (several instances on one PostgreSQL and one bucket):
${SCALE_HELP}`,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'public-url': { type: 'string' },
      'asset-origin': { type: 'string' },
      'max-publish-mb': { type: 'string' },
      'shell-origin': { type: 'string', multiple: true },
      'supported-sdk': { type: 'string' },
      'home-route-limit-kb': { type: 'string' },
      'trust-proxy': { type: 'string', multiple: true },
      ...UPLINK_OPTIONS,
      ...SCALE_OPTIONS,
    },
    async run(ctx) {
      const port = Number(requiredString(ctx, 'port'));
      if (!Number.isInteger(port) || port < 0 || port > 65535) ctx.fail('--port must be a port number');
      const maxMb = Number(optionalString(ctx, 'max-publish-mb') ?? 50);
      if (!Number.isFinite(maxMb) || maxMb <= 0) ctx.fail('--max-publish-mb must be a positive number');
      const publicUrl = optionalString(ctx, 'public-url');
      if (publicUrl !== undefined && !/^https?:\/\/[^/]+/.test(publicUrl)) {
        ctx.fail('--public-url must be an http(s) URL such as https://registry.example.gov.cn');
      }
      const assetOrigin = optionalString(ctx, 'asset-origin');
      if (assetOrigin !== undefined && !/^https?:\/\/[^/]+\/?$/.test(assetOrigin)) {
        ctx.fail('--asset-origin must be an http(s) origin such as https://assets.registry.example.gov.cn');
      }
      const origins = ctx.values['shell-origin'];
      const supportedSdk = optionalString(ctx, 'supported-sdk');
      if (supportedSdk !== undefined && semver.validRange(supportedSdk) === null) {
        ctx.fail('--supported-sdk must be a semver range such as ^0.1.0');
      }
      const homeKb = optionalString(ctx, 'home-route-limit-kb');
      const homeRouteLimit = homeKb === undefined ? undefined : Math.round(Number(homeKb) * 1024);
      if (homeRouteLimit !== undefined && !(Number.isFinite(homeRouteLimit) && homeRouteLimit > 0)) {
        ctx.fail('--home-route-limit-kb must be a positive number of kilobytes, such as 48');
      }
      const scale = scaleSetting(ctx.values, process.env);
      await serve({
        maxPublishBytes: Math.round(maxMb * 1024 * 1024),
        port,
        host: optionalString(ctx, 'host') ?? '127.0.0.1',
        dataDir: ctx.dataDir,
        publicUrl,
        assetOrigin,
        shellOrigins: Array.isArray(origins) ? origins.map(String) : undefined,
        supportedSdk,
        homeRouteLimit,
        trustProxy: listOption(ctx.values['trust-proxy']),
        uplink: uplinkSetting(ctx.values, process.env, ctx.fail),
        scale: scale.storage,
        signingKeyFile: scale.signingKeyFile,
      });
    },
  },
];

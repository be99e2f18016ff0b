/** `cunmen-shell serve`. */

import { resolve } from 'node:path';
import type { OidcOptions as ShellOidcOptions } from '../identity/oidc.js';
import { serve } from '../server.js';
import {
  type CliCommand,
  type CliContext,
  fileOption,
  optionalString,
  REGISTRY_HELP,
  REGISTRY_OPTIONS,
  registryOptions,
  urlOption,
} from './command.js';
import { CONSOLE_FRAME_HELP, CONSOLE_FRAME_OPTIONS, consoleOptions } from './console-options.js';
import { DATABASE_HELP, databaseUrl, S3_HELP, s3Options } from './database.js';

export const serveCommands: CliCommand[] = [
  {
    name: 'serve',
    summary: 'run the shell server',
    help: `Usage: cunmen-shell serve --port <n> --data <dir> --registry <url> [options]

  --port <n>                  TCP port to listen on (default 8080)
  --data <dir>                data directory (SQLite database, module files; created if missing)
${DATABASE_HELP}
${S3_HELP}
  --host <addr>               address to bind (default 127.0.0.1)
${REGISTRY_HELP}
  --public-url <url>          the URL residents reach the shell at; https adds Strict-Transport-Security
  --web-dist <dir>            the shell web app's build (default shell/web/dist beside this package)
  --admin-token-file <f>      a file holding the operator token for the admin API (without it the
                              admin API refuses every request)
  --oidc-issuer <url>         the provincial identity platform (OpenID Connect issuer); with
  --oidc-client-id <id>       the client id it registered for the shell, and
  --oidc-client-secret-file <f>  a file holding the client secret; the callback is
                              <public url>/api/auth/oidc/callback (needs --public-url)
  --trust-proxy <addr>        a reverse proxy (address or CIDR, repeatable) whose X-Forwarded-For is
                              believed, so rate limits see residents' addresses, not the proxy's
  --refresh-minutes <n>       minutes between re-resolving every current portal against the registry,
                              so later yanks and deprecations show up (default 60; 0 turns it off)
  --audit-checkpoint-minutes <n>  minutes between signed checkpoints of the audit log's head in
                              <data>/audit-checkpoints/ (default 60; 0 turns them off)
  --console-port <n>          serve the staff console (cadres, county, province) on this port: its own
                              origin, where staff sign in; the resident port then serves none of it
  --console-url <url>         the URL staff reach the console at (env CONSOLE_URL; default
                              http://127.0.0.1:<console port>, or http://localhost:<console port> when
                              --public-url names 127.0.0.1: another host name than the residents', as
                              browsers share cookies between the ports of one host)
  --console-dist <dir>        the console web app's build (default shell/console/dist beside this package)
${CONSOLE_FRAME_HELP}
`,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'public-url': { type: 'string' },
      'web-dist': { type: 'string' },
      'admin-token-file': { type: 'string' },
      'refresh-minutes': { type: 'string' },
      'audit-checkpoint-minutes': { type: 'string' },
      'oidc-issuer': { type: 'string' },
      'trust-proxy': { type: 'string', multiple: true },
      'oidc-client-id': { type: 'string' },
      'oidc-client-secret-file': { type: 'string' },
      'console-port': { type: 'string' },
      'console-url': { type: 'string' },
      'console-dist': { type: 'string' },
      ...CONSOLE_FRAME_OPTIONS,
      'database-url': { type: 'string' },
      's3-endpoint': { type: 'string' },
      's3-bucket': { type: 'string' },
      ...REGISTRY_OPTIONS,
    },
    async run(ctx: CliContext) {
      const port = Number(optionalString(ctx, 'port') ?? 8080);
      if (!Number.isInteger(port) || port < 0 || port > 65535) ctx.fail('--port must be a port number');
      const webDist = optionalString(ctx, 'web-dist');
      const refreshMinutes = Number(optionalString(ctx, 'refresh-minutes') ?? 60);
      if (!Number.isFinite(refreshMinutes) || refreshMinutes < 0) {
        ctx.fail('--refresh-minutes must be a number of minutes (0 turns refreshing off)');
      }
      const auditCheckpointMinutes = Number(optionalString(ctx, 'audit-checkpoint-minutes') ?? 60);
      if (!Number.isFinite(auditCheckpointMinutes) || auditCheckpointMinutes < 0) {
        ctx.fail('--audit-checkpoint-minutes must be a number of minutes (0 turns checkpoints off)');
      }
      const issuer = urlOption(ctx, 'oidc-issuer');
      const publicUrl = urlOption(ctx, 'public-url');
      let oidc: ShellOidcOptions | undefined;
      if (issuer !== undefined) {
        const clientId = optionalString(ctx, 'oidc-client-id');
        const clientSecret = fileOption(ctx, 'oidc-client-secret-file');
        if (!clientId || !clientSecret)
          ctx.fail('--oidc-issuer needs --oidc-client-id and --oidc-client-secret-file');
        if (!publicUrl) ctx.fail('--oidc-issuer needs --public-url (the callback URL is built from it)');
        oidc = {
          issuer,
          clientId,
          clientSecret,
          redirectUri: `${publicUrl.replace(/\/+$/, '')}/api/auth/oidc/callback`,
          allowInsecure: issuer.startsWith('http:'),
        };
      }
      const staff = consoleOptions(ctx, publicUrl);
      const proxies = ctx.values['trust-proxy'];
      await serve({
        oidc,
        trustProxy: Array.isArray(proxies) ? proxies.map(String) : undefined,
        port,
        host: optionalString(ctx, 'host') ?? '127.0.0.1',
        dataDir: resolve(ctx.dataDir),
        databaseUrl: databaseUrl(ctx),
        s3: s3Options(ctx),
        publicUrl,
        webDist: webDist === undefined ? undefined : resolve(webDist),
        adminToken: fileOption(ctx, 'admin-token-file'),
        refreshMinutes,
        auditCheckpointMinutes,
        ...staff,
        ...registryOptions(ctx),
      });
    },
  },
];

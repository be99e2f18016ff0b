/**
 * The staff console's origin (`--console-port`, `--console-url` or CONSOLE_URL, `--console-dist`) and its
 * cadre frame: the cookie-less origin county widgets' cadre pages run on (`--cadre-frame-port`,
 * `--cadre-frame-url`, which a reverse proxy must also expose to staff browsers) and the county widgets the
 * province trusts to run in the console's own realm (`--trusted-widget`, repeatable).
 */
import { resolve } from 'node:path';
import { type CliContext, optionalString, urlOption } from './command.js';

export const CONSOLE_FRAME_OPTIONS = {
  'cadre-frame-port': { type: 'string' },
  'cadre-frame-url': { type: 'string' },
  'trusted-widget': { type: 'string', multiple: true },
} as const;

export const CONSOLE_FRAME_HELP = `  --cadre-frame-port <n>      the port of the cadre frame's origin, where county widgets' cadre pages run
                              sandboxed, with no cookie (default: any free port)
  --cadre-frame-url <url>     the URL staff browsers reach that origin at (behind a proxy; default the
                              console's host name on the frame's port)
  --trusted-widget <@s/name>  a county widget whose cadre pages may run in the console's own page like
                              the standard modules (repeatable; default none)`;

const WIDGET_NAME = /^@[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9._-]*$/;

function port(ctx: CliContext, flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 65535) ctx.fail(`--${flag} must be a port number`);
  return n;
}

function frameOptions(ctx: CliContext) {
  const portText = optionalString(ctx, 'cadre-frame-port');
  const url = urlOption(ctx, 'cadre-frame-url');
  const trusted = ctx.values['trusted-widget'];
  const widgets = (Array.isArray(trusted) ? trusted : []).map(String);
  for (const name of widgets) {
    if (!WIDGET_NAME.test(name))
      ctx.fail(`--trusted-widget "${name}" must be a widget name such as @deqing/find-machinery`);
  }
  return {
    ...(portText === undefined && url === undefined
      ? {}
      : {
          frame: {
            ...(portText === undefined ? {} : { port: port(ctx, 'cadre-frame-port', portText) }),
            ...(url === undefined ? {} : { url }),
          },
        }),
    ...(widgets.length > 0 ? { trustedWidgets: widgets } : {}),
  };
}

export function consoleOptions(ctx: CliContext, publicUrl: string | undefined) {
  const portText = optionalString(ctx, 'console-port');
  const url = urlOption(ctx, 'console-url') ?? (process.env.CONSOLE_URL || undefined);
  if (portText === undefined) {
    if (url !== undefined) ctx.fail('--console-url (or CONSOLE_URL) needs --console-port');
    for (const flag of Object.keys(CONSOLE_FRAME_OPTIONS)) {
      if (ctx.values[flag] !== undefined) ctx.fail(`--${flag} needs --console-port`);
    }
    return {};
  }
  const consolePort = port(ctx, 'console-port', portText);
  if (url !== undefined && !/^https?:\/\/[^/]+/.test(url)) ctx.fail('CONSOLE_URL must be an http(s) URL');
  const residentHost = publicUrl ? new URL(publicUrl).hostname : 'localhost';
  const fallback = `http://${residentHost === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${consolePort}`;
  const dist = optionalString(ctx, 'console-dist');
  return {
    consolePort,
    console: {
      url: url ?? fallback,
      ...(dist === undefined ? {} : { dist: resolve(dist) }),
      ...frameOptions(ctx),
    },
  };
}

/** `serve`'s uplink options: `--uplink <url>` or `$CUNMEN_UPLINK`, its timeout and its max age. */
import { DEFAULT_UPLINK_MAX_AGE_SECONDS, DEFAULT_UPLINK_TIMEOUT_MS } from '../services/uplink/index.js';

export const UPLINK_OPTIONS = {
  uplink: { type: 'string' },
  'no-uplink': { type: 'boolean' },
  'uplink-timeout-ms': { type: 'string' },
  'uplink-max-age': { type: 'string' },
} as const;

export const UPLINK_HELP = `  --uplink <url>    a registry to proxy and cache packages from for names this one does not own
                    (the province's and counties' scopes never are); default $CUNMEN_UPLINK, else off
  --no-uplink       no uplink, even when $CUNMEN_UPLINK is set
  --uplink-timeout-ms <n>  how long the uplink may stay silent before a request fails
                    (default ${DEFAULT_UPLINK_TIMEOUT_MS})
  --uplink-max-age <s>     how long a proxied packument is served before the uplink is asked again
                    (default ${DEFAULT_UPLINK_MAX_AGE_SECONDS})
`;

export interface UplinkSetting {
  url: string;
  timeoutMs: number;
  maxAgeSeconds: number;
}

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function positiveInteger(value: unknown, name: string, fallback: number, fail: (m: string) => never): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) fail(`--${name} must be a positive whole number`);
  return n;
}

/** The uplink the options and environment ask for, or undefined when there is none. */
export function uplinkSetting(
  values: Values,
  env: NodeJS.ProcessEnv,
  fail: (message: string) => never,
): UplinkSetting | undefined {
  const flag = values.uplink;
  if (values['no-uplink'] === true) {
    if (typeof flag === 'string') fail('give --uplink or --no-uplink, not both');
    return undefined;
  }
  const url = typeof flag === 'string' ? flag : env.CUNMEN_UPLINK || undefined;
  const from = typeof flag === 'string' ? '--uplink' : '$CUNMEN_UPLINK';
  const timeoutMs = positiveInteger(
    values['uplink-timeout-ms'],
    'uplink-timeout-ms',
    DEFAULT_UPLINK_TIMEOUT_MS,
    fail,
  );
  const maxAgeSeconds = positiveInteger(
    values['uplink-max-age'],
    'uplink-max-age',
    DEFAULT_UPLINK_MAX_AGE_SECONDS,
    fail,
  );
  if (url === undefined) return undefined;
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password) {
    fail(`${from} must be an http(s) registry URL without credentials, such as https://registry.npmjs.org/`);
  }
  return { url, timeoutMs, maxAgeSeconds };
}

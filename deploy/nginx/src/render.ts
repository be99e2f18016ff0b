/**
 * Renders `cunmen.conf.template` into one self-contained nginx.conf: `{{NAME}}` placeholders filled, the
 * cache rules of `cunmen-cache.conf` put into each cached location, and the blocks of a service given no
 * instance dropped (a test in front of a registry alone, a county running only a shell).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The template and its cache rules, beside this package's `src/` and `dist/`. */
export const NGINX_TEMPLATE = fileURLToPath(new URL('../cunmen.conf.template', import.meta.url));
const CACHE_RULES = fileURLToPath(new URL('../cunmen-cache.conf', import.meta.url));

export type CunmenService = 'registry' | 'shell' | 'console';

export interface NginxSiteOptions {
  /** Absolute folder for the pid file, logs, temp files and the cache (created by {@link preparePrefix}). */
  prefix: string;
  /** Where nginx listens for each service: `8080` or `127.0.0.1:8080`. */
  listen: Partial<Record<CunmenService, string | number>>;
  /** `host:port` of each instance of each service; a service without instances gets no server block. */
  upstreams: Partial<Record<CunmenService, readonly string[]>>;
  /**
   * Addresses or CIDRs of proxies in front of nginx (the provincial load balancer, a CDN) whose
   * X-Forwarded-For is believed; default none, so nginx's peer is the client.
   */
  trustedProxies?: readonly string[];
  /** Upper bound of the immutable cache on disk; default `10g`. */
  cacheMaxSize?: string;
  /** Default `auto` (one worker per core). */
  workerProcesses?: string;
}

const SERVICES: readonly CunmenService[] = ['registry', 'shell', 'console'];
/** Addresses, ports, CIDRs and sizes: nothing that could end a directive or open a block. */
const PLAIN = /^[A-Za-z0-9.:/[\]-]+$/;

function checked(value: string, what: string): string {
  if (!PLAIN.test(value)) throw new Error(`${what} ${JSON.stringify(value)} is not an address or port`);
  return value;
}

function realIp(trusted: readonly string[]): string {
  if (trusted.length === 0) return '  # (no proxy in front of nginx is trusted)';
  const from = trusted.map((a) => `  set_real_ip_from ${checked(a, 'trusted proxy')};`);
  return [...from, '  real_ip_header X-Forwarded-For;', '  real_ip_recursive on;'].join('\n');
}

/** Fills `{{NAME}}` on a line of its own with `lines`, each indented as the placeholder was. */
function fillBlock(text: string, name: string, lines: readonly string[]): string {
  return text.replace(new RegExp(`^([ \\t]*)\\{\\{${name}\\}\\}$`, 'gm'), (_m, indent: string) =>
    lines.map((l) => (l === '' ? l : `${indent}${l}`)).join('\n'),
  );
}

export function renderNginxConfig(
  options: NginxSiteOptions,
  template = readFileSync(NGINX_TEMPLATE, 'utf8'),
): string {
  if (!options.prefix.startsWith('/')) throw new Error(`prefix must be absolute: ${options.prefix}`);
  let text = template;
  for (const service of SERVICES) {
    const servers = options.upstreams[service] ?? [];
    const block = new RegExp(`^[ \\t]*# begin ${service}\\n[\\s\\S]*?^[ \\t]*# end ${service}\\n`, 'm');
    if (servers.length === 0) {
      text = text.replace(block, '');
      continue;
    }
    const listen = options.listen[service];
    if (listen === undefined) throw new Error(`${service} has instances but no listen address`);
    const NAME = service.toUpperCase();
    text = fillBlock(
      text,
      `${NAME}_SERVERS`,
      servers.map((s) => `server ${checked(s, `${service} instance`)} max_fails=1 fail_timeout=5s;`),
    );
    text = text.replaceAll(`{{${NAME}_LISTEN}}`, checked(String(listen), `${service} listen`));
  }
  const cacheRules = readFileSync(CACHE_RULES, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
  text = fillBlock(text, 'IMMUTABLE_CACHE', cacheRules);
  text = text.replace(/^\{\{REAL_IP\}\}$/m, realIp(options.trustedProxies ?? []));
  text = text
    .replaceAll('{{PREFIX}}', options.prefix.replace(/\/+$/, ''))
    .replaceAll('{{CACHE_MAX_SIZE}}', checked(options.cacheMaxSize ?? '10g', 'cache size'))
    .replaceAll('{{WORKER_PROCESSES}}', checked(options.workerProcesses ?? 'auto', 'worker processes'));
  const left = /\{\{[A-Z_]+\}\}/.exec(text);
  if (left) throw new Error(`the nginx template has a placeholder nothing fills: ${left[0]}`);
  return text;
}

/** Creates the folders the rendered configuration writes to. */
export function preparePrefix(prefix: string): void {
  for (const dir of ['logs', 'cache', 'temp']) mkdirSync(join(prefix, dir), { recursive: true });
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nginxBin } from '@cunmen/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { type NginxSiteOptions, preparePrefix, renderNginxConfig } from './render.js';

const prefix = mkdtempSync(join(tmpdir(), 'cunmen-nginx-render-'));
afterAll(() => rmSync(prefix, { recursive: true, force: true }));

const province: NginxSiteOptions = {
  prefix,
  listen: { registry: '127.0.0.1:4873', shell: 8080, console: 8081 },
  upstreams: {
    registry: ['127.0.0.1:14873', '127.0.0.1:14874'],
    shell: ['127.0.0.1:18080', '127.0.0.1:18082'],
    console: ['127.0.0.1:18081', '127.0.0.1:18083'],
  },
  trustedProxies: ['10.0.0.0/8'],
};

/** `nginx -t` on the rendered text: the only judge of whether nginx takes it. */
function nginxAccepts(text: string): string {
  const file = join(prefix, 'nginx.conf');
  writeFileSync(file, text);
  preparePrefix(prefix);
  return execFileSync(nginxBin(), ['-t', '-p', prefix, '-c', file, '-e', join(prefix, 'logs', 'error.log')], {
    encoding: 'utf8',
    stdio: 'pipe',
  });
}

describe('renderNginxConfig', () => {
  it('renders a configuration nginx accepts for two registry and two shell instances and the console', () => {
    const text = renderNginxConfig(province);
    expect(() => nginxAccepts(text)).not.toThrow();
    expect(text).toContain('server 127.0.0.1:14873 max_fails=1 fail_timeout=5s;');
    expect(text).toContain('server 127.0.0.1:18083 max_fails=1 fail_timeout=5s;');
    expect(text).toContain('listen 127.0.0.1:4873;');
    expect(text).toContain('set_real_ip_from 10.0.0.0/8;');
    expect(text).toContain(`pid ${prefix}/nginx.pid;`);
    // Every path nginx writes to is under the prefix, so no root is needed.
    for (const m of text.matchAll(/_(?:path|log)\s+(\S+)/g))
      expect(m[1]?.startsWith(prefix), m[0]).toBe(true);
    expect(text.match(/proxy_cache cunmen_immutable;/g)).toHaveLength(3);
  });

  it('drops the blocks of a service that has no instance, and trusts no proxy unless told', () => {
    const text = renderNginxConfig({
      prefix,
      listen: { registry: 4873 },
      upstreams: { registry: ['127.0.0.1:1'] },
    });
    expect(() => nginxAccepts(text)).not.toThrow();
    expect(text).not.toContain('cunmen_shell');
    expect(text).not.toContain('cunmen_console');
    expect(text).not.toMatch(/^\s*set_real_ip_from/m);
  });

  it.each([
    [
      'an instance that would end the directive',
      { upstreams: { registry: ['127.0.0.1:1; include /etc/passwd'] } },
    ],
    ['a listen address with a space', { listen: { registry: '80 default_server' } }],
    ['a trusted proxy with a brace', { trustedProxies: ['10.0.0.0/8 }'] }],
    ['a relative prefix', { prefix: 'relative/dir' }],
    ['instances without a listen address', { listen: {} }],
  ])('refuses %s', (_what, change) => {
    const base: NginxSiteOptions = {
      prefix,
      listen: { registry: 4873 },
      upstreams: { registry: ['127.0.0.1:1'] },
    };
    expect(() => renderNginxConfig({ ...base, ...change } as NginxSiteOptions)).toThrow();
  });

  it('refuses a template with a placeholder it does not know', () => {
    expect(() => renderNginxConfig(province, 'events {}\nhttp { {{SURPRISE}} }\n')).toThrow(
      /\{\{SURPRISE\}\}/,
    );
  });
});

/**
 * `npm login` against the real server, the way npm 11 does it by default (web login): npm prints the
 * registry's sign-in URL and polls; a person signs in on that page; npm saves the token it is handed.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@cunmen/test-utils';
import { describe, expect, it } from 'vitest';
import { addUser, setPassword } from '../src/cli/users.js';
import { serveRegistry } from '../test/e2e.js';

describe('npm login (web)', () => {
  it('saves a token after the person signs in on the registry page', async () => {
    const tmp = (await makeTempDir('cunmen-login-e2e-')).path;
    const data = join(tmp, 'data');
    await addUser({ dataDir: data, name: 'deqing-dev', role: 'county', county: '330521', scope: '@deqing' });
    await setPassword(data, 'deqing-dev', 'correct horse battery');
    const { proc: server, base } = await serveRegistry(data);
    const registry = `${base}/`;
    const userconfig = join(tmp, 'npmrc');
    const npm = spawn('npm', ['login', '--registry', registry, '--userconfig', userconfig], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    let output = '';
    npm.stdout.on('data', (c) => {
      output += c;
    });
    npm.stderr.on('data', (c) => {
      output += c;
    });
    const exited = new Promise<number | null>((resolve) => npm.on('exit', resolve));
    try {
      // The code the person compares is in the address npm prints.
      const [loginUrl, code] = await new Promise<[string, string]>((resolve, reject) => {
        const timer = setInterval(() => {
          const m =
            /(http:\/\/127\.0\.0\.1:\d+\/-\/login\/[A-Za-z0-9_-]+)\?code=([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(
              output,
            );
          if (m?.[1] && m[2]) {
            clearInterval(timer);
            resolve([m[1], m[2]]);
          }
        }, 100);
        setTimeout(() => {
          clearInterval(timer);
          reject(new Error(`npm printed no login URL: ${output}`));
        }, 30_000);
      });
      const page = await fetch(loginUrl);
      const html = await page.text();
      expect(html).toContain('登录组件仓库');
      expect(html).toContain(`data-testid="login-code">${code}<`);
      expect(html).toContain('npm/'); // npm sends no host name; its user agent is shown
      const wrong = await fetch(loginUrl, {
        method: 'POST',
        body: new URLSearchParams({ name: 'deqing-dev', password: 'wrong password!' }),
      });
      expect(wrong.status).toBe(401);
      const signedIn = await fetch(loginUrl, {
        method: 'POST',
        body: new URLSearchParams({ name: 'deqing-dev', password: 'correct horse battery' }),
      });
      expect(signedIn.status).toBe(200);
      expect(await exited).toBe(0);
      expect(output).toContain(`Logged in on ${registry}`);
      const token = /:_authToken=(\S+)/.exec(readFileSync(userconfig, 'utf8'))?.[1];
      const whoami = await fetch(`${registry}-/whoami`, { headers: { authorization: `Bearer ${token}` } });
      expect(await whoami.json()).toEqual({ username: 'deqing-dev' });
    } finally {
      npm.kill();
      await server.stop();
    }
  }, 90_000);
});

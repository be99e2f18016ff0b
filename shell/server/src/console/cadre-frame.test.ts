/**
 * The cadre frame's origin (cadre-frame.ts): a listener of its own beside the console's, serving only
 * the frame page and the console build's static files — framed only by the console, no cookie set or
 * read, no API of the console or the shell reachable there — and the console telling its page where
 * the frame is and allowing it (and only it, besides itself) as a frame.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@cunmen/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConsoleShell, signInOn, startConsoleShell, writeConsoleDist } from '../../test/console.js';
import { XIANTAN } from '../../test/shell.js';
import { cadreFrameCsp } from './cadre-frame.js';

const FRAME_HTML =
  '<!doctype html><html><head><script defer src="/console/static/js/frame.1a2b3c4d.js"></script></head><body><div id="root"></div></body></html>';
const CONSOLE = 'http://localhost:9090';
const FRAME = 'http://localhost:9091';

let shell: ConsoleShell;
let removeDist: (() => Promise<void>) | undefined;
afterEach(async () => {
  await shell?.close();
  await removeDist?.();
});

async function start(frame: { url?: string; port?: number } = { url: FRAME }) {
  const dist = await makeTempDir('cunmen-console-frame-dist-');
  removeDist = dist.remove;
  writeConsoleDist(dist.path);
  writeFileSync(join(dist.path, 'frame.html'), FRAME_HTML);
  writeFileSync(join(dist.path, 'static', 'js', 'frame.1a2b3c4d.js'), 'void 0;\n');
  shell = await startConsoleShell(CONSOLE, { console: { url: CONSOLE, dist: dist.path, frame } });
  const frameApp = shell.console.cadreFrame;
  if (!frameApp) throw new Error('no cadre frame app');
  return frameApp;
}

describe('the cadre frame’s origin', () => {
  it('serves the frame page framed only by the console, with scripts only from itself', async () => {
    const frame = await start();
    const page = await frame.app.inject({ url: '/cadre-frame' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toBe(FRAME_HTML);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toBe(cadreFrameCsp(FRAME, CONSOLE, []));
    expect(csp).toContain(`frame-ancestors ${CONSOLE}`);
    expect(csp).toContain(`script-src ${FRAME}`);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'none'");
    const script = await frame.app.inject({ url: '/console/static/js/frame.1a2b3c4d.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['cache-control']).toMatch(/immutable/);
  });

  it('sets and honours no cookie, and answers no API: a console session means nothing there', async () => {
    const frame = await start();
    const { cookie, csrf } = await signInOn(shell.console, 'xt-cadre');
    expect(cookie).toMatch(/^cunmen_console=/);
    const headers = { cookie, 'x-csrf-token': csrf };
    for (const url of [
      '/api/auth/me',
      '/api/console/v1/villages',
      `/api/portals/${XIANTAN}/snapshot`,
      '/api/host/v1/me',
      '/console/index.html',
      '/',
    ]) {
      const res = await frame.app.inject({ url, headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code, url).toBe('SHELL_ERR_NOT_FOUND');
      expect(res.headers['set-cookie'], url).toBeUndefined();
    }
    for (const [method, url] of [
      ['POST', '/api/auth/login'],
      ['POST', '/api/host/v1/widget-token'],
    ] as const) {
      const res = await frame.app.inject({ method, url, headers, payload: {} });
      expect(res.statusCode, url).toBe(404);
    }
    const page = await frame.app.inject({ url: '/cadre-frame', headers });
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('tells the console page where the frame is, and lets it frame that origin only', async () => {
    await start();
    const config = (await shell.console.inject({ url: '/api/console/v1/config' })).json();
    expect(config.cadreFrame).toEqual({ url: FRAME, trustedWidgets: [] });
    const page = await shell.console.inject({ url: `/v/${XIANTAN}/cadre/waste-pickup` });
    expect(String(page.headers['content-security-policy'])).toMatch(new RegExp(`frame-src ${FRAME}$`));
  });

  it('listens beside the console on a port of its own, under the console’s host name', async () => {
    const frame = await start({});
    expect((await shell.console.inject({ url: '/api/console/v1/config' })).json().cadreFrame.url).toBeNull();
    await shell.console.listen({ port: 0, host: '127.0.0.1' });
    const config = await shell.console.inject({ url: '/api/console/v1/config' });
    const url = frame.url();
    expect(config.json().cadreFrame.url).toBe(url);
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(new URL(url).port).not.toBe(String((shell.console.server.address() as { port: number }).port));
    const res = await fetch(`http://127.0.0.1:${new URL(url).port}/cadre-frame`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain(`script-src ${url}`);
  });
});

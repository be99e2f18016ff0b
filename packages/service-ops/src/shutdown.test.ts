import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, type StartedProcess, startProcess } from '@cunmen/test-utils';
import { afterEach, describe, expect, it } from 'vitest';

const server = fileURLToPath(new URL('../test/slow-server.mjs', import.meta.url));
const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));

const started: StartedProcess[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => p.stop('SIGKILL')));
});

async function startSlow(env: Record<string, string>) {
  if (!existsSync(dist)) throw new Error(`${dist} is missing: build @cunmen/service-ops first`);
  const port = await freePort();
  const p = await startProcess({
    command: process.execPath,
    args: [server],
    env: { PORT: String(port), ...env },
    readyPattern: /listening on/,
  });
  started.push(p);
  const exited = new Promise<number | null>((resolve) => p.child.once('exit', (code) => resolve(code)));
  return { p, url: `http://127.0.0.1:${port}`, exited };
}

async function until(p: StartedProcess, pattern: RegExp) {
  const deadline = Date.now() + 10_000;
  while (!pattern.test(p.output())) {
    if (Date.now() > deadline) throw new Error(`never printed ${pattern}:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('graceful shutdown (SIGTERM to a real process)', () => {
  it('turns readiness 503, finishes the request in flight, then closes the stores and exits 0', async () => {
    const { p, url, exited } = await startSlow({
      SLOW_MS: '1500',
      DRAIN_DELAY_MS: '600',
      SHUTDOWN_TIMEOUT_MS: '10000',
    });
    const inFlight = fetch(`${url}/slow`);
    await until(p, /slow request started/);
    const killedAt = Date.now();
    p.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).code).toBe('OPS_ERR_SHUTTING_DOWN');

    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    expect(await exited).toBe(0);
    // Keep-alive connections were told to close: the process ends with the request, not minutes later.
    expect(Date.now() - killedAt).toBeLessThan(4000);
    const out = p.output();
    const order = ['slow request finished', 'stores closed', 'exit 0'].map((s) => out.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Once closing, the server takes no new connection.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('keeps finishing the request when a second signal follows (Ctrl-C, then a supervisor)', async () => {
    const { p, url, exited } = await startSlow({
      SLOW_MS: '1200',
      DRAIN_DELAY_MS: '0',
      SHUTDOWN_TIMEOUT_MS: '10000',
    });
    const inFlight = fetch(`${url}/slow`);
    await until(p, /slow request started/);
    p.child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 100));
    p.child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    expect(await exited).toBe(0);
    expect(p.output()).toContain('exit 0');
  });

  it('cuts a request still running after the timeout, so a stop never hangs', async () => {
    const { p, url, exited } = await startSlow({
      SLOW_MS: '60000',
      DRAIN_DELAY_MS: '0',
      SHUTDOWN_TIMEOUT_MS: '500',
    });
    const inFlight = fetch(`${url}/slow`).then(
      () => 'answered',
      () => 'cut',
    );
    await until(p, /slow request started/);
    const stopped = Date.now();
    p.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(5000);
    expect(await inFlight).toBe('cut');
    expect(p.output()).toContain('stores closed');
    expect(p.output()).not.toContain('slow request finished');
  });
});

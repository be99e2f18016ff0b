import { makeTempDir } from '@cunmen/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage } from '../storage/index.js';
import type { Storage } from '../storage/types.js';
import { RegistryClient } from './registry-client.js';
import { UsageReporter } from './usage.js';

let storage: Storage;
let remove: () => Promise<void>;

beforeEach(async () => {
  const dir = await makeTempDir('cunmen-shell-usage-');
  remove = dir.remove;
  storage = await openStorage(dir.path);
});

afterEach(async () => {
  await storage.close();
  await remove();
});

describe('usage reports', () => {
  it('are retried after a failure and sent once the registry answers', async () => {
    let up = false;
    const sent: unknown[] = [];
    const fake: typeof fetch = async (_url, init) => {
      if (!up) return new Response('{"error":"down"}', { status: 503 });
      sent.push(JSON.parse(String(init?.body)));
      return new Response('{}', { status: 200 });
    };
    const warnings: string[] = [];
    const log = { info: () => undefined, warn: (_: object, msg: string) => warnings.push(msg) };
    const client = new RegistryClient({ url: 'http://registry.test', token: 't', fetch: fake });
    const reporter = new UsageReporter(storage.usage, client, log);
    const report = { village: '330521107201', widgets: [{ name: '@deqing/a', version: '1.0.0' }] };
    await reporter.record(report);
    expect(await reporter.flush()).toEqual({ delivered: 0, failed: 0 });
    expect(warnings).toEqual(['usage report to the registry failed; will retry']);
    expect(await storage.usage.pending()).toBe(1);
    up = true;
    expect(await reporter.flush(new Date(Date.now() + 31_000))).toEqual({ delivered: 1, failed: 0 });
    expect(sent).toEqual([report]);
    expect(await storage.usage.pending()).toBe(0);
    await reporter.stop();
  });

  it('are not queued without a province token', async () => {
    const reporter = new UsageReporter(storage.usage, new RegistryClient({ url: 'http://registry.test' }));
    await reporter.record({ village: '330521107201', widgets: [] });
    expect(await storage.usage.pending()).toBe(0);
  });
});

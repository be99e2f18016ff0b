/** Test harness: a shell app (app.inject) over a temporary data directory seeded with the demo villages. */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@cunmen/test-utils';
import type { FastifyInstance } from 'fastify';
import { buildApp, type ShellOptions } from '../src/app.js';
import { DEMO_DIVISIONS } from '../src/storage/demo.js';
import { openStorage } from '../src/storage/index.js';
import type { Storage } from '../src/storage/types.js';
import { testDatabaseUrl } from './postgres.js';

export const ADMIN_TOKEN = 'test-operator-token-0123456789';
export const XIANTAN = '330521107201';
export const WUSI = '330521003201';
export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

export const WEB_INDEX = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>村门</title><!--cunmen:snapshot--><script type="module" src="/shell/static/main.1a2b3c4d.js"></script></head>
<body><div id="root"></div></body></html>
`;

export interface TestShell {
  app: FastifyInstance;
  dataDir: string;
  /** The shell's PostgreSQL database when the suites run on it (test/postgres.ts), else undefined. */
  databaseUrl: string | undefined;
  /** Opens the shell's storage a second time, as the CLI beside a running server does. */
  openStorage(): Promise<Storage>;
  webDist: string;
  close(): Promise<void>;
}

/** A fake `shell/web/dist`: index.html with the placeholder and one hashed script. */
export function writeWebDist(dir: string): void {
  mkdirSync(join(dir, 'static'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), WEB_INDEX);
  writeFileSync(
    join(dir, 'static', 'main.1a2b3c4d.js'),
    "const s = JSON.parse(document.getElementById('cunmen-snapshot').textContent);\ndocument.getElementById('root').textContent = s.village.name;\n",
  );
  writeFileSync(join(dir, 'static', 'robots.txt'), 'User-agent: *\n');
}

/**
 * The key a test shell pins, as an operator would: the one given, else the test registry's exported
 * key (what `cunmen-registry key export` prints; the shell itself never fetches it), else — for a
 * registry that is not there — a key nobody signs with.
 */
async function operatorPinnedKey(options: Partial<ShellOptions>): Promise<string> {
  if (options.provinceKeyPem) return options.provinceKeyPem;
  try {
    const res = await fetch(`${options.registryUrl}/-/cunmen/v1/keys`, { signal: AbortSignal.timeout(2000) });
    return ((await res.json()) as { keys: { pem: string }[] }).keys[0]?.pem as string;
  } catch {
    return generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }
}

export async function startShell(options: Partial<ShellOptions> = {}): Promise<TestShell> {
  const dir = await makeTempDir('cunmen-shell-test-');
  const dataDir = join(dir.path, 'data');
  const webDist = join(dir.path, 'web');
  writeWebDist(webDist);
  const databaseUrl = await testDatabaseUrl();
  const storage = await openStorage(dataDir, { databaseUrl });
  await storage.divisions.upsertDivisions(DEMO_DIVISIONS);
  await storage.close();
  const provinceKeyPem = options.registryUrl ? await operatorPinnedKey(options) : options.provinceKeyPem;
  const app = await buildApp({
    dataDir,
    databaseUrl,
    adminToken: ADMIN_TOKEN,
    webDist,
    ...options,
    provinceKeyPem,
  });
  return {
    app,
    dataDir,
    databaseUrl,
    openStorage: () => openStorage(dataDir, { databaseUrl }),
    webDist,
    close: async () => {
      await app.close();
      await dir.remove();
    },
  };
}

/** A config placing find-machinery's tile, page and nav entry. */
export function machineryConfig(version = '1.0.0', extra: Record<string, unknown> = {}) {
  return {
    title: { 'zh-CN': '仙潭村门户' },
    widgets: [
      {
        name: '@deqing/find-machinery',
        version,
        config: { radiusKm: 5 },
        placements: [
          { slot: 'village.home.tile/v1' },
          { slot: 'village.page/v1', expose: './Page', route: 'find-machinery' },
          { slot: 'village.nav/v1', route: 'find-machinery' },
        ],
      },
    ],
    ...extra,
  };
}

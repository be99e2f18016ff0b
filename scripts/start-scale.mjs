// `npm run start:scale`: the platform as a province runs it, on this one machine and without root
// services — PostgreSQL (initdb under .data/scale/pg), an S3-protocol server (s3rver, .data/scale/s3), two
// registry and two shell instances, and nginx in front on the ports `npm start` uses, so the printed URLs
// are the same. The first start seeds the same demo province, through nginx. Ctrl-C stops everything.
// `--infra-only` starts PostgreSQL, S3 and nginx alone (to run instances by hand, or to check the engines).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureDependencies,
  ensureFonts,
  ensureNginx,
  ensurePnpm,
  ensurePostgres,
  log,
  root,
  run,
} from './lib/bootstrap.mjs';
import {
  npmRegistry,
  prepareShell,
  printPlatform,
  seedContentOnce,
  seedRegistryOnce,
} from './lib/demo-platform.mjs';
import {
  ensureBucket,
  ensureDatabase,
  nginxService,
  postgresService,
  S3_CREDENTIALS,
  s3Service,
} from './lib/scale-services.mjs';
import { createSupervisor } from './lib/supervisor.mjs';

const infraOnly = process.argv.includes('--infra-only');
ensurePnpm();
ensureDependencies();
try {
  ensureFonts();
} catch (err) {
  log(`warning: ${err.message}; village QR posters need it`);
}
const pgBin = ensurePostgres();
const nginxBin = ensureNginx();
if (!process.argv.includes('--no-build')) {
  log('building');
  run('pnpm', ['exec', 'turbo', 'run', 'build', '--concurrency=2', '--output-logs=errors-only']);
}

const env = (name, fallback) => Number(process.env[name] ?? fallback);
const shellPort = env('PORT', 8080);
const registryPort = env('REGISTRY_PORT', 4873);
const consolePort = env('CONSOLE_PORT', 8081);
const consoleUrl = process.env.CONSOLE_URL ?? `http://127.0.0.1:${consolePort}`;
const pgPort = env('PG_PORT', 15432);
const s3Port = env('S3_PORT', 14568);
// The instances listen on loopback behind nginx: registry 14873 and 14874, shell 18080 and 18082 (their
// consoles 18081 and 18083) with the default public ports.
const registryPorts = [0, 1].map((i) => registryPort + 10_000 + i);
const shellPorts = [0, 1].map((i) => shellPort + 10_000 + 2 * i);
const consolePorts = shellPorts.map((p) => p + 1);

const scaleDir = join(process.env.CUNMEN_DATA ?? join(root, '.data'), 'scale');
const registryData = join(scaleDir, 'registry');
const shellData = join(scaleDir, 'shell');
const logDir = join(scaleDir, 'logs');
for (const dir of [registryData, shellData, logDir]) mkdirSync(dir, { recursive: true });
const registryUrl = `http://localhost:${registryPort}/`;
const uplink = process.env.CUNMEN_UPLINK ?? npmRegistry();

const s3Endpoint = `http://127.0.0.1:${s3Port}`;
const databaseUrl = (name) => `postgres://postgres@127.0.0.1:${pgPort}/${name}`;
// The configuration of scale mode, as the services and their command-line tools read it: the seeding
// runs `cunmen-registry user add` and `cunmen-shell portal set`, which must meet the same stores.
Object.assign(process.env, {
  REGISTRY_DATABASE_URL: databaseUrl('cunmen_registry'),
  SHELL_DATABASE_URL: databaseUrl('cunmen_shell'),
  CUNMEN_S3_ENDPOINT: s3Endpoint,
  CUNMEN_S3_REGION: 'us-east-1',
  CUNMEN_S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
  CUNMEN_S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
});

const registryInstance = (port, n) => ({
  name: `registry-${n}`,
  args: [
    join(root, 'registry/dist/cli.js'),
    'serve',
    ...['--port', String(port), '--data', registryData, '--public-url', registryUrl.replace(/\/$/, '')],
    ...['--database-url', process.env.REGISTRY_DATABASE_URL],
    ...['--s3-endpoint', s3Endpoint, '--s3-bucket', 'cunmen-registry', '--trust-proxy', '127.0.0.1'],
    ...(uplink && uplink !== 'off' ? ['--uplink', uplink] : []),
  ],
  ready: /listening on (\S+)/,
  where: `127.0.0.1:${port}`,
  logFile: join(logDir, `registry-${n}.log`),
});
const shellInstance = (port, console, n, extra) => ({
  name: `shell-${n}`,
  args: [
    join(root, 'shell/server/dist/cli.js'),
    'serve',
    ...['--port', String(port), '--data', shellData, '--public-url', `http://localhost:${shellPort}`],
    ...['--registry', registryUrl.replace(/\/$/, ''), '--console-port', String(console)],
    ...['--console-url', consoleUrl, '--database-url', process.env.SHELL_DATABASE_URL],
    ...['--s3-endpoint', s3Endpoint, '--s3-bucket', 'cunmen-shell', '--trust-proxy', '127.0.0.1'],
    ...extra,
  ],
  ready: /listening on (\S+)/,
  logFile: join(logDir, `shell-${n}.log`),
});

const supervisor = createSupervisor();
const started = Date.now();
log(`scale mode, data under ${scaleDir}`);
await supervisor.startService(postgresService({ bin: pgBin, dir: join(scaleDir, 'pg'), port: pgPort }));
await ensureDatabase({ bin: pgBin, port: pgPort, name: 'cunmen_registry' });
await ensureDatabase({ bin: pgBin, port: pgPort, name: 'cunmen_shell' });
await supervisor.startService(s3Service({ dir: join(scaleDir, 's3'), port: s3Port }));
await ensureBucket({ endpoint: s3Endpoint, bucket: 'cunmen-registry' });
await ensureBucket({ endpoint: s3Endpoint, bucket: 'cunmen-shell' });
const nginx = await nginxService({
  bin: nginxBin,
  prefix: join(scaleDir, 'nginx'),
  listen: { registry: registryPort, shell: shellPort, console: consolePort },
  upstreams: {
    registry: registryPorts.map((p) => `127.0.0.1:${p}`),
    shell: shellPorts.map((p) => `127.0.0.1:${p}`),
    console: consolePorts.map((p) => `127.0.0.1:${p}`),
  },
});

if (infraOnly) {
  await supervisor.startService(nginx);
  log(`PostgreSQL: ${databaseUrl('cunmen_registry')} and ${databaseUrl('cunmen_shell')}`);
  log(`S3: ${s3Endpoint} (buckets cunmen-registry, cunmen-shell; key ${S3_CREDENTIALS.accessKeyId})`);
  log(
    `nginx: registry ${registryPort} → ${registryPorts.join(', ')}; shell ${shellPort} → ${shellPorts.join(', ')}`,
  );
  log(`engines up in ${((Date.now() - started) / 1000).toFixed(1)} s; press Ctrl-C to stop`);
} else {
  // Both registries at once (their migrations meet on PostgreSQL's advisory lock), then nginx in front.
  await Promise.all(registryPorts.map((p, i) => supervisor.startService(registryInstance(p, i + 1))));
  if (!supervisor.isStopping()) await supervisor.startService(nginx);
  await seedRegistryOnce({ registryUrl, registryData, dataDir: scaleDir, supervisor });
  const extra = await prepareShell({ shellData, registryData, dataDir: scaleDir, registryUrl, supervisor });
  if (!supervisor.isStopping()) {
    await Promise.all(
      shellPorts.map((p, i) => supervisor.startService(shellInstance(p, consolePorts[i], i + 1, extra))),
    );
  }
  await seedContentOnce({ shellUrl: `http://127.0.0.1:${shellPort}`, consoleUrl, shellData, supervisor });
  if (!supervisor.isStopping()) {
    const each = (ports) => ports.map((p) => `http://127.0.0.1:${p}`).join(', ');
    log(`instances (each has /healthz, /readyz and /metrics): registry ${each(registryPorts)}`);
    log(`  shell ${each(shellPorts)}, console ${each(consolePorts)}`);
    log(
      `PostgreSQL ${databaseUrl('')} · S3 ${s3Endpoint} · nginx logs in ${join(scaleDir, 'nginx', 'logs')}`,
    );
    printPlatform({ registryUrl, uplink, shellPort, consoleUrl, shellData, dataDir: scaleDir });
  }
}

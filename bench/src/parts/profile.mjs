// Where the registry's time goes, from a V8 CPU profile (`node --cpu-prof`) taken while it serves the
// bench's load: self time grouped by origin (a package, a file of the registry, a Node.js module, or
// V8's own work such as garbage collection), so a gap in the table names its cause.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The origin a profile node's time is charged to. */
export function originOf({ url, functionName }) {
  // Native code (a socket's writev, better-sqlite3's Statement) has no URL, only its function's name.
  if (!url) return functionName.startsWith('(') ? functionName : `native ${functionName || '(anonymous)'}`;
  if (url.startsWith('node:')) return url;
  const inModules = url.lastIndexOf('node_modules/');
  if (inModules !== -1) {
    const rest = url.slice(inModules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = url.indexOf('/dist/');
  return dist === -1 ? url : `registry ${url.slice(dist + '/dist/'.length)}`;
}

/** `[{ origin, share }]`, largest first, over every sample but V8's idle time. */
export function selfTimeByOrigin(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, originOf(n.callFrame)]));
  const counts = new Map();
  let total = 0;
  for (const id of profile.samples) {
    const origin = byId.get(id) ?? '(unknown)';
    if (origin === '(idle)') continue;
    counts.set(origin, (counts.get(origin) ?? 0) + 1);
    total++;
  }
  return [...counts]
    .map(([origin, n]) => ({ origin, share: n / total }))
    .sort((a, b) => b.share - a.share || (a.origin < b.origin ? -1 : 1));
}

/** The first profile in `dir` of a process that ran `marker` code (`node_modules/fastify/`: the registry). */
export function profileRunning(dir, marker) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (profile.nodes.some((n) => n.callFrame.url.includes(marker))) return profile;
  }
  return null;
}

/** `NODE_OPTIONS` and environment that profile a Node.js process into `dir` (cpu-profile-preload.mjs). */
export function profilingEnv(dir, startNow = false) {
  const preload = new URL('./cpu-profile-preload.mjs', import.meta.url).href;
  return {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim(),
    CUNMEN_BENCH_PROFILE_DIR: dir,
    ...(startNow ? { CUNMEN_BENCH_PROFILE_START: 'now' } : {}),
  };
}

/** "fastify 21 %, pino 14 %, …": the `top` origins, for the table. */
export function describeShares(shares, top = 5) {
  return shares
    .slice(0, top)
    .map((s) => `${s.origin} ${Math.round(s.share * 100)} %`)
    .join(', ');
}

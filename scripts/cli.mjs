// `npm run registry -- <command>` and `npm run shell -- <command>`: the platform's own command-line tools,
// run from the repository root against the data `npm start` uses. `CUNMEN_DATA` (default `.data/`) and the
// registry's address (`CUNMEN_REGISTRY_URL`, default `http://localhost:${REGISTRY_PORT:-4873}`) are passed on
// to the tool, which reads them when `--data` or `--registry` is not given. Node.js builtins only.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib/bootstrap.mjs';

const tools = {
  registry: join(root, 'registry', 'dist', 'cli.js'),
  shell: join(root, 'shell', 'server', 'dist', 'cli.js'),
};

const [tool, ...args] = process.argv.slice(2);
const entry = tools[tool];
if (!entry) {
  process.stderr.write(`usage: node scripts/cli.mjs <${Object.keys(tools).join('|')}> <command> [options]\n`);
  process.exit(2);
}
if (!existsSync(entry)) {
  process.stderr.write(`${entry} is not built yet: run npm start (or npm run build) first\n`);
  process.exit(2);
}
const env = { ...process.env };
env.CUNMEN_DATA ??= join(root, '.data');
env.CUNMEN_REGISTRY_URL ??= `http://localhost:${env.REGISTRY_PORT ?? 4873}`;
const result = spawnSync(process.execPath, [entry, ...args], { stdio: 'inherit', env });
process.exit(result.status ?? 1);

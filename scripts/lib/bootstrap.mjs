// Bootstrap for `npm start` / `npm test` on a fresh machine: only Node.js builtins may be used here,
// because nothing is installed yet when this runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(
  await import('node:fs').then((fs) => fs.readFileSync(join(root, 'package.json'), 'utf8')),
);
export const PNPM_VERSION = pkg.packageManager.replace(/^pnpm@/, '');
const toolsDir = join(root, '.tools');
const toolsBin = join(toolsDir, 'node_modules', '.bin');

export function log(message) {
  process.stdout.write(`\x1b[36m[cunmen]\x1b[0m ${message}\n`);
}

/** Environment for every child process: pinned pnpm first on PATH, headers for native addons. */
export function childEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  env.PATH = [toolsBin, join(root, 'node_modules', '.bin'), env.PATH].join(':');
  env.TURBO_TELEMETRY_DISABLED = '1';
  env.STORYBOOK_DISABLE_TELEMETRY = '1';
  env.DO_NOT_TRACK = '1';
  // pnpm 12 ignores `nodedir` in .npmrc; better-sqlite3 compiles from source against Node's own headers.
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  return env;
}

function versionOf(command, env) {
  const r = spawnSync(command, ['--version'], { env, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Installs the pinned pnpm into .tools/ (corepack fails on this machine, see VERSIONS.md). */
export function ensurePnpm() {
  const env = childEnv();
  if (versionOf('pnpm', env) === PNPM_VERSION) return;
  log(`installing pnpm@${PNPM_VERSION} into .tools/`);
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      toolsDir,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      `pnpm@${PNPM_VERSION}`,
    ],
    { stdio: 'inherit', env },
  );
  const got = versionOf('pnpm', childEnv());
  if (got !== PNPM_VERSION)
    throw new Error(`pnpm ${PNPM_VERSION} expected after install, found ${got ?? 'none'}`);
}

/** Installs dependencies from the frozen lockfile; a no-op in well under a second when nothing changed. */
export function ensureDependencies() {
  run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only']);
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

/** Installs Debian packages quietly (as root, or through passwordless sudo). */
function aptInstall(packages, why) {
  if (!hasCommand('apt-get')) return false;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  log(`installing Debian ${packages.join(', ')} through apt-get (${why})`);
  const sh = (args) => {
    const [cmd, ...rest] = [...sudo, ...args];
    execFileSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  sh(['apt-get', 'update', '-qq']);
  sh(['apt-get', 'install', '-y', '-qq', ...packages]);
  return true;
}

/** Finds Chromium for browser tests: CHROME_PATH, the system chromium, or installs Debian's package. */
export function ensureChromium() {
  if (process.env.CHROME_PATH) {
    if (isExecutable(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH=${process.env.CHROME_PATH} is not an executable file`);
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (isExecutable(candidate)) return candidate;
  }
  if (!aptInstall(['chromium'], 'about a minute')) {
    throw new Error('Chromium not found: install it, or set CHROME_PATH to a Chromium/Chrome executable');
  }
  if (!isExecutable('/usr/bin/chromium'))
    throw new Error('apt-get finished but /usr/bin/chromium is missing');
  return '/usr/bin/chromium';
}

function hasChineseFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

/**
 * The fonts residents' phones have: without a CJK font Chromium draws every Chinese character as the
 * same fallback box, so layout, screenshot and axe checks would measure the wrong widths. The UI uses
 * SVG icons, never emoji, so no emoji font is needed (shell/web/test/no-emoji.test.ts keeps it so).
 */
export function ensureFonts() {
  if (hasCommand('fc-list') && hasChineseFont()) return;
  if (!aptInstall(['fonts-noto-cjk', 'fontconfig'], 'Chinese glyphs for the browser tests, about a minute')) {
    throw new Error('no Chinese font found (fc-list :lang=zh): install Noto Sans CJK (fonts-noto-cjk)');
  }
  if (!hasChineseFont()) throw new Error('apt-get finished but fc-list :lang=zh still finds no font');
}

function postgresBin() {
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const version = readdirSync(debian)
    .filter((v) => /^\d+$/.test(v) && isExecutable(`${debian}/${v}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a))[0];
  return version === undefined ? undefined : `${debian}/${version}/bin`;
}

/**
 * PostgreSQL's programs for the scale-mode tests (each test starts its own throwaway server with them;
 * no system cluster is used). Returns the folder holding initdb and postgres, passed to tests as PG_BIN.
 */
export function ensurePostgres() {
  if (process.env.PG_BIN) {
    if (isExecutable(`${process.env.PG_BIN}/initdb`)) return process.env.PG_BIN;
    throw new Error(`PG_BIN=${process.env.PG_BIN} has no initdb`);
  }
  const found = postgresBin();
  if (found !== undefined) return found;
  if (
    !aptInstall(['postgresql', 'postgresql-contrib'], 'PostgreSQL for the scale-mode tests, about a minute')
  ) {
    throw new Error(
      "PostgreSQL not found: install Debian's postgresql package, or set PG_BIN to its bin folder",
    );
  }
  const installed = postgresBin();
  if (installed === undefined)
    throw new Error('apt-get finished but /usr/lib/postgresql/*/bin/initdb is missing');
  return installed;
}

function nginxOnPath() {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) {
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Debian's nginx for the tests and `npm run start:scale` in front of several instances (each starts its
 * own nginx with its own prefix and ports; the system service is never used). Returns the binary's path,
 * passed to tests as NGINX_BIN.
 */
export function ensureNginx() {
  if (process.env.NGINX_BIN) {
    if (isExecutable(process.env.NGINX_BIN)) return process.env.NGINX_BIN;
    throw new Error(`NGINX_BIN=${process.env.NGINX_BIN} is not an executable file`);
  }
  const found = nginxOnPath();
  if (found !== undefined) return found;
  // `nginx` is the real package in Debian 12 (nginx-light is a transitional one on top of it).
  if (!aptInstall(['nginx'], 'nginx for the scale-mode tests, under a minute')) {
    throw new Error("nginx not found: install Debian's nginx package, or set NGINX_BIN to the nginx binary");
  }
  const installed = nginxOnPath();
  if (installed === undefined) throw new Error('apt-get finished but /usr/sbin/nginx is missing');
  return installed;
}

/** Runs a command in the repo root with the bootstrap environment; throws on a non-zero exit. */
export function run(command, args, options = {}) {
  const r = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: childEnv(options.env),
    ...options.spawn,
  });
  if (r.status !== 0 && !options.allowFailure) {
    throw new Error(`${command} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  }
  return r.status ?? 1;
}

// The shell's half of the demo province, once per data directory: the division tree, demo accounts
// (a village cadre, a supervision member, a resident, township staff and a county admin, and a cadre for
// each other village), the operator and registry token files the shell is started with, and a portal for
// each demo village with the two example widgets — all through `cunmen-shell`, as an operator would.
// Node.js builtins only.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv, log, root } from './bootstrap.mjs';
import { exec } from './exec.mjs';

const shellCli = join(root, 'shell', 'server', 'dist', 'cli.js');

/** The demo villages (see shell/server/src/storage/demo.ts). */
export const DEMO_VILLAGES = [
  { code: '330521107201', name: '仙潭村' },
  { code: '330521003201', name: '五四村' },
  { code: '370323108213', name: '朱家户村' },
];

const SHELL_USERS = [
  { name: 'xiantan-cadre', role: 'village-cadre', division: '330521107201', display: '仙潭村村委会' },
  { name: 'xiantan-supervisor', role: 'supervisor', division: '330521107201', display: '仙潭村务监督委员会' },
  {
    name: 'xiantan-resident',
    role: 'resident',
    division: '330521107201',
    display: '张建华',
    household: 'H-0012',
  },
  // 积分制: a deduction needs a second committee member; the village's 积分超市 redeems at the counter.
  { name: 'xiantan-cadre2', role: 'village-cadre', division: '330521107201', display: '仙潭村村委会委员' },
  { name: 'xiantan-merchant', role: 'merchant', division: '330521107201', display: '仙潭村积分超市' },
  { name: 'moganshan-staff', role: 'township-staff', division: '330521107', display: '莫干山镇人民政府' },
  // The other two villages' committees, so that their portals have someone to answer (lib/seed-content.mjs).
  { name: 'wusi-cadre', role: 'village-cadre', division: '330521003201', display: '五四村村委会' },
  { name: 'zhujiahu-cadre', role: 'village-cadre', division: '370323108213', display: '朱家户村村委会' },
  { name: 'deqing-admin', role: 'county-admin', division: '330521', display: '德清县管理员' },
];

function widget(pkgDir, route, cadreExpose) {
  const pkg = JSON.parse(readFileSync(join(root, pkgDir, 'package.json'), 'utf8'));
  return {
    name: pkg.name,
    version: pkg.version,
    config: {},
    placements: [
      { slot: 'village.home.tile/v1', expose: './Tile' },
      { slot: 'village.page/v1', expose: './Page', route },
      { slot: 'village.nav/v1', route },
      { slot: 'cadre.page/v1', expose: cadreExpose, route },
    ],
  };
}

/** Paths of the files the shell is started with. */
export function shellFiles(shellData) {
  return {
    adminToken: join(shellData, 'admin-token'),
    registryToken: join(shellData, 'registry-token'),
    marker: join(shellData, '.seeded'),
    accounts: join(shellData, 'demo-accounts.json'),
    /** The pinned province key; the shell reads it when no --province-key is given. */
    provinceKey: join(shellData, 'province-key.pem'),
  };
}

function writeSecret(file, value) {
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export class ShellSeedError extends Error {}

async function step(what, args, options = {}) {
  const r = await exec(process.execPath, [shellCli, ...args], { cwd: root, env: childEnv(), ...options });
  if (r.code !== 0 && !options.tolerate?.test(r.stdout + r.stderr)) {
    throw new ShellSeedError(`${what} failed (exit ${r.code}):\n${(r.stderr + r.stdout).trim()}`);
  }
  return r;
}

/**
 * Token files exist before the shell starts (it reads them at start), seeded or not. With
 * `registryData`, the province's public key is pinned into the shell's configuration
 * (`<shell data>/province-key.pem`, the shell's default for --province-key) the first time: the
 * operator's copy, which the shell trusts from then on — it never asks the registry for a key.
 */
export function ensureShellTokens(shellData, reporterToken, registryData) {
  mkdirSync(shellData, { recursive: true });
  const files = shellFiles(shellData);
  if (!existsSync(files.adminToken)) writeSecret(files.adminToken, randomBytes(24).toString('base64url'));
  if (reporterToken) writeSecret(files.registryToken, reporterToken);
  if (registryData) pinProvinceKey(files.provinceKey, join(registryData, 'keys', 'province-ed25519.pub'));
  return files;
}

function pinProvinceKey(pinned, registryKey) {
  if (!existsSync(registryKey)) return;
  const key = readFileSync(registryKey, 'utf8');
  if (!existsSync(pinned)) {
    writeFileSync(pinned, key, { mode: 0o644 });
  } else if (readFileSync(pinned, 'utf8').trim() !== key.trim()) {
    // A pinned key is kept: the shell refuses what another key signed until the operator re-pins.
    log(`the registry's key differs from the one pinned in ${pinned}: delete that file to pin the new key`);
  }
}

export function readShellAccounts(shellData) {
  try {
    return JSON.parse(readFileSync(shellFiles(shellData).accounts, 'utf8'));
  } catch {
    return [];
  }
}

/** Seeds the shell's data directory; the registry at `registry` must already hold the widgets. */
export async function seedShell({ shellData, registry, say }) {
  const files = shellFiles(shellData);
  if (existsSync(files.marker)) return readShellAccounts(shellData);
  const data = ['--data', shellData];
  await step('seed-demo', ['seed-demo', ...data]);
  say('divisions: 浙江省 › 德清县, 山东省 › 沂源县; villages 仙潭村, 五四村, 朱家户村');
  const accounts = readShellAccounts(shellData);
  for (const u of SHELL_USERS) {
    if (accounts.some((a) => a.name === u.name)) continue;
    const password = `demo-${randomBytes(6).toString('hex')}`;
    await step(
      `user add ${u.name}`,
      [
        'user',
        'add',
        '--name',
        u.name,
        '--role',
        u.role,
        '--division',
        u.division,
        '--display-name',
        u.display,
        ...(u.household ? ['--household', u.household] : []),
        ...data,
      ],
      { input: `${password}\n`, tolerate: /already exists/ },
    );
    accounts.push({ name: u.name, role: u.role, division: u.division, password });
    writeFileSync(files.accounts, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
    say(`account ${u.name} (${u.role}, ${u.division})`);
  }
  const config = {
    widgets: [
      widget('plugins/affairs-disclosure', 'affairs-disclosure', './Cadre'),
      widget('plugins/complaints', 'complaints', './Cadre'),
      widget('plugins/points', 'points', './Cadre'),
      widget('plugins/party-building', 'party', './Cadre'),
      widget('plugins/find-machinery', 'find-machinery', './Admin'),
      widget('plugins/waste-pickup', 'waste-pickup', './Admin'),
    ],
  };
  const configFile = join(shellData, 'demo-portal.json');
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  for (const v of DEMO_VILLAGES) {
    // A village that has a portal already (a seeding that stopped half-way) keeps it: a whole-portal save
    // needs the base version, and the demo never overwrites a portal someone may have edited.
    const r = await step(
      `portal set ${v.code}`,
      [
        'portal',
        'set',
        v.code,
        '--file',
        configFile,
        '--registry',
        registry,
        '--registry-token-file',
        files.registryToken,
        ...data,
      ],
      { tolerate: /SHELL_ERR_BASE_VERSION_REQUIRED/ },
    );
    say(
      r.code === 0
        ? `portal of ${v.name} ${v.code}: 三务公开, 接诉即办, 积分制, find-machinery and waste-pickup`
        : `portal of ${v.name} ${v.code}: kept (it has one already)`,
    );
  }
  writeFileSync(files.marker, `${new Date().toISOString()}\n`);
  return accounts;
}

/**
 * `cunmen publish [dir]`: validates the build, packs it with the real `npm pack` (the same tarball
 * `npm publish` would send), and PUTs it to the registry with the npm publish document, showing size,
 * hashes and upload progress.
 *
 * Request (as npm 11 sends it): PUT /<@scope%2fname>, JSON body
 * `{ _id, name, description, 'dist-tags': {<tag>: version}, versions: {<version>: <package.json + dist>},
 *    _attachments: {'<name>-<version>.tgz': {content_type, data: base64, length}} }`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { scopeOf } from '@cunmen/manifest';
import { normalizeRegistry, registryForScope, tokenFor } from '../npmrc.js';
import { CliError, dim, formatBytes, green } from '../output.js';
import { escapeName, send } from '../registry-client.js';
import { refusedBy } from '../registry-refusal.js';
import { validateWidget } from './validate.js';

interface PackResult {
  filename: string;
  integrity: string;
  shasum: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
}

export interface PublishOptions {
  registry?: string;
  tag?: string;
  /** Pack and show what would be sent, without uploading. */
  dryRun?: boolean;
}

function npmPack(dir: string, destination: string): PackResult {
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const parsed = JSON.parse(out) as PackResult[];
  const first = parsed[0];
  if (!first) throw new CliError('npm pack produced no tarball');
  return first;
}

export function publishDocument(
  pkg: Record<string, unknown>,
  pack: PackResult,
  tarball: Buffer,
  registry: string,
  tag: string,
): Record<string, unknown> {
  const name = String(pkg.name);
  const version = String(pkg.version);
  const { scripts: _scripts, devDependencies: _dev, ...published } = pkg;
  const tarballName = `${name}-${version}.tgz`;
  return {
    _id: name,
    name,
    description: pkg.description ?? '',
    'dist-tags': { [tag]: version },
    versions: {
      [version]: {
        ...published,
        _id: `${name}@${version}`,
        dist: {
          integrity: pack.integrity,
          shasum: pack.shasum,
          tarball: `${registry}${escapeName(name)}/-/${name.split('/')[1]}-${version}.tgz`,
        },
      },
    },
    access: null,
    _attachments: {
      [tarballName]: {
        content_type: 'application/octet-stream',
        data: tarball.toString('base64'),
        length: tarball.length,
      },
    },
  };
}

function publishConfigRegistry(pkg: Record<string, unknown>): string | null {
  const config = pkg.publishConfig;
  if (typeof config !== 'object' || config === null) return null;
  const registry = (config as Record<string, unknown>).registry;
  return typeof registry === 'string' && registry !== '' ? registry : null;
}

export async function publishCommand(dir: string, options: PublishOptions): Promise<void> {
  const root = resolve(dir);
  const checked = await validateWidget(root);
  if (!checked.built) throw new CliError('no build to publish: run cunmen build first');
  const scope = scopeOf(checked.name) ?? '';
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  // npm's own order for a publish: the command line, then publishConfig, then the scope's .npmrc line.
  const configured = options.registry ?? publishConfigRegistry(pkg) ?? registryForScope(root, scope);
  if (!configured)
    throw new CliError(
      `no registry for ${scope}: pass --registry <url>, set publishConfig.registry in package.json or add "${scope}:registry=<url>" to .npmrc`,
      2,
    );
  const registry = normalizeRegistry(configured);
  const token = tokenFor(registry);
  if (!token && !options.dryRun)
    throw new CliError(`not logged in to ${registry}: run cunmen login --registry ${registry}`, 2);

  const tmp = mkdtempSync(join(tmpdir(), 'cunmen-pack-'));
  try {
    const pack = npmPack(root, tmp);
    const tarball = readFileSync(join(tmp, pack.filename));
    process.stdout.write(`  package   ${checked.name}@${checked.version} → ${registry}\n`);
    process.stdout.write(
      `  tarball   ${formatBytes(pack.size)} (${formatBytes(pack.unpackedSize)} unpacked, ${pack.entryCount} files)\n`,
    );
    process.stdout.write(`  integrity ${pack.integrity}\n  shasum    ${pack.shasum}\n`);
    process.stdout.write(
      `  remote    ${formatBytes(checked.built.size.jsGzip)} JS gzip, ${checked.built.assets.length} assets, capabilities: ${checked.built.capabilities.join(', ') || 'none'}\n`,
    );
    if (options.dryRun) {
      process.stdout.write(dim('  dry run: nothing uploaded\n'));
      return;
    }
    const body = Buffer.from(
      JSON.stringify(publishDocument(pkg, pack, tarball, registry, options.tag ?? 'latest')),
    );
    let shown = -1;
    const res = await send({
      method: 'PUT',
      url: `${registry}${escapeName(checked.name)}`,
      token,
      body,
      onProgress: (sent, total) => {
        const pct = Math.floor((sent / total) * 100);
        if (pct >= shown + 10 || sent === total) {
          shown = pct;
          process.stdout.write(`  upload    ${pct}% (${formatBytes(sent)} of ${formatBytes(total)})\n`);
        }
      },
    });
    if (res.status >= 300) throw refusedBy('the registry refused the publish', res);
    process.stdout.write(
      `${green('✓')} published ${checked.name}@${checked.version}; it is pending provincial review\n`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

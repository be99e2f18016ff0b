/** `cunmen build [dir]`: the production remote, its hashes and sizes; nothing written when it fails. */
import { resolve } from 'node:path';
import { buildWidget } from '@cunmen/build';
import type { BuiltManifest } from '@cunmen/manifest';
import { bold, CliError, dim, formatBytes, green } from '../output.js';

export function printBuildSummary(
  manifest: BuiltManifest,
  stream: NodeJS.WritableStream = process.stdout,
): void {
  const width = Math.max(...manifest.assets.map((a) => a.path.length));
  for (const asset of manifest.assets) {
    stream.write(
      `  ${asset.path.padEnd(width)}  ${formatBytes(asset.size).padStart(9)}  ${formatBytes(asset.gzip).padStart(9)} gz  ${dim(`${asset.integrity.slice(0, 22)}…`)}\n`,
    );
  }
  const pct = Math.round((manifest.size.jsGzip / manifest.budget.gzip) * 100);
  stream.write(
    `  ${bold('JS gzip')} ${formatBytes(manifest.size.jsGzip)} of ${formatBytes(manifest.budget.gzip)} budget (${pct}%)\n`,
  );
  if (manifest.size.home !== undefined) {
    const tiles = manifest.contributes.filter((c) => c.slot === 'village.home.tile/v1').map((c) => c.expose);
    stream.write(
      `  ${bold('home route')} ${formatBytes(manifest.size.home)} gzip JS+CSS (${[manifest.remote.entry, ...tiles].join(' + ')})\n`,
    );
  }
}

export async function buildCommand(dir: string, options: { outDir?: string }): Promise<BuiltManifest> {
  const started = Date.now();
  const outcome = await buildWidget({ root: resolve(dir), outDir: options.outDir ?? 'dist' });
  if (!outcome.ok)
    throw new CliError(
      `build failed with ${outcome.issues.length} problem(s); nothing was written`,
      1,
      outcome.issues,
    );
  process.stdout.write(
    `${green('✓')} built ${outcome.manifest.name}@${outcome.manifest.version} in ${Date.now() - started} ms → ${outcome.outDir}\n`,
  );
  printBuildSummary(outcome.manifest);
  return outcome.manifest;
}

/** Files of a data directory as a backup sees them: hashed, listed, synced to disk. */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { KEY_PATH, SHA256 } from './format.js';

export function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    let size = 0;
    createReadStream(path)
      .on('data', (chunk) => {
        hash.update(chunk);
        size += chunk.length;
      })
      .on('error', reject)
      .on('end', () => resolvePromise({ sha256: hash.digest('hex'), size }));
  });
}

/** The blob files under `<root>/sha256/<ab>/`, by digest (temporary `.tmp-…` files are skipped). */
export async function listBlobFiles(root: string): Promise<string[]> {
  const base = join(root, 'sha256');
  if (!existsSync(base)) return [];
  const out: string[] = [];
  for (const prefix of (await readdir(base)).sort()) {
    const dir = join(base, prefix);
    if (!(await stat(dir)).isDirectory()) continue;
    for (const name of (await readdir(dir)).sort()) {
      if (SHA256.test(name) && name.startsWith(prefix)) out.push(name);
    }
  }
  return out;
}

/** The files of `<dataDir>/keys/` (a key being written, `*.tmp`, is skipped). */
export async function listKeyFiles(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, 'keys');
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = `keys/${e.name}`;
    if (e.isFile() && KEY_PATH.test(path) && !e.name.endsWith('.tmp')) out.push(path);
  }
  return out.sort();
}

export function blobPath(root: string, sha256: string): string {
  return join(root, 'sha256', sha256.slice(0, 2), sha256);
}

export async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function syncTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await syncTree(path);
    else if (entry.isFile()) await fsyncPath(path);
  }
  await fsyncPath(dir);
}

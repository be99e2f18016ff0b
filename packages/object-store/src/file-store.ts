/**
 * Objects as files under one directory (the embedded default): the key is the relative path. A put
 * writes a temporary file beside the target, fsyncs it and renames it into place, so a reader never sees
 * a partial object and a crash leaves at most a hidden `.tmp-*` file, never a half-written object.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { assertKey, type ObjectInfo, type ObjectStore, type PutOptions } from './types.js';

function isMissing(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export class FileObjectStore implements ObjectStore {
  constructor(readonly root: string) {}

  /** The file that holds `key`. */
  pathOf(key: string): string {
    assertKey(key);
    return join(this.root, ...key.split('/'));
  }

  async put(key: string, bytes: Uint8Array, _options?: PutOptions): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const tmp = join(dirname(target), `.tmp-${randomBytes(8).toString('hex')}`);
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async getStream(key: string): Promise<Readable | null> {
    if ((await this.head(key)) === null) return null;
    return createReadStream(this.pathOf(key));
  }

  async head(key: string): Promise<ObjectInfo | null> {
    try {
      const s = await stat(this.pathOf(key));
      return s.isFile() ? { key, size: s.size } : null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async *list(prefix = ''): AsyncIterable<ObjectInfo> {
    yield* this.walk('', prefix);
  }

  /** Depth-first; skips folders that cannot hold a key with `prefix`, and temporary files. */
  private async *walk(dir: string, prefix: string): AsyncGenerator<ObjectInfo> {
    let names: string[];
    try {
      names = await readdir(dir === '' ? this.root : join(this.root, ...dir.split('/')));
    } catch (err) {
      if (isMissing(err)) return;
      throw err;
    }
    for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
      const key = dir === '' ? name : `${dir}/${name}`;
      if (!key.startsWith(prefix) && !prefix.startsWith(`${key}/`)) continue;
      const s = await stat(join(this.root, ...key.split('/')));
      if (s.isDirectory()) yield* this.walk(key, prefix);
      else if (s.isFile() && key.startsWith(prefix)) yield { key, size: s.size };
    }
  }
}

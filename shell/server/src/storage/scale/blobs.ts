/**
 * The embedded shell's module blobs (attachments, photos, banners: `<data>/modules/<id>/blobs/<aa>/<sha256>`)
 * copied into the bucket under the keys scale mode reads (`modules/<id>/<sha256>`, object-blobs.ts), each
 * read back and hashed. Content-addressed on both sides, so a second run copies nothing twice.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObjectStore } from '@cunmen/object-store';

const SHA256 = /^[0-9a-f]{64}$/;
const MODULE_ID = /^[a-z][a-z0-9-]{1,39}$/;

export interface BlobCopy {
  key: string;
  ok: boolean;
}

async function* embeddedBlobs(
  dataDir: string,
): AsyncGenerator<{ moduleId: string; sha256: string; path: string }> {
  const root = join(dataDir, 'modules');
  if (!existsSync(root)) return;
  for (const moduleId of (await readdir(root)).sort()) {
    const blobs = join(root, moduleId, 'blobs');
    if (!MODULE_ID.test(moduleId) || !existsSync(blobs)) continue;
    for (const prefix of (await readdir(blobs)).sort()) {
      for (const name of (await readdir(join(blobs, prefix))).sort()) {
        // Temporary files of an interrupted write are not blobs.
        if (SHA256.test(name) && name.startsWith(prefix)) {
          yield { moduleId, sha256: name, path: join(blobs, prefix, name) };
        }
      }
    }
  }
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function copyModuleBlobs(dataDir: string, bucket: ObjectStore): Promise<BlobCopy[]> {
  const copies: BlobCopy[] = [];
  for await (const blob of embeddedBlobs(dataDir)) {
    const key = `modules/${blob.moduleId}/${blob.sha256}`;
    const bytes = await readFile(blob.path);
    // A file that no longer hashes to its name is damaged: reported, never copied as if it were good.
    if (sha256Of(bytes) !== blob.sha256) {
      copies.push({ key, ok: false });
      continue;
    }
    if ((await bucket.head(key))?.size !== bytes.length) await bucket.put(key, bytes);
    const back = await bucket.get(key);
    copies.push({ key, ok: back !== null && sha256Of(back) === blob.sha256 });
  }
  return copies;
}

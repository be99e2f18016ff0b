/**
 * Module blobs (attachments, photos, banners) in an object store: scale mode keeps them in the S3
 * bucket every shell instance reads, under `modules/<module id>/<sha256>`. Content-addressed like the
 * embedded file store, so a put of bytes already stored is a no-op and two instances never disagree.
 */
import { createHash } from 'node:crypto';
import type { ModuleBlobs } from '@cunmen/module-api';
import type { ObjectStore } from '@cunmen/object-store';

const SHA256 = /^[0-9a-f]{64}$/;
const MODULE_ID = /^[a-z][a-z0-9-]{1,39}$/;

export class ObjectModuleBlobs implements ModuleBlobs {
  constructor(
    private readonly store: ObjectStore,
    private readonly moduleId: string,
  ) {
    if (!MODULE_ID.test(moduleId)) throw new Error(`not a module id: ${moduleId}`);
  }

  private key(sha256: string): string {
    return `modules/${this.moduleId}/${sha256}`;
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if ((await this.store.head(this.key(sha256))) === null) await this.store.put(this.key(sha256), bytes);
    return sha256;
  }

  async get(sha256: string): Promise<Buffer | null> {
    return SHA256.test(sha256) ? this.store.get(this.key(sha256)) : null;
  }
}

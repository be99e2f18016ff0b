/**
 * A throwaway S3-protocol server for scale-mode tests: s3rver in this process, its objects in a
 * temporary directory, on a free loopback port. It checks request signatures against its one built-in
 * key pair, so clients use the credentials returned here. Create buckets through the API (the object
 * stores do that themselves: `S3ObjectStore.ensureBucket`) or pass `buckets`.
 */

import { cp, rename } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { makeTempDir } from './temp.js';

/** The part of s3rver 3.7 (CommonJS, no bundled types) used here. */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
}
type S3rverClass = new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
}) => S3rverInstance;
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;

export interface StartedS3 {
  /** `http://127.0.0.1:<port>`: use path-style addressing. */
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Closes the server (and its open connections) and removes its directory. */
  stop(): Promise<void>;
  /** Closes the server and moves its directory to `target` (must not exist): a template to start `from`. */
  keep(target: string): Promise<void>;
}

export async function startS3(
  options: {
    buckets?: string[];
    /** A directory kept by `keep`: the server starts on a copy of its buckets and objects. */
    from?: string;
  } = {},
): Promise<StartedS3> {
  const dir = await makeTempDir('cunmen-s3-');
  // s3rver keeps buckets, objects and their metadata as plain files: a copy is a complete store.
  if (options.from !== undefined) await cp(options.from, dir.path, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: dir.path,
    silent: true,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name })),
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    async stop() {
      server.httpServer?.closeAllConnections();
      await server.close();
      await dir.remove();
    },
    async keep(target) {
      server.httpServer?.closeAllConnections();
      await server.close();
      await rename(dir.path, target);
    },
  };
}

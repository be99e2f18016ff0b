/** Temporary directories removed when the test file finishes. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

export async function makeTempDir(prefix = 'cunmen-'): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  made.push(path);
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * Where the shell keeps its audit checkpoints and the key that signs them: both in the data directory,
 * outside the database.
 *
 * Why a key of the shell's own, not the province key: the shell never holds the province's private key
 * (it only verifies releases with the public one), and must not, since a shell host compromised would
 * then sign releases. A key the shell keeps beside its data still separates the two things an attacker
 * may hold: write access to the database (a SQL injection, a leaked PostgreSQL password, a careless
 * DBA) is not read access to this file, so a truncated log cannot be matched by a new checkpoint.
 * Against someone who owns the host, copy the checkpoints (and the `.pub` key) off it.
 */
import { join } from 'node:path';
import { CHECKPOINT_DIR, type CheckpointKey, loadOrCreateCheckpointKey } from '@cunmen/audit-log';

/** The `service` the shell's checkpoints name. */
export const SHELL_AUDIT_SERVICE = 'shell';

export const shellCheckpointDir = (dataDir: string): string => join(dataDir, CHECKPOINT_DIR);

export const shellCheckpointKeyFile = (dataDir: string): string =>
  join(dataDir, 'keys', 'audit-checkpoint-ed25519.key');

export function shellCheckpointKey(dataDir: string): CheckpointKey {
  return loadOrCreateCheckpointKey(shellCheckpointKeyFile(dataDir));
}

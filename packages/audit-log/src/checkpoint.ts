/**
 * Signed checkpoints of the audit log's head, kept OUTSIDE the database (`<data>/audit-checkpoints/`).
 *
 * The hash chain (./chain.ts) proves order and content but not completeness: rows cut off the tail leave
 * a shorter chain that still verifies. A checkpoint records the head hash and entry count at a moment,
 * signed with an Ed25519 key the database does not hold, so someone who can write to the database
 * (and drop its triggers) can neither hide the truncation nor write a new checkpoint that matches it.
 * `verifyAgainstCheckpoint` then names the missing range, or the row that no longer matches.
 *
 * The signed bytes start with a fixed context line, so a checkpoint signature can never be passed off
 * as a signature over anything else made with the same key (the registry signs with the province key,
 * which also signs release approvals).
 */
import { type KeyObject, sign, verify } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '@cunmen/manifest';
import { GENESIS_HASH } from './chain.js';
import type { AuditLog } from './types.js';

/** The directory under a service's data directory that holds its checkpoints. */
export const CHECKPOINT_DIR = 'audit-checkpoints';
const CONTEXT = 'cunmen-audit-checkpoint/v1\n';

export interface AuditCheckpoint {
  version: 1;
  /** Which service's log (`shell`, `registry`): a checkpoint of one never vouches for the other. */
  service: string;
  /** The hash of entry `count` (64 zeros for an empty log). */
  head: string;
  count: number;
  /** When the head was read (ISO). */
  at: string;
  /** Ed25519 over the context line and the canonical JSON of the fields above, base64. */
  signature: string;
}

type Unsigned = Omit<AuditCheckpoint, 'signature'>;

function signedBytes(c: Unsigned): Buffer {
  const body = { version: c.version, service: c.service, head: c.head, count: c.count, at: c.at };
  return Buffer.from(CONTEXT + canonicalJson(body), 'utf8');
}

export function signCheckpoint(c: Omit<Unsigned, 'version'>, privateKey: KeyObject): AuditCheckpoint {
  const unsigned: Unsigned = { version: 1, ...c };
  return { ...unsigned, signature: sign(null, signedBytes(unsigned), privateKey).toString('base64') };
}

export function checkpointSignatureValid(c: AuditCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, signedBytes(c), publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

/** Reads the log's head now, signs it, and writes it to `dir` (created); returns the file's path. */
export async function writeCheckpoint(
  log: AuditLog,
  dir: string,
  service: string,
  privateKey: KeyObject,
): Promise<{ path: string; checkpoint: AuditCheckpoint }> {
  const verified = await log.verify();
  // A broken chain is not signed: a checkpoint vouches for a log that verified when it was taken.
  if (!verified.ok) throw new Error(`the audit log is broken at entry ${verified.seq}: ${verified.problem}`);
  const checkpoint = signCheckpoint(
    { service, head: verified.head, count: verified.count, at: new Date().toISOString() },
    privateKey,
  );
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = `${checkpoint.at.replace(/[:.]/g, '-')}-${checkpoint.count}.json`;
  const path = join(dir, name);
  // Written aside and renamed into place: a reader never sees half a checkpoint.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(checkpoint, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
  return { path, checkpoint };
}

/** The newest checkpoint file in `dir` (names sort by time), or null when there is none. */
export function latestCheckpointFile(dir: string): string | null {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return null;
  }
  const last = names.sort().at(-1);
  return last === undefined ? null : join(dir, last);
}

/** Parses a checkpoint file, throwing a plain message when it is not one. */
export function readCheckpoint(path: string): AuditCheckpoint {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path} is not a readable checkpoint (${(err as Error).message})`);
  }
  const c = raw as Partial<AuditCheckpoint>;
  const valid =
    c !== null &&
    typeof c === 'object' &&
    c.version === 1 &&
    typeof c.service === 'string' &&
    typeof c.head === 'string' &&
    /^[0-9a-f]{64}$/.test(c.head) &&
    Number.isSafeInteger(c.count) &&
    (c.count as number) >= 0 &&
    typeof c.at === 'string' &&
    typeof c.signature === 'string';
  if (!valid) throw new Error(`${path} is not an audit checkpoint (version 1)`);
  return c as AuditCheckpoint;
}

export type CheckpointVerification =
  | { ok: true; count: number; head: string }
  | { ok: false; problem: string; missing?: { from: number; to: number } };

/**
 * Checks the log against a checkpoint: its signature (with `publicKey`), its service, the chain, and
 * that the log still holds entry `count` with the checkpoint's hash (entries after it are new, fine).
 */
export async function verifyAgainstCheckpoint(
  log: AuditLog,
  checkpoint: AuditCheckpoint,
  publicKey: KeyObject,
  service: string,
): Promise<CheckpointVerification> {
  if (!checkpointSignatureValid(checkpoint, publicKey)) {
    return { ok: false, problem: 'the checkpoint signature is not valid for this key (forged or altered)' };
  }
  if (checkpoint.service !== service) {
    return {
      ok: false,
      problem: `the checkpoint is of the ${checkpoint.service} log, not the ${service} log`,
    };
  }
  const chain = await log.verify();
  if (!chain.ok) return { ok: false, problem: `entry ${chain.seq}: ${chain.problem}` };
  if (chain.count < checkpoint.count) {
    const from = chain.count + 1;
    return {
      ok: false,
      problem: `entries ${from}–${checkpoint.count} are missing: the log ends at ${chain.count}, the checkpoint of ${checkpoint.at} saw ${checkpoint.count}`,
      missing: { from, to: checkpoint.count },
    };
  }
  const at =
    checkpoint.count === 0
      ? GENESIS_HASH
      : (await log.list({ after: checkpoint.count - 1, limit: 1 }))[0]?.hash;
  if (at !== checkpoint.head) {
    return {
      ok: false,
      problem: `entry ${checkpoint.count} is not the one the checkpoint of ${checkpoint.at} saw: the log was rewritten`,
    };
  }
  return { ok: true, count: chain.count, head: chain.head };
}

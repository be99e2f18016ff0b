/**
 * The operator commands behind `cunmen-registry`, kept free of argument parsing so tests call them
 * directly. Each opens the data directory, does one thing, and closes it.
 */
import { scopeSchema } from '@cunmen/manifest';
import { loadOrCreateKeys } from './services/keys.js';
import { checkPasswordStrength, hashPassword } from './services/passwords.js';
import {
  type Actor,
  approveRelease,
  inspectRelease,
  markStandard,
  parseSpec,
  rejectRelease,
  yankRelease,
} from './services/review.js';
import { hashToken, newToken } from './services/tokens.js';
import { openStorage } from './storage/index.js';
import type { Role, Storage } from './storage/types.js';

export { parseSpec };

export class UsageError extends Error {}

export interface AddUserInput {
  dataDir: string;
  name: string;
  role: string;
  county: string;
  scope?: string;
}

/** Creates a user and its first token; returns the token (shown once, stored only hashed). */
export async function addUser(input: AddUserInput): Promise<{ token: string; userId: number }> {
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(input.name)) {
    throw new UsageError(`--name "${input.name}" must be lower-case letters, digits, ".", "_" or "-"`);
  }
  if (input.role !== 'province' && input.role !== 'county') {
    throw new UsageError(`--role "${input.role}" must be "province" or "county"`);
  }
  if (!/^\d{6}$/.test(input.county)) {
    throw new UsageError(`--county "${input.county}" must be a 6-digit division code such as 330521`);
  }
  if (input.scope !== undefined && !scopeSchema.safeParse(input.scope).success) {
    throw new UsageError(`--scope "${input.scope}" must be an npm scope such as @deqing`);
  }
  const storage = await openStorage(input.dataDir);
  try {
    if (await storage.meta.findUserByName(input.name)) {
      throw new UsageError(`a user named "${input.name}" already exists`);
    }
    const user = await storage.meta
      .createUser({
        name: input.name,
        role: input.role as Role,
        county: input.county,
        scope: input.scope ?? null,
      })
      .catch((err: unknown) => {
        if (String((err as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) {
          throw new UsageError(`scope ${input.scope} already belongs to another user`);
        }
        throw err;
      });
    const token = newToken();
    await storage.meta.addToken(user.id, hashToken(token));
    await storage.audit.append({
      actor: 'operator',
      action: 'user.add',
      subject: `user:${user.name}`,
      detail: { role: user.role, county: user.county, scope: user.scope },
      ip: 'local',
    });
    return { token, userId: user.id };
  } finally {
    await storage.meta.close();
  }
}

/** Opens the data directory, runs `fn`, and closes it again, whatever happens. */
export async function withStorage<T>(dataDir: string, fn: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = await openStorage(dataDir);
  try {
    return await fn(storage);
  } finally {
    await storage.meta.close();
  }
}

const OPERATOR: Actor = { user: null, ip: 'local' };

/** Approves and signs a pending version with the province key in the data directory. */
export async function approve(dataDir: string, spec: string, grant?: string[]) {
  const { name, version } = parseSpec(spec);
  const keys = loadOrCreateKeys(dataDir);
  return withStorage(dataDir, (storage) => approveRelease(storage, keys, OPERATOR, { name, version, grant }));
}

export async function reject(dataDir: string, spec: string, reason: string) {
  const { name, version } = parseSpec(spec);
  return withStorage(dataDir, (storage) => rejectRelease(storage, OPERATOR, name, version, reason));
}

export async function show(dataDir: string, spec: string) {
  const { name, version } = parseSpec(spec);
  return withStorage(dataDir, (storage) => inspectRelease(storage, name, version));
}

export async function yank(dataDir: string, spec: string, reason: string) {
  const { name, version } = parseSpec(spec);
  return withStorage(dataDir, (storage) => yankRelease(storage, OPERATOR, name, version, reason));
}

export async function setStandard(dataDir: string, name: string, standard: boolean) {
  return withStorage(dataDir, (storage) => markStandard(storage, OPERATOR, name, standard));
}

export async function setPassword(dataDir: string, name: string, password: string): Promise<void> {
  const weak = checkPasswordStrength(password);
  if (weak) throw new UsageError(weak);
  await withStorage(dataDir, async (storage) => {
    const user = await storage.meta.findUserByName(name);
    if (!user) throw new UsageError(`no user named "${name}"`);
    await storage.meta.setPasswordHash(user.id, await hashPassword(password));
    await storage.audit.append({
      actor: 'operator',
      action: 'user.password',
      subject: `user:${name}`,
      ip: 'local',
    });
  });
}

/** Revokes a token; the registry refuses it from then on. */
export async function revokeToken(dataDir: string, token: string): Promise<void> {
  const storage = await openStorage(dataDir);
  try {
    const hash = hashToken(token);
    const owner = await storage.meta.findUserByTokenHash(hash);
    if (!(await storage.meta.revokeToken(hash))) {
      throw new UsageError('that token is unknown or already revoked');
    }
    // The audit log names the token by a prefix of its hash, never the token itself.
    await storage.audit.append({
      actor: 'operator',
      action: 'token.revoke',
      subject: `user:${owner?.name ?? 'unknown'}`,
      detail: { tokenHash: hash.slice(0, 16) },
      ip: 'local',
    });
  } finally {
    await storage.meta.close();
  }
}

export interface PendingLine {
  spec: string;
  publishedBy: string;
  publishedAt: string;
  tarballSize: number;
}

/** The versions waiting for review, oldest first. */
export async function listPending(dataDir: string): Promise<PendingLine[]> {
  const storage = await openStorage(dataDir);
  try {
    const pending = await storage.meta.listPending();
    const names = new Map<number, string>();
    const lines: PendingLine[] = [];
    for (const v of pending) {
      if (!names.has(v.publishedBy)) {
        names.set(
          v.publishedBy,
          (await storage.meta.findUserById(v.publishedBy))?.name ?? `#${v.publishedBy}`,
        );
      }
      lines.push({
        spec: `${v.name}@${v.version}`,
        publishedBy: names.get(v.publishedBy) ?? '',
        publishedAt: v.publishedAt,
        tarballSize: v.tarballSize,
      });
    }
    return lines;
  } finally {
    await storage.meta.close();
  }
}

/**
 * The operator commands behind `cunmen-registry`, kept free of argument parsing so tests call them
 * directly. Each opens the data directory, does one thing, and closes it.
 */
import { scopeSchema } from '@cunmen/manifest';
import { hashToken, newToken } from './services/tokens.js';
import { openStorage } from './storage/index.js';
import type { Role } from './storage/types.js';

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
    return { token, userId: user.id };
  } finally {
    await storage.meta.close();
  }
}

/** `@scope/name@1.2.3` → name and version. */
export function parseSpec(spec: string): { name: string; version: string } {
  const at = spec.lastIndexOf('@');
  if (at <= 0) throw new UsageError(`"${spec}" is not <name>@<version>, e.g. @deqing/hello@1.0.0`);
  return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

/**
 * Marks a pending version approved and points its requested dist-tag at it. Signing the approval
 * with the province Ed25519 key is not implemented yet: approval here is only the status change.
 */
export async function approve(dataDir: string, spec: string): Promise<'approved' | 'already'> {
  const { name, version } = parseSpec(spec);
  const storage = await openStorage(dataDir);
  try {
    const outcome = await storage.meta.approveVersion(name, version, null);
    if (outcome === 'missing') throw new UsageError(`${name}@${version} has not been published`);
    return outcome;
  } finally {
    await storage.meta.close();
  }
}

/** Revokes a token; the registry refuses it from then on. */
export async function revokeToken(dataDir: string, token: string): Promise<void> {
  const storage = await openStorage(dataDir);
  try {
    if (!(await storage.meta.revokeToken(hashToken(token)))) {
      throw new UsageError('that token is unknown or already revoked');
    }
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

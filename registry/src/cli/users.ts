/** `cunmen-registry user add`, `user password`, `token revoke`. */
import {
  type CliCommand,
  CommandRefusal,
  optionalString,
  readStdin,
  requiredString,
} from '@cunmen/command-line';
import { scopeSchema } from '@cunmen/manifest';
import { createAccount, revokeAccountToken, setAccountPassword } from '../services/accounts.js';
import { OPERATOR } from '../services/actor.js';
import { checkPasswordStrength } from '../services/passwords.js';
import type { Role } from '../storage/types.js';
import { DATA_DEFAULT_HELP } from './data-dir.js';
import { withStorage } from './storage.js';

export interface AddUserInput {
  dataDir: string;
  name: string;
  role: string;
  county: string;
  scope?: string;
}

const ROLES: readonly Role[] = ['province', 'county', 'usage-reporter'];

/** Creates a user and its first token; returns the token (shown once, stored only hashed). */
export async function addUser(input: AddUserInput): Promise<{ token: string; userId: number }> {
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(input.name)) {
    throw new CommandRefusal(`--name "${input.name}" must be lower-case letters, digits, ".", "_" or "-"`);
  }
  if (!ROLES.includes(input.role as Role)) {
    throw new CommandRefusal(`--role "${input.role}" must be "province", "county" or "usage-reporter"`);
  }
  if (input.role === 'usage-reporter' && input.scope !== undefined) {
    throw new CommandRefusal('a usage-reporter publishes nothing: give it no --scope');
  }
  if (!/^\d{6}$/.test(input.county)) {
    throw new CommandRefusal(`--county "${input.county}" must be a 6-digit division code such as 330521`);
  }
  if (input.scope !== undefined && !scopeSchema.safeParse(input.scope).success) {
    throw new CommandRefusal(`--scope "${input.scope}" must be an npm scope such as @deqing`);
  }
  const newUser = {
    name: input.name,
    role: input.role as Role,
    county: input.county,
    scope: input.scope ?? null,
  };
  const { user, token } = await withStorage(input.dataDir, (storage) =>
    createAccount(storage, OPERATOR, newUser),
  );
  return { token, userId: user.id };
}

/** Sets the password a user gives to `npm login`. */
export async function setPassword(dataDir: string, name: string, password: string): Promise<void> {
  const weak = checkPasswordStrength(password);
  if (weak) throw new CommandRefusal(weak);
  await withStorage(dataDir, (storage) => setAccountPassword(storage, OPERATOR, name, password));
}

/** Revokes a token; the registry refuses it from then on. */
export async function revokeToken(dataDir: string, token: string): Promise<void> {
  await withStorage(dataDir, (storage) => revokeAccountToken(storage, OPERATOR, token));
}

export const userCommands: CliCommand[] = [
  {
    name: 'user add',
    summary: 'create a user and print its token',
    help: `Usage: cunmen-registry user add --name <n> --role province|county|usage-reporter --county <code> [--scope @x] [--data <dir>]

Creates a user and prints its token once (only a hash is stored).
  --name    user name (lower case)
  --role    province, county, or usage-reporter (a shell's token: it may only report portal usage)
  --county  6-digit division code, e.g. 330521
  --scope   npm scope the user may publish to, e.g. @deqing
  --data    data directory ${DATA_DEFAULT_HELP}
`,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      county: { type: 'string' },
      scope: { type: 'string' },
    },
    async run(ctx) {
      const { token } = await addUser({
        dataDir: ctx.dataDir,
        name: requiredString(ctx, 'name'),
        role: requiredString(ctx, 'role'),
        county: requiredString(ctx, 'county'),
        scope: optionalString(ctx, 'scope'),
      });
      ctx.err('user created; its token (shown only now):\n');
      ctx.out(`${token}\n`);
    },
  },
  {
    name: 'token revoke',
    summary: 'revoke a token',
    help: `Usage: cunmen-registry token revoke <token> [--data <dir>]

Revokes a token: the registry refuses it from then on.
  --data    data directory ${DATA_DEFAULT_HELP}
`,
    positionals: { min: 1, max: 1, label: 'exactly one token' },
    async run(ctx) {
      await revokeToken(ctx.dataDir, ctx.positionals[0] as string);
      ctx.out('token revoked\n');
    },
  },
];

export const passwordCommands: CliCommand[] = [
  {
    name: 'user password',
    summary: "set a user's password for npm login (read from stdin)",
    help: `Usage: cunmen-registry user password --name <n> [--data <dir>]  < password-file

Sets the password a user gives to \`npm login\` (web or legacy), read from standard input so it never
appears in the shell history. At least 12 characters. Existing tokens stay valid.
  --name    user name
  --data    data directory ${DATA_DEFAULT_HELP}
`,
    options: { name: { type: 'string' } },
    async run(ctx) {
      const name = requiredString(ctx, 'name');
      await setPassword(ctx.dataDir, name, await readStdin());
      ctx.out(`password set for ${name}\n`);
    },
  },
];

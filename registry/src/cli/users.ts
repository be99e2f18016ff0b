/** `cunmen-registry user add`, `token revoke`. */
import { addUser, revokeToken, setPassword } from '../commands.js';
import { type CliCommand, optionalString, readStdin, requiredString } from './command.js';

export const userCommands: CliCommand[] = [
  {
    name: 'user add',
    summary: 'create a user and print its token',
    help: `Usage: cunmen-registry user add --name <n> --role province|county --county <code> [--scope @x] --data <dir>

Creates a user and prints its token once (only a hash is stored).
  --name    user name (lower case)
  --role    province or county
  --county  6-digit division code, e.g. 330521
  --scope   npm scope the user may publish to, e.g. @deqing
  --data    data directory
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
    help: `Usage: cunmen-registry token revoke <token> --data <dir>

Revokes a token: the registry refuses it from then on.
  --data    data directory
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
    help: `Usage: cunmen-registry user password --name <n> --data <dir>  < password-file

Sets the password a user gives to \`npm login\` (web or legacy), read from standard input so it never
appears in the shell history. At least 12 characters. Existing tokens stay valid.
  --name    user name
  --data    data directory
`,
    options: { name: { type: 'string' } },
    async run(ctx) {
      const name = requiredString(ctx, 'name');
      await setPassword(ctx.dataDir, name, await readStdin());
      ctx.out(`password set for ${name}\n`);
    },
  },
];

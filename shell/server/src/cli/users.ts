/** `cunmen-shell user add|link-oidc|unlink-oidc`. */

import { readStdin } from '@cunmen/command-line';
import { maskedPhone, PHONE } from '../identity/channel-input.js';
import { hashPassword, passwordProblem } from '../identity/passwords.js';
import { divisionMismatch, isRole, ROLES } from '../identity/roles.js';
import { type CliCommand, type CliContext, optionalString } from './command.js';
import { openCliStorage } from './database.js';
import { oidcLinkCommands } from './users-oidc.js';

export const userCommands: CliCommand[] = [
  {
    name: 'user add',
    summary: 'create an account (password read from stdin)',
    help: `Usage: cunmen-shell user add --name <n> --role <role> --division <code> [--display-name <text>] [--household <no>] [--phone <mobile>] --data <dir>  < password-file

Creates an account that signs in with a password (read from standard input, at least 12 characters) or
through the provincial identity platform (send an empty password, then user link-oidc).
Province and county roles enrol a TOTP second factor at their first sign-in.
  --name          sign-in name (lower-case letters, digits, ".", "_", "-")
  --role          ${ROLES.join(' | ')}
  --division      the division code the role is scoped to (6 digits for province and county roles,
                  9 for township staff, 12 for village roles)
  --display-name  the name shown in the consoles (default: --name)
  --household     a resident's household number (户号), e.g. H-0012
  --phone         a resident's mobile number (11 digits): pre-registers it, so the resident's first
                  phone sign-in (SMS code) signs in to this account
  --data          data directory
`,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      division: { type: 'string' },
      'display-name': { type: 'string' },
      household: { type: 'string' },
      phone: { type: 'string' },
    },
    async run(ctx: CliContext) {
      const name = optionalString(ctx, 'name') ?? ctx.fail('--name is required');
      const role = optionalString(ctx, 'role') ?? ctx.fail('--role is required');
      const division = optionalString(ctx, 'division') ?? ctx.fail('--division is required');
      if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(name))
        ctx.fail(`--name "${name}" must be lower-case letters, digits, ".", "_" or "-"`);
      if (!isRole(role)) ctx.fail(`--role "${role}" must be one of ${ROLES.join(', ')}`);
      const mismatch = divisionMismatch(role, division);
      if (mismatch) ctx.fail(`--division "${division}": ${mismatch}`);
      const household = optionalString(ctx, 'household') ?? null;
      if (household !== null && role !== 'resident') ctx.fail('--household is for residents only');
      if (household !== null && !/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(household))
        ctx.fail(`--household "${household}" must be letters, digits, "_" or "-" (at most 32)`);
      const phone = optionalString(ctx, 'phone') ?? null;
      if (phone !== null && role !== 'resident') ctx.fail('--phone is for residents only');
      if (phone !== null && !PHONE.test(phone))
        ctx.fail(`--phone "${phone}" must be a mainland mobile number: 11 digits, starting with 13–19`);
      const password = await readStdin();
      if (password !== '') {
        const problem = passwordProblem(password);
        if (problem) ctx.fail(problem);
      }
      const storage = await openCliStorage(ctx);
      try {
        if (await storage.identity.findUserByName(name))
          ctx.fail(`an account named "${name}" already exists`);
        if (phone !== null && (await storage.identity.findUserByPhone(phone)))
          ctx.fail(`the phone number ${maskedPhone(phone)} belongs to another account`);
        await storage.identity.createUser({
          name,
          displayName: optionalString(ctx, 'display-name') ?? name,
          role,
          division,
          household,
          passwordHash: password === '' ? null : await hashPassword(password),
          phone,
        });
        ctx.out(`account ${name} (${role}, ${division}) created\n`);
      } finally {
        await storage.close();
      }
    },
  },
  ...oidcLinkCommands,
];

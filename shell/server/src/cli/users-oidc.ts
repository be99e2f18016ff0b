/**
 * `cunmen-shell user link-oidc|unlink-oidc`: which person of the provincial identity platform (issuer and
 * `sub`) signs in as which shell account. Only an operator links; sign-in never links by itself (see
 * identity/oidc.ts). Both are in the audit log.
 */
import { CommandRefusal } from '@cunmen/command-line';
import { type CliCommand, type CliContext, optionalString, urlOption } from './command.js';
import { openCliStorage } from './database.js';

function requiredOption(ctx: CliContext, key: string): string {
  return optionalString(ctx, key) ?? ctx.fail(`--${key} is required`);
}

export const oidcLinkCommands: CliCommand[] = [
  {
    name: 'user link-oidc',
    summary: 'link an account to a person of the provincial identity platform (issuer + sub)',
    help: `Usage: cunmen-shell user link-oidc --name <account> --issuer <url> --subject <sub> --data <dir>

Lets the person the identity platform names by --subject (the ID token's "sub" claim, as the platform's
administrators give it; never a user name people choose) sign in as the account. An account has at most
one link; a person links to one account.
  --name     the shell account
  --issuer   the platform's issuer URL, exactly as in serve --oidc-issuer
  --subject  the person's "sub"
  --data     data directory
`,
    options: { name: { type: 'string' }, issuer: { type: 'string' }, subject: { type: 'string' } },
    async run(ctx: CliContext) {
      const name = requiredOption(ctx, 'name');
      const issuer = urlOption(ctx, 'issuer') ?? ctx.fail('--issuer is required');
      const sub = requiredOption(ctx, 'subject');
      if (/\s/.test(sub) || sub.length > 255)
        ctx.fail('--subject must be one word of at most 255 characters');
      const subject = `${issuer} ${sub}`;
      const storage = await openCliStorage(ctx);
      try {
        const user = await storage.identity.findUserByName(name);
        if (!user) throw new CommandRefusal(`no account named "${name}"`);
        const holder = await storage.identity.findUserByOidcSubject(subject);
        if (holder && holder.id !== user.id) {
          throw new CommandRefusal(`${subject} is already linked to "${holder.name}"; unlink it there first`);
        }
        if (user.oidcSubject !== null && user.oidcSubject !== subject) {
          throw new CommandRefusal(`"${name}" is linked to ${user.oidcSubject}; unlink it first`);
        }
        await storage.identity.updateUser(user.id, { oidcSubject: subject });
        await storage.audit.append({
          actor: 'operator',
          action: 'auth.oidc-link',
          subject: `user:${name}`,
          detail: { oidcSubject: subject },
        });
        ctx.out(`account ${name} signs in as ${subject}\n`);
      } finally {
        await storage.close();
      }
    },
  },
  {
    name: 'user unlink-oidc',
    summary: 'remove the identity-platform link of an account',
    help: `Usage: cunmen-shell user unlink-oidc --name <account> --data <dir>

The account no longer signs in through the provincial identity platform (its sessions stay until they
end or it signs out).
  --name    the shell account
  --data    data directory
`,
    options: { name: { type: 'string' } },
    async run(ctx: CliContext) {
      const name = requiredOption(ctx, 'name');
      const storage = await openCliStorage(ctx);
      try {
        const user = await storage.identity.findUserByName(name);
        if (!user) throw new CommandRefusal(`no account named "${name}"`);
        if (user.oidcSubject === null) throw new CommandRefusal(`"${name}" has no identity-platform link`);
        await storage.identity.updateUser(user.id, { oidcSubject: null });
        await storage.audit.append({
          actor: 'operator',
          action: 'auth.oidc-unlink',
          subject: `user:${name}`,
          detail: { oidcSubject: user.oidcSubject },
        });
        ctx.out(`account ${name} no longer signs in as ${user.oidcSubject}\n`);
      } finally {
        await storage.close();
      }
    },
  },
];

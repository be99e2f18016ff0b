// Who the demo content comes from: the shell's demo accounts (seed-shell.mjs) and the residents each
// village's cadre gives a sign-in account in the household register (households.mjs). A new account's
// password is saved before the account is asked for, so a run that stops half-way can sign it in later.
// Each person signs in once per run: the shell allows 10 sign-ins a minute from one address.

import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readShellAccounts } from '../seed-shell.mjs';
import { ContentSeedError, signIn } from './client.mjs';

/** The residents' accounts the content made (name, division, display name, password). */
export const contentAccountsFile = (shellData) => join(shellData, 'demo-content-accounts.json');

function readContentAccounts(shellData) {
  try {
    return JSON.parse(readFileSync(contentAccountsFile(shellData), 'utf8'));
  } catch {
    return [];
  }
}

export class People {
  #sessions = new Map();

  constructor({ shellUrl, consoleUrl, shellData, say }) {
    this.shellUrl = shellUrl;
    // Staff sign in on the console's origin (the resident origin refuses them when a console runs).
    this.consoleUrl = consoleUrl ?? shellUrl;
    this.shellData = shellData;
    this.say = say;
    this.shellAccounts = readShellAccounts(shellData);
    this.contentAccounts = readContentAccounts(shellData);
  }

  #find(name) {
    return [...this.shellAccounts, ...this.contentAccounts].find((a) => a.name === name);
  }

  /** The name of the village's account with `role` (`village-cadre`, `supervisor`), if there is one. */
  accountOf(village, role) {
    return this.shellAccounts.find((a) => a.role === role && a.division === village)?.name ?? null;
  }

  /** Every account of the village with `role`, in the order they were made. */
  accountsOf(village, role) {
    return this.shellAccounts.filter((a) => a.role === role && a.division === village).map((a) => a.name);
  }

  roleOf(name) {
    return this.#find(name)?.role ?? null;
  }

  has(name) {
    return this.#find(name) !== undefined;
  }

  /** The password of a resident's new account, saved (mode 0600) before the account is created. */
  passwordFor(name, division, display) {
    const known = this.#find(name);
    if (known) return known.password;
    const account = {
      name,
      role: 'resident',
      division,
      display,
      password: `demo-${randomBytes(6).toString('hex')}`,
    };
    this.contentAccounts.push(account);
    const file = contentAccountsFile(this.shellData);
    writeFileSync(file, `${JSON.stringify(this.contentAccounts, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return account.password;
  }

  /** The signed-in session of `name` (signed in on first use). */
  session(name) {
    if (!this.#sessions.has(name)) {
      const account = this.#find(name);
      if (!account) throw new ContentSeedError(`no demo account ${name} in ${this.shellData}`);
      const origin = account.role === 'resident' ? this.shellUrl : this.consoleUrl;
      // Staff act on the console, where a cadre page's widget credential is minted by name for the
      // session; residents' come from a portal page load's ticket.
      const signedIn = signIn(origin, name, account.password, this.say).then((session) => {
        session.onConsole = origin === this.consoleUrl;
        return session;
      });
      this.#sessions.set(name, signedIn);
      signedIn.catch(() => this.#sessions.delete(name));
    }
    return this.#sessions.get(name);
  }
}

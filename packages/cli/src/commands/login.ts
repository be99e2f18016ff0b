/**
 * `cunmen login --registry <url>`: stores a token in the user's .npmrc exactly as `npm login` does, so
 * `npm publish` and `cunmen publish` share it. A county token from `cunmen-registry user add` can be
 * given with --token; otherwise the legacy CouchDB login (user name and password) is used.
 *
 * The password never has to be on the command line, where the shell history and the process list keep
 * it: like `docker login --password-stdin`, it is read from standard input, from CUNMEN_PASSWORD, or
 * asked for (hidden) in a terminal.
 */
import * as prompts from '@clack/prompts';
import { nerfDart, normalizeRegistry, setNpmrcKeys, userNpmrcPath } from '../npmrc.js';
import { CliError, green, yellow } from '../output.js';
import { send } from '../registry-client.js';
import { refusedBy } from '../registry-refusal.js';

export interface LoginOptions {
  registry: string;
  token?: string;
  username?: string;
  /** Given with --password: works, but warns (it is visible to every user of the machine). */
  password?: string;
  /** Read the password from standard input (--password-stdin). */
  passwordStdin?: boolean;
}

/** Where the password comes from when --password is not given. */
export interface PasswordSources {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** All of a stream, less one final line break (`printf`, `echo` and files all end differently). */
export async function readSecret(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function passwordFor(options: LoginOptions, sources: PasswordSources): Promise<string | undefined> {
  if (options.passwordStdin) {
    if (options.password !== undefined)
      throw new CliError('--password and --password-stdin cannot be used together', 2);
    const password = await readSecret(sources.stdin);
    if (password === '') throw new CliError('--password-stdin: standard input was empty', 2);
    return password;
  }
  if (options.password !== undefined) {
    process.stderr.write(
      `${yellow('warning')} --password leaves the password in the shell history and the process list; use --password-stdin or CUNMEN_PASSWORD\n`,
    );
    return options.password;
  }
  if (sources.env.CUNMEN_PASSWORD) return sources.env.CUNMEN_PASSWORD;
  if (sources.stdin.isTTY !== true) return undefined;
  const typed = await prompts.password({ message: `Password for ${options.username}` });
  if (prompts.isCancel(typed)) throw new CliError('cancelled', 130);
  return String(typed);
}

async function tokenFromPassword(registry: string, username: string, password: string): Promise<string> {
  const body = Buffer.from(
    JSON.stringify({
      _id: `org.couchdb.user:${username}`,
      name: username,
      password,
      type: 'user',
      roles: [],
      date: new Date().toISOString(),
    }),
  );
  const res = await send({
    method: 'PUT',
    url: `${registry}-/user/org.couchdb.user:${encodeURIComponent(username)}`,
    body,
  });
  if (res.status >= 300) throw refusedBy(`login refused by ${registry}`, res);
  const token = (res.body as { token?: string } | null)?.token;
  if (!token) throw new CliError(`login to ${registry} returned no token`);
  return token;
}

export async function loginCommand(
  options: LoginOptions,
  sources: PasswordSources = { env: process.env, stdin: process.stdin },
): Promise<string> {
  const registry = normalizeRegistry(options.registry);
  let token = options.token;
  if (token !== undefined && (options.passwordStdin || options.password !== undefined))
    throw new CliError('give either --token or a password, not both', 2);
  if (!token) {
    if (!options.username) {
      throw new CliError(
        'login needs --token <token>, or --username <name> with the password on standard input (--password-stdin) or in CUNMEN_PASSWORD',
        2,
      );
    }
    const password = await passwordFor(options, sources);
    if (!password) {
      throw new CliError(
        `no password for ${options.username}: pipe it to --password-stdin or set CUNMEN_PASSWORD`,
        2,
      );
    }
    token = await tokenFromPassword(registry, options.username, password);
  }
  const who = await send({ method: 'GET', url: `${registry}-/whoami`, token });
  if (who.status !== 200) throw refusedBy(`the token was not accepted by ${registry}`, who);
  const username = (who.body as { username?: string } | null)?.username ?? '(unknown)';
  setNpmrcKeys(userNpmrcPath(), { [`${nerfDart(registry)}:_authToken`]: token });
  process.stdout.write(
    `${green('✓')} logged in to ${registry} as ${username} (token saved in ${userNpmrcPath()})\n`,
  );
  return username;
}

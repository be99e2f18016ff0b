/**
 * `cunmen login --registry <url>`: stores a token in the user's .npmrc exactly as `npm login` does, so
 * `npm publish` and `cunmen publish` share it. A county token from `cunmen-registry user add` can be
 * given with --token; otherwise the legacy CouchDB login (user name and password) is used.
 */
import { nerfDart, normalizeRegistry, setNpmrcKeys, userNpmrcPath } from '../npmrc.js';
import { CliError, green } from '../output.js';
import { send } from '../registry-client.js';
import { refusedBy } from '../registry-refusal.js';

export interface LoginOptions {
  registry: string;
  token?: string;
  username?: string;
  password?: string;
}

export async function loginCommand(options: LoginOptions): Promise<string> {
  const registry = normalizeRegistry(options.registry);
  let token = options.token;
  if (!token) {
    if (!options.username || !options.password) {
      throw new CliError(
        'login needs --token <token>, or --username and --password (set CUNMEN_PASSWORD to avoid the shell history)',
        2,
      );
    }
    const body = Buffer.from(
      JSON.stringify({
        _id: `org.couchdb.user:${options.username}`,
        name: options.username,
        password: options.password,
        type: 'user',
        roles: [],
        date: new Date().toISOString(),
      }),
    );
    const res = await send({
      method: 'PUT',
      url: `${registry}-/user/org.couchdb.user:${encodeURIComponent(options.username)}`,
      body,
    });
    if (res.status >= 300) throw refusedBy(`login refused by ${registry}`, res);
    token = (res.body as { token?: string } | null)?.token;
    if (!token) throw new CliError(`login to ${registry} returned no token`);
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

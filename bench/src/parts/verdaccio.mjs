// The registry's outside baseline: Verdaccio 6.8.0 (pinned in bench/package.json) with file storage,
// no uplink, logging every request as JSON to a file like the registry does, serving the same package
// with the same versions and tarball bytes the registry's own bench publishes.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freePort, startLogged, stopChild, waitForHttp } from '../processes.mjs';

const require = createRequire(import.meta.url);
const verdaccioBin = join(require.resolve('verdaccio/package.json'), '..', 'bin', 'verdaccio');

function config(dir, port) {
  return [
    `storage: ${join(dir, 'storage')}`,
    'auth:',
    '  htpasswd:',
    `    file: ${join(dir, 'htpasswd')}`,
    '    max_users: 10',
    'uplinks: {}',
    'packages:',
    "  '@*/*':",
    '    access: $all',
    '    publish: $authenticated',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    'server:',
    '  keepAliveTimeout: 60',
    'max_body_size: 50mb',
    'log: { type: stdout, format: json, level: http }',
    `listen: 127.0.0.1:${port}`,
    '',
  ].join('\n');
}

/**
 * Starts Verdaccio in `dir` and publishes `versions` (`[{ version, tarball }]`) of `name` as npm does;
 * returns `{ url, stop }`.
 */
export async function startVerdaccio({ dir, name, versions, publishDocument }) {
  const port = await freePort();
  const file = join(dir, 'config.yaml');
  writeFileSync(file, config(dir, port));
  const child = startLogged(process.execPath, [verdaccioBin, '--config', file], {
    logFile: join(dir, 'verdaccio.log'),
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(child, `${url}/-/ping`, 'Verdaccio');
    const user = await fetch(`${url}/-/user/org.couchdb.user:bench`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench', password: 'bench-password-1' }),
    });
    const { token } = await user.json();
    if (!token) throw new Error(`Verdaccio refused the bench user (${user.status})`);
    for (const { version, tarball } of versions) {
      const res = await fetch(`${url}/${name.replace('/', '%2f')}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(publishDocument(name, version, tarball)),
      });
      if (res.status !== 201 && res.status !== 200) {
        throw new Error(`Verdaccio publish ${version}: ${res.status} ${await res.text()}`);
      }
    }
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return { url, stop: () => stopChild(child) };
}

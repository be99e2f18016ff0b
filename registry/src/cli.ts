#!/usr/bin/env node
/** `cunmen-registry`: serve the registry, add users, approve versions. `--help` on every command. */
import { parseArgs } from 'node:util';
import { addUser, approve, listPending, revokeToken, UsageError } from './commands.js';
import { serve } from './server.js';

const HELP: Record<string, string> = {
  main: `Usage: cunmen-registry <command> [options]

Commands:
  serve            run the registry server
  user add         create a user and print its token
  token revoke     revoke a token
  review list      list versions waiting for review
  review approve   approve a pending version

Run "cunmen-registry <command> --help" for a command's options.
`,
  serve: `Usage: cunmen-registry serve --port <n> --data <dir> [--public-url <url>] [--host <addr>] [--max-publish-mb <n>]

  --port        TCP port to listen on
  --data        data directory (SQLite database and blobs; created if missing)
  --public-url  base URL clients reach the registry at; tarball URLs are built from it
                (default http://127.0.0.1:<port>)
  --host        address to bind (default 127.0.0.1)
  --max-publish-mb  largest publish request body in MB (default 50)
`,
  'user add': `Usage: cunmen-registry user add --name <n> --role province|county --county <code> [--scope @x] --data <dir>

Creates a user and prints its token once (only a hash is stored).
  --name    user name (lower case)
  --role    province or county
  --county  6-digit division code, e.g. 330521
  --scope   npm scope the user may publish to, e.g. @deqing
  --data    data directory
`,
  'token revoke': `Usage: cunmen-registry token revoke <token> --data <dir>

Revokes a token: the registry refuses it from then on.
  --data    data directory
`,
  'review list': `Usage: cunmen-registry review list --data <dir>

Lists the versions waiting for review, oldest first: name@version, publisher, time, tarball bytes.
  --data    data directory
`,
  'review approve': `Usage: cunmen-registry review approve <name>@<version> --data <dir>

Marks a pending version approved, so installs and the packument see it, and moves its requested
dist-tag to it. (Signing approvals with the province key is not implemented yet.)
  --data    data directory
`,
};

function fail(message: string, command: string): never {
  process.stderr.write(`cunmen-registry: ${message}\n\n${HELP[command] ?? HELP.main}`);
  process.exit(2);
}

function required(values: Record<string, unknown>, key: string, command: string): string {
  const v = values[key];
  if (typeof v !== 'string' || v === '') fail(`--${key} is required`, command);
  return v;
}

async function main(argv: string[]): Promise<void> {
  const [first, second] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(HELP.main as string);
    return;
  }
  let command: string;
  let rest: string[];
  if (first === 'serve') {
    command = 'serve';
    rest = argv.slice(1);
  } else if (
    (first === 'user' && second === 'add') ||
    (first === 'token' && second === 'revoke') ||
    (first === 'review' && (second === 'approve' || second === 'list'))
  ) {
    command = `${first} ${second}`;
    rest = argv.slice(2);
  } else {
    fail(`unknown command "${argv.slice(0, 2).join(' ')}"`, 'main');
  }

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: command === 'review approve' || command === 'token revoke',
      options: {
        help: { type: 'boolean', short: 'h' },
        data: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'public-url': { type: 'string' },
        'max-publish-mb': { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        county: { type: 'string' },
        scope: { type: 'string' },
      },
    });
  } catch (err) {
    fail((err as Error).message, command);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP[command] as string);
    return;
  }
  const dataDir = required(values, 'data', command);

  if (command === 'serve') {
    const port = Number(required(values, 'port', command));
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a port number', command);
    const publicUrl = values['public-url'];
    const maxMb = Number(values['max-publish-mb'] ?? 50);
    if (!Number.isFinite(maxMb) || maxMb <= 0) fail('--max-publish-mb must be a positive number', command);
    await serve({
      maxPublishBytes: Math.round(maxMb * 1024 * 1024),
      port,
      host: typeof values.host === 'string' ? values.host : '127.0.0.1',
      dataDir,
      publicUrl: typeof publicUrl === 'string' ? publicUrl : undefined,
    });
  } else if (command === 'user add') {
    const { token } = await addUser({
      dataDir,
      name: required(values, 'name', command),
      role: required(values, 'role', command),
      county: required(values, 'county', command),
      scope: typeof values.scope === 'string' ? values.scope : undefined,
    });
    process.stderr.write('user created; its token (shown only now):\n');
    process.stdout.write(`${token}\n`);
  } else if (command === 'token revoke') {
    const token = positionals[0];
    if (!token || positionals.length > 1) fail('give exactly one token', command);
    await revokeToken(dataDir, token);
    process.stdout.write('token revoked\n');
  } else if (command === 'review list') {
    const lines = await listPending(dataDir);
    if (lines.length === 0) process.stdout.write('no versions are waiting for review\n');
    for (const l of lines) {
      process.stdout.write(`${l.spec}\t${l.publishedBy}\t${l.publishedAt}\t${l.tarballSize}\n`);
    }
  } else {
    const spec = positionals[0];
    if (!spec || positionals.length > 1) fail('give exactly one <name>@<version>', command);
    const outcome = await approve(dataDir, spec);
    process.stdout.write(outcome === 'approved' ? `approved ${spec}\n` : `${spec} was already approved\n`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`cunmen-registry: ${err.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`cunmen-registry: unexpected error: ${(err as Error).message}\n`);
  process.exit(1);
});

#!/usr/bin/env node
/** `cunmen-shell serve --port <n> --data <dir>`: runs the shell server until SIGINT/SIGTERM. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';

const usage = `Usage: cunmen-shell serve --port <n> --data <dir> [--host <addr>]

  --port <n>     port to listen on (default 8080)
  --data <dir>   data directory (SQLite and files), created when missing
  --host <addr>  address to bind (default 127.0.0.1)
`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '8080' },
      data: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals[0] !== 'serve') {
    process.stdout.write(usage);
    return values.help ? 0 : 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port: expected an integer between 0 and 65535, got "${values.port}"\n`);
    return 2;
  }
  if (!values.data) {
    process.stderr.write('--data: a data directory is required\n');
    return 2;
  }
  const dataDir = resolve(values.data);
  mkdirSync(dataDir, { recursive: true });
  const app = await buildApp({ dataDir });
  const address = await app.listen({ port, host: values.host });
  process.stdout.write(`cunmen-shell listening on ${address.replace('127.0.0.1', 'localhost')}\n`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`cunmen-shell: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);

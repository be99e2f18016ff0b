/** `cunmen-registry key export`. */

import type { CliCommand } from '@cunmen/command-line';
import { DATA_DEFAULT_HELP } from './data-dir.js';
import { operatorKeys } from './storage.js';

export const keyCommands: CliCommand[] = [
  {
    name: 'key export',
    summary: "print the province's public signing key (PEM) for the shell",
    help: `Usage: cunmen-registry key export [--raw] [--data <dir>]

Prints the province Ed25519 public key that verifies approvals, as SPKI PEM (or, with --raw, the
32-byte key in base64). The key pair is created in <data>/keys/ on first use. The server also serves
it at GET /-/cunmen/v1/keys.
  --raw     print the raw key in base64
  --data    data directory ${DATA_DEFAULT_HELP}
`,
    options: { raw: { type: 'boolean' } },
    async run(ctx) {
      const keys = operatorKeys(ctx.dataDir);
      ctx.out(ctx.values.raw ? `${keys.publicKeyRaw}\n` : keys.publicKeyPem);
    },
  },
];

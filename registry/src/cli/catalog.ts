/** `cunmen-registry catalog reindex`. */
import type { CliCommand } from '@cunmen/command-line';
import { DATA_DEFAULT_HELP } from './data-dir.js';
import { withStorage } from './storage.js';

export const catalogCommands: CliCommand[] = [
  {
    name: 'catalog reindex',
    summary: 'rebuild the catalog and search index from the approved versions',
    help: `Usage: cunmen-registry catalog reindex [--data <dir>]

Rebuilds every package's catalog entry and search text from its approved versions. The registry keeps
the index current by itself; run this after restoring an old backup or if an approval was interrupted
between its commit and its indexing.
  --data    data directory ${DATA_DEFAULT_HELP}
`,
    async run(ctx) {
      const count = await withStorage(ctx.dataDir, (storage) => storage.catalog.reindexAll());
      ctx.out(`catalog rebuilt: ${count} package(s)\n`);
    },
  },
];

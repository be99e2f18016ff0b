/** `cunmen-shell seed-demo`. */

import { DEMO_DIVISIONS } from '../storage/demo.js';
import type { CliCommand } from './command.js';
import { openCliStorage } from './database.js';

export const seedCommands: CliCommand[] = [
  {
    name: 'seed-demo',
    summary: 'add the demo divisions (two counties, three villages)',
    help: `Usage: cunmen-shell seed-demo --data <dir>

Adds the demo division tree: 浙江省 330000 › 德清县 330521 (莫干山镇 › 仙潭村, 阜溪街道 › 五四村) and
山东省 370000 › 沂源县 370323 (燕崖镇 › 朱家户村). Running it again changes nothing.
  --data    data directory
`,
    async run(ctx) {
      const storage = await openCliStorage(ctx);
      try {
        await storage.divisions.upsertDivisions(DEMO_DIVISIONS);
        const villages = await storage.divisions.listVillages();
        for (const v of villages)
          ctx.out(`${v.code}  ${v.county?.name ?? ''} ${v.township?.name ?? ''} ${v.name}\n`);
      } finally {
        await storage.close();
      }
    },
  },
];

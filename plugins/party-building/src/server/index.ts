/**
 * The 党建 back end, mounted by the shell under `/api/modules/party-building` (tables
 * `party_building_*`). Every route is declared in `ROUTES`; this file registers them in the module's
 * encapsulated scope, with a raw-bytes body parser for meeting attachments (scans, photos, PDFs).
 */
import { defineModule, registerRoutes, type ShellModule } from '@cunmen/module-api';
import type { FastifyRequest } from 'fastify';
import { MAX_ATTACHMENT_BYTES } from '../common/index.js';
import { type PartyRoute, partyContext } from './context.js';
import { migrations } from './migrations.js';
import { branchRoutes } from './routes/branches.js';
import { contentRoutes } from './routes/content.js';
import { meetingRoutes } from './routes/meetings.js';
import { memberRoutes } from './routes/members.js';
import { publicRoutes } from './routes/public.js';

export const ROUTES: readonly PartyRoute[] = [
  ...publicRoutes,
  ...branchRoutes,
  ...memberRoutes,
  ...meetingRoutes,
  ...contentRoutes,
];

const asBytes = (_request: FastifyRequest, body: Buffer, done: (err: Error | null, body?: unknown) => void) =>
  done(null, body);

export const partyBuildingModule: ShellModule = defineModule({
  id: 'party-building',
  package: '@cunmen/party-building',
  migrations,
  async routes(app, ctx) {
    // Attachments arrive as raw bytes; the magic bytes decide the type, never the declared one.
    const bodyLimit = MAX_ATTACHMENT_BYTES * 2 + 1024;
    for (const type of [/^image\/.*/, 'application/pdf', 'application/octet-stream']) {
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit }, asBytes);
    }
    registerRoutes(app, ROUTES, partyContext(ctx));
  },
});

export default partyBuildingModule;
export { migrations, PARTY_TABLES } from './migrations.js';

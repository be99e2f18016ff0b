/**
 * The 三务公开 back end, mounted by the shell under `/api/modules/affairs-disclosure`. Every route is
 * declared in `ROUTES`; this file registers them in the module's encapsulated scope, with a raw-bytes
 * body parser for attachment uploads.
 */
import { defineModule, type ModuleRoute, registerRoutes, type ShellModule } from '@cunmen/module-api';
import { migrations } from './migrations.js';
import { REMINDER_EVERY_MS, REMINDER_JOB, remindDue } from './notices.js';
import { adminRoutes } from './routes/admin.js';
import { attachmentRoutes } from './routes/attachments.js';
import { itemRoutes } from './routes/items.js';
import { publicRoutes } from './routes/public.js';
import { reviewRoutes } from './routes/review.js';

export const ROUTES: readonly ModuleRoute[] = [
  ...adminRoutes,
  ...itemRoutes,
  ...attachmentRoutes,
  ...reviewRoutes,
  ...publicRoutes,
];

export const affairsDisclosureModule: ShellModule = defineModule({
  id: 'affairs-disclosure',
  package: '@cunmen/affairs-disclosure',
  migrations,
  async routes(app, ctx) {
    // Uploads arrive as raw bytes (any content type but JSON); text/plain too, so a CSV is not decoded.
    app.removeContentTypeParser(['text/plain']);
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    // Files are served with the type the server sniffed, never one a browser guesses.
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('x-content-type-options', 'nosniff');
      return payload;
    });
    registerRoutes(app, ROUTES, ctx);
    // "A disclosure is due" reaches the village's cadres from the shell's timer, with no request.
    ctx.schedule(REMINDER_JOB, REMINDER_EVERY_MS, async (now) => {
      await remindDue(ctx, now);
    });
  },
});

export default affairsDisclosureModule;
export { migrations } from './migrations.js';

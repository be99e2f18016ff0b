/**
 * Cadre side, the files: attachments of a draft (sniffed, size-limited; lists masked by @cunmen/pii,
 * images and PDFs only with the uploader's confirmation) and the audited unmasked originals.
 */
import { randomUUID } from 'node:crypto';
import { type ModuleRoute, param, query } from '@cunmen/module-api';
import { affairsErrors, type CatalogueItem, LIMITS, type OriginalAnswer } from '../../common/index.js';
import { remaskContent } from '../content.js';
import { maskList, maskText } from '../deidentify.js';
import { checkFile, UPLOAD_BODY_LIMIT } from '../files.js';
import { T } from '../migrations.js';
import { addStep, attachmentsOf, attachmentView, isId, move, namesOf } from '../store.js';
import { guarded, itemFor } from './guards.js';

export const attachmentRoutes: ModuleRoute[] = [
  {
    method: 'POST',
    url: '/items/:id/attachments',
    bodyLimit: UPLOAD_BODY_LIMIT,
    async handler(ctx, request, reply) {
      const { user, caller, row } = await guarded(ctx, request, 'edit');
      const existing = await attachmentsOf(ctx, row.id);
      if (existing.length >= LIMITS.attachments)
        throw affairsErrors.error('AFFAIRS_ERR_TOO_MANY_FILES', { field: 'file' });
      const file = checkFile(request.headers['x-filename'], request.body);
      const confirmed = query(request).confirmNoPersonalData === 'true';
      const catalogue = JSON.parse(row.catalogue) as CatalogueItem;
      let sheets: { name: string; rows: string[][] }[] = [];
      let masked = 0;
      let names: string[] = [];
      if (file.kind === 'xlsx' || file.kind === 'csv') {
        ({ sheets, masked, names } = await maskList(file.kind, file.bytes, catalogue.maskNames));
      } else if (!confirmed) {
        throw affairsErrors.error('AFFAIRS_ERR_CONFIRM_REQUIRED', { field: 'confirmNoPersonalData' });
      }
      const allNames = [...new Set([...namesOf(existing), ...names])];
      const name = maskText(file.filename, allNames);
      const sha = await ctx.blobs.put(file.bytes);
      const id = randomUUID();
      const now = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto(T.attachment)
          .values({
            id,
            item_id: row.id,
            seq: existing.length === 0 ? 1 : Math.max(...existing.map((a) => a.seq)) + 1,
            filename: name.text,
            kind: file.kind,
            mime: file.mime,
            size: file.bytes.length,
            original_sha: sha,
            sheets: JSON.stringify(sheets),
            names: JSON.stringify(names),
            masked: masked + name.masked,
            unchecked: file.kind === 'image' || file.kind === 'pdf' ? 1 : 0,
            uploaded_by: user.name,
            uploaded_at: now,
          })
          .execute();
        await move(ctx, row, names.length ? remaskContent(row, catalogue, allNames) : {}, trx);
        await addStep(trx, row.id, 'edit', user, now, `+ ${name.text}`);
      });
      await ctx.audit.append({
        actor: user.name,
        action: 'attachment.add',
        subject: `item:${row.id}`,
        detail: { attachment: id, kind: file.kind, size: file.bytes.length, sha256: sha, masked },
        ip: caller.ip,
      });
      const stored = (await attachmentsOf(ctx, row.id)).find((a) => a.id === id);
      reply.code(201);
      return stored ? attachmentView(stored) : null;
    },
  },
  {
    method: 'DELETE',
    url: '/items/:id/attachments/:aid',
    async handler(ctx, request) {
      const { user, caller, row } = await guarded(ctx, request, 'edit');
      const aid = param(request, 'aid');
      const attachment = (await attachmentsOf(ctx, row.id)).find((a) => a.id === aid);
      if (!attachment) throw affairsErrors.error('AFFAIRS_ERR_ATTACHMENT_NOT_FOUND', { field: 'aid' });
      const now = ctx.now().toISOString();
      // Read before the transaction: SQLite has one connection, which the transaction holds.
      const rest = namesOf((await attachmentsOf(ctx, row.id)).filter((a) => a.id !== aid));
      await ctx.db.transaction().execute(async (trx) => {
        await move(ctx, row, remaskContent(row, JSON.parse(row.catalogue) as CatalogueItem, rest), trx);
        await trx.deleteFrom(T.attachment).where('id', '=', aid).where('item_id', '=', row.id).execute();
        await addStep(trx, row.id, 'edit', user, now, `− ${attachment.filename}`);
      });
      await ctx.audit.append({
        actor: user.name,
        action: 'attachment.remove',
        subject: `item:${row.id}`,
        detail: { attachment: aid },
        ip: caller.ip,
      });
      return { deleted: aid };
    },
  },
  {
    method: 'GET',
    url: '/items/:id/original',
    async handler(ctx, request): Promise<OriginalAnswer> {
      const { user, caller, row } = await itemFor(ctx, request);
      await ctx.audit.append({
        actor: user.name,
        action: 'original.view',
        subject: `item:${row.id}`,
        detail: { role: user.role },
        ip: caller.ip,
      });
      const attachments = await attachmentsOf(ctx, row.id);
      return {
        id: row.id,
        title: row.title_original,
        body: row.body_original,
        finance: row.finance_original ? JSON.parse(row.finance_original) : null,
        attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, kind: a.kind, size: a.size })),
      };
    },
  },
  {
    method: 'GET',
    url: '/items/:id/original/attachments/:aid',
    async handler(ctx, request, reply) {
      const { user, caller, row } = await itemFor(ctx, request);
      const aid = param(request, 'aid');
      const attachment = isId(aid) ? (await attachmentsOf(ctx, row.id)).find((a) => a.id === aid) : undefined;
      if (!attachment) throw affairsErrors.error('AFFAIRS_ERR_ATTACHMENT_NOT_FOUND', { field: 'aid' });
      const bytes = await ctx.blobs.get(attachment.original_sha);
      if (!bytes) throw affairsErrors.error('AFFAIRS_ERR_ATTACHMENT_NOT_FOUND', { field: 'aid' });
      await ctx.audit.append({
        actor: user.name,
        action: 'original.download',
        subject: `item:${row.id}`,
        detail: { attachment: aid, role: user.role },
        ip: caller.ip,
      });
      reply
        .header('content-type', attachment.mime)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
        );
      return bytes;
    },
  },
];

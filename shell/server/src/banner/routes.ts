/**
 * Banner photos over HTTP:
 * - `POST /api/console/v1/portals/<village>/banner` (console origin; the village's cadre, or the county
 *   admin / province maintainer above it): the raw photo, `content-type` image/jpeg|png|webp, up to 8 MB;
 *   answers `{banner, url, bytes}` — the cadre then names `banner` in the theme and publishes;
 * - `GET /media/banners/<sha256>.webp` (both origins, no sign-in: the portal is public): immutable.
 */
import type { AuditLog } from '@cunmen/audit-log';
import type { FastifyPluginAsync } from 'fastify';
import { shellError } from '../errors.js';
import { BANNER_TYPES, bannerTypeRefusal, encodeBanner, MAX_BANNER_UPLOAD } from './encode.js';
import { type BannerStore, bannerPath } from './store.js';

export const bannerServeRoutes: FastifyPluginAsync<{ banners: BannerStore }> = async (app, opts) => {
  app.get<{ Params: { file: string } }>('/media/banners/:file', async (request, reply) => {
    const bytes = await opts.banners.get(request.params.file);
    if (!bytes) {
      throw shellError('SHELL_ERR_NOT_FOUND', `no banner photo ${request.params.file}`, {
        zh: '没有这张横幅照片',
      });
    }
    return reply
      .header('content-type', 'image/webp')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', `"${request.params.file.slice(0, 64)}"`)
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(bytes);
  });
};

export const bannerUploadRoutes: FastifyPluginAsync<{ banners: BannerStore; audit: AuditLog }> = async (
  app,
  opts,
) => {
  // Raw bytes for this scope only; any other type falls through to the refusal below.
  for (const type of BANNER_TYPES) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_BANNER_UPLOAD }, (_r, body, done) =>
      done(null, body),
    );
  }
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BANNER_UPLOAD }, (_r, body, done) =>
    done(null, body),
  );
  const editors = app.requireUser({
    roles: ['village-cadre', 'county-admin', 'province-maintainer'],
    division: (request) => (request.params as { village?: string }).village,
  });
  app.post<{ Params: { village: string } }>(
    '/api/console/v1/portals/:village/banner',
    { preHandler: editors, bodyLimit: MAX_BANNER_UPLOAD },
    async (request, reply) => {
      const type =
        String(request.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim()
          .toLowerCase() ?? '';
      if (!(BANNER_TYPES as readonly string[]).includes(type)) throw bannerTypeRefusal(type || null);
      const upload = request.body;
      if (!Buffer.isBuffer(upload) || upload.length === 0) {
        throw shellError('SHELL_ERR_BAD_REQUEST', 'body: send the photo as the request body', {
          zh: '请选择一张照片再上传',
          field: 'banner',
        });
      }
      const banner = await encodeBanner(upload, type);
      await opts.banners.put(banner);
      await opts.audit.append({
        actor: request.identity?.user.name ?? '',
        action: 'portal.banner.upload',
        subject: `village:${request.params.village}`,
        detail: { banner: banner.file, bytes: banner.bytes.length, uploaded: upload.length },
        ip: request.ip,
      });
      return reply
        .code(201)
        .send({ banner: banner.file, url: bannerPath(banner.file), bytes: banner.bytes.length });
    },
  );
};

/**
 * Photos: `POST /media` (`media.upload`, raw bytes, a signed-in user) takes a JPEG, PNG, WebP or GIF
 * whose bytes are the type it claims (`@cunmen/pii/sniff`, the one upload sniffer), within the size and
 * the widget's photo quota in the village; `GET /media/:id` serves one to anybody holding its random id,
 * immutable and sandboxed, so an `<img>` can show it.
 */
import { createHash } from 'node:crypto';
import {
  checkFilename,
  checkId,
  FILENAME_HEADER,
  HOST_API_PATH,
  isMediaType,
  MEDIA_TYPES,
  mediaTypeOf,
  mediaUrl,
  refusals,
} from '@cunmen/host-api';
import { sniffImageType } from '@cunmen/pii/sniff';
import type { FastifyInstance } from 'fastify';
import { shellError } from '../../errors.js';
import {
  callOf,
  check,
  type HostRoutesContext,
  hostRoute,
  limited,
  newId,
  refuse,
  signedIn,
} from '../context.js';

/** The percent-encoded `x-filename` header, decoded and checked. */
function filenameOf(header: unknown): string {
  let name: string | null = null;
  if (typeof header === 'string') {
    try {
      name = decodeURIComponent(header);
    } catch {
      name = null;
    }
  }
  check(checkFilename(name, FILENAME_HEADER));
  return name as string;
}

/** Raw bytes for the photo types (the scope's other bodies are JSON). */
export function acceptPhotos(api: FastifyInstance, maxBytes: number): void {
  for (const type of MEDIA_TYPES) {
    api.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) =>
      done(null, body),
    );
  }
}

export function mediaUploadRoutes(api: FastifyInstance, ctx: HostRoutesContext): void {
  const { host, limits } = ctx;
  const options = { config: limited(limits.uploadsPerMinute), bodyLimit: limits.mediaBytes };
  hostRoute(api, 'media.upload', options, async (request, reply) => {
    const call = callOf(request);
    const user = signedIn(call);
    const type = mediaTypeOf(request.headers['content-type']);
    const bytes = request.body;
    if (!isMediaType(type) || !(bytes === undefined || Buffer.isBuffer(bytes))) {
      throw refuse(refusals.mediaType(type));
    }
    const filename = filenameOf(request.headers[FILENAME_HEADER]);
    if (!bytes || bytes.length === 0) throw refuse(refusals.emptyFile());
    if (sniffImageType(bytes) !== type) throw refuse(refusals.mediaBytes(type));
    const id = newId();
    const record = {
      id,
      village: call.village,
      widget: call.widget,
      filename,
      contentType: type,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      userId: user.id,
      createdAt: new Date().toISOString(),
    };
    if (!(await host.saveMedia(record, bytes, limits.mediaPerWidget))) {
      throw shellError(
        'SHELL_ERR_QUOTA_EXCEEDED',
        `this widget's photos in the village would pass ${limits.mediaPerWidget} bytes`,
        { zh: '本组件在本村的照片空间已满' },
      );
    }
    return reply.code(201).send({ id, url: mediaUrl(id) });
  });
}

export function mediaServeRoutes(open: FastifyInstance, ctx: HostRoutesContext): void {
  open.get<{ Params: { id: string } }>(`${HOST_API_PATH}/media/:id`, async (request, reply) => {
    const id = request.params.id;
    if (checkId(id)) {
      throw shellError('SHELL_ERR_BAD_REQUEST', 'id: expected a media id', {
        zh: 'id：不是照片编号',
        field: 'id',
      });
    }
    const media = await ctx.host.getMedia(id);
    if (!media) throw shellError('SHELL_ERR_NOT_FOUND', `no media ${id}`, { zh: `没有编号为 ${id} 的照片` });
    return reply
      .header('content-type', media.contentType)
      .header('content-length', media.size)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', `"${media.sha256}"`)
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(media.filename)}`)
      .send(media.bytes);
  });
}

/**
 * Photos: `POST /media` (`media.upload`, raw bytes, a signed-in user of the village) takes a JPEG, PNG,
 * WebP or GIF whose bytes are the type it claims (`@cunmen/pii/sniff`, the one upload sniffer), re-encodes
 * it without metadata (EXIF, GPS, XMP: ../photos.ts), within the size and the widget's photo quota in
 * the village. `x-collection` names the store collection it belongs to; it takes that collection's
 * visibility (none: `owner`). `GET /media/:id` needs the same widget's credential in the same village
 * and the visibility (../visibility.ts): a photo the caller may not see is "not found". Sandboxed.
 */
import { createHash } from 'node:crypto';
import {
  COLLECTION_HEADER,
  checkCollection,
  checkFilename,
  checkId,
  FILENAME_HEADER,
  isMediaType,
  MEDIA_TYPES,
  mediaTypeOf,
  mediaUrl,
  refusals,
} from '@cunmen/host-api';
import { visibilityOf } from '@cunmen/manifest';
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
import { withoutMetadata } from '../photos.js';
import { readScope } from '../visibility.js';

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
    const collection = collectionOf(request.headers[COLLECTION_HEADER]);
    if (!bytes || bytes.length === 0) throw refuse(refusals.emptyFile());
    if (sniffImageType(bytes) !== type) throw refuse(refusals.mediaBytes(type));
    const clean = await withoutMetadata(bytes, type).catch(() => {
      throw refuse(refusals.mediaBytes(type));
    });
    const id = newId();
    const record = {
      id,
      village: call.village,
      widget: call.widget,
      filename,
      contentType: type,
      size: clean.length,
      sha256: createHash('sha256').update(clean).digest('hex'),
      userId: user.id,
      createdAt: new Date().toISOString(),
      collection,
    };
    if (!(await host.saveMedia(record, clean, limits.mediaPerWidget))) {
      throw shellError(
        'SHELL_ERR_QUOTA_EXCEEDED',
        `this widget's photos in the village would pass ${limits.mediaPerWidget} bytes`,
        { zh: '本组件在本村的照片空间已满' },
      );
    }
    return reply.code(201).send({ id, url: mediaUrl(id) });
  });
}

/** `media.get`: the same widget's credential with `store.read` (the scope's hook checks both). */
export function mediaServeRoutes(api: FastifyInstance, ctx: HostRoutesContext): void {
  hostRoute<{ id: string }>(api, 'media.get', {}, async (request, reply) => {
    const call = callOf(request);
    const id = request.params.id;
    if (checkId(id)) {
      throw shellError('SHELL_ERR_BAD_REQUEST', 'id: expected a media id', {
        zh: 'id：不是照片编号',
        field: 'id',
      });
    }
    const media = await ctx.host.getMedia(id);
    const scope = media ? readScope(call, visibilityOf(call.collections, media.collection ?? '')) : null;
    // Another widget's or village's photo, or one the caller may not see, is as absent as a missing one.
    const visible =
      media !== null &&
      media.village === call.village &&
      media.widget === call.widget &&
      (scope?.all === true || scope?.author === media.userId);
    if (!media || !visible) {
      throw shellError('SHELL_ERR_NOT_FOUND', `no media ${id}`, { zh: `没有编号为 ${id} 的照片` });
    }
    return reply
      .header('content-type', media.contentType)
      .header('content-length', media.size)
      .header('cache-control', 'private, no-store')
      .header('etag', `"${media.sha256}"`)
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(media.filename)}`)
      .send(media.bytes);
  });
}

/** The optional `x-collection` header: a collection name, or null. */
function collectionOf(header: unknown): string | null {
  if (header === undefined) return null;
  check(checkCollection(header));
  return header as string;
}

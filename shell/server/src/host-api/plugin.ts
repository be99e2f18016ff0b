/**
 * The host API: the server side of `@cunmen/sdk`'s `createHttpHostApi` (packages/sdk/src/core/
 * http-host-api.ts documents the HTTP contract this implements). Everything is under `/api/host/v1`.
 *
 * - `POST /widget-token {village, widget, version}` (session cookie, same origin) mints a 15-minute
 *   credential for a widget version that is in the village's CURRENT snapshot, bound to the capabilities
 *   the snapshot GRANTS it and to the signed-in user (or nobody). Errors in the shell's format.
 * - Every other call carries `authorization: Bearer <credential>`; the cookie plays no part. The call is
 *   checked against the granted capabilities (still in the current portal) before anything is read:
 *   `me`, `store` (list/get/create/put/remove), `forms`, `points/requests`, `media`. Errors in the SDK's
 *   format `{ error, code, message (zh-CN), requestId }`; 403 `SHELL_ERR_CAPABILITY_DENIED` names the
 *   capability.
 * - `GET /media/:id` serves an uploaded photo (random id, no credential, so `<img>` can show it).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Capability } from '@cunmen/manifest';
import { COLLECTION_PATTERN, DOC_ID_PATTERN, MAX_PAGE_LIMIT } from '@cunmen/sdk';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ShellError, shellError, toErrorResponse } from '../errors.js';
import { canActOn, MFA_ROLES } from '../identity/roles.js';
import type { IdentityUser } from '../identity/store.js';
import type { PortalService } from '../portals/service.js';
import type { HostDoc, HostDocScope, HostWriteResult, Storage } from '../storage/types.js';
import { HOST_API_PREFIX, type HostCall, WidgetCredentials } from './credentials.js';
import { hostUser } from './mask.js';
import { mintToken, TOKEN_TTL_MS } from './token.js';

export { HOST_API_PREFIX, type HostCall } from './credentials.js';

export interface HostLimits {
  /** One document's JSON, and one form submission's. */
  docBytes: number;
  /** Documents of one widget in one village, all collections together. */
  docsPerWidget: number;
  bytesPerWidget: number;
  /** One uploaded photo. */
  mediaBytes: number;
  /** All photos of one widget in one village. */
  mediaPerWidget: number;
  /** Per widget, village and user (or address when anonymous), per minute. */
  submissionsPerMinute: number;
  writesPerMinute: number;
  uploadsPerMinute: number;
  /** Per signed-in user, or per address when anonymous, per minute. */
  tokensPerMinute: number;
}

export const DEFAULT_HOST_LIMITS: HostLimits = {
  docBytes: 64 * 1024,
  docsPerWidget: 10_000,
  bytesPerWidget: 10 * 1024 * 1024,
  mediaBytes: 5 * 1024 * 1024,
  mediaPerWidget: 100 * 1024 * 1024,
  submissionsPerMinute: 10,
  writesPerMinute: 60,
  uploadsPerMinute: 20,
  tokensPerMinute: 120,
};

export interface HostApiOptions {
  portals: PortalService;
  storage: Pick<Storage, 'host' | 'identity'>;
  /** The shell's public URL: its origin is accepted as same-origin for `widget-token`. */
  publicUrl?: string;
  limits?: Partial<HostLimits>;
  /** Shared with the module routes; built here when not given. */
  credentials?: WidgetCredentials;
}

declare module 'fastify' {
  interface FastifyRequest {
    hostCall: HostCall | null;
  }
}

/** Image types a widget may upload, each with the bytes its files start with. */
const MEDIA_TYPES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'image/gif': (b) => /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')),
};

/** Staff who may change any document of a widget in their villages (residents change their own). */
const STAFF_ROLES = new Set<IdentityUser['role']>([
  'village-cadre',
  'township-staff',
  'county-admin',
  'province-maintainer',
]);

class CapabilityDenied extends ShellError {
  constructor(
    readonly capability: Capability,
    widget: string,
  ) {
    super(
      'SHELL_ERR_CAPABILITY_DENIED',
      `${widget} was not granted the "${capability}" capability at review, which this call needs`,
      { zh: `本组件没有获得「${capability}」权限，无法完成操作`, widget },
    );
  }
}

function invalid(field: string, en: string, zh: string): ShellError {
  return shellError('SHELL_ERR_INVALID_ARGUMENT', `${field}: ${en}`, { zh: `${field}：${zh}`, field });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

function checkName(field: string, value: unknown, pattern: RegExp, en: string, zh: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw invalid(field, en, zh);
  return value;
}

const collectionOf = (value: unknown) =>
  checkName(
    'collection',
    value,
    COLLECTION_PATTERN,
    'expected a name matching /^[a-z][a-z0-9-]{0,62}$/',
    '应为以小写字母开头、由小写字母数字和 - 组成、不超过 63 个字符的名称',
  );
const idOf = (field: string, value: unknown) =>
  checkName(
    field,
    value,
    DOC_ID_PATTERN,
    'expected an id matching /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/',
    '应为由字母、数字、_ 和 - 组成、不超过 128 个字符的编号',
  );

function encodeCursor(seq: number): string {
  return Buffer.from(`s${seq}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^s[1-9]\d{0,14}$/.test(text) || encodeCursor(Number(text.slice(1))) !== cursor) {
    throw invalid('cursor', "expected the previous page's nextCursor", '应为上一页返回的 nextCursor');
  }
  return Number(text.slice(1));
}

function onlyKeys(body: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      throw invalid(
        key,
        `unknown field; expected only ${allowed.join(', ')}`,
        `未知字段，只能有 ${allowed.join('、')}`,
      );
    }
  }
}

function jsonBody(body: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (!isPlainObject(body)) {
    throw invalid('(body)', `expected a JSON object with ${allowed.join(', ')}`, `请求内容应为 JSON 对象`);
  }
  onlyKeys(body, allowed);
  return body;
}

/** The JSON text of `data`, refused when missing or over the limit. */
function dataText(body: Record<string, unknown>, maxBytes: number): string {
  if (!('data' in body)) throw invalid('data', 'missing; send { "data": … }', '缺少 data 字段');
  const text = JSON.stringify(body.data);
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxBytes) {
    throw shellError(
      'SHELL_ERR_DOC_TOO_LARGE',
      `data: ${size} bytes of JSON; at most ${maxBytes} bytes are accepted`,
      { zh: `data：内容过大（${size} 字节），最多 ${maxBytes} 字节`, field: 'data' },
    );
  }
  return text;
}

function storedDoc(doc: HostDoc) {
  return {
    id: doc.id,
    data: JSON.parse(doc.data) as unknown,
    version: doc.version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

function newId(): string {
  return randomBytes(16).toString('hex');
}

export const hostApi: FastifyPluginAsync<HostApiOptions> = async (app, opts) => {
  const limits: HostLimits = { ...DEFAULT_HOST_LIMITS, ...opts.limits };
  const { portals } = opts;
  const host = opts.storage.host;
  const identityStore = opts.storage.identity;
  const key = await host.credentialKey();
  const publicOrigin = opts.publicUrl ? new URL(opts.publicUrl).origin : null;
  const quota = { maxDocs: limits.docsPerWidget, maxBytes: limits.bytesPerWidget };

  /** An opaque, stable id for a user: widgets never see the account's row id or login name. */
  const publicUserId = (id: number) =>
    createHmac('sha256', key).update(`user:${id}`).digest('hex').slice(0, 24);

  const credentials = opts.credentials ?? new WidgetCredentials(key, portals, identityStore);
  const portalWidgets = (village: string) => credentials.portalWidgets(village);

  app.decorateRequest('hostCall', null);

  // Minting a credential, and serving media: no credential needed; errors in the shell's format.
  await app.register(async (open) => {
    const tokenBody = z
      .object({
        village: z.string().min(1).max(32),
        widget: z.string().min(1).max(214),
        version: z.string().min(1).max(64),
      })
      .strict();

    /** The token request rides on the session cookie: only our own pages may make it. */
    const sameOrigin = async (request: FastifyRequest) => {
      const type = String(request.headers['content-type'] ?? '');
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        throw shellError('SHELL_ERR_CSRF', 'widget-token needs content-type: application/json', {
          zh: '请求格式不正确（需要 application/json），请刷新页面后重试',
        });
      }
      const site = request.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin') {
        throw shellError('SHELL_ERR_CSRF', `widget-token is same-origin only (Sec-Fetch-Site: ${site})`, {
          zh: '只能从本平台的页面申请组件凭证',
        });
      }
      const origin = request.headers.origin;
      if (origin !== undefined) {
        let host: string | null = null;
        try {
          host = new URL(origin).host;
        } catch {
          host = null;
        }
        let own: string | null = null;
        try {
          own = new URL(`http://${request.headers.host ?? ''}`).host;
        } catch {
          own = null;
        }
        if (origin !== publicOrigin && (host === null || host !== own)) {
          throw shellError('SHELL_ERR_CSRF', `widget-token is same-origin only (Origin: ${origin})`, {
            zh: '只能从本平台的页面申请组件凭证',
          });
        }
      }
    };

    open.post(
      `${HOST_API_PREFIX}/widget-token`,
      {
        onRequest: sameOrigin,
        config: {
          rateLimit: {
            max: limits.tokensPerMinute,
            timeWindow: 60_000,
            // Per account when signed in: a whole village may share one carrier-grade NAT address.
            keyGenerator: (request: FastifyRequest) =>
              request.identity ? `u${request.identity.user.id}` : `ip${request.ip}`,
            errorResponseBuilder: (_request, ctx) => tooMany(ctx.ttl),
          },
        },
      },
      async (request, reply) => {
        const parsed = tokenBody.safeParse(request.body ?? {});
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = issue?.path.join('.') || '(body)';
          throw shellError(
            'SHELL_ERR_BAD_REQUEST',
            `invalid request body at ${field}: ${issue?.message ?? 'invalid'}; expected { village, widget, version }`,
            { zh: `请求内容有误：${field}（应为 { village, widget, version }）`, field },
          );
        }
        const { village, widget, version } = parsed.data;
        const widgets = await portalWidgets(village);
        const granted = widgets.get(widget);
        if (!granted) {
          throw shellError(
            'SHELL_ERR_WIDGET_NOT_IN_PORTAL',
            `${widget} is not in the portal of village ${village}`,
            {
              zh: `村 ${village} 的门户中没有组件 ${widget}`,
              widget,
              field: 'widget',
            },
          );
        }
        if (granted.version !== version) {
          throw shellError(
            'SHELL_ERR_WIDGET_VERSION_MISMATCH',
            `village ${village} uses ${widget}@${granted.version}, not ${version}; reload the page`,
            {
              zh: `村 ${village} 使用的是 ${widget}@${granted.version}，不是 ${version}，请刷新页面`,
              widget,
              field: 'version',
            },
          );
        }
        const id = request.identity;
        // A role that still owes its second factor acts as nobody here.
        const user = id && (!MFA_ROLES.has(id.user.role) || id.session.mfaPassed) ? id.user.id : null;
        const iat = Date.now();
        const exp = iat + TOKEN_TTL_MS;
        const token = mintToken(key, {
          village,
          widget,
          version,
          capabilities: granted.capabilities,
          user,
          iat,
          exp,
        });
        reply.header('cache-control', 'no-store');
        return { token, expiresAt: new Date(exp).toISOString() };
      },
    );

    open.get<{ Params: { id: string } }>(`${HOST_API_PREFIX}/media/:id`, async (request, reply) => {
      const id = request.params.id;
      if (!DOC_ID_PATTERN.test(id)) {
        throw shellError('SHELL_ERR_BAD_REQUEST', 'id: expected a media id', {
          zh: 'id：不是照片编号',
          field: 'id',
        });
      }
      const media = await host.getMedia(id);
      if (!media)
        throw shellError('SHELL_ERR_NOT_FOUND', `no media ${id}`, { zh: `没有编号为 ${id} 的照片` });
      return reply
        .header('content-type', media.contentType)
        .header('content-length', media.size)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('etag', `"${media.sha256}"`)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(media.filename)}`)
        .send(media.bytes);
    });
  });

  // The calls widgets make through the SDK: a widget credential on every one.
  await app.register(async (api) => {
    api.setErrorHandler((err, request, reply) => {
      let error: unknown = err;
      const fastifyCode = (err as { code?: string }).code;
      if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        error = shellError(
          'SHELL_ERR_MEDIA_TYPE',
          `content-type ${String(request.headers['content-type'] ?? '(none)')} is not accepted here; JSON, or for media one of ${Object.keys(MEDIA_TYPES).join(', ')}`,
          { zh: '不支持的内容类型；照片只能是 JPEG、PNG、WebP 或 GIF', field: 'content-type' },
        );
      }
      const { status, body } = toErrorResponse(error, request.id);
      if (status >= 500) request.log.error({ err }, 'host API call failed');
      return reply
        .code(status)
        .header('x-request-id', request.id)
        .header('cache-control', 'no-store')
        .send({
          error: body.error,
          code: body.code,
          message: body.message['zh-CN'],
          requestId: request.id,
          ...(error instanceof CapabilityDenied ? { capability: error.capability } : {}),
          ...(body.field !== undefined ? { field: body.field } : {}),
          ...(body.widget !== undefined ? { widget: body.widget } : {}),
        });
    });

    for (const type of Object.keys(MEDIA_TYPES)) {
      api.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: limits.mediaBytes }, (_r, body, done) =>
        done(null, body),
      );
    }

    api.addHook('onRequest', async (request) => {
      request.hostCall = await credentials.verify(request.headers.authorization);
    });

    api.addHook('onSend', async (_request, reply, payload) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    });

    const callOf = (request: FastifyRequest): HostCall => {
      const call = request.hostCall;
      if (!call) throw shellError('SHELL_ERR_TOKEN_INVALID', 'no widget credential', { zh: '缺少组件凭证' });
      return call;
    };
    /** A route `onRequest` hook: the credential must carry `capability` (checked before the body is read). */
    const need = (capability: Capability) => async (request: FastifyRequest) => {
      const call = callOf(request);
      if (!call.capabilities.has(capability)) throw new CapabilityDenied(capability, call.widget);
    };
    const signedIn = (call: HostCall): IdentityUser => {
      if (!call.user) {
        throw shellError('SHELL_ERR_SIGN_IN_REQUIRED', 'this call needs a signed-in resident', {
          zh: '请先登录后再操作',
        });
      }
      return call.user;
    };
    const isStaff = (user: IdentityUser, village: string) =>
      STAFF_ROLES.has(user.role) && canActOn(user.division, village);
    const limited = (max: number) => ({
      rateLimit: {
        max,
        timeWindow: 60_000,
        keyGenerator: (request: FastifyRequest) => {
          const call = request.hostCall;
          const who = call?.user ? `u${call.user.id}` : `ip${request.ip}`;
          return `${call?.village}|${call?.widget}|${who}`;
        },
        errorResponseBuilder: (_request: FastifyRequest, ctx: { ttl: number }) => tooMany(ctx.ttl),
      },
    });
    const scopeOf = (call: HostCall, collection: unknown): HostDocScope => ({
      village: call.village,
      widget: call.widget,
      collection: collectionOf(collection),
    });
    const writeRefused = (result: HostWriteResult & { ok: false }, id: string): ShellError => {
      if (result.reason === 'conflict') {
        return shellError(
          'SHELL_ERR_VERSION_CONFLICT',
          result.current === undefined
            ? `document ${id} does not exist, so ifVersion cannot match`
            : `document ${id} is at version ${result.current}; read it again and retry`,
          { zh: '数据已被他人修改，请刷新后重试', field: 'ifVersion' },
        );
      }
      if (result.reason === 'forbidden') {
        return shellError('SHELL_ERR_FORBIDDEN', `document ${id} was written by another user`, {
          zh: '只能修改自己提交的数据',
        });
      }
      return shellError(
        'SHELL_ERR_QUOTA_EXCEEDED',
        `this widget's store in the village is full (at most ${limits.docsPerWidget} documents, ${limits.bytesPerWidget} bytes)`,
        { zh: '本组件在本村的存储空间已满，请联系村干部清理' },
      );
    };
    const P = HOST_API_PREFIX;
    const jsonLimit = { bodyLimit: Math.max(256 * 1024, limits.docBytes * 2) };

    api.get(`${P}/me`, { onRequest: need('user.read') }, async (request) => {
      const user = callOf(request).user;
      return { user: user ? hostUser(user, publicUserId(user.id)) : null };
    });

    api.get<{ Params: { collection: string }; Querystring: Record<string, unknown> }>(
      `${P}/store/:collection`,
      { onRequest: need('store.read') },
      async (request) => {
        const scope = scopeOf(callOf(request), request.params.collection);
        const query = request.query ?? {};
        onlyKeys(query, ['cursor', 'limit']);
        let limit = 20;
        if (query.limit !== undefined) {
          const text = query.limit;
          limit = typeof text === 'string' && /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
          if (!(limit >= 1 && limit <= MAX_PAGE_LIMIT)) {
            throw invalid(
              'limit',
              `expected an integer from 1 to ${MAX_PAGE_LIMIT}`,
              `应为 1 到 ${MAX_PAGE_LIMIT} 之间的整数`,
            );
          }
        }
        let before: number | null = null;
        if (query.cursor !== undefined) {
          if (typeof query.cursor !== 'string' || query.cursor.length > 512) {
            throw invalid('cursor', "expected the previous page's nextCursor", '应为上一页返回的 nextCursor');
          }
          before = decodeCursor(query.cursor);
        }
        const page = await host.listDocs(scope, { limit, before });
        return {
          items: page.docs.map(storedDoc),
          nextCursor: page.next === null ? null : encodeCursor(page.next),
        };
      },
    );

    api.get<{ Params: { collection: string; id: string } }>(
      `${P}/store/:collection/:id`,
      { onRequest: need('store.read') },
      async (request) => {
        const scope = scopeOf(callOf(request), request.params.collection);
        const id = idOf('id', request.params.id);
        const doc = await host.getDoc(scope, id);
        if (!doc) {
          throw shellError('SHELL_ERR_NOT_FOUND', `no document ${id} in ${scope.collection}`, {
            zh: `没有这条数据（${id}）`,
          });
        }
        return storedDoc(doc);
      },
    );

    api.post<{ Params: { collection: string } }>(
      `${P}/store/:collection`,
      { onRequest: need('store.write'), config: limited(limits.writesPerMinute), ...jsonLimit },
      async (request, reply) => {
        const call = callOf(request);
        const scope = scopeOf(call, request.params.collection);
        const user = signedIn(call);
        const data = dataText(jsonBody(request.body, ['data']), limits.docBytes);
        const id = newId();
        const result = await host.createDoc(
          scope,
          id,
          { data, by: user.id, at: new Date().toISOString() },
          quota,
        );
        if (!result.ok) throw writeRefused(result, id);
        return reply.code(201).send(storedDoc(result.doc));
      },
    );

    api.put<{ Params: { collection: string; id: string } }>(
      `${P}/store/:collection/:id`,
      { onRequest: need('store.write'), config: limited(limits.writesPerMinute), ...jsonLimit },
      async (request) => {
        const call = callOf(request);
        const scope = scopeOf(call, request.params.collection);
        const id = idOf('id', request.params.id);
        const user = signedIn(call);
        const body = jsonBody(request.body, ['data', 'ifVersion']);
        const data = dataText(body, limits.docBytes);
        const ifVersion = body.ifVersion;
        if (
          ifVersion !== undefined &&
          (typeof ifVersion !== 'number' || !Number.isInteger(ifVersion) || ifVersion < 1)
        ) {
          throw invalid(
            'ifVersion',
            "expected the document's current version (a positive integer)",
            '应为文档当前的版本号（正整数）',
          );
        }
        const result = await host.putDoc(
          scope,
          id,
          { data, by: user.id, at: new Date().toISOString(), ifVersion },
          quota,
          (existing) => existing.createdBy === user.id || isStaff(user, call.village),
        );
        if (!result.ok) throw writeRefused(result, id);
        return storedDoc(result.doc);
      },
    );

    api.delete<{ Params: { collection: string; id: string } }>(
      `${P}/store/:collection/:id`,
      { onRequest: need('store.write'), config: limited(limits.writesPerMinute) },
      async (request, reply) => {
        const call = callOf(request);
        const scope = scopeOf(call, request.params.collection);
        const id = idOf('id', request.params.id);
        const user = signedIn(call);
        const outcome = await host.deleteDoc(
          scope,
          id,
          (existing) => existing.createdBy === user.id || isStaff(user, call.village),
        );
        if (outcome === 'forbidden') throw writeRefused({ ok: false, reason: 'forbidden' }, id);
        return reply.code(204).send();
      },
    );

    api.post<{ Params: { formId: string } }>(
      `${P}/forms/:formId`,
      { onRequest: need('form.submit'), config: limited(limits.submissionsPerMinute), ...jsonLimit },
      async (request, reply) => {
        const call = callOf(request);
        const formId = checkName(
          'formId',
          request.params.formId,
          COLLECTION_PATTERN,
          'expected an id matching /^[a-z][a-z0-9-]{0,62}$/',
          '应为以小写字母开头、由小写字母数字和 - 组成、不超过 63 个字符的表单编号',
        );
        const data = dataText(jsonBody(request.body, ['data']), limits.docBytes);
        const receipt = { id: newId(), receivedAt: new Date().toISOString() };
        await host.saveSubmission({
          ...receipt,
          village: call.village,
          widget: call.widget,
          widgetVersion: call.version,
          formId,
          data,
          userId: call.user?.id ?? null,
        });
        return reply.code(201).send(receipt);
      },
    );

    api.post(
      `${P}/points/requests`,
      { onRequest: need('points.request'), config: limited(limits.submissionsPerMinute) },
      async (request, reply) => {
        const call = callOf(request);
        const user = signedIn(call);
        const body = jsonBody(request.body, ['item', 'householdId', 'quantity', 'note', 'evidence']);
        const { item, householdId, quantity, note, evidence } = body;
        if (typeof item !== 'string' || item.trim() === '' || item.length > 100) {
          throw invalid(
            'item',
            'expected the points item name (1–100 characters)',
            '应为积分事项名称（1 到 100 个字符）',
          );
        }
        if (householdId !== undefined) idOf('householdId', householdId);
        if (
          quantity !== undefined &&
          (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 10_000)
        ) {
          throw invalid(
            'quantity',
            'expected a positive integer (at most 10000)',
            '应为正整数（不超过 10000）',
          );
        }
        if (note !== undefined && (typeof note !== 'string' || note.length > 500)) {
          throw invalid('note', 'expected a string of at most 500 characters', '应为不超过 500 个字符的说明');
        }
        let media: string[] = [];
        if (evidence !== undefined) {
          if (!Array.isArray(evidence) || evidence.length > 9) {
            throw invalid(
              'evidence',
              'expected an array of at most 9 media ids',
              '应为不超过 9 个照片编号的列表',
            );
          }
          media = evidence.map((id, i) => idOf(`evidence[${i}]`, id));
          const known = new Set(await host.existingMedia(call.village, call.widget, media));
          const missing = media.findIndex((id) => !known.has(id));
          if (missing >= 0) {
            throw invalid(
              `evidence[${missing}]`,
              'no such photo uploaded by this widget in this village',
              '没有这张照片（请先上传）',
            );
          }
        }
        const own = user.household;
        const household = (householdId as string | undefined) ?? own;
        if (!household) {
          throw invalid(
            'householdId',
            'the signed-in user has no household; name one',
            '当前用户没有户号，请填写户号',
          );
        }
        if (household !== own && !isStaff(user, call.village)) {
          throw shellError('SHELL_ERR_FORBIDDEN', 'a resident requests points only for their own household', {
            zh: '只能为自己家庭申请积分',
            field: 'householdId',
          });
        }
        const id = newId();
        await host.savePointsRequest({
          id,
          village: call.village,
          widget: call.widget,
          householdId: household,
          item: item.trim(),
          quantity: (quantity as number | undefined) ?? 1,
          note: (note as string | undefined) ?? null,
          evidence: media,
          userId: user.id,
          status: 'pending',
          createdAt: new Date().toISOString(),
        });
        return reply.code(201).send({ id, status: 'pending' });
      },
    );

    api.post(
      `${P}/media`,
      {
        onRequest: need('media.upload'),
        config: limited(limits.uploadsPerMinute),
        bodyLimit: limits.mediaBytes,
      },
      async (request, reply) => {
        const call = callOf(request);
        const user = signedIn(call);
        const type =
          String(request.headers['content-type'] ?? '')
            .split(';')[0]
            ?.trim()
            .toLowerCase() ?? '';
        const bytes = request.body;
        const looksRight = MEDIA_TYPES[type];
        if (!looksRight || !Buffer.isBuffer(bytes)) {
          throw shellError(
            'SHELL_ERR_MEDIA_TYPE',
            `media must be one of ${Object.keys(MEDIA_TYPES).join(', ')}`,
            {
              zh: '照片只能是 JPEG、PNG、WebP 或 GIF',
              field: 'content-type',
            },
          );
        }
        const filename = mediaFilename(request.headers['x-filename']);
        if (bytes.length === 0) throw invalid('file', 'the file is empty', '文件是空的');
        if (!looksRight(bytes)) {
          throw shellError('SHELL_ERR_MEDIA_TYPE', `the file's bytes are not a ${type} image`, {
            zh: '文件内容与类型不符，请上传照片',
            field: 'content-type',
          });
        }
        const id = newId();
        const saved = await host.saveMedia(
          {
            id,
            village: call.village,
            widget: call.widget,
            filename,
            contentType: type,
            size: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            userId: user.id,
            createdAt: new Date().toISOString(),
          },
          bytes,
          limits.mediaPerWidget,
        );
        if (!saved) {
          throw shellError(
            'SHELL_ERR_QUOTA_EXCEEDED',
            `this widget's photos in the village would pass ${limits.mediaPerWidget} bytes`,
            { zh: '本组件在本村的照片空间已满' },
          );
        }
        return reply.code(201).send({ id, url: `${P}/media/${id}` });
      },
    );
  });
};

function tooMany(ttlMs: number): Error {
  return Object.assign(new Error(`too many requests; try again in ${Math.ceil(ttlMs / 1000)} s`), {
    statusCode: 429,
  });
}

function mediaFilename(header: unknown): string {
  let name: string | null = null;
  if (typeof header === 'string') {
    try {
      name = decodeURIComponent(header);
    } catch {
      name = null;
    }
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (name === null || name.trim() === '' || name.length > 255 || /[/\\\u0000-\u001f\u007f]/.test(name)) {
    throw invalid(
      'x-filename',
      'expected a percent-encoded file name of 1–255 characters without / or \\',
      '应为不含 / 或 \\ 的文件名（1 到 255 个字符，百分号编码）',
    );
  }
  return name;
}

/**
 * Reading packages: `GET /:pkg` (npm sends `@scope%2fname`), `GET /@scope/name`, one version at
 * `GET /@scope%2fname/<version>`, and the tarball at `GET /@scope/name/-/name-<version>.tgz` — and the
 * same for unscoped names, which only an uplink can have. Each read asks the registry's own packages
 * (approved versions only, no token needed) and then, when one is configured, the uplink, which never
 * answers for a name the province or a county owns.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regError } from '../errors.js';
import { LocalPackages, type PackageSource, type ReadContext } from '../services/package-source.js';
import { UplinkPackages } from '../services/uplink/index.js';
import type { RouteOptions } from './options.js';
import { encodedParamsSchema, scopedParamsSchema } from './params.js';

const fileSchema = z.string().describe('The tarball file, `<name>-<version>.tgz`');
const tarballParamsSchema = scopedParamsSchema.extend({ file: fileSchema });
const unscopedTarballParamsSchema = encodedParamsSchema.extend({ file: fileSchema });

const ABBREVIATED = 'application/vnd.npm.install-v1+json';

function readContext(request: FastifyRequest): ReadContext {
  const via = request.headers.via;
  return { log: request.log, ip: request.ip, via: Array.isArray(via) ? via.join(', ') : via };
}

export const packageRoutes: FastifyPluginAsync<RouteOptions> = async (base, opts) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const sources: PackageSource[] = [new LocalPackages(opts.storage, opts.publicUrl)];
  if (opts.uplink)
    sources.push(new UplinkPackages(opts.storage, { ...opts.uplink, publicUrl: opts.publicUrl }));

  /** The first answer of the sources, in order. */
  const firstAnswer = async <T>(ask: (source: PackageSource) => Promise<T | null>): Promise<T | null> => {
    for (const source of sources) {
      const answer = await ask(source);
      if (answer !== null) return answer;
    }
    return null;
  };

  /** The full or abbreviated packument (by Accept), with an ETag, 304 on a match, gzip when asked. */
  const packument = async (request: FastifyRequest, reply: FastifyReply, name: string) => {
    const short = (request.headers.accept ?? '').includes(ABBREVIATED);
    const ctx = readContext(request);
    const answer = await firstAnswer((s) => s.packument(name, short ? 'abbreviated' : 'full', ctx));
    if (!answer) throw regError('REG_ERR_NOT_FOUND', `package ${name} not found`);
    const { document, headers } = answer;
    reply
      .headers(headers)
      .header('cache-control', 'no-cache')
      .header('vary', 'Accept, Accept-Encoding')
      .header('etag', document.etag)
      .header('content-type', short ? ABBREVIATED : 'application/json');
    if (request.headers['if-none-match'] === document.etag) return reply.code(304).send();
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      return reply.header('content-encoding', 'gzip').send(document.gzip());
    }
    return reply.send(document.body);
  };

  /** One version's manifest, by version or dist-tag (`npm view @scope/name@1.0.0`). */
  const versionManifest = async (request: FastifyRequest, name: string, spec: string) => {
    const ctx = readContext(request);
    const found = await firstAnswer((s) => s.version(name, spec, ctx));
    if (!found) throw regError('REG_ERR_NOT_FOUND', `${name}@${spec} not found`);
    return found;
  };

  const tarball = async (request: FastifyRequest, reply: FastifyReply, name: string, file: string) => {
    const ctx = readContext(request);
    const answer = await firstAnswer((s) => s.tarball(name, file, ctx));
    if (!answer) throw regError('REG_ERR_NOT_FOUND', `tarball ${name}/-/${file} not found`);
    return reply
      .headers(answer.headers)
      .header('content-type', 'application/octet-stream')
      .header('content-length', String(answer.size))
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', answer.etag)
      .send(answer.body);
  };

  app.get('/:pkg', { schema: { params: encodedParamsSchema } }, async (request, reply) =>
    packument(request, reply, request.params.pkg),
  );
  // `/@scope/name` is a packument; `/@scope%2fname/<version>` (the first segment holds the whole
  // encoded name) and `/<unscoped>/<version>` are one version's manifest.
  app.get('/:scope/:pkg', { schema: { params: scopedParamsSchema } }, async (request, reply) => {
    const { scope, pkg } = request.params;
    if (scope.includes('/') || !scope.startsWith('@')) return versionManifest(request, scope, pkg);
    return packument(request, reply, `${scope}/${pkg}`);
  });
  app.get('/:scope/:pkg/-/:file', { schema: { params: tarballParamsSchema } }, async (request, reply) => {
    const { scope, pkg, file } = request.params;
    if (!scope.startsWith('@'))
      throw regError('REG_ERR_NOT_FOUND', `tarball ${scope}/${pkg}/-/${file} not found`);
    return tarball(request, reply, `${scope}/${pkg}`, file);
  });
  app.get('/:pkg/-/:file', { schema: { params: unscopedTarballParamsSchema } }, async (request, reply) =>
    tarball(request, reply, request.params.pkg, request.params.file),
  );
};

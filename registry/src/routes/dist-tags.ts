/**
 * Dist-tags, as `npm dist-tag ls|add|rm` calls them:
 * `GET /-/package/<@scope%2fname>/dist-tags` → `{ tag: version }` (no token needed);
 * `PUT /-/package/<@scope%2fname>/dist-tags/<tag>` with the JSON string `"1.2.3"` as body;
 * `DELETE /-/package/<@scope%2fname>/dist-tags/<tag>`.
 * Changing a tag needs a token for the package's scope; a tag may point only at an approved version,
 * and `latest` cannot be removed.
 */
import { scopeOf } from '@cunmen/manifest';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import semver from 'semver';
import { requireUser } from '../auth.js';
import { regError } from '../errors.js';
import type { RouteOptions } from './options.js';

const TAG = /^[A-Za-z][A-Za-z0-9._-]{0,63}$/;

export const distTagRoutes: FastifyPluginAsync<RouteOptions> = async (app, opts) => {
  const { meta } = opts.storage;

  const approvedExists = async (name: string): Promise<void> => {
    if ((await meta.listVersions(name, 'approved')).length === 0) {
      throw regError('REG_ERR_NOT_FOUND', `package ${name} not found`);
    }
  };

  const authorize = async (request: FastifyRequest, name: string, tag: string): Promise<void> => {
    const user = await requireUser(opts.storage, request);
    const scope = scopeOf(name);
    if (scope === null || user.scope !== scope) {
      throw regError(
        'REG_ERR_FORBIDDEN_SCOPE',
        `a token for scope ${user.scope ?? '(none)'} cannot change dist-tags of scope ${scope ?? '(none)'}`,
      );
    }
    if (!TAG.test(tag) || semver.validRange(tag) !== null) {
      throw regError(
        'REG_ERR_BAD_REQUEST',
        `"${tag}" is not a valid dist-tag (a name such as beta, not a version)`,
      );
    }
    await approvedExists(name);
  };

  app.get<{ Params: { pkg: string } }>('/-/package/:pkg/dist-tags', async (request) => {
    await approvedExists(request.params.pkg);
    return meta.getDistTags(request.params.pkg);
  });

  app.put<{ Params: { pkg: string; tag: string } }>(
    '/-/package/:pkg/dist-tags/:tag',
    async (request, reply) => {
      const { pkg: name, tag } = request.params;
      await authorize(request, name, tag);
      const version = request.body;
      if (typeof version !== 'string') {
        throw regError(
          'REG_ERR_BAD_REQUEST',
          'the body must be a JSON string naming a version, e.g. "1.2.3"',
        );
      }
      const record = await meta.getVersion(name, version);
      if (record?.status !== 'approved') {
        throw regError('REG_ERR_NOT_FOUND', `${name}@${version} is not an approved version`);
      }
      await meta.setDistTag(name, tag, version);
      reply.code(201);
      return { ok: true, [tag]: version };
    },
  );

  app.delete<{ Params: { pkg: string; tag: string } }>('/-/package/:pkg/dist-tags/:tag', async (request) => {
    const { pkg: name, tag } = request.params;
    await authorize(request, name, tag);
    if (tag === 'latest') throw regError('REG_ERR_BAD_REQUEST', 'the latest tag cannot be removed');
    if (!(await meta.removeDistTag(name, tag))) {
      throw regError('REG_ERR_NOT_FOUND', `${name} has no dist-tag ${tag}`);
    }
    return { ok: true };
  });
};

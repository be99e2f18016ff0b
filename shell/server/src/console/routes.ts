/**
 * The console's own API, served only on the console origin (`/api/console/v1/…`), for signed-in staff:
 *
 * - `GET config` — where the resident portal and the cadre frame are (and which county widgets run
 *   outside the frame), and what this shell provides to widgets (SDK version,
 *   shared singletons), for the console's compatibility badges. No sign-in needed.
 * - `GET villages` — the villages the signed-in account may act on (its division and below).
 * - `GET catalog?q=&category=&county=&kind=&sort=&page=&pageSize=` — the registry's catalog through the
 *   shell (catalog-client.ts): checked against this shell's SDK, county names added, pinyin matched.
 * - `GET catalog/<@scope>/<name>` — one package, every approved version, changelog and screenshots.
 *
 * The catalog goes through the shell rather than from the browser to the registry: the console's CSP
 * stays `connect-src 'self'` plus the asset origin, the registry needs no CORS for it, and the shell adds
 * what it alone knows. The routes answer the one `SHELL` error body.
 */
import { parseWith } from '@cunmen/errors';
import { isWithinDivision } from '@cunmen/manifest';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { shellError, shellErrors } from '../errors.js';
import { HOST_SDK, HOST_SHARED } from '../portals/host.js';
import type { Storage } from '../storage/types.js';
import type { CatalogClient } from './catalog-client.js';

export const CONSOLE_API = '/api/console/v1';

export interface ConsoleRouteOptions {
  storage: Storage;
  /** Null when the shell runs without a registry: the catalog answers 503. */
  catalog: CatalogClient | null;
  consoleUrl: string;
  /** Where residents reach their portals (the resident origin), when known. */
  residentUrl?: string;
  /** The cadre frame's origin (known once it listens). */
  cadreFrameUrl: () => string;
  /** County widgets the province lets run in the console's realm (see app.ts). */
  trustedWidgets: readonly string[];
}

const listQuery = z.object({
  q: z.string().max(200, { error: 'expected at most 200 characters' }).optional(),
  category: z.string().max(40).optional(),
  county: z.string().max(6).optional(),
  kind: z.string().max(20).optional(),
  sort: z.string().max(20).optional(),
  page: z.coerce
    .number({ error: 'expected an integer from 1 to 10000' })
    .int({ error: 'expected an integer from 1 to 10000' })
    .min(1, { error: 'expected an integer from 1 to 10000' })
    .max(10_000, { error: 'expected an integer from 1 to 10000' })
    .default(1),
  pageSize: z.coerce
    .number({ error: 'expected an integer from 1 to 100' })
    .int({ error: 'expected an integer from 1 to 100' })
    .min(1, { error: 'expected an integer from 1 to 100' })
    .max(100, { error: 'expected an integer from 1 to 100' })
    .default(20),
});

export const consoleRoutes: FastifyPluginAsync<ConsoleRouteOptions> = async (app, opts) => {
  const staff = app.requireUser();
  const catalog = () => {
    if (!opts.catalog) {
      throw shellError('SHELL_ERR_REGISTRY_NOT_CONFIGURED', 'this shell was started without --registry', {
        zh: '平台未连接组件仓库，无法浏览服务目录',
      });
    }
    return opts.catalog;
  };

  app.get(`${CONSOLE_API}/config`, async () => ({
    consoleUrl: opts.consoleUrl,
    residentUrl: opts.residentUrl ?? null,
    cadreFrame: { url: opts.cadreFrameUrl() || null, trustedWidgets: opts.trustedWidgets },
    host: { sdk: HOST_SDK, shared: HOST_SHARED },
  }));

  app.get(`${CONSOLE_API}/villages`, { preHandler: staff }, async (request) => {
    const scope = request.identity?.user.division ?? '';
    const villages = await opts.storage.divisions.listVillages();
    const mine = villages.filter((v) => isWithinDivision(scope, v.code));
    return {
      villages: await Promise.all(
        mine.map(async (v) => ({
          ...v,
          portalVersion: await opts.storage.portals.currentVersion(v.code),
        })),
      ),
    };
  });

  app.get(`${CONSOLE_API}/catalog`, { preHandler: staff }, async (request) =>
    catalog().list(parseWith(listQuery, request.query, shellErrors, 'SHELL_ERR_BAD_REQUEST', 'query')),
  );

  app.get<{ Params: { scope: string; name: string } }>(
    `${CONSOLE_API}/catalog/:scope/:name`,
    { preHandler: staff },
    async (request) => {
      const { scope, name } = request.params;
      if (!/^@[a-z0-9][a-z0-9._-]*$/.test(scope) || !/^[a-z0-9][a-z0-9._-]*$/.test(name)) {
        throw shellError('SHELL_ERR_BAD_REQUEST', `${scope}/${name} is not a scoped package name`, {
          zh: `${scope}/${name} 不是有效的包名`,
          field: 'name',
        });
      }
      return catalog().detail(`${scope}/${name}`);
    },
  );
};

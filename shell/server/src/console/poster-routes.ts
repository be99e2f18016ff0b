/**
 * A village's QR poster for its notice board, on the console origin only (registered by app.ts, never
 * by the resident app), for the staff of the village's division — its cadres and the township, county
 * and province staff above it, by the same division rule as the rest of the console:
 *
 * - `GET /api/console/v1/villages/<village>/poster` — what the poster says (name, portal URL, the three
 *   lines) and where its files are, for the console's poster page and its copy-the-link button.
 * - `GET …/poster.png` — A4 at 300 dpi; `GET …/poster.pdf` — one A4 page, vector.
 *
 * Drawing one takes about a second (most of it loading the CJK font), so each file is kept in memory by
 * what is printed on it and answered with an ETag (`private, no-cache`: the browser revalidates, no
 * shared cache keeps a staff-only file). The ETag is salted with the drawing code, so a new shell with a
 * new layout never matches an old poster.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { shellError } from '../errors.js';
import type { IdentityRole } from '../identity/roles.js';
import type { Storage, VillageRecord } from '../storage/types.js';
import { posterFonts } from './poster-fonts.js';
import { type PosterInput, portalTitle, posterLayout, posterLines } from './poster-layout.js';
import { posterPdf } from './poster-pdf.js';
import { POSTER_DPI, pixelsOf, posterPng } from './poster-png.js';
import { CONSOLE_API } from './routes.js';

export interface PosterRouteOptions {
  storage: Storage;
  /** The resident origin's public URL (`--public-url`): the QR code holds `<it>/v/<village>/`. */
  residentUrl?: string;
}

/** Who may print a village's poster (within their division): those who look after its portal. */
const POSTER_ROLES: readonly IdentityRole[] = [
  'village-cadre',
  'township-staff',
  'county-admin',
  'province-maintainer',
];

const FORMATS = {
  png: { type: 'image/png' },
  pdf: { type: 'application/pdf' },
} as const;
type Format = keyof typeof FORMATS;

/** Posters kept in memory (about 100–250 KB each). */
const KEEP = 32;
/**
 * The ETag's salt: a hash of the code that draws posters (this directory's poster modules, as built), so
 * every instance running one build answers one ETag for one poster — a browser moving between instances
 * revalidates instead of downloading again — and a new layout never matches an old poster.
 */
const SALT = (() => {
  const self = fileURLToPath(import.meta.url);
  const hash = createHash('sha256');
  for (const name of ['poster-routes', 'poster-layout', 'poster-png', 'poster-pdf', 'poster-fonts']) {
    hash.update(readFileSync(join(dirname(self), `${name}${extname(self)}`)));
  }
  return hash.digest('base64url');
})();

interface VillageParams {
  village: string;
}

/** What the poster prints for a village. */
export function posterInput(village: VillageRecord, residentUrl: string): PosterInput {
  return {
    village: village.name,
    place: [village.province?.name, village.county?.name, village.township?.name].filter(Boolean).join(' '),
    url: `${residentUrl.replace(/\/+$/, '')}/v/${village.code}/`,
  };
}

function contentDisposition(input: PosterInput, code: string, format: Format): string {
  const name = `${portalTitle(input.village).replace(/\s+/g, '')}二维码海报.${format}`;
  return `inline; filename="cunmen-poster-${code}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const posterRoutes: FastifyPluginAsync<PosterRouteOptions> = async (app, opts) => {
  const staff = app.requireUser({
    roles: POSTER_ROLES,
    division: (request) => (request.params as VillageParams).village,
  });
  const kept = new Map<string, Promise<Buffer>>();

  async function villageOf(request: FastifyRequest<{ Params: VillageParams }>): Promise<PosterInput> {
    const code = request.params.village;
    const village = /^\d{12}$/.test(code) ? await opts.storage.divisions.getVillage(code) : null;
    if (!village) {
      throw shellError('SHELL_ERR_UNKNOWN_VILLAGE', `no village ${code}`, { zh: `没有这个村：${code}` });
    }
    if (!opts.residentUrl) {
      throw shellError(
        'SHELL_ERR_POSTER_NO_PUBLIC_URL',
        "start the shell with --public-url: the poster's QR code holds the resident portal's address",
      );
    }
    return posterInput(village, opts.residentUrl);
  }

  /** The file for `input`, drawn once (concurrent requests share the drawing) and kept under `key`. */
  function draw(input: PosterInput, format: Format, key: string): { file: Promise<Buffer>; fresh: boolean } {
    const hit = kept.get(key);
    if (hit) return { file: hit, fresh: false };
    const fonts = posterFonts();
    const layout = posterLayout(input);
    const file = format === 'png' ? posterPng(layout, fonts) : posterPdf(layout, fonts, input.village);
    kept.set(key, file);
    // A failed drawing is not kept; the oldest poster makes room for a new one.
    file.catch(() => kept.delete(key));
    if (kept.size > KEEP) kept.delete(kept.keys().next().value as string);
    return { file, fresh: true };
  }

  app.get<{ Params: VillageParams }>(
    `${CONSOLE_API}/villages/:village/poster`,
    { preHandler: staff },
    async (request, reply) => {
      const input = await villageOf(request);
      const base = `${CONSOLE_API}/villages/${request.params.village}/poster`;
      reply.header('cache-control', 'private, no-cache');
      return {
        village: { code: request.params.village, name: input.village, place: input.place },
        url: input.url,
        title: portalTitle(input.village),
        lines: posterLines(input.village),
        png: { href: `${base}.png`, width: pixelsOf(210), height: pixelsOf(297), dpi: POSTER_DPI },
        pdf: { href: `${base}.pdf` },
      };
    },
  );

  for (const format of Object.keys(FORMATS) as Format[]) {
    app.get<{ Params: VillageParams }>(
      `${CONSOLE_API}/villages/:village/poster.${format}`,
      { preHandler: staff },
      async (request, reply: FastifyReply) => {
        const input = await villageOf(request);
        // What is printed decides the file: the key of the kept copy and of the ETag.
        const key = JSON.stringify([format, input.village, input.place, input.url]);
        const etag = `"${createHash('sha256').update(`${SALT}\n${key}`).digest('base64url').slice(0, 27)}"`;
        reply
          .header('cache-control', 'private, no-cache')
          .header('etag', etag)
          .header('x-content-type-options', 'nosniff');
        if (request.headers['if-none-match'] === etag) return reply.code(304).send();
        const started = performance.now();
        const { file, fresh } = draw(input, format, key);
        const body = await file;
        if (fresh) reply.header('server-timing', `draw;dur=${Math.round(performance.now() - started)}`);
        return reply
          .header('content-type', FORMATS[format].type)
          .header('content-disposition', contentDisposition(input, request.params.village, format))
          .send(body);
      },
    );
  }
};

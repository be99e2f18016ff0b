/**
 * Page-load tickets: how a widget credential stays with the widget it was issued for. Widgets run in the
 * shell's own realm, so anything the page can ask the server for, a widget can ask for too; what a
 * widget cannot do is read an HttpOnly cookie or arrive before the shell's boot code.
 *
 * Every portal page the browser navigates to (`GET /v/<village>/…`, `Sec-Fetch-Dest: document`) gets a
 * ticket: an HttpOnly, `SameSite=Strict` cookie scoped to the exchange path only, MAC-signed with the
 * credential key, naming the village and living two minutes. The boot code exchanges it, before any
 * widget code runs, for the credentials of every widget placed in the page (`POST /widget-tokens`, one
 * request); the server records the ticket as used (in the database, so across instances) and clears it.
 * A second exchange — a widget trying to mint credentials — finds no ticket or a used one and is refused.
 * Each cookie name carries a random suffix, so two tabs loading at once do not overwrite each other's.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { WIDGET_TOKENS_PATH } from '@cunmen/host-api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { keyedMac } from './token.js';

export const TICKET_COOKIE_PREFIX = 'cunmen_ticket_';
export const TICKET_TTL_MS = 2 * 60_000;
const TICKET_PREFIX = 'cmt1';
const DOMAIN = 'page-ticket';

export interface TicketClaims {
  id: string;
  village: string;
  /** Expiry, ms since the epoch. */
  exp: number;
}

export function mintTicket(key: Buffer, village: string, now = Date.now()): string {
  const claims: TicketClaims = {
    id: randomBytes(12).toString('base64url'),
    village,
    exp: now + TICKET_TTL_MS,
  };
  const head = `${TICKET_PREFIX}.${Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url')}`;
  return `${head}.${keyedMac(key, DOMAIN, head).toString('base64url')}`;
}

/** The claims of a ticket this shell signed (expired or not), or null. */
export function readTicket(key: Buffer, ticket: string): TicketClaims | null {
  const parts = ticket.split('.');
  if (parts.length !== 3 || parts[0] !== TICKET_PREFIX || ticket.length > 512) return null;
  const head = `${parts[0]}.${parts[1]}`;
  const given = Buffer.from(parts[2] as string, 'base64url');
  const expected = keyedMac(key, DOMAIN, head);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const c = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8')) as TicketClaims;
    const ok = typeof c.id === 'string' && typeof c.village === 'string' && typeof c.exp === 'number';
    return ok ? c : null;
  } catch {
    return null;
  }
}

/** The `name=value` pairs of the ticket cookies a request carries. */
export function ticketCookies(request: FastifyRequest): { name: string; value: string }[] {
  const cookies = (request as { cookies?: Record<string, string | undefined> }).cookies ?? {};
  return Object.entries(cookies)
    .filter(([name, value]) => name.startsWith(TICKET_COOKIE_PREFIX) && typeof value === 'string')
    .map(([name, value]) => ({ name, value: value as string }));
}

function cookieLine(name: string, value: string, maxAge: number, secure: boolean): string {
  const attributes = [`Path=${WIDGET_TOKENS_PATH}`, `Max-Age=${maxAge}`, 'HttpOnly', 'SameSite=Strict'];
  return [`${name}=${value}`, ...attributes, ...(secure ? ['Secure'] : [])].join('; ');
}

/** Clears a used ticket's cookie. */
export function clearTicket(reply: FastifyReply, name: string, secure: boolean): void {
  reply.header('set-cookie', cookieLine(name, '', 0, secure));
}

const PORTAL_PAGES = new Set(['/v/:village/', '/v/:village/*']);

/**
 * True for the browser's own navigation to a portal page: `Sec-Fetch-Dest: document`, which page scripts
 * cannot produce — a `fetch()` is `empty`, an `<iframe>` a widget made `iframe`. The mode is not checked:
 * the portal's service worker re-fetches a navigation as `same-origin`, keeping its destination.
 * Browsers that send no fetch metadata at all count as a navigation.
 */
function isPageNavigation(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method !== 'GET' || !PORTAL_PAGES.has(request.routeOptions.url ?? '')) return false;
  if (reply.statusCode !== 200 && reply.statusCode !== 304) return false;
  const dest = request.headers['sec-fetch-dest'];
  return dest === undefined || dest === 'document';
}

export interface PageTicketOptions {
  key: Buffer;
  secureCookies: boolean;
}

/** Sets a fresh ticket on every portal page navigation (registered at the root, beside the web routes). */
export const pageTickets = fp<PageTicketOptions>(
  async (app: FastifyInstance, opts) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (!isPageNavigation(request, reply)) return payload;
      const village = (request.params as { village?: string }).village ?? '';
      const name = `${TICKET_COOKIE_PREFIX}${randomBytes(6).toString('hex')}`;
      const line = cookieLine(name, mintTicket(opts.key, village), TICKET_TTL_MS / 1000, opts.secureCookies);
      reply.header('set-cookie', line);
      return payload;
    });
  },
  { name: 'cunmen-page-tickets' },
);

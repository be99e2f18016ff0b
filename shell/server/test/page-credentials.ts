/**
 * Widget credentials the way the portal's boot code gets them: navigate to the village's portal page
 * (its response sets the page load's ticket cookie), then exchange the ticket for every placed widget's
 * credential in one request (src/host-api/page-tickets.ts). Over `app.inject` or over a real port; the
 * latter with node:http, because fetch (undici) sends `Sec-Fetch-Mode: cors`, which is no navigation.
 */
import { get } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** What a browser sends when it navigates to a page (a `fetch()` sends `empty` / `cors`). */
export const NAVIGATION = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' };
export const TOKENS_PATH = '/api/host/v1/widget-tokens';

function ticketOf(setCookies: readonly string[]): string {
  const ticket = setCookies
    .map((line) => line.split(';')[0] as string)
    .find((p) => p.startsWith('cunmen_ticket_'));
  if (!ticket) throw new Error('the portal page set no ticket cookie');
  return ticket;
}

function credentialsOf(status: number, body: string): Record<string, string> {
  if (status !== 200) throw new Error(`the credential exchange answered ${status}: ${body}`);
  const { credentials } = JSON.parse(body) as { credentials: Record<string, { token: string }> };
  return Object.fromEntries(Object.entries(credentials).map(([name, c]) => [name, c.token]));
}

/** Widget name → credential, for one page load of `village` (signed in when `cookie` is given). */
export async function pageCredentials(
  app: FastifyInstance,
  village: string,
  cookie?: string,
): Promise<Record<string, string>> {
  const page = await app.inject({
    url: `/v/${village}/`,
    headers: { ...NAVIGATION, ...(cookie ? { cookie } : {}) },
  });
  const raw = page.headers['set-cookie'];
  const ticket = ticketOf(Array.isArray(raw) ? raw : raw ? [String(raw)] : []);
  const res = await app.inject({
    method: 'POST',
    url: TOKENS_PATH,
    headers: { 'content-type': 'application/json', cookie: [cookie, ticket].filter(Boolean).join('; ') },
    payload: JSON.stringify({ village }),
  });
  return credentialsOf(res.statusCode, res.body);
}

/** The same over a real port (`address` like `http://127.0.0.1:1234`). */
export async function pageCredentialsOverHttp(
  address: string,
  village: string,
  cookie?: string,
): Promise<Record<string, string>> {
  const setCookies = await new Promise<string[]>((resolve, reject) => {
    const headers = { ...NAVIGATION, ...(cookie ? { cookie } : {}) };
    get(`${address}/v/${village}/`, { headers }, (res) => {
      res.resume();
      if (res.statusCode !== 200) reject(new Error(`the portal page answered ${res.statusCode}`));
      else resolve(res.headers['set-cookie'] ?? []);
    }).on('error', reject);
  });
  const res = await fetch(`${address}${TOKENS_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: [cookie, ticketOf(setCookies)].filter(Boolean).join('; '),
    },
    body: JSON.stringify({ village }),
  });
  return credentialsOf(res.status, await res.text());
}

/**
 * One widget's credential for a test reader on either origin: by name where the origin still allows it
 * (the staff console), else through a page load of the resident portal.
 */
export async function widgetCredentialOverHttp(
  address: string,
  village: string,
  widget: string,
  version: string | undefined,
  cookie?: string,
): Promise<string> {
  const byName = await fetch(`${address}/api/host/v1/widget-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ village, widget, version }),
  });
  const answer = (await byName.json()) as { token?: string; code?: string };
  if (byName.ok && answer.token) return answer.token;
  if (answer.code !== 'SHELL_ERR_TICKET_REQUIRED') {
    throw new Error(`a credential for ${widget}: ${byName.status} ${answer.code}`);
  }
  const token = (await pageCredentialsOverHttp(address, village, cookie))[widget];
  if (!token) throw new Error(`the portal of ${village} has no ${widget}`);
  return token;
}

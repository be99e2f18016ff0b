// The demo content's way into the shell: people sign in with their password (session cookie and CSRF
// token, as the sign-in page does), get widget credentials the way the portal page does (open the page,
// exchange its single-use ticket for every placed widget's credential), and then call a standard
// module's routes or the host API with them, as the widgets do. Node.js builtins only.
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';

export class ContentSeedError extends Error {
  /** @param {string} message @param {{ status?: number, code?: string, retryAfter?: string }} [detail] */
  constructor(message, detail = {}) {
    super(message);
    this.status = detail.status;
    this.code = detail.code;
    this.retryAfter = detail.retryAfter;
  }
}

const TIMEOUT_MS = 15_000;
/**
 * Sign-ins are limited per address (10 a minute, a fixed window). In scale mode the counters live in
 * PostgreSQL, shared by every instance and kept across restarts, so a seeding that signs in many people
 * (or runs right after another) meets a full window, possibly more than once when several sign-ins wait
 * together: each 429 is waited out for as long as its Retry-After says, until this much waiting in all.
 */
const MAX_SIGN_IN_WAITING_S = 300;
/** When a 429 carries no usable Retry-After: the limit's whole window. */
const DEFAULT_SIGN_IN_WAIT_S = 60;

async function request(url, init, what) {
  let response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new ContentSeedError(`${what}: the shell did not answer (${err.message})`);
  }
  const text = response.status === 204 ? '' : await response.text();
  let body = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {}
  if (!response.ok) {
    const detail = body?.code ? `${body.code}: ${body.error ?? body.message}` : text.slice(0, 200);
    throw new ContentSeedError(`${what} was refused (${response.status} ${detail})`, {
      status: response.status,
      code: body?.code,
      retryAfter: response.headers.get('retry-after') ?? undefined,
    });
  }
  return { body, response };
}

/**
 * Opens the village's portal page as a browser navigation (node:http: fetch sends `Sec-Fetch-Mode:
 * cors`, which gets no ticket) and returns the page load's ticket cookie, `name=value`.
 */
function pageTicket(shellUrl, village, cookie) {
  const url = `${shellUrl}/v/${village}/`;
  const get = url.startsWith('https:') ? httpsGet : httpGet;
  const headers = { cookie, 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' };
  return new Promise((resolve, reject) => {
    const req = get(url, { headers, timeout: TIMEOUT_MS }, (res) => {
      res.resume();
      const ticket = (res.headers['set-cookie'] ?? [])
        .map((c) => c.split(';')[0])
        .find((c) => c.startsWith('cunmen_ticket_'));
      if (res.statusCode === 200 && ticket) resolve(ticket);
      else
        reject(
          new ContentSeedError(`the portal page of ${village} gave no credential ticket (${res.statusCode})`),
        );
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => reject(new ContentSeedError(`the portal page of ${village}: ${err.message}`)));
  });
}

/** The village's current portal: which version of each widget it uses (credentials name it). */
async function portalWidgets(shellUrl, village) {
  const { body } = await request(
    `${shellUrl}/api/portals/${village}/snapshot`,
    {},
    `the portal snapshot of ${village}`,
  );
  return new Map((body?.widgets ?? []).map((w) => [w.name, w.version]));
}

const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds to wait before trying again after a 429: its Retry-After (seconds, or an HTTP date), plus 1. */
export function retryDelay(retryAfter, now = Date.now()) {
  const text = String(retryAfter ?? '').trim();
  let seconds = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isNaN(seconds) && text !== '') {
    const at = Date.parse(text);
    if (!Number.isNaN(at)) seconds = Math.max(0, Math.ceil((at - now) / 1000));
  }
  // One second more: the window ends on the server's clock, a little after ours says.
  return (Number.isNaN(seconds) ? DEFAULT_SIGN_IN_WAIT_S : seconds) + 1;
}

/**
 * Signs `name` in. A refusal for too many sign-ins (429) is waited out as its Retry-After says, and
 * tried again, as a person would a minute later, as long as the waiting stays within
 * MAX_SIGN_IN_WAITING_S; any other refusal ends the seeding at once.
 */
export async function signIn(shellUrl, name, password, say, sleep = defaultSleep) {
  const what = `signing in as ${name}`;
  let waited = 0;
  for (;;) {
    try {
      const { body, response } = await request(
        `${shellUrl}/api/auth/login`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name, password }),
        },
        what,
      );
      const cookie = response.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      return new Session(shellUrl, name, cookie, body.csrfToken, body.user);
    } catch (err) {
      if (err.status !== 429) throw err;
      const wait = retryDelay(err.retryAfter);
      if (waited + wait > MAX_SIGN_IN_WAITING_S) {
        throw new ContentSeedError(`${err.message}; still refused after waiting ${waited} s`, err);
      }
      say?.(`too many sign-ins from this address: waiting ${wait} s before signing in as ${name}`);
      await sleep(wait * 1000);
      waited += wait;
    }
  }
}

/** One signed-in person. */
export class Session {
  #credentials = new Map();
  #portals = new Map();

  /** Signed in on the staff console (credentials by widget name there), not on the resident origin. */
  onConsole = false;

  constructor(shellUrl, name, cookie, csrfToken, user) {
    this.shellUrl = shellUrl;
    this.name = name;
    this.cookie = cookie;
    this.csrfToken = csrfToken;
    this.user = user;
  }

  /** A call of the shell's own API on the session cookie (the household register). */
  async shell(method, path, body) {
    const headers = { cookie: this.cookie };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
    return (await request(`${this.shellUrl}${path}`, init, `${this.name}: ${method} ${path}`)).body;
  }

  /** Whether the village's portal places `widget` (a module without its widget cannot be reached). */
  async places(village, widget) {
    if (!this.#portals.has(village)) this.#portals.set(village, await portalWidgets(this.shellUrl, village));
    return this.#portals.get(village).has(widget);
  }

  /** A widget credential for `widget` in `village`'s portal: one page load per village and session. */
  async credential(village, widget) {
    if (this.onConsole) return this.#consoleCredential(village, widget);
    if (!this.#credentials.has(village)) {
      const exchanged = pageTicket(this.shellUrl, village, this.cookie).then(async (ticket) => {
        const { body } = await request(
          `${this.shellUrl}/api/host/v1/widget-tokens`,
          {
            method: 'POST',
            headers: { cookie: `${this.cookie}; ${ticket}`, 'content-type': 'application/json' },
            body: JSON.stringify({ village }),
          },
          `${this.name}: the widget credentials of ${village}`,
        );
        return new Map(Object.entries(body.credentials).map(([name, c]) => [name, c.token]));
      });
      this.#credentials.set(village, exchanged);
      exchanged.catch(() => this.#credentials.delete(village));
    }
    const token = (await this.#credentials.get(village)).get(widget);
    if (!token) throw new ContentSeedError(`the portal of ${village} has no ${widget}`);
    return token;
  }

  /** On the console a cadre page's widget asks for its credential by name, bound to this session. */
  async #consoleCredential(village, widget) {
    const key = `${village} ${widget}`;
    if (!this.#credentials.has(key)) {
      const minted = (async () => {
        if (!(await this.places(village, widget))) {
          throw new ContentSeedError(`the portal of ${village} has no ${widget}`);
        }
        const version = this.#portals.get(village).get(widget);
        const { body } = await request(
          `${this.shellUrl}/api/host/v1/widget-token`,
          {
            method: 'POST',
            headers: {
              cookie: this.cookie,
              'x-csrf-token': this.csrfToken,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ village, widget, version }),
          },
          `${this.name}: the credential of ${widget} in ${village}`,
        );
        return body.token;
      })();
      this.#credentials.set(key, minted);
      minted.catch(() => this.#credentials.delete(key));
    }
    return this.#credentials.get(key);
  }

  async #bearer(village, widget, method, url, body, headers = {}) {
    const token = await this.credential(village, widget);
    const init = { method, headers: { authorization: `Bearer ${token}`, ...headers } };
    if (body !== undefined && !(body instanceof Uint8Array)) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    } else if (body !== undefined) {
      init.body = body;
    }
    const path = url.slice(this.shellUrl.length);
    return (await request(url, init, `${this.name}: ${method} ${path}`)).body;
  }

  /** A standard module's routes, as its widget (`@cunmen/<module>`) calls them. */
  module(village, module) {
    const widget = `@cunmen/${module}`;
    const root = `${this.shellUrl}/api/modules/${module}`;
    return {
      call: (method, path, body) => this.#bearer(village, widget, method, `${root}${path}`, body),
      upload: (path, file) =>
        this.#bearer(village, widget, 'POST', `${root}${path}`, file.bytes, {
          'content-type': file.type,
          'x-filename': encodeURIComponent(file.name),
        }),
    };
  }

  /** The host API as `widget` uses it through the SDK: the signed-in user, its store and its forms. */
  host(village, widget) {
    const root = `${this.shellUrl}/api/host/v1`;
    const call = (method, path, body) => this.#bearer(village, widget, method, `${root}${path}`, body);
    return {
      me: async () => (await call('GET', '/me')).user,
      /** Every document of the collection (the store pages by 100, newest first). */
      list: async (collection) => {
        const items = [];
        let cursor = null;
        do {
          const query = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const page = await call('GET', `/store/${collection}?${query}`);
          items.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        return items;
      },
      create: (collection, data) => call('POST', `/store/${collection}`, { data }),
      put: (collection, id, data, ifVersion) =>
        call('PUT', `/store/${collection}/${encodeURIComponent(id)}`, { data, ifVersion }),
      submitForm: (formId, data) => call('POST', `/forms/${formId}`, { data }),
    };
  }
}

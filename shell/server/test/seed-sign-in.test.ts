/**
 * The demo-content seeder's sign-in (scripts/lib/seed-content/client.mjs) against a real HTTP server
 * that answers like the shell's rate limit: each 429 is waited out as its Retry-After says (seconds or
 * an HTTP date, the window's length when it has none), as often as it comes within the seeder's total
 * wait; any other refusal ends at once. The waits are recorded instead of slept.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

type Say = (line: string) => void;
type Sleep = (ms: number) => Promise<void>;
interface Client {
  signIn(url: string, name: string, password: string, say?: Say, sleep?: Sleep): Promise<{ name: string }>;
  retryDelay(retryAfter: string | undefined, now?: number): number;
}

// Plain .mjs (Node builtins only, run by `npm start`), so typed here.
const client = (): Promise<Client> =>
  import(new URL('../../../scripts/lib/seed-content/client.mjs', import.meta.url).href);

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

let server: Server | undefined;

afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  // fetch keeps its connection alive: close it, or close() waits for it to time out.
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

/** A sign-in endpoint giving `answers` in turn (the last one from then on); returns its URL and hits. */
async function shellAnswering(answers: Answer[]) {
  const hits: string[] = [];
  const listening = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    const answer = answers[Math.min(hits.length - 1, answers.length - 1)] as Answer;
    const cookies = answer.status === 200 ? { 'set-cookie': 'cunmen_session=s1; HttpOnly' } : {};
    res.writeHead(answer.status, { 'content-type': 'application/json', ...cookies, ...answer.headers });
    res.end(JSON.stringify(answer.body));
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(listening.address() as AddressInfo).port}`, hits };
}

const limited = (retryAfter?: string): Answer => ({
  status: 429,
  headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
  body: { code: 'SHELL_ERR_RATE_LIMITED', error: 'too many sign-in attempts' },
});
const signedIn: Answer = { status: 200, body: { csrfToken: 'c1', user: { name: 'xiantan-cadre' } } };

describe('the seeder signing in', () => {
  it('waits out every 429 for its Retry-After, then signs in', async () => {
    const { signIn } = await client();
    const { url, hits } = await shellAnswering([limited('42'), limited('7'), signedIn]);
    const waits: number[] = [];
    const said: string[] = [];
    const session = await signIn(
      url,
      'xiantan-cadre',
      'pw',
      (l) => said.push(l),
      async (ms) => {
        waits.push(ms);
      },
    );
    expect(session.name).toBe('xiantan-cadre');
    expect(hits).toEqual(Array(3).fill('POST /api/auth/login'));
    expect(waits).toEqual([43_000, 8_000]);
    expect(said).toEqual([
      'too many sign-ins from this address: waiting 43 s before signing in as xiantan-cadre',
      'too many sign-ins from this address: waiting 8 s before signing in as xiantan-cadre',
    ]);
  });

  it('gives up with the refusal once the waiting would pass five minutes', async () => {
    const { signIn } = await client();
    const { url, hits } = await shellAnswering([limited('59')]);
    const waits: number[] = [];
    const refused = signIn(url, 'xiantan-cadre', 'pw', undefined, async (ms) => {
      waits.push(ms);
    });
    await expect(refused).rejects.toMatchObject({
      status: 429,
      code: 'SHELL_ERR_RATE_LIMITED',
      message: expect.stringContaining('still refused after waiting 300 s'),
    });
    expect(waits).toEqual(Array(5).fill(60_000));
    expect(hits).toHaveLength(6);
  });

  it('does not wait on any other refusal', async () => {
    const { signIn } = await client();
    const { url, hits } = await shellAnswering([
      { status: 401, body: { code: 'SHELL_ERR_BAD_CREDENTIALS', error: 'wrong name or password' } },
    ]);
    const waits: number[] = [];
    await expect(
      signIn(url, 'xiantan-cadre', 'pw', undefined, async (ms) => {
        waits.push(ms);
      }),
    ).rejects.toMatchObject({ status: 401, code: 'SHELL_ERR_BAD_CREDENTIALS' });
    expect(waits).toEqual([]);
    expect(hits).toHaveLength(1);
  });

  it('reads Retry-After as seconds or an HTTP date, and waits a whole window without one', async () => {
    const { retryDelay } = await client();
    const now = Date.parse('2026-12-07T08:00:00Z');
    expect(retryDelay('12', now)).toBe(13);
    expect(retryDelay('0', now)).toBe(1);
    expect(retryDelay('Mon, 07 Dec 2026 08:00:30 GMT', now)).toBe(31);
    expect(retryDelay('Mon, 07 Dec 2026 07:59:00 GMT', now)).toBe(1);
    expect(retryDelay(undefined, now)).toBe(61);
    expect(retryDelay('soon', now)).toBe(61);
  });
});

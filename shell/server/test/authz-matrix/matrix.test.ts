/**
 * The shell's authorisation matrix (issue #14): every state-changing route of every origin the shell
 * serves — collected from Fastify's own route tables with `onRoute` (collect.ts) — called by every
 * actor (nobody, the operator token, each role inside and outside the division), checked against the
 * explicit table (table.ts). No refused call succeeds or writes an audit entry; every refusal carries
 * its exact code; every allowed call gets past authorisation; a route without a row fails.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ConsoleShell, startConsoleShell } from '../console.js';
import { type Actor, makeActors } from './actors.js';
import { recordRoutes, routesOf, STATE_CHANGING } from './collect.js';
import { expectationFor, fillPath, type Origin } from './expect.js';
import { TABLE } from './table.js';

vi.mock('fastify', async (importOriginal) => {
  const real = await importOriginal<typeof import('fastify')>();
  const factory = ((options?: object) =>
    recordRoutes(
      real.default(options as never) as unknown as FastifyInstance,
    )) as unknown as typeof real.default;
  return { ...real, default: factory, fastify: factory };
});

let shell: ConsoleShell;
let actors: Actor[];

beforeAll(async () => {
  shell = await startConsoleShell();
  actors = await makeActors(shell.app.shell.storage.identity);
}, 60_000);
afterAll(async () => shell?.close());

function origins() {
  const frame = shell.console.cadreFrame?.app;
  if (!frame) throw new Error('the console has no cadre frame');
  return { resident: shell.app, console: shell.console, frame } as const;
}

/** The state-changing routes each origin serves; sign-out last, as it ends the actor's session. */
function stateChanging(origin: Origin) {
  const seen = new Set<string>();
  return routesOf(origins()[origin])
    .filter((r) => STATE_CHANGING.has(r.method))
    .map((r) => `${r.method} ${r.url}`)
    .filter((key) => !seen.has(key) && seen.add(key))
    .sort((a, b) => Number(a.endsWith('/logout')) - Number(b.endsWith('/logout')));
}

async function call(origin: Origin, key: string, actor: Actor) {
  const [method, url] = key.split(' ') as [string, string];
  const rule = TABLE[key];
  const query = rule?.request?.query;
  const headers =
    origin === 'resident' ? actor.headers.resident : origin === 'console' ? actor.headers.console : {};
  return origins()[origin].inject({
    method: method as 'POST',
    url: `${fillPath(url)}${query ? `?${new URLSearchParams(query)}` : ''}`,
    headers: { ...headers, 'content-type': 'application/json' },
    // Each actor from its own address: sign-in rate limits count per address, and are not under test.
    remoteAddress: `10.0.0.${actors.indexOf(actor) + 1}`,
    payload: JSON.stringify(rule?.request?.body ?? {}),
  });
}

describe('the authorisation matrix of the shell', () => {
  it('has a row for every state-changing route the shell serves, and serves every row', () => {
    const served = new Set((['resident', 'console', 'frame'] as const).flatMap((o) => stateChanging(o)));
    expect(
      [...served].filter((key) => !(key in TABLE)),
      'routes without a row in table.ts',
    ).toEqual([]);
    expect(
      Object.keys(TABLE).filter((key) => !served.has(key)),
      'rows no origin serves',
    ).toEqual([]);
    // The cadre frame's origin changes nothing.
    expect(stateChanging('frame')).toEqual([]);
  });

  it.each(['resident', 'console'] as const)(
    'refuses every unauthorised call on the %s origin with its code, and lets the rest through',
    async (origin) => {
      const wrong: string[] = [];
      const audit = shell.app.shell.storage.audit;
      const before = (await audit.list({ limit: 100_000 })).length;
      let allowedCalls = 0;
      // Refusals first, so the audit log can show they wrote nothing.
      for (const phase of ['refused', 'allowed'] as const) {
        for (const key of stateChanging(origin)) {
          const rule = TABLE[key];
          if (!rule) continue;
          for (const actor of actors) {
            const expected = expectationFor(rule, actor, origin);
            if (expected.allowed !== (phase === 'allowed')) continue;
            const res = await call(origin, key, actor);
            const code = (res.json() as { code?: string }).code;
            const at = `${origin} ${key} as ${actor.label}: ${res.statusCode} ${code ?? ''}`;
            if (expected.allowed) {
              allowedCalls++;
              if (res.statusCode === 401 || res.statusCode === 403)
                wrong.push(`${at} (expected to be allowed)`);
            } else if (res.statusCode < 400 || code !== expected.code) {
              wrong.push(`${at} (expected ${expected.code})`);
            }
          }
        }
        if (phase === 'refused') {
          expect(
            (await audit.list({ limit: 100_000 })).length,
            'audit entries written by refused calls',
          ).toBe(before);
        }
      }
      expect(wrong).toEqual([]);
      expect(allowedCalls).toBeGreaterThan(0);
    },
    120_000,
  );
});

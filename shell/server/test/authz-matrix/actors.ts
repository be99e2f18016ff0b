/**
 * The matrix's actors: nobody, the operator token, and one account of every role, each once inside
 * the division the routes are pointed at (仙潭村 and the divisions above it) and once outside it. Their
 * sessions are made in the identity store as the sign-in would make them — second factor passed for
 * the roles that need one — so the matrix tests authorisation, not sign-in or its rate limits.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IdentityRole } from '../../src/identity/roles.js';
import type { IdentityStore } from '../../src/identity/store.js';
import { ADMIN_TOKEN, XIANTAN } from '../shell.js';

export type Side = 'own' | 'other';

export interface Actor {
  /** `resident (own)`, `county-admin (other)`, `operator`, `anonymous`. */
  label: string;
  kind: 'anonymous' | 'operator' | 'user';
  role?: IdentityRole;
  side?: Side;
  /** Headers to send on each origin (a staff account has no session on the resident origin). */
  headers: { resident: Record<string, string>; console: Record<string, string> };
}

/** Where each role sits inside (own) and outside (other) the division of 仙潭村 (330521107201). */
export const DIVISIONS: Record<IdentityRole, Record<Side, string>> = {
  resident: { own: XIANTAN, other: '330521003201' },
  merchant: { own: XIANTAN, other: '330521003201' },
  'village-cadre': { own: XIANTAN, other: '330521003201' },
  supervisor: { own: XIANTAN, other: '330521003201' },
  'township-staff': { own: XIANTAN.slice(0, 9), other: '330521003' },
  'county-admin': { own: '330521', other: '330522' },
  'county-developer': { own: '330521', other: '330522' },
  'province-maintainer': { own: '330000', other: '340000' },
};

// As the identity plugin stores them: the token's SHA-256, console tokens in their own domain.
const tokenHash = (token: string, onConsole: boolean) =>
  createHash('sha256')
    .update(onConsole ? `console:${token}` : token, 'utf8')
    .digest('hex');

export async function makeActors(store: IdentityStore): Promise<Actor[]> {
  const none = { resident: {}, console: {} };
  const actors: Actor[] = [
    { label: 'anonymous', kind: 'anonymous', headers: none },
    {
      label: 'operator',
      kind: 'operator',
      headers: {
        resident: { authorization: `Bearer ${ADMIN_TOKEN}` },
        console: { authorization: `Bearer ${ADMIN_TOKEN}` },
      },
    },
  ];
  const now = new Date();
  for (const [role, sides] of Object.entries(DIVISIONS) as [IdentityRole, Record<Side, string>][]) {
    for (const side of ['own', 'other'] as const) {
      const user = await store.createUser({
        name: `${role}-${side}`,
        displayName: `${role} ${side}`,
        role,
        division: sides[side],
        passwordHash: null,
      });
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      // Residents hold sessions on their portal's origin, staff on the console's only.
      const onConsole = role !== 'resident';
      await store.createSession({
        tokenHash: tokenHash(token, onConsole),
        userId: user.id,
        csrfToken,
        mfaPassed: true,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 3600_000).toISOString(),
      });
      const session = {
        cookie: `${onConsole ? 'cunmen_console' : 'cunmen_session'}=${token}`,
        'x-csrf-token': csrfToken,
      };
      actors.push({
        label: `${role} (${side})`,
        kind: 'user',
        role,
        side,
        // Each origin gets the same cookie: the other origin must treat it as nobody's.
        headers: { resident: session, console: session },
      });
    }
  }
  return actors;
}

/**
 * Who may call each state-changing route of the shell, on whichever origin serves it (resident,
 * console, cadre frame). Data: one row per route, keyed `METHOD /url` as Fastify registered it; a route
 * the shell serves that has no row here fails the matrix, and so does a row no origin serves.
 *
 * - `who`: `anyone`; `session` (any account signed in on that origin); `credential` (a widget
 *   credential alone: no session, role or operator token opens it); `ticket` (a page load's ticket
 *   cookie alone, which the matrix never has); or the roles allowed.
 * - `onOrigin`: another rule where one origin serves the route differently.
 * - `scoped`: the account's division must cover the division the request names (仙潭村 330521107201 in
 *   the path, or 德清县 330521 for the mandatory-widget rules).
 * - `operator`: the operator token (`--admin-token-file`) is accepted too.
 * - `request`: what the matrix sends (query, body) so the route sees a division to judge.
 *
 * Behind a widget credential (host API, standard modules) the matrix checks only that no session, role
 * or operator token stands in for one; who may hold which credential is the host API's and the
 * modules' own tests (and the evil-widget suite's).
 */
import type { IdentityRole } from '../../src/identity/roles.js';

export interface Rule {
  who: 'anyone' | 'session' | 'credential' | 'ticket' | readonly IdentityRole[];
  onOrigin?: Partial<Record<'resident' | 'console' | 'frame', Rule>>;
  /** The code the operator token gets where it is sent as a widget credential and refused. */
  operatorRefused?: string;
  scoped?: boolean;
  operator?: boolean;
  request?: { query?: Record<string, string>; body?: unknown };
  /** For `credential` routes: the code of a call with no `authorization` at all (default the shell's). */
  withoutCredential?: string;
}

const EDITORS = ['village-cadre', 'county-admin', 'province-maintainer'] as const;
const RULERS = ['county-admin', 'province-maintainer'] as const;
const JOIN_DECIDERS = ['village-cadre', 'township-staff', 'county-admin'] as const;
/** Portal and household administration: a session of an editor in the division, or the operator. */
const admin: Rule = { who: EDITORS, scoped: true, operator: true };
/** The console's own routes: an editor's session in the division; the operator token is not a session. */
const editor: Rule = { who: EDITORS, scoped: true };
const credential: Rule = { who: 'credential' };
/** A module route without any credential is a call by nobody, which the module refuses itself. */
const moduleCall: Rule = { who: 'credential', withoutCredential: 'MODULE_ERR_SIGN_IN_REQUIRED' };
const MANDATORY = { division: '330521', package: '@cunmen/complaints' };

export const TABLE: Record<string, Rule> = {
  // Sign-in and the second factor (identity/plugin.ts).
  'POST /api/auth/login': { who: 'anyone' },
  'POST /api/auth/logout': { who: 'anyone' },
  'POST /api/auth/totp': { who: 'session' },
  'POST /api/auth/totp/setup': { who: 'session' },
  'POST /api/auth/totp/enable': { who: 'session' },

  // Residents' phone sign-in, and pre-registration by phone (identity/phone-routes.ts,
  // pre-register-routes.ts): the village named in the body must be within the staff member's division.
  'POST /api/auth/phone/code': { who: 'anyone' },
  'POST /api/auth/phone/sign-in': { who: 'anyone' },
  'POST /api/auth/phone/residents': {
    who: JOIN_DECIDERS,
    scoped: true,
    request: { body: { phone: '13812349999', village: '330521107201', displayName: '矩阵' } },
  },
  // The inbox (notifications/routes.ts): whoever is signed in on the origin marks their own notices.
  'POST /api/inbox/read': { who: 'session', request: { body: { all: true } } },

  // Portal administration (http/portal-routes.ts, portal-routes-widgets.ts).
  'PUT /api/portals/:village': admin,
  'POST /api/portals/:village/rollback': admin,
  'POST /api/portals/:village/refresh': admin,
  'POST /api/portals/:village/widgets': admin,
  'PATCH /api/portals/:village/widgets/:name': admin,
  'PATCH /api/portals/:village/widgets/:scope/:pkg': admin,
  'DELETE /api/portals/:village/widgets/:name': admin,
  'DELETE /api/portals/:village/widgets/:scope/:pkg': admin,
  'POST /api/portals/:village/widgets/:name/move': admin,
  'POST /api/portals/:village/widgets/:scope/:pkg/move': admin,

  // Households (households/routes.ts).
  'POST /api/villages/:village/households': admin,
  'POST /api/villages/:village/households/:id/residents': admin,
  // Joining a household (households/join-routes.ts): a resident asks on their portal; the village's
  // cadres and the township and county staff above it decide, by session only.
  'POST /api/households/join-requests': { who: ['resident'] },
  'POST /api/villages/:village/join-requests/:id/approve': { who: JOIN_DECIDERS, scoped: true },
  'POST /api/villages/:village/join-requests/:id/reject': { who: JOIN_DECIDERS, scoped: true },

  // The console's composer, banner and mandatory widgets (console/, banner/, mandatory/).
  'PUT /api/console/v1/portals/:village/draft': editor,
  'DELETE /api/console/v1/portals/:village/draft': editor,
  'POST /api/console/v1/portals/:village/draft/publish': editor,
  'POST /api/console/v1/portals/:village/draft/widgets': editor,
  'POST /api/console/v1/portals/:village/banner': editor,
  'PUT /api/console/v1/mandatory': { who: RULERS, scoped: true, request: { body: MANDATORY } },
  'DELETE /api/console/v1/mandatory': { who: RULERS, scoped: true, request: { query: MANDATORY } },

  // The host API (host-api/): credentials come from a page load's ticket (exchange), and only the
  // credential held renews itself; no session or operator token mints one on the resident origin. The
  // console still mints by name for its in-realm cadre pages (its session decides, tested there).
  'POST /api/host/v1/widget-tokens': { who: 'ticket', request: { body: { village: '330521107201' } } },
  'POST /api/host/v1/widget-token': {
    who: 'credential',
    withoutCredential: 'SHELL_ERR_TICKET_REQUIRED',
    // The operator token sent there is a credential to renew, and no credential this shell issued.
    onOrigin: { console: { who: 'anyone', operatorRefused: 'SHELL_ERR_TOKEN_INVALID' } },
  },
  'POST /api/host/v1/store/:collection': credential,
  'PUT /api/host/v1/store/:collection/:id': credential,
  'DELETE /api/host/v1/store/:collection/:id': credential,
  'POST /api/host/v1/forms/:formId': credential,
  'POST /api/host/v1/points/requests': credential,
  'POST /api/host/v1/media': credential,

  // The standard modules' routes (modules/mount.ts): the widget credential decides, then the module
  // by the credential's user (its own tests cover roles behind the credential).
  'POST /api/modules/complaints/cases': moduleCall,
  'POST /api/modules/complaints/cases/:id/accept': moduleCall,
  'POST /api/modules/complaints/cases/:id/close': moduleCall,
  'POST /api/modules/complaints/cases/:id/dispatch': moduleCall,
  'POST /api/modules/complaints/cases/:id/follow-up': moduleCall,
  'POST /api/modules/complaints/cases/:id/rate': moduleCall,
  'POST /api/modules/complaints/cases/:id/reply': moduleCall,
  'POST /api/modules/complaints/cases/:id/return': moduleCall,
  'POST /api/modules/complaints/cases/:id/transfer': moduleCall,
  'POST /api/modules/complaints/photos': moduleCall,
  'PUT /api/modules/complaints/settings': moduleCall,
  'POST /api/modules/affairs-disclosure/catalogue': moduleCall,
  'POST /api/modules/affairs-disclosure/items': moduleCall,
  'PUT /api/modules/affairs-disclosure/items/:id': moduleCall,
  'DELETE /api/modules/affairs-disclosure/items/:id': moduleCall,
  'POST /api/modules/affairs-disclosure/items/:id/approve': moduleCall,
  'POST /api/modules/affairs-disclosure/items/:id/attachments': moduleCall,
  'DELETE /api/modules/affairs-disclosure/items/:id/attachments/:aid': moduleCall,
  'POST /api/modules/affairs-disclosure/items/:id/council': moduleCall,
  'POST /api/modules/affairs-disclosure/items/:id/publish': moduleCall,
  'POST /api/modules/affairs-disclosure/items/:id/return': moduleCall,
  'POST /api/modules/affairs-disclosure/items/:id/revisions': moduleCall,
  'POST /api/modules/affairs-disclosure/items/:id/submit': moduleCall,
  'POST /api/modules/affairs-disclosure/published/:id/questions': moduleCall,
  'POST /api/modules/affairs-disclosure/questions/:id/answer': moduleCall,
  'PUT /api/modules/affairs-disclosure/settings': moduleCall,
  'POST /api/modules/points/claims': moduleCall,
  'POST /api/modules/points/claims/:id/approve': moduleCall,
  'POST /api/modules/points/claims/:id/reject': moduleCall,
  'POST /api/modules/points/goods': moduleCall,
  'PUT /api/modules/points/goods/:id': moduleCall,
  'POST /api/modules/points/households': moduleCall,
  'POST /api/modules/points/photos': moduleCall,
  'POST /api/modules/points/redeem': moduleCall,
  'POST /api/modules/points/reset': moduleCall,
  'POST /api/modules/points/rulebooks': moduleCall,
  'PUT /api/modules/points/settings': moduleCall,
  'POST /api/modules/party-building/branches': moduleCall,
  'PUT /api/modules/party-building/branches/:branch': moduleCall,
  'POST /api/modules/party-building/branches/:branch/members': moduleCall,
  'PUT /api/modules/party-building/branches/:branch/members/:member': moduleCall,
  'POST /api/modules/party-building/branches/:branch/meetings': moduleCall,
  'POST /api/modules/party-building/branches/:branch/meetings/:meeting/record': moduleCall,
  'POST /api/modules/party-building/branches/:branch/meetings/:meeting/attachments': moduleCall,
  'POST /api/modules/party-building/branches/:branch/posts': moduleCall,
  'POST /api/modules/party-building/branches/:branch/pioneers': moduleCall,
  'POST /api/modules/party-building/branches/:branch/points': moduleCall,
  'POST /api/modules/party-building/meetings/:meeting/sign-in': moduleCall,
  'POST /api/modules/party-building/study/:post/done': moduleCall,
};

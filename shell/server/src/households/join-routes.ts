/**
 * Joining a household (入户申请). On the resident origin a signed-in resident with no household asks to
 * join one of their own village's register — named by its number (户号) or by its head's name (and the
 * address, when namesakes live there) — and reads the status of their latest request:
 * `POST /api/households/join-requests` · `GET /api/households/join-requests/mine`.
 *
 * The village's cadres (and township and county staff above it) decide, on the console (the session,
 * CSRF and TOTP rules of every staff route, through `requireUser`):
 * `GET /api/villages/<village>/join-requests` (pending, phone masked) ·
 * `POST /api/villages/<village>/join-requests/<id>/approve` · `POST …/<id>/reject {reason}`.
 * Approving binds the account to the household (the next session answer shows it). Every request and
 * decision is on the audit log, with the phone masked; a refused one changes nothing.
 */
import { maskName, maskPhone } from '@cunmen/pii';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { shellError } from '../errors.js';
import type { IdentityUser } from '../identity/store.js';
import type { Storage } from '../storage/types.js';
import { joinError } from './join-errors.js';
import { JOIN_RELATIONS, type JoinDecision, type JoinRequest } from './join-requests.js';
import type { Household } from './store.js';

export interface JoinRouteOptions {
  storage: Storage;
}

/** Who decides a village's join requests. */
export const JOIN_DECIDERS = ['village-cadre', 'township-staff', 'county-admin'] as const;

const FIELDS: Record<string, { label: string; en: string; zh: string }> = {
  village: { label: '村', en: 'the 12-digit division code of a village', zh: '请填写 12 位村级区划代码' },
  number: { label: '户号', en: '1 to 6 digits, e.g. 0012', zh: '请填写 1–6 位数字的户号，例如 0012' },
  head: { label: '户主姓名', en: '1 to 20 characters', zh: '请填写户号或户主姓名（1–20 个字）' },
  address: { label: '住址', en: 'at most 100 characters', zh: '住址最多 100 个字' },
  name: { label: '姓名', en: '1 to 20 characters', zh: '请填写您的姓名（1–20 个字）' },
  relation: {
    label: '与户主关系',
    en: `one of ${JOIN_RELATIONS.join(', ')}`,
    zh: `请选择：${JOIN_RELATIONS.join('、')}`,
  },
  note: { label: '备注', en: 'at most 200 characters', zh: '备注最多 200 个字' },
  reason: { label: '驳回理由', en: '1 to 200 characters', zh: '请填写驳回理由（1–200 个字）' },
};

const joinBody = z
  .object({
    village: z.string().regex(/^\d{12}$/),
    number: z
      .string()
      .regex(/^\d{1,6}$/)
      .optional(),
    head: z.string().trim().min(1).max(20).optional(),
    address: z.string().trim().max(100).optional(),
    name: z.string().trim().min(1).max(20),
    relation: z.enum(JOIN_RELATIONS),
    note: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((b) => b.number !== undefined || b.head !== undefined, {
    path: ['head'],
    message: 'give the household number or the head of household',
  });

const rejectBody = z.object({ reason: z.string().trim().min(1).max(200) }).strict();

/** `value` parsed by `schema`, or a 400 naming the first wrong field in English and zh-CN. */
function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.map(String).join('.') : '(body)';
  const known = FIELDS[field];
  throw shellError('SHELL_ERR_BAD_REQUEST', `${field}: ${known?.en ?? issue?.message ?? 'invalid'}`, {
    zh: known ? `${known.label}：${known.zh}` : `请求有误：${field}`,
    field,
  });
}

const masked = (phone: string | null) => (phone === null ? null : maskPhone(phone));

/** What the resident sees of their own request. */
function residentView(r: JoinRequest) {
  return {
    id: r.id,
    village: r.village,
    household: { number: r.householdNumber, head: maskName(r.householdHead) },
    name: r.name,
    relation: r.relation,
    note: r.note,
    status: r.status,
    reason: r.reason,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
  };
}

/** What a cadre sees in the queue. */
function cadreView(r: JoinRequest) {
  return {
    id: r.id,
    name: r.name,
    relation: r.relation,
    note: r.note,
    phone: masked(r.phone),
    household: { id: r.householdId, number: r.householdNumber, head: maskName(r.householdHead) },
    status: r.status,
    reason: r.reason,
    createdAt: r.createdAt,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
  };
}

async function audit(
  storage: Storage,
  request: FastifyRequest,
  actor: string,
  action: string,
  r: JoinRequest,
  extra: Record<string, unknown> = {},
) {
  await storage.audit.append({
    actor,
    action,
    subject: `village:${r.village}`,
    detail: {
      request: r.id,
      household: r.householdNumber,
      relation: r.relation,
      phone: masked(r.phone),
      ...extra,
    },
    ip: request.ip,
  });
}

/** The household the request names, from the village's register; refuses when there is none or several. */
async function resolveHousehold(
  storage: Storage,
  village: string,
  body: { number?: string; head?: string; address?: string },
): Promise<Household> {
  if (body.number !== undefined) {
    const found = await storage.households.findByNumber(village, body.number);
    if (!found || (body.head !== undefined && found.head !== body.head)) {
      throw joinError('SHELL_ERR_JOIN_NO_HOUSEHOLD', `number: no household ${body.number} in ${village}`, {
        field: 'number',
      });
    }
    return found;
  }
  let found = await storage.households.findByHead(village, body.head as string);
  if (body.address) found = found.filter((h) => h.address === body.address);
  if (found.length === 0) {
    throw joinError('SHELL_ERR_JOIN_NO_HOUSEHOLD', `head: no household headed by this name in ${village}`, {
      field: 'head',
    });
  }
  if (found.length > 1) throw joinError('SHELL_ERR_JOIN_AMBIGUOUS', undefined, { field: 'head' });
  return found[0] as Household;
}

/** The resident's side, on the resident origin. */
export const residentJoinRoutes: FastifyPluginAsync<JoinRouteOptions> = async (app, opts) => {
  const { storage } = opts;
  const residents = app.requireUser({ roles: ['resident'] });

  app.post('/api/households/join-requests', { preHandler: residents }, async (request, reply) => {
    const user = request.identity?.user as IdentityUser;
    const body = parse(joinBody, request.body);
    if (user.household !== null) {
      throw joinError('SHELL_ERR_JOIN_HAS_HOUSEHOLD', `${user.name} is in household ${user.household}`);
    }
    // A resident's choice list is the village of their account (the portal they signed in on).
    if (body.village !== user.division) {
      throw joinError(
        'SHELL_ERR_JOIN_OTHER_VILLAGE',
        `village: ${body.village} is not the village of this account (${user.division})`,
        { field: 'village' },
      );
    }
    const household = await resolveHousehold(storage, body.village, body);
    const created = await storage.joinRequests.create({
      village: body.village,
      accountId: user.id,
      householdId: household.id,
      name: body.name,
      relation: body.relation,
      note: body.note || null,
    });
    if (created === 'open') throw joinError('SHELL_ERR_JOIN_OPEN');
    await audit(storage, request, user.name, 'household.join-request', created);
    return reply.code(201).send(residentView(created));
  });

  app.get('/api/households/join-requests/mine', { preHandler: residents }, async (request) => {
    const user = request.identity?.user as IdentityUser;
    const latest = await storage.joinRequests.latestOf(user.id);
    return { household: user.household, request: latest ? residentView(latest) : null };
  });

  // The resident's own household (我的家庭): read through the session's household alone, so an account
  // that has joined none reads nothing of anyone's and is told to join first.
  app.get('/api/households/mine', { preHandler: residents }, async (request) => {
    const user = request.identity?.user as IdentityUser;
    const found =
      user.household === null
        ? null
        : await storage.households.findByNumber(user.division, user.household.replace(/^H-/i, ''));
    if (!found) {
      throw joinError(
        'SHELL_ERR_HOUSEHOLD_REQUIRED',
        `${user.name} has not joined a household of ${user.division}`,
      );
    }
    const members = await storage.households.listResidents(found.id);
    return {
      number: found.number,
      head: maskName(found.head),
      address: found.address,
      members: members.map((m) => ({
        name: m.accountId === user.id ? m.name : maskName(m.name),
        relation: m.relation,
        me: m.accountId === user.id,
      })),
    };
  });
};

interface DecideParams {
  village: string;
  id: string;
}

/** The deciding side, for the village's cadres and the staff above them. */
export const cadreJoinRoutes: FastifyPluginAsync<JoinRouteOptions> = async (app, opts) => {
  const { storage } = opts;
  const deciders = app.requireUser({
    roles: JOIN_DECIDERS,
    division: (request) => (request.params as { village?: string }).village,
  });

  async function village(code: string) {
    if (!(await storage.divisions.getVillage(code))) {
      throw shellError('SHELL_ERR_UNKNOWN_VILLAGE', `no village ${code}`, { zh: `没有编号为 ${code} 的村` });
    }
  }

  const idOf = (params: DecideParams) => {
    const id = Number(params.id);
    if (!Number.isSafeInteger(id) || id < 1)
      throw joinError('SHELL_ERR_JOIN_NOT_FOUND', `no request ${params.id}`);
    return id;
  };

  /** The decision's answer, or the refusal that says why nothing changed. */
  function outcome(decision: JoinDecision, id: number): JoinRequest {
    switch (decision.kind) {
      case 'decided':
        return decision.request;
      case 'not-found':
        throw joinError('SHELL_ERR_JOIN_NOT_FOUND', `no join request ${id} in this village`);
      case 'already-decided':
        throw joinError('SHELL_ERR_JOIN_DECIDED', `join request ${id} is ${decision.request.status} already`);
      case 'has-household':
        throw joinError(
          'SHELL_ERR_JOIN_HAS_HOUSEHOLD',
          `the account of request ${id} joined a household meanwhile`,
          {
            zh: '该村民已加入家庭，请驳回这条申请',
          },
        );
    }
  }

  app.get<{ Params: { village: string } }>(
    '/api/villages/:village/join-requests',
    { preHandler: deciders },
    async (request) => {
      await village(request.params.village);
      const items = await storage.joinRequests.listPending(request.params.village);
      return { items: items.map(cadreView) };
    },
  );

  app.post<{ Params: DecideParams }>(
    '/api/villages/:village/join-requests/:id/approve',
    { preHandler: deciders },
    async (request) => {
      await village(request.params.village);
      const id = idOf(request.params);
      const cadre = request.identity?.user as IdentityUser;
      const at = new Date().toISOString();
      const decided = outcome(
        await storage.joinRequests.approve(request.params.village, id, cadre.name, at),
        id,
      );
      await audit(storage, request, cadre.name, 'household.join-approve', decided);
      return cadreView(decided);
    },
  );

  app.post<{ Params: DecideParams }>(
    '/api/villages/:village/join-requests/:id/reject',
    { preHandler: deciders },
    async (request) => {
      await village(request.params.village);
      const id = idOf(request.params);
      const body = parse(rejectBody, request.body);
      const cadre = request.identity?.user as IdentityUser;
      const at = new Date().toISOString();
      const decided = outcome(
        await storage.joinRequests.reject(request.params.village, id, cadre.name, body.reason, at),
        id,
      );
      await audit(storage, request, cadre.name, 'household.join-reject', decided, { reason: body.reason });
      return cadreView(decided);
    },
  );
};

/** Mounts both sides where they belong: the resident's only on the resident origin. */
export async function joinRoutes(
  app: FastifyInstance,
  storage: Storage,
  surface: 'resident' | 'console',
): Promise<void> {
  if (surface === 'resident') await app.register(residentJoinRoutes, { storage });
  await app.register(cadreJoinRoutes, { storage });
}

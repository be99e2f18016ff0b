/**
 * Households and residents of a village, for its cadres (and the county and province above them):
 * `GET|POST /api/villages/<village>/households`, `GET /api/villages/<village>/households/<id>`,
 * `POST /api/villages/<village>/households/<id>/residents`. Lists mask names and every view masks phone
 * numbers; a resident may get a sign-in account (role `resident`, scoped to the village).
 */
import { parseWith } from '@cunmen/errors';
import { maskName, maskPhone } from '@cunmen/pii';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { shellError, shellErrors } from '../errors.js';
import { actorOf, authenticate, requireRole } from '../http/auth.js';
import { hashPassword, passwordProblem } from '../identity/passwords.js';
import type { Storage } from '../storage/types.js';
import type { HouseholdStore } from './store.js';

export interface HouseholdRouteOptions {
  storage: Storage;
  households: HouseholdStore;
  adminToken: string | undefined;
}

const RELATIONS = ['户主', '配偶', '子女', '父母', '兄弟姐妹', '孙辈', '其他'] as const;
const phoneSchema = z
  .string()
  .regex(
    /^(1\d{10}|0\d{2,3}-?\d{7,8})$/,
    'a mobile number such as 13812345678 or a landline such as 0572-8012345',
  );

const householdBody = z
  .object({
    number: z.string().regex(/^\d{1,6}$/, 'a household number of 1 to 6 digits, e.g. 0012'),
    head: z.string().trim().min(1).max(20),
    address: z.string().trim().max(100).optional(),
  })
  .strict();

const residentBody = z
  .object({
    name: z.string().trim().min(1).max(20),
    relation: z.enum(RELATIONS),
    phone: phoneSchema.optional(),
    account: z
      .object({
        name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, ".", "_", "-"'),
        password: z.string(),
      })
      .strict()
      .optional(),
  })
  .strict();

const pageQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

/** `value` parsed by `schema`, or a 400 naming the first field that is wrong. */
function parse<T>(schema: z.ZodType<T>, value: unknown, where = 'body'): T {
  return parseWith(schema, value ?? {}, shellErrors, 'SHELL_ERR_BAD_REQUEST', where);
}

interface Params {
  village: string;
  id?: string;
}

export const householdRoutes: FastifyPluginAsync<HouseholdRouteOptions> = async (app, opts) => {
  const { households, storage } = opts;
  app.addHook('onRequest', authenticate(opts.adminToken));
  const cadres = requireRole('village-cadre', 'county-admin', 'province-maintainer');

  async function village(code: string) {
    const v = await storage.divisions.getVillage(code);
    if (!v)
      throw shellError('SHELL_ERR_UNKNOWN_VILLAGE', `no village ${code}`, { zh: `没有编号为 ${code} 的村` });
    return v;
  }

  async function household(params: Params) {
    await village(params.village);
    const id = Number(params.id);
    const h = Number.isInteger(id) ? await households.getHousehold(params.village, id) : null;
    if (!h) {
      throw shellError('SHELL_ERR_NOT_FOUND', `no household ${params.id} in village ${params.village}`, {
        zh: '没有这一户',
      });
    }
    return h;
  }

  app.get<{ Params: Params }>(
    '/api/villages/:village/households',
    { preHandler: cadres },
    async (request) => {
      await village(request.params.village);
      const { page, pageSize } = parse(pageQuery, request.query, 'query');
      const { total, items } = await households.listHouseholds(request.params.village, {
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      return {
        total,
        page,
        pageSize,
        items: items.map((h) => ({ id: h.id, number: h.number, head: maskName(h.head), address: h.address })),
      };
    },
  );

  app.post<{ Params: Params }>(
    '/api/villages/:village/households',
    { preHandler: cadres },
    async (request, reply) => {
      await village(request.params.village);
      const body = parse(householdBody, request.body);
      const created = await households.createHousehold({
        village: request.params.village,
        number: body.number,
        head: body.head,
        address: body.address ?? null,
      });
      if (created === 'exists') {
        throw shellError(
          'SHELL_ERR_BAD_REQUEST',
          `household number ${body.number} is already used in this village`,
          {
            zh: `户号 ${body.number} 已存在`,
            field: 'number',
          },
        );
      }
      await storage.audit.append({
        actor: actorOf(request).name,
        action: 'household.create',
        subject: `village:${request.params.village}`,
        detail: { household: created.number },
        ip: request.ip,
      });
      return reply.code(201).send(created);
    },
  );

  app.get<{ Params: Params }>(
    '/api/villages/:village/households/:id',
    { preHandler: cadres },
    async (request) => {
      const h = await household(request.params);
      const residents = await households.listResidents(h.id);
      // Who looked at which household's members (names, relations) is personal data use: on record.
      await storage.audit.append({
        actor: actorOf(request).name,
        action: 'household.read',
        subject: `village:${h.village}`,
        detail: { household: h.number, residents: residents.length },
        ip: request.ip,
      });
      return {
        ...h,
        residents: residents.map((r) => ({
          id: r.id,
          name: r.name,
          relation: r.relation,
          phone: r.phone === null ? null : maskPhone(r.phone),
          hasAccount: r.accountId !== null,
        })),
      };
    },
  );

  app.post<{ Params: Params }>(
    '/api/villages/:village/households/:id/residents',
    { preHandler: cadres },
    async (request, reply) => {
      const h = await household(request.params);
      const body = parse(residentBody, request.body);
      let accountId: number | null = null;
      if (body.account) {
        const weak = passwordProblem(body.account.password);
        if (weak)
          throw shellError('SHELL_ERR_BAD_REQUEST', `account.password: ${weak}`, {
            zh: '密码至少 12 位',
            field: 'account.password',
          });
        if (await storage.identity.findUserByName(body.account.name)) {
          throw shellError('SHELL_ERR_BAD_REQUEST', `account.name: "${body.account.name}" is taken`, {
            zh: '账号名已被使用',
            field: 'account.name',
          });
        }
        const user = await storage.identity.createUser({
          name: body.account.name,
          displayName: body.name,
          role: 'resident',
          division: h.village,
          household: h.number,
          passwordHash: await hashPassword(body.account.password),
        });
        accountId = user.id;
      }
      const resident = await households.addResident({
        householdId: h.id,
        name: body.name,
        relation: body.relation,
        phone: body.phone ?? null,
        accountId,
      });
      await storage.audit.append({
        actor: actorOf(request).name,
        action: 'resident.add',
        subject: `village:${h.village}`,
        detail: { household: h.number, resident: resident.id, account: accountId !== null },
        ip: request.ip,
      });
      return reply.code(201).send({
        id: resident.id,
        name: resident.name,
        relation: resident.relation,
        phone: resident.phone === null ? null : maskPhone(resident.phone),
        hasAccount: accountId !== null,
      });
    },
  );
};

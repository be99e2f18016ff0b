/**
 * `POST /api/auth/phone/residents {phone, village, displayName}`: a village cadre (or township or
 * county staff above the village) pre-registers a resident by phone number. The account has no
 * password and no household yet; the resident's first phone sign-in binds it at once
 * (./phone-routes.ts). A number already registered to any account is refused and nothing is made.
 */
import type { FastifyInstance } from 'fastify';
import { shellError } from '../errors.js';
import { channelError } from './channel-errors.js';
import { maskedPhone, parseInput, preRegisterBody } from './channel-input.js';
import type { VillageCheck } from './channels.js';
import type { IdentityContext } from './context.js';
import { createResident } from './resident-accounts.js';
import { canActOn } from './roles.js';
import type { IdentityUser } from './store.js';

export const PRE_REGISTER_ROLES = ['village-cadre', 'township-staff', 'county-admin'] as const;

export function preRegisterRoutes(
  app: FastifyInstance,
  ctx: IdentityContext,
  villageExists: VillageCheck,
): void {
  const { store } = ctx;
  app.post(
    '/api/auth/phone/residents',
    { preHandler: app.requireUser({ roles: PRE_REGISTER_ROLES }) },
    async (request, reply) => {
      const cadre = request.identity?.user as IdentityUser;
      const body = parseInput(preRegisterBody, request.body);
      if (!canActOn(cadre.division, body.village)) {
        throw shellError(
          'SHELL_ERR_FORBIDDEN',
          `${cadre.name} (${cadre.division}) cannot act on ${body.village}`,
          {
            zh: `无权操作辖区外的区划 ${body.village}`,
            field: 'village',
          },
        );
      }
      if (!(await villageExists(body.village))) {
        throw shellError('SHELL_ERR_BAD_REQUEST', `village: no village ${body.village} on this platform`, {
          zh: `村：平台上没有区划代码为 ${body.village} 的村`,
          field: 'village',
        });
      }
      const subject = `village:${body.village}`;
      const phone = maskedPhone(body.phone);
      const taken = async () => {
        await ctx.record(
          request,
          cadre.name,
          'resident.pre-register-refused',
          { phone, reason: 'phone-taken' },
          subject,
        );
        return channelError('SHELL_ERR_PHONE_TAKEN', undefined, { field: 'phone' });
      };
      if (await store.findUserByPhone(body.phone)) throw await taken();
      const { user, created } = await createResident(
        store,
        { displayName: body.displayName, village: body.village, phone: body.phone },
        () => store.findUserByPhone(body.phone),
      );
      // Registered a moment ago by another request: that account stays as it is.
      if (!created) throw await taken();
      await ctx.record(request, cadre.name, 'resident.pre-register', { phone, account: user.name }, subject);
      return reply.code(201).send({
        name: user.name,
        displayName: user.displayName,
        village: user.division,
        phone,
        household: null,
      });
    },
  );
}

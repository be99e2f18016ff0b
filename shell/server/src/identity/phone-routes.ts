/**
 * Residents' phone sign-in (./sms-provider.ts sends the codes):
 *
 * - `POST /api/auth/phone/code {phone}` sends a six-digit code, valid five minutes, kept only hashed.
 *   Per phone number at most one a minute and five an hour (counted in the shared rate-limit table, so
 *   several instances count together); per address the sign-in limit of every sign-in route.
 * - `POST /api/auth/phone/sign-in {phone, code, village}` checks the phone's latest code (five tries,
 *   once only) and starts a resident session exactly as a password sign-in does. The account is the one
 *   the phone is bound to (a cadre's pre-registration binds at this first sign-in), or a new resident of
 *   `village` with no household yet.
 * - `POST /api/auth/phone/residents {phone, village, displayName}`: a cadre pre-registers a resident.
 *
 * Every request is audited with the number masked (138****1234); the code itself never is.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { shellError } from '../errors.js';
import { channelError } from './channel-errors.js';
import { codeRequestBody, maskedPhone, parseInput, phoneKey, phoneSignInBody } from './channel-input.js';
import type { ResidentChannels } from './channels.js';
import type { IdentityContext } from './context.js';
import { CODE_MAX_ATTEMPTS, CODE_TTL_MS, codeMatches, hashCode, newCode } from './phone-codes.js';
import { createResident } from './resident-accounts.js';
import { SmsSendError } from './sms-provider.js';

/** Codes per phone number: one a minute, five an hour. */
export const PHONE_LIMITS = [
  { name: 'minute', windowMs: 60_000, max: 1 },
  { name: 'hour', windowMs: 3600_000, max: 5 },
] as const;

export function phoneRoutes(app: FastifyInstance, ctx: IdentityContext, channels: ResidentChannels): void {
  const { store } = ctx;
  const refused = (request: FastifyRequest, action: string, phone: string, detail: Record<string, unknown>) =>
    ctx.record(
      request,
      'anonymous',
      action,
      { phone: maskedPhone(phone), ...detail },
      `phone:${maskedPhone(phone)}`,
    );

  async function checkVillage(request: FastifyRequest, village: string, phone: string) {
    if (await channels.villageExists(village)) return;
    await refused(request, 'auth.login-failed', phone, { via: 'sms', reason: 'unknown-village', village });
    throw shellError('SHELL_ERR_BAD_REQUEST', `village: no village ${village} on this platform`, {
      zh: `村：平台上没有区划代码为 ${village} 的村`,
      field: 'village',
    });
  }

  app.post('/api/auth/phone/code', ctx.limited, async (request) => {
    const { phone } = parseInput(codeRequestBody, request.body);
    const key = phoneKey(phone);
    for (const limit of PHONE_LIMITS) {
      const counted = await channels.counters.hit(`sms-phone-${limit.name}|${key}`, limit.windowMs);
      if (counted.current > limit.max) {
        const seconds = Math.max(1, Math.ceil(counted.ttl / 1000));
        await refused(request, 'auth.sms-refused', phone, {
          reason: `per-${limit.name}`,
          retryAfter: seconds,
        });
        throw channelError(
          'SHELL_ERR_SMS_TOO_MANY',
          `at most ${limit.max} code(s) per ${limit.name} for one phone number; try again in ${seconds} s`,
          { zh: `该手机号获取验证码过于频繁，请 ${seconds} 秒后再试`, field: 'phone' },
        );
      }
    }
    const code = newCode();
    const codeHash = await hashCode(code);
    const ttlMinutes = CODE_TTL_MS / 60_000;
    try {
      await channels.sms.send({ phone, code, ttlMinutes });
    } catch (err) {
      const reason = err instanceof SmsSendError ? err.reason : (err as Error).message;
      request.log.warn({ phone: maskedPhone(phone), reason }, 'SMS gateway refused a sign-in code');
      await refused(request, 'auth.sms-failed', phone, { provider: channels.sms.kind, reason });
      throw channelError(
        'SHELL_ERR_SMS_SEND_FAILED',
        `the SMS gateway did not accept the message: ${reason}`,
      );
    }
    const now = Date.now();
    await store.savePhoneCode({
      phoneHash: key,
      codeHash,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + CODE_TTL_MS).toISOString(),
    });
    await refused(request, 'auth.sms-sent', phone, { provider: channels.sms.kind });
    return {
      sent: true,
      phone: maskedPhone(phone),
      expiresInSeconds: CODE_TTL_MS / 1000,
      resendAfterSeconds: PHONE_LIMITS[0].windowMs / 1000,
    };
  });

  app.post('/api/auth/phone/sign-in', ctx.limited, async (request, reply) => {
    const body = parseInput(phoneSignInBody, request.body);
    const { phone } = body;
    await checkVillage(request, body.village, phone);
    const now = new Date().toISOString();
    const attempt = await store.countPhoneCodeAttempt(phoneKey(phone), now, CODE_MAX_ATTEMPTS);
    if (attempt.status !== 'counted') {
      await refused(request, 'auth.login-failed', phone, { via: 'sms', reason: `code-${attempt.status}` });
      if (attempt.status === 'exhausted') throw channelError('SHELL_ERR_SMS_CODE_LOCKED');
      throw channelError(
        'SHELL_ERR_SMS_CODE_EXPIRED',
        `no valid code for this phone number (${attempt.status}); ask for a new one`,
      );
    }
    const right = await codeMatches(body.code, attempt.code.codeHash);
    if (!right) {
      const left = CODE_MAX_ATTEMPTS - attempt.code.attempts;
      await refused(request, 'auth.login-failed', phone, { via: 'sms', reason: 'code-wrong', left });
      throw channelError('SHELL_ERR_SMS_CODE_WRONG', `the code is wrong; ${left} tries left`, {
        zh: left > 0 ? `验证码错误，还可以再试 ${left} 次` : '验证码错误，请重新获取验证码',
        field: 'code',
      });
    }
    // Of two requests with the right code (two instances at once), one signs in.
    if (!(await store.usePhoneCode(attempt.code.id, now))) {
      await refused(request, 'auth.login-failed', phone, { via: 'sms', reason: 'code-used' });
      throw channelError('SHELL_ERR_SMS_CODE_EXPIRED', 'this code was already used; ask for a new one');
    }
    const { user, created, bound } = await residentFor(phone, body.village, now);
    if (user.role !== 'resident' || !ctx.belongsHere(user)) {
      await ctx.record(request, user.name, 'auth.login-refused', { via: 'sms', phone: maskedPhone(phone) });
      throw channelError('SHELL_ERR_PHONE_NOT_RESIDENT');
    }
    const session = await ctx.startSession(reply, user, true);
    await ctx.record(request, user.name, 'auth.login', {
      via: 'sms',
      phone: maskedPhone(phone),
      created,
      bound,
    });
    return { ...ctx.sessionAnswer(user, session), created };
  });

  /** The account `phone` is bound to (binding a pre-registration now), or a new resident of `village`. */
  async function residentFor(phone: string, village: string, now: string) {
    const existing = await store.findUserByPhone(phone);
    if (existing) {
      const bound = existing.role === 'resident' && existing.phoneVerifiedAt === null;
      if (bound) await store.markPhoneVerified(existing.id, now);
      return { user: existing, created: false, bound };
    }
    const made = await createResident(
      store,
      { displayName: `村民${phone.slice(-4)}`, village, phone, phoneVerifiedAt: now },
      () => store.findUserByPhone(phone),
    );
    return { ...made, bound: made.created };
  }
}

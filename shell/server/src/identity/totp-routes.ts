/**
 * The TOTP second factor's routes: `POST /api/auth/totp {code}` (pass the factor for this session),
 * `POST /api/auth/totp/setup` (a new secret, pending) and `POST /api/auth/totp/enable {code}` (confirm
 * the pending secret; only then does it replace the current one, so a setup that is never finished
 * leaves the account with its working factor).
 *
 * Wrong codes count per account, whichever address sends them (the per-address rate limit alone lets a
 * botnet guess a million codes): after `TOTP_FREE_FAILURES` the account is locked for a minute, doubling
 * with every further wrong code up to an hour; a right code resets the count. Every wrong code and every
 * attempt during a lock is in the audit log.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { shellError } from '../errors.js';
import type { IdentityContext } from './context.js';
import { parseBody } from './parse.js';
import type { IdentityUser } from './store.js';
import { newTotpSecret, otpauthUri, verifyTotp } from './totp.js';

export const TOTP_FREE_FAILURES = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 3_600_000;

/** How long the account is locked after its `failures`-th wrong code in a row (0: not locked). */
export function totpLockMs(failures: number): number {
  if (failures < TOTP_FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - TOTP_FREE_FAILURES), LONGEST_LOCK_MS);
}

const codeBody = z.object({ code: z.string() }).strict();

const badCode = () =>
  shellError('SHELL_ERR_BAD_TOTP', 'the code is wrong, expired or already used', {
    zh: '动态口令错误、已过期或已使用',
  });

export function totpRoutes(app: FastifyInstance, ctx: IdentityContext, issuer: string): void {
  const { store } = ctx;

  /**
   * The step `code` matches for `secret` after `lastStep`, counted against the account's lockout; throws
   * (and audits) when the account is locked or the code is wrong.
   */
  async function checkCode(
    request: FastifyRequest,
    user: IdentityUser,
    code: string,
    secret: string,
    lastStep: number | null,
    purpose: 'sign-in' | 'enable',
  ): Promise<number> {
    const now = Date.now();
    if (user.totpLockedUntil !== null && Date.parse(user.totpLockedUntil) > now) {
      await ctx.record(request, user.name, 'auth.totp-failed', {
        purpose,
        locked: true,
        lockedUntil: user.totpLockedUntil,
      });
      const seconds = Math.ceil((Date.parse(user.totpLockedUntil) - now) / 1000);
      throw shellError('SHELL_ERR_TOTP_LOCKED', `too many wrong codes; try again in ${seconds} s`, {
        zh: `动态口令错误次数过多，请 ${seconds} 秒后再试`,
      });
    }
    const step = verifyTotp(secret, code, lastStep);
    if (step !== null && (purpose === 'enable' || (await store.recordTotpStep(user.id, step)))) {
      if (user.totpFailures > 0 || user.totpLockedUntil !== null) await store.clearTotpFailures(user.id);
      return step;
    }
    const failures = await store.recordTotpFailure(user.id);
    const lockMs = totpLockMs(failures);
    const lockedUntil = lockMs > 0 ? new Date(now + lockMs).toISOString() : null;
    if (lockedUntil) await store.updateUser(user.id, { totpLockedUntil: lockedUntil });
    await ctx.record(request, user.name, 'auth.totp-failed', { purpose, failures, lockedUntil });
    throw badCode();
  }

  const signedIn = (request: FastifyRequest) => {
    const id = request.identity;
    if (!id) throw shellError('SHELL_ERR_UNAUTHORIZED', 'sign in first', { zh: '请先登录' });
    return id;
  };

  app.post('/api/auth/totp', ctx.limited, async (request) => {
    const { user, session } = signedIn(request);
    const { code } = parseBody(codeBody, request.body);
    if (!user.totpEnabled || !user.totpSecret) {
      throw shellError(
        'SHELL_ERR_MFA_REQUIRED',
        'set up the second factor first (POST /api/auth/totp/setup)',
        {
          zh: '请先设置动态口令',
        },
      );
    }
    await checkCode(request, user, code, user.totpSecret, user.totpLastStep, 'sign-in');
    await store.markSessionMfaPassed(session.tokenHash);
    await ctx.record(request, user.name, 'auth.totp-passed');
    return ctx.sessionAnswer(user, { ...session, mfaPassed: true });
  });

  app.post('/api/auth/totp/setup', async (request) => {
    const { user, session } = signedIn(request);
    // Replacing an enabled factor needs the factor: someone with only the password cannot swap it.
    if (user.totpEnabled && !session.mfaPassed) {
      throw shellError(
        'SHELL_ERR_MFA_REQUIRED',
        'enter the current code before replacing the second factor',
        {
          zh: '更换动态口令前请先输入当前口令',
        },
      );
    }
    const secret = newTotpSecret();
    await store.updateUser(user.id, { totpPendingSecret: secret });
    await ctx.record(request, user.name, 'auth.totp-setup', { replacing: user.totpEnabled });
    return { secret, otpauthUri: otpauthUri(issuer, user.name, secret) };
  });

  app.post('/api/auth/totp/enable', ctx.limited, async (request) => {
    const { user, session } = signedIn(request);
    const { code } = parseBody(codeBody, request.body);
    if (user.totpEnabled && !session.mfaPassed) {
      throw shellError(
        'SHELL_ERR_MFA_REQUIRED',
        'enter the current code before replacing the second factor',
        {
          zh: '更换动态口令前请先输入当前口令',
        },
      );
    }
    if (!user.totpPendingSecret) {
      throw shellError('SHELL_ERR_MFA_REQUIRED', 'start with POST /api/auth/totp/setup', {
        zh: '请先设置动态口令',
      });
    }
    const step = await checkCode(request, user, code, user.totpPendingSecret, null, 'enable');
    await store.updateUser(user.id, {
      totpSecret: user.totpPendingSecret,
      totpPendingSecret: null,
      totpEnabled: true,
      totpLastStep: step,
    });
    await ctx.record(request, user.name, 'auth.totp-enable', { replaced: user.totpEnabled });
    await store.markSessionMfaPassed(session.tokenHash);
    return ctx.sessionAnswer({ ...user, totpEnabled: true }, { ...session, mfaPassed: true });
  });
}

/**
 * The errors of joining a household (入户申请), in the shell's `SHELL` family of codes but listed on the
 * cadre's page docs/docs/village/join-requests.md (join-errors.test.ts keeps the two in step).
 * Malformed input is the shell's `SHELL_ERR_BAD_REQUEST` naming the field; a role or division that may
 * not act is its `SHELL_ERR_FORBIDDEN`.
 */
import { type CunmenError, defineErrors } from '@cunmen/errors';

export const joinErrors = defineErrors('SHELL', '/docs/village/join-requests', {
  SHELL_ERR_JOIN_OTHER_VILLAGE: {
    status: 403,
    en: 'village: a resident asks to join a household of the village of their own account only',
    zh: '只能申请加入您账号所在村的家庭',
  },
  SHELL_ERR_JOIN_NO_HOUSEHOLD: {
    status: 404,
    en: "no such household in the village's register",
    zh: '本村户籍中没有这一户，请核对户号或户主姓名',
  },
  SHELL_ERR_JOIN_AMBIGUOUS: {
    status: 409,
    en: 'several households of the village have a head of this name; give the number or the address',
    zh: '本村有多户户主同名，请填写户号或住址',
  },
  SHELL_ERR_JOIN_HAS_HOUSEHOLD: {
    status: 409,
    en: 'this account already belongs to a household',
    zh: '您已加入家庭，无需再申请',
  },
  SHELL_ERR_JOIN_OPEN: {
    status: 409,
    en: 'this account already has a pending join request',
    zh: '您已有一条待审核的入户申请，请等待村干部审核',
  },
  SHELL_ERR_JOIN_NOT_FOUND: {
    status: 404,
    en: 'no such join request in this village',
    zh: '没有这条入户申请',
  },
  SHELL_ERR_JOIN_DECIDED: {
    status: 409,
    en: 'this join request was already decided',
    zh: '该入户申请已由其他工作人员处理',
  },
  SHELL_ERR_HOUSEHOLD_REQUIRED: {
    status: 403,
    en: 'this needs a household: the resident has not joined one yet',
    zh: '请先加入您的家庭：在门户申请入户，村干部审核通过后即可使用',
  },
});

export type JoinErrorCode = keyof typeof joinErrors.codes;

/** A join error with this occurrence's English text (`detail.zh` defaults to the code's zh-CN). */
export function joinError(
  code: JoinErrorCode,
  en?: string,
  detail: { zh?: string; field?: string } = {},
): CunmenError {
  return joinErrors.error(code, { ...detail, ...(en === undefined ? {} : { en }) });
}

/**
 * The host API's refusals with their texts, written once: the shell server throws them as `SHELL`
 * errors, the MockHost answers with the same code, status, field and zh-CN text.
 */
import type { Problem } from './checks.js';
import { HOST_API_ERRORS, type HostApiErrorCode } from './error-codes.js';
import { MEDIA_TYPES } from './limits.js';

export interface Refusal {
  code: HostApiErrorCode;
  /** English, for developers. */
  en: string;
  /** zh-CN, shown to residents. */
  zh: string;
  field?: string;
  /** The widget a refusal is about. */
  widget?: string;
}

const photoTypes = MEDIA_TYPES.join(', ');

export const refusals = {
  /** A refused input, named by a check of `./checks`. */
  invalid(problem: Problem): Refusal {
    return {
      code: 'SHELL_ERR_INVALID_ARGUMENT',
      en: `${problem.field}: ${problem.en}`,
      zh: `${problem.field}：${problem.zh}`,
      field: problem.field,
    };
  },
  capabilityDenied(capability: string, widget: string): Refusal {
    return {
      code: 'SHELL_ERR_CAPABILITY_DENIED',
      en: `${widget} was not granted the "${capability}" capability at review, which this call needs`,
      zh: `本组件没有获得「${capability}」权限，无法完成操作`,
      widget,
    };
  },
  notFound(what: string): Refusal {
    return { code: 'SHELL_ERR_NOT_FOUND', en: `no ${what}`, zh: text('SHELL_ERR_NOT_FOUND').zh };
  },
  outsideDivision(division: string, village: string): Refusal {
    return {
      code: 'SHELL_ERR_OUTSIDE_DIVISION',
      en: `the signed-in user (division ${division}) cannot act on village ${village}`,
      zh: text('SHELL_ERR_OUTSIDE_DIVISION').zh,
    };
  },
  signInRequired(): Refusal {
    return { code: 'SHELL_ERR_SIGN_IN_REQUIRED', ...text('SHELL_ERR_SIGN_IN_REQUIRED') };
  },
  docTooLarge(bytes: number, max: number): Refusal {
    return {
      code: 'SHELL_ERR_DOC_TOO_LARGE',
      en: `data: ${bytes} bytes of JSON; at most ${max} bytes are accepted`,
      zh: `data：内容过大（${bytes} 字节），最多 ${max} 字节`,
      field: 'data',
    };
  },
  versionConflict(id: string, current: number | undefined): Refusal {
    return {
      code: 'SHELL_ERR_VERSION_CONFLICT',
      en:
        current === undefined
          ? `document ${id} does not exist, so ifVersion cannot match`
          : `document ${id} is at version ${current}; read it again and retry`,
      zh: text('SHELL_ERR_VERSION_CONFLICT').zh,
      field: 'ifVersion',
    };
  },
  notAuthor(id: string): Refusal {
    return {
      code: 'SHELL_ERR_FORBIDDEN',
      en: `document ${id} was written by another user`,
      zh: '只能修改自己提交的数据',
    };
  },
  noHousehold(): Refusal {
    return {
      code: 'SHELL_ERR_INVALID_ARGUMENT',
      en: 'householdId: the signed-in user has no household; name one',
      zh: 'householdId：当前用户没有户号，请填写户号',
      field: 'householdId',
    };
  },
  otherHousehold(): Refusal {
    return {
      code: 'SHELL_ERR_FORBIDDEN',
      en: 'a resident requests points only for their own household',
      zh: '只能为自己家庭申请积分',
      field: 'householdId',
    };
  },
  unknownEvidence(index: number): Refusal {
    return {
      code: 'SHELL_ERR_INVALID_ARGUMENT',
      en: `evidence[${index}]: no such photo uploaded by this widget in this village`,
      zh: `evidence[${index}]：没有这张照片（请先上传）`,
      field: `evidence[${index}]`,
    };
  },
  /** The declared content type is not one of the photo types. */
  mediaType(type: string): Refusal {
    return {
      code: 'SHELL_ERR_MEDIA_TYPE',
      en: `content-type ${type || '(none)'} is not accepted; media must be one of ${photoTypes}`,
      zh: '照片只能是 JPEG、PNG、WebP 或 GIF',
      field: 'content-type',
    };
  },
  /** The bytes are not the image the content type says (only the server reads the bytes). */
  mediaBytes(type: string): Refusal {
    return {
      code: 'SHELL_ERR_MEDIA_TYPE',
      en: `the file's bytes are not a ${type} image`,
      zh: '文件内容与类型不符，请上传照片',
      field: 'content-type',
    };
  },
  emptyFile(): Refusal {
    return {
      code: 'SHELL_ERR_INVALID_ARGUMENT',
      en: 'file: the file is empty',
      zh: 'file：文件是空的',
      field: 'file',
    };
  },
  bodyTooLarge(max: number): Refusal {
    return {
      code: 'SHELL_ERR_BODY_TOO_LARGE',
      en: `the request body is larger than ${max} bytes`,
      zh: text('SHELL_ERR_BODY_TOO_LARGE').zh,
    };
  },
} as const;

function text(code: HostApiErrorCode): { en: string; zh: string } {
  return { en: HOST_API_ERRORS[code].en, zh: HOST_API_ERRORS[code].zh };
}

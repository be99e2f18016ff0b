/**
 * The host API's input checks, written once. Each returns the first {@link Problem} it finds, or
 * `undefined`; the caller turns it into its own error: the SDK and the MockHost into
 * `SDK_ERR_INVALID_ARGUMENT` before anything is sent, the shell server into a 400
 * `SHELL_ERR_INVALID_ARGUMENT` naming the field. Plain functions on `unknown`: no zod, no Node APIs.
 */
import {
  MAX_CURSOR_LENGTH,
  MAX_FILENAME_LENGTH,
  MAX_MODULE_PATH_LENGTH,
  MAX_PAGE_LIMIT,
  MAX_POINTS_EVIDENCE,
  MAX_POINTS_ITEM_LENGTH,
  MAX_POINTS_NOTE_LENGTH,
  MAX_POINTS_QUANTITY,
} from './limits.js';
import { COLLECTION_PATTERN, DOC_ID_PATTERN, MODULE_ID_PATTERN } from './names.js';

/** What is wrong with one input: the field (or argument) and what it should be, in English and zh-CN. */
export interface Problem {
  /** `collection`, `limit`, `evidence[2]`, `x-filename`. */
  field: string;
  /** `expected an integer from 1 to 100`. */
  en: string;
  /** `应为 1 到 100 之间的整数`. */
  zh: string;
}

/** A problem saying what `field` should have been. */
export function expected(field: string, en: string, zh: string): Problem {
  return { field, en: `expected ${en}`, zh: `应为${zh}` };
}

const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

function matches(value: unknown, pattern: RegExp): value is string {
  return typeof value === 'string' && pattern.test(value);
}

export function checkCollection(value: unknown, field = 'collection'): Problem | undefined {
  if (matches(value, COLLECTION_PATTERN)) return undefined;
  return expected(
    field,
    'a name matching /^[a-z][a-z0-9-]{0,62}$/',
    '以小写字母开头、由小写字母数字和 - 组成、不超过 63 个字符的名称',
  );
}

export function checkFormId(value: unknown, field = 'formId'): Problem | undefined {
  if (matches(value, COLLECTION_PATTERN)) return undefined;
  return expected(
    field,
    'an id matching /^[a-z][a-z0-9-]{0,62}$/',
    '以小写字母开头、由小写字母数字和 - 组成、不超过 63 个字符的表单编号',
  );
}

/** Document, media and household ids. */
export function checkId(value: unknown, field = 'id'): Problem | undefined {
  if (matches(value, DOC_ID_PATTERN)) return undefined;
  return expected(
    field,
    'an id matching /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/',
    '由字母、数字、_ 和 - 组成、不超过 128 个字符的编号',
  );
}

export function checkLimit(value: unknown): Problem | undefined {
  if (isInteger(value) && value >= 1 && value <= MAX_PAGE_LIMIT) return undefined;
  return expected('limit', `an integer from 1 to ${MAX_PAGE_LIMIT}`, ` 1 到 ${MAX_PAGE_LIMIT} 之间的整数`);
}

/** A list cursor's form; only the server knows whether it issued it. */
export function checkCursor(value: unknown): Problem | undefined {
  if (typeof value === 'string' && value !== '' && value.length <= MAX_CURSOR_LENGTH) return undefined;
  return cursorProblem();
}

/** The problem of a cursor the server did not issue. */
export function cursorProblem(): Problem {
  return expected('cursor', "the previous page's nextCursor", '上一页返回的 nextCursor');
}

export function checkIfVersion(value: unknown): Problem | undefined {
  if (value === undefined || (isInteger(value) && value >= 1)) return undefined;
  return expected(
    'ifVersion',
    "the document's current version (a positive integer)",
    '文档当前的版本号（正整数）',
  );
}

/** The first field of `body` that is not one of `allowed`. */
export function checkKnownFields(
  body: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
): Problem | undefined {
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown === undefined) return undefined;
  return {
    field: unknown,
    en: `unknown field; expected only ${allowed.join(', ')}`,
    zh: `未知字段，只能有 ${allowed.join('、')}`,
  };
}

/** A points request's fields (`item`, `householdId`, `quantity`, `note`, `evidence`). */
export function checkPointsRequest(value: unknown): Problem | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return expected('request', 'a points request object', '积分申请对象');
  }
  const { item, householdId, quantity, note, evidence } = value as Record<string, unknown>;
  if (typeof item !== 'string' || item.trim() === '' || item.length > MAX_POINTS_ITEM_LENGTH) {
    return expected(
      'item',
      `the points item name (1–${MAX_POINTS_ITEM_LENGTH} characters)`,
      `积分事项名称（1 到 ${MAX_POINTS_ITEM_LENGTH} 个字符）`,
    );
  }
  if (householdId !== undefined) {
    const problem = checkId(householdId, 'householdId');
    if (problem) return problem;
  }
  if (quantity !== undefined && !(isInteger(quantity) && quantity >= 1 && quantity <= MAX_POINTS_QUANTITY)) {
    return expected(
      'quantity',
      `a positive integer (at most ${MAX_POINTS_QUANTITY})`,
      `正整数（不超过 ${MAX_POINTS_QUANTITY}）`,
    );
  }
  if (note !== undefined && (typeof note !== 'string' || note.length > MAX_POINTS_NOTE_LENGTH)) {
    return expected(
      'note',
      `a string of at most ${MAX_POINTS_NOTE_LENGTH} characters`,
      `不超过 ${MAX_POINTS_NOTE_LENGTH} 个字符的说明`,
    );
  }
  if (evidence !== undefined) {
    if (!Array.isArray(evidence) || evidence.length > MAX_POINTS_EVIDENCE) {
      return expected(
        'evidence',
        `an array of at most ${MAX_POINTS_EVIDENCE} media ids`,
        `不超过 ${MAX_POINTS_EVIDENCE} 个照片编号的列表`,
      );
    }
    for (const [index, id] of evidence.entries()) {
      const problem = checkId(id, `evidence[${index}]`);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** An upload's file name (decoded): 1–255 characters, no path separators or control characters. */
export function checkFilename(value: unknown, field = 'filename'): Problem | undefined {
  if (
    typeof value === 'string' &&
    value.trim() !== '' &&
    value.length <= MAX_FILENAME_LENGTH &&
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    !/[/\\\u0000-\u001f\u007f]/.test(value)
  ) {
    return undefined;
  }
  return expected(
    field,
    `a file name of 1–${MAX_FILENAME_LENGTH} characters without / or \\`,
    `不含 / 或 \\ 的文件名（1 到 ${MAX_FILENAME_LENGTH} 个字符）`,
  );
}

/** A module route path: starts with `/`, no `..` segment, no scheme or host, no spaces or backslashes. */
export function checkModulePath(path: unknown): Problem | undefined {
  if (
    typeof path === 'string' &&
    path.startsWith('/') &&
    !path.startsWith('//') &&
    path.length <= MAX_MODULE_PATH_LENGTH &&
    !/(^|\/)\.\.?(\/|\?|#|$)/.test(path) &&
    !/[\s\\]/.test(path)
  ) {
    return undefined;
  }
  return expected(
    'path',
    'a module route path starting with / (no .. segments, spaces or backslashes)',
    '以 / 开头的模块接口路径（不含 .. 、空格和 \\）',
  );
}

export function checkModuleId(value: unknown): Problem | undefined {
  if (matches(value, MODULE_ID_PATTERN)) return undefined;
  return expected(
    'module',
    'the id of a standard module (only standard modules have server routes)',
    '标准模块的编号（只有省级标准模块能调用自己的服务端接口）',
  );
}

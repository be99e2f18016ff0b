/**
 * Client-side argument checks shared by the HTTP client and the MockHost, so a bad call fails the same
 * way in tests, in the dev shell and in production — before anything is sent. The shell server checks
 * the same rules again; these only make the error early and specific.
 */
import { invalidArgument } from './errors.js';

/** Store collection and form ids: lower-case letter first, then lower-case letters, digits, `-`; ≤ 63. */
export const COLLECTION_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
/** Document and media ids: URL-safe, ≤ 128 characters. */
export const DOC_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;
export const MAX_POINTS_NOTE_LENGTH = 500;
export const MAX_POINTS_EVIDENCE = 9;

export interface ListOptions {
  cursor?: string | null;
  limit?: number;
}

export interface PointsRequest {
  /** The points item (积分事项) being claimed, as the village's points rules name it. */
  item: string;
  /** Defaults to the signed-in resident's household on the server. */
  householdId?: string;
  /** Positive integer, defaults to 1 on the server. */
  quantity?: number;
  note?: string;
  /** Media ids from `media.upload`. */
  evidence?: string[];
}

export function checkCollection(collection: unknown): string {
  if (typeof collection !== 'string' || !COLLECTION_PATTERN.test(collection)) {
    throw invalidArgument(
      'collection',
      {
        'zh-CN': '以小写字母开头、由小写字母数字和 - 组成、不超过 63 个字符的名称',
        en: 'a name matching /^[a-z][a-z0-9-]{0,62}$/',
      },
      collection,
    );
  }
  return collection;
}

export function checkFormId(formId: unknown): string {
  if (typeof formId !== 'string' || !COLLECTION_PATTERN.test(formId)) {
    throw invalidArgument(
      'formId',
      {
        'zh-CN': '以小写字母开头、由小写字母数字和 - 组成、不超过 63 个字符的表单编号',
        en: 'an id matching /^[a-z][a-z0-9-]{0,62}$/',
      },
      formId,
    );
  }
  return formId;
}

export function checkId(argument: string, id: unknown): string {
  if (typeof id !== 'string' || !DOC_ID_PATTERN.test(id)) {
    throw invalidArgument(
      argument,
      {
        'zh-CN': '由字母、数字、_ 和 - 组成、不超过 128 个字符的编号',
        en: 'an id matching /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/',
      },
      id,
    );
  }
  return id;
}

export function checkListOptions(options: ListOptions | undefined): { cursor: string | null; limit: number } {
  const cursor = options?.cursor ?? null;
  if (cursor !== null && (typeof cursor !== 'string' || cursor === '' || cursor.length > 512)) {
    throw invalidArgument(
      'cursor',
      { 'zh-CN': '上一页返回的 nextCursor', en: "the previous page's nextCursor" },
      cursor,
    );
  }
  const limit = options?.limit ?? DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw invalidArgument(
      'limit',
      { 'zh-CN': `1 到 ${MAX_PAGE_LIMIT} 之间的整数`, en: `an integer from 1 to ${MAX_PAGE_LIMIT}` },
      limit,
    );
  }
  return { cursor, limit };
}

export function checkVersion(ifVersion: unknown): number | undefined {
  if (ifVersion === undefined) return undefined;
  if (typeof ifVersion !== 'number' || !Number.isInteger(ifVersion) || ifVersion < 1) {
    throw invalidArgument(
      'ifVersion',
      { 'zh-CN': '文档当前的版本号（正整数）', en: "the document's current version (a positive integer)" },
      ifVersion,
    );
  }
  return ifVersion;
}

/** Returns the JSON text of `data`; rejects `undefined`, functions, cycles and BigInts. */
export function checkJson(argument: string, data: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(data);
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    throw invalidArgument(
      argument,
      {
        'zh-CN': '可以转换为 JSON 的数据',
        en: 'a JSON-serialisable value (no undefined, functions, cycles or BigInt)',
      },
      data,
    );
  }
  return text;
}

export function checkPointsRequest(request: unknown): PointsRequest {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw invalidArgument('request', { 'zh-CN': '积分申请对象', en: 'a points request object' }, request);
  }
  const { item, householdId, quantity, note, evidence } = request as Record<string, unknown>;
  if (typeof item !== 'string' || item.trim() === '' || item.length > 100) {
    throw invalidArgument(
      'item',
      { 'zh-CN': '积分事项名称（1 到 100 个字符）', en: 'the points item name (1–100 characters)' },
      item,
    );
  }
  if (householdId !== undefined) checkId('householdId', householdId);
  if (
    quantity !== undefined &&
    (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1)
  ) {
    throw invalidArgument('quantity', { 'zh-CN': '正整数', en: 'a positive integer' }, quantity);
  }
  if (note !== undefined && (typeof note !== 'string' || note.length > MAX_POINTS_NOTE_LENGTH)) {
    throw invalidArgument(
      'note',
      {
        'zh-CN': `不超过 ${MAX_POINTS_NOTE_LENGTH} 个字符的说明`,
        en: `a string of at most ${MAX_POINTS_NOTE_LENGTH} characters`,
      },
      note,
    );
  }
  if (evidence !== undefined) {
    if (!Array.isArray(evidence) || evidence.length > MAX_POINTS_EVIDENCE) {
      throw invalidArgument(
        'evidence',
        {
          'zh-CN': `不超过 ${MAX_POINTS_EVIDENCE} 个照片编号的列表`,
          en: `an array of at most ${MAX_POINTS_EVIDENCE} media ids`,
        },
        evidence,
      );
    }
    evidence.forEach((id, index) => {
      checkId(`evidence[${index}]`, id);
    });
  }
  return request as PointsRequest;
}

/** A Blob from this or another realm (happy-dom, Node, the browser). */
export function isBlobLike(value: unknown): value is Blob {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Blob).size === 'number' &&
    typeof (value as Blob).type === 'string' &&
    typeof (value as Blob).slice === 'function'
  );
}

export function checkUpload(file: unknown, options: { filename?: unknown } | undefined): string {
  if (!isBlobLike(file)) {
    throw invalidArgument('file', { 'zh-CN': '文件（Blob 或 File）', en: 'a Blob or File' }, file);
  }
  const filename = options?.filename;
  if (
    typeof filename !== 'string' ||
    filename.trim() === '' ||
    filename.length > 255 ||
    /[/\\]/.test(filename)
  ) {
    throw invalidArgument(
      'filename',
      {
        'zh-CN': '不含 / 或 \\ 的文件名（1 到 255 个字符）',
        en: 'a file name of 1–255 characters without / or \\',
      },
      filename,
    );
  }
  return filename;
}

/** A module route path: starts with `/`, no `..` segment, no scheme or host, at most 2,000 characters. */
export function checkModulePath(path: unknown): string {
  if (
    typeof path !== 'string' ||
    !path.startsWith('/') ||
    path.startsWith('//') ||
    path.length > 2000 ||
    /(^|\/)\.\.?(\/|\?|#|$)/.test(path) ||
    /[\s\\]/.test(path)
  ) {
    throw invalidArgument(
      'path',
      {
        'zh-CN': '以 / 开头的模块接口路径（不含 .. 、空格和 \\）',
        en: 'a module route path starting with / (no .. segments, spaces or backslashes)',
      },
      path,
    );
  }
  return path;
}

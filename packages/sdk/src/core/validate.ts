/**
 * The contract's input checks (`@cunmen/host-api`) in throwing form, shared by the HTTP client and the
 * MockHost, so a bad call fails the same way in tests, in the dev shell and in production — before
 * anything is sent. The shell server runs the same checks again; these only make the error early.
 */
import {
  checkCursor,
  checkFilename,
  checkIfVersion,
  checkLimit,
  checkCollection as collectionProblem,
  DEFAULT_PAGE_LIMIT,
  checkFormId as formIdProblem,
  checkId as idProblem,
  type ListOptions,
  checkModuleId as moduleIdProblem,
  checkModulePath as modulePathProblem,
  type PointsRequest,
  type Problem,
  checkPointsRequest as pointsRequestProblem,
} from '@cunmen/host-api';
import { argumentError, invalidArgument } from './errors.js';

function refuse(problem: Problem | undefined, got: unknown): void {
  if (problem) throw argumentError(problem, got);
}

export function checkCollection(collection: unknown): string {
  refuse(collectionProblem(collection), collection);
  return collection as string;
}

export function checkFormId(formId: unknown): string {
  refuse(formIdProblem(formId), formId);
  return formId as string;
}

export function checkId(argument: string, id: unknown): string {
  refuse(idProblem(id, argument), id);
  return id as string;
}

export function checkListOptions(options: ListOptions | undefined): { cursor: string | null; limit: number } {
  const cursor = options?.cursor ?? null;
  if (cursor !== null) refuse(checkCursor(cursor), cursor);
  const limit = options?.limit ?? DEFAULT_PAGE_LIMIT;
  refuse(checkLimit(limit), limit);
  return { cursor, limit };
}

export function checkVersion(ifVersion: unknown): number | undefined {
  refuse(checkIfVersion(ifVersion), ifVersion);
  return ifVersion as number | undefined;
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
  const problem = pointsRequestProblem(request);
  if (problem) {
    // The refused value, for the English detail: the request itself, a field, or one evidence id.
    const [, name = '', index] = /^(\w+)(?:\[(\d+)\])?$/.exec(problem.field) ?? [];
    const field = problem.field === 'request' ? request : (request as Record<string, unknown>)[name];
    refuse(problem, index === undefined ? field : (field as unknown[])[Number(index)]);
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

/** The file must be a Blob and the file name usable; returns the file name. */
export function checkUpload(file: unknown, options: { filename?: unknown } | undefined): string {
  if (!isBlobLike(file)) {
    throw invalidArgument('file', { 'zh-CN': '文件（Blob 或 File）', en: 'a Blob or File' }, file);
  }
  const filename = options?.filename;
  refuse(checkFilename(filename), filename);
  return filename as string;
}

export function checkModulePath(path: unknown): string {
  refuse(modulePathProblem(path), path);
  return path as string;
}

export function checkModuleId(module: unknown): string {
  refuse(moduleIdProblem(module), module);
  return module as string;
}

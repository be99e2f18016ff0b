/**
 * Coded errors. Code reads `code`, people read `message` (zh-CN, safe to show a resident), developers read
 * `detail` (English, says what was wrong and what was expected). Server errors keep the server's code
 * (`SHELL_ERR_…`, a module's `COMPLAINTS_ERR_…`), status, request id and field; errors the SDK raises
 * itself are the `SDK` family below, documented on docs/docs/county/error-codes.md.
 *
 * Check errors by `code` (or with `isHostError` / `isCapabilityDenied`), not only with `instanceof`: a
 * widget that bundled its own copy of the SDK has its own classes.
 */
import { defineErrors } from '@cunmen/errors';
import type { Problem } from '@cunmen/host-api';
import type { Capability } from '@cunmen/manifest';

/**
 * Every code the SDK raises itself. `status` is the HTTP status each stands for (no server answered
 * these, so a `HostError` with one of them has no `status`).
 */
export const sdkErrors = defineErrors('SDK', '/docs/county/error-codes', {
  SDK_ERR_CAPABILITY_DENIED: {
    status: 403,
    zh: '本组件没有获得这项权限，无法完成操作',
    en: 'The widget was not granted the capability this call needs (capabilities are granted at province review).',
  },
  SDK_ERR_NETWORK: {
    status: 503,
    zh: '网络不稳定，请稍后重试',
    en: 'The request did not reach the server (offline, DNS or connection failure).',
  },
  SDK_ERR_TIMEOUT: {
    status: 504,
    zh: '网络不稳定，请稍后重试',
    en: 'The server did not answer within the timeout.',
  },
  SDK_ERR_INVALID_ARGUMENT: {
    status: 400,
    zh: '参数不正确，操作未执行',
    en: 'A call got an argument it cannot use; `detail` names the argument and what was expected. Nothing was sent.',
  },
  SDK_ERR_NO_HOST: {
    status: 500,
    zh: '组件未在村门宿主中运行',
    en: 'A hook was used outside <HostProvider>; the shell provides one, tests use renderWithHost() or <MockHostProvider>.',
  },
  SDK_ERR_UNEXPECTED: {
    status: 500,
    zh: '操作失败，请稍后重试',
    en: 'Something other than a HostError was thrown (a bug in the widget or the SDK); `detail` carries its message.',
  },
  SDK_ERR_LOCATION_DENIED: {
    status: 403,
    zh: '没有获得定位授权，可以手动填写地点',
    en: 'The resident (or the browser) refused to share the device location.',
  },
  SDK_ERR_LOCATION_UNAVAILABLE: {
    status: 503,
    zh: '暂时无法定位，可以手动填写地点',
    en: 'The device could not determine its location in time (no fix, timeout, or no geolocation in this browser).',
  },
  SDK_ERR_BAD_RESPONSE: {
    status: 502,
    zh: '服务暂时不可用，请稍后重试',
    en: 'The server answered with something other than the JSON the host API contract promises (e.g. a proxy error page).',
  },
});

export type SdkErrorCode = keyof typeof sdkErrors.codes;

/** The SDK's codes with the zh-CN message a resident sees and an English description. */
export const SDK_ERROR_CODES: {
  readonly [C in SdkErrorCode]: { readonly 'zh-CN': string; readonly en: string };
} = Object.freeze(
  Object.fromEntries(
    Object.entries(sdkErrors.codes).map(([code, spec]) => [code, { 'zh-CN': spec.zh, en: spec.en }]),
  ) as { [C in SdkErrorCode]: { 'zh-CN': string; en: string } },
);

export interface HostErrorInit {
  /** `SDK_ERR_…` or the server's `SHELL_ERR_…` code. */
  code: string;
  /** zh-CN, shown to residents; defaults to the code's text in the `SDK` family. */
  message?: string;
  /** English, for developers. */
  detail?: string;
  /** HTTP status when the error came from the server. */
  status?: number;
  requestId?: string;
  /** The request field (or call argument) that was refused, e.g. `text`, `photos.2`, `limit`. */
  field?: string;
  cause?: unknown;
}

const FALLBACK_MESSAGE = '操作失败，请稍后重试';

function sdkSpec(code: string): { zh: string; en: string } | undefined {
  return Object.hasOwn(sdkErrors.codes, code) ? sdkErrors.codes[code as SdkErrorCode] : undefined;
}

/** An error from the host API or the SDK, with a stable `code`. */
export class HostError extends Error {
  override name = 'HostError';
  readonly code: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly detail: string;
  readonly field: string | undefined;

  constructor(init: HostErrorInit) {
    const known = sdkSpec(init.code);
    super(
      init.message || known?.zh || FALLBACK_MESSAGE,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.detail = init.detail ?? known?.en ?? init.code;
    this.field = init.field;
  }
}

/** The widget called something its granted capabilities do not allow. */
export class CapabilityDeniedError extends HostError {
  override name = 'CapabilityDeniedError';
  readonly capability: Capability;

  constructor(capability: Capability, init: Omit<HostErrorInit, 'code'> = {}) {
    super({
      code: 'SDK_ERR_CAPABILITY_DENIED',
      message: `本组件没有获得「${capability}」权限，无法完成操作`,
      detail: `This call needs the "${capability}" capability, which was not granted to the widget. Request it in the manifest; the province grants it at review.`,
      ...init,
    });
    this.capability = capability;
  }
}

/** True for any error the SDK or host API raised (works across duplicated SDK copies). */
export function isHostError(error: unknown): error is HostError {
  return (
    error instanceof HostError ||
    (typeof error === 'object' &&
      error !== null &&
      typeof (error as { code?: unknown }).code === 'string' &&
      typeof (error as { message?: unknown }).message === 'string' &&
      typeof (error as { detail?: unknown }).detail === 'string')
  );
}

/** True when the error is a capability denial, raised by the SDK or by the server. */
export function isCapabilityDenied(error: unknown): error is CapabilityDeniedError {
  return isHostError(error) && error.code === 'SDK_ERR_CAPABILITY_DENIED';
}

/** An `SDK_ERR_INVALID_ARGUMENT` error naming the argument and what was expected (zh-CN and English). */
export function invalidArgument(
  argument: string,
  expected: { 'zh-CN': string; en: string },
  got: unknown,
): HostError {
  return new HostError({
    code: 'SDK_ERR_INVALID_ARGUMENT',
    message: `参数「${argument}」不正确：应为${expected['zh-CN']}`,
    detail: `Invalid ${argument}: expected ${expected.en}, got ${preview(got)}.`,
    field: argument,
  });
}

/** The `SDK_ERR_INVALID_ARGUMENT` error for a problem one of the contract's checks found. */
export function argumentError(problem: Problem, got: unknown): HostError {
  return new HostError({
    code: 'SDK_ERR_INVALID_ARGUMENT',
    message: `参数「${problem.field}」不正确：${problem.zh}`,
    detail: `Invalid ${problem.field}: ${problem.en}, got ${preview(got)}.`,
    field: problem.field,
  });
}

function preview(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** Wraps anything thrown into a `HostError` (keeps HostErrors as they are). */
export function toHostError(error: unknown): HostError {
  if (isHostError(error)) return error;
  return new HostError({
    code: 'SDK_ERR_UNEXPECTED',
    detail: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

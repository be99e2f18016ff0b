/**
 * The signed-in account, from the shell server's identity routes (`/api/auth/*`, session cookie):
 * sign-in with a password, the TOTP second factor province and county roles need, sign-out. The
 * portal's widgets never see this; they get a widget credential bound to the account instead.
 */
export interface SessionUser {
  name: string;
  displayName: string;
  role: string;
  division: string;
  household: string | null;
}

export interface SessionInfo {
  user: SessionUser;
  /**
   * Only in sign-in answers, for clients that send no fetch metadata; `GET /api/auth/me` never carries
   * it (any script of the page could read it). Browsers prove a write's origin by their own headers.
   */
  csrfToken?: string;
  mfa: 'passed' | 'required' | 'enrolment-required';
}

/** The `x-csrf-token` header when a token is known (a browser's writes need none, see SessionInfo). */
function csrfHeader(csrfToken: string | undefined): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** A refusal with the server's zh-CN message (shown to the person) and code. */
export class SessionError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
  ) {
    super(zh);
  }
}

/** What the server's one error body `{ error, code, message, requestId, field? }` may hold. */
interface ErrorReply {
  code?: unknown;
  message?: unknown;
}

/**
 * The refusal in a reply: the server's `code` (callers branch on it) and its zh-CN `message`, or the
 * status and `fallback` when the reply is not the server's error body (a proxy's page).
 */
function refusal(response: Response, body: ErrorReply | null, fallback: string): SessionError {
  const code = typeof body?.code === 'string' ? body.code : `HTTP_${response.status}`;
  const zh = typeof body?.message === 'string' && body.message !== '' ? body.message : fallback;
  return new SessionError(code, zh);
}

async function call(
  path: string,
  init: RequestInit = {},
  fetchImpl: typeof fetch = fetch,
): Promise<SessionInfo> {
  let response: Response;
  try {
    response = await fetchImpl(path, {
      credentials: 'same-origin',
      ...init,
      headers: {
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
    });
  } catch {
    throw new SessionError('SDK_ERR_NETWORK', '网络连接失败，请稍后重试');
  }
  const body = (await response.json().catch(() => null)) as (SessionInfo & ErrorReply) | null;
  if (!response.ok || !body?.user) throw refusal(response, body, '登录失败，请稍后重试');
  return body;
}

/** The current session, or null when nobody is signed in. */
export async function currentSession(fetchImpl?: typeof fetch): Promise<SessionInfo | null> {
  try {
    return await call('/api/auth/me', {}, fetchImpl);
  } catch (error) {
    if (error instanceof SessionError && error.code === 'SHELL_ERR_UNAUTHORIZED') return null;
    throw error;
  }
}

export function signIn(name: string, password: string, fetchImpl?: typeof fetch): Promise<SessionInfo> {
  return call('/api/auth/login', { method: 'POST', body: JSON.stringify({ name, password }) }, fetchImpl);
}

export function submitTotp(code: string, csrfToken?: string, fetchImpl?: typeof fetch): Promise<SessionInfo> {
  return call(
    '/api/auth/totp',
    { method: 'POST', body: JSON.stringify({ code }), headers: csrfHeader(csrfToken) },
    fetchImpl,
  );
}

/** Starts enrolling a second factor: the secret to type into an authenticator app, and its otpauth URI. */
export async function startTotpEnrolment(
  csrfToken?: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ secret: string; otpauthUri: string }> {
  let response: Response;
  try {
    response = await fetchImpl('/api/auth/totp/setup', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json', ...csrfHeader(csrfToken) },
      body: '{}',
    });
  } catch {
    throw new SessionError('SDK_ERR_NETWORK', '网络连接失败，请稍后重试');
  }
  const body = (await response.json().catch(() => null)) as
    | ({ secret?: string; otpauthUri?: string } & ErrorReply)
    | null;
  if (!response.ok || typeof body?.secret !== 'string' || typeof body.otpauthUri !== 'string') {
    throw refusal(response, body, '无法设置动态口令，请稍后重试');
  }
  return { secret: body.secret, otpauthUri: body.otpauthUri };
}

/** Finishes enrolment with the first code the app shows; the session has then passed its second factor. */
export function enableTotp(code: string, csrfToken?: string, fetchImpl?: typeof fetch): Promise<SessionInfo> {
  return call(
    '/api/auth/totp/enable',
    { method: 'POST', body: JSON.stringify({ code }), headers: csrfHeader(csrfToken) },
    fetchImpl,
  );
}

export async function signOut(csrfToken?: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  await fetchImpl('/api/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...csrfHeader(csrfToken), 'content-type': 'application/json' },
    body: '{}',
  }).catch(() => undefined);
}

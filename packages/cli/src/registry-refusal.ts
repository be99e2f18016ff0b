/**
 * A refusal from the registry, as the CLI reports it: what the registry said (its English `error`), its
 * stable `code`, what to do next — chosen by the code, never by the text — and where the code is
 * documented. The registry answers every error with `{ error, code, message, requestId, field? }`
 * (`@cunmen/errors`); the CLI reads that shape itself, so it works against any registry version and
 * falls back to the status line for a proxy's HTML page.
 */
import { CliError } from './output.js';
import type { RegistryResponse } from './registry-client.js';

/** The site path of the page that documents every `REG_ERR_…` code, one anchor per code. */
export const REGISTRY_ERRORS_PAGE = '/docs/province/run-the-registry';

export interface RegistryRefusal {
  status: number;
  /** `REG_ERR_VERSION_EXISTS`, or null when the answer carried no code (a proxy, an old registry). */
  code: string | null;
  /** The registry's English text, or `HTTP <status>`. */
  error: string;
  /** The input the registry named, e.g. `dist.integrity`. */
  field: string | null;
  requestId: string | null;
}

function stringField(body: Record<string, unknown>, key: string): string | null {
  const value = body[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** What a non-2xx answer says, whatever shape its body has. */
export function readRefusal(res: RegistryResponse): RegistryRefusal {
  const body = typeof res.body === 'object' && res.body !== null ? (res.body as Record<string, unknown>) : {};
  const raw = stringField(body, 'code');
  const code = raw !== null && /^[A-Z]+_ERR_[A-Z0-9_]+$/.test(raw) ? raw : null;
  // npm registries that predate the code send `{error}` or CouchDB's `{reason}`.
  const error = stringField(body, 'error') ?? stringField(body, 'reason') ?? `HTTP ${res.status}`;
  return {
    status: res.status,
    code,
    // The registry ends `error` with "(CODE; see <link>)" for npm, which prints nothing else; the CLI
    // prints the code and the link on lines of their own.
    error: code === null ? error : error.replace(` (${code}; see ${registryDocsLink(code)})`, ''),
    field: stringField(body, 'field'),
    requestId: stringField(body, 'requestId'),
  };
}

/** `/docs/province/run-the-registry#reg_err_version_exists`: where a registry code is explained. */
export function registryDocsLink(code: string): string {
  return `${REGISTRY_ERRORS_PAGE}#${code.toLowerCase()}`;
}

/** What the developer can do about a code; codes without advice get none. */
const NEXT_STEP: Readonly<Record<string, string>> = {
  REG_ERR_UNAUTHORIZED:
    'log in again: cunmen login --registry <url> (the token is missing, unknown or revoked)',
  REG_ERR_FORBIDDEN_SCOPE: "publish under your county's scope, with your county's token",
  REG_ERR_VERSION_EXISTS:
    'versions are immutable: raise the version (npm version patch), build and publish again',
  REG_ERR_MANIFEST_MISSING: 'build first: cunmen build',
  REG_ERR_MANIFEST_INVALID: 'rebuild with cunmen build and check it with cunmen validate',
  REG_ERR_SDK_UNSUPPORTED: "depend on an @cunmen/sdk range the province's shell supports",
  REG_ERR_INTEGRITY_MISMATCH: 'the upload was changed on the way; publish again',
  REG_ERR_SHASUM_MISMATCH: 'the upload was changed on the way; publish again',
  REG_ERR_BODY_TOO_LARGE:
    'the tarball is larger than the registry accepts; leave out what the widget does not need',
  REG_ERR_BAD_LOGIN: 'check the user name and password (the province sets them)',
  REG_ERR_RATE_LIMITED: 'too many attempts from this address; wait a minute and try again',
  REG_ERR_FORBIDDEN: "this account's role may not do this: county accounts publish, the province reviews",
  REG_ERR_NOT_FOUND: 'check the registry URL (--registry) and the package name',
  REG_ERR_NAME_MISMATCH:
    'package.json, the tarball and dist/cunmen.json must name the same package and version: cunmen build, then publish',
  REG_ERR_INVALID_VERSION: 'give package.json a semver version, e.g. 1.0.1',
  REG_ERR_BAD_PUBLISH: 'publish with cunmen publish or npm publish: one version and its tarball per request',
  REG_ERR_BAD_REQUEST: 'publish with cunmen publish or npm publish: one version and its tarball per request',
  REG_ERR_BAD_TARBALL: 'the tarball could not be read; publish again',
  REG_ERR_UNSAFE_TARBALL:
    'publish plain files only (no links, absolute paths or ".."); list them in "files" of package.json',
  REG_ERR_MEDIA_TYPE: 'a proxy between you and the registry changed the request; publish without it',
  REG_ERR_INTERNAL: 'the registry failed, not your package: send the request id to the province',
};

/** The codes the CLI gives advice for (a test checks each is a documented registry code). */
export const ADVISED_CODES: readonly string[] = Object.keys(NEXT_STEP);

/** One line a fact: the refusal with its code, the next step, the docs link, the request id. */
export function describeRefusal(what: string, refusal: RegistryRefusal): string {
  const where = refusal.code ? `${refusal.status} ${refusal.code}` : String(refusal.status);
  const lines = [`${what} (${where}): ${refusal.error}`];
  const step = refusal.code ? NEXT_STEP[refusal.code] : undefined;
  if (step) lines.push(`  next: ${step}`);
  if (refusal.code) lines.push(`  docs: ${registryDocsLink(refusal.code)}`);
  if (refusal.requestId) lines.push(`  request id: ${refusal.requestId}`);
  return lines.join('\n');
}

/** The error the CLI exits with when the registry refused `what` (exit code 1). */
export function refusedBy(what: string, res: RegistryResponse): CliError {
  return new CliError(describeRefusal(what, readRefusal(res)));
}

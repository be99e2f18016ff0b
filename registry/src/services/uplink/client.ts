/**
 * HTTP to the uplink: packuments with conditional revalidation (`If-None-Match`, `If-Modified-Since`)
 * and tarballs. The timeout is on silence, not on the whole transfer: it fires when the uplink sends
 * no headers or no next chunk within `timeoutMs`, so a large tarball on a slow line still arrives
 * while a dead connection is given up on.
 */
import { regError } from '../../errors.js';
import type { PackumentForm } from '../../storage/types.js';

/** Accept headers as npm sends them: installers ask for the abbreviated form, other reads for JSON. */
const ACCEPT: Record<PackumentForm, string> = {
  abbreviated: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*',
  full: 'application/json',
};

export const ABBREVIATED_TYPE = 'application/vnd.npm.install-v1+json';

/** Largest answer read into memory (a packument of a package with thousands of versions, a tarball). */
const MAX_BODY_BYTES = 512 * 1024 * 1024;

/**
 * After this many failures in a row the uplink is left alone for {@link OFFLINE_MS}: on a network that
 * drops packets instead of refusing them, every request would otherwise wait the whole timeout before
 * the cached packument is served stale.
 */
const FAILURES_BEFORE_OFFLINE = 2;
const OFFLINE_MS = 30_000;

/** The uplink could not give an answer: `timeout` is a 504 to the client, `unavailable` a 502. */
export class UplinkFailure extends Error {
  override name = 'UplinkFailure';
  constructor(
    readonly kind: 'timeout' | 'unavailable',
    message: string,
  ) {
    super(message);
  }

  toRegistryError() {
    return regError(
      this.kind === 'timeout' ? 'REG_ERR_UPLINK_TIMEOUT' : 'REG_ERR_UPLINK_UNAVAILABLE',
      this.message,
    );
  }
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type PackumentResponse =
  | { status: 'ok'; body: Buffer; contentType: string; validators: Validators }
  | { status: 'not-modified' }
  | { status: 'not-found' };

export interface UplinkClientOptions {
  /** Base URL of the uplink registry, e.g. `https://registry.npmjs.org/`. */
  url: string;
  timeoutMs: number;
  /** This registry's `Via` token (`1.1 cunmen-registry-…`), added to the one the request came with. */
  via: string;
}

/** `@scope/name` → `@scope%2fname`, as npm asks for it. */
export function encodePackageName(name: string): string {
  return encodeURIComponent(name).replace(/^%40/, '@').replace(/%2F/g, '%2f');
}

interface Answer {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** What an error answer says, in a few words: its `error` (npm registries, Cunmen) or its text. */
async function reasonOf(res: Response): Promise<string> {
  const text = (await res.text().catch(() => '')).trim();
  let reason = text;
  try {
    const body = JSON.parse(text) as { error?: unknown; reason?: unknown };
    if (typeof body.error === 'string') reason = body.error;
    else if (typeof body.reason === 'string') reason = body.reason;
  } catch {
    // not JSON: the text itself
  }
  return reason.length > 300 ? `${reason.slice(0, 300)}…` : reason;
}

export class UplinkClient {
  private readonly base: string;
  private failuresInARow = 0;
  private offlineUntil = 0;

  constructor(private readonly options: UplinkClientOptions) {
    this.base = options.url.replace(/\/+$/, '');
  }

  /** Where the uplink serves the packument of `name`. */
  packumentUrl(name: string): string {
    return `${this.base}/${encodePackageName(name)}`;
  }

  async packument(
    name: string,
    form: PackumentForm,
    known: Validators | null,
    via?: string,
  ): Promise<PackumentResponse> {
    const headers: Record<string, string> = { accept: ACCEPT[form] };
    if (known?.etag) headers['if-none-match'] = known.etag;
    if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
    const url = this.packumentUrl(name);
    const answer = await this.request(url, headers, via);
    if (answer.status === 304) return { status: 'not-modified' };
    if (answer.status === 404) return { status: 'not-found' };
    return {
      status: 'ok',
      body: answer.body,
      contentType: answer.headers.get('content-type') ?? '',
      validators: { etag: answer.headers.get('etag'), lastModified: answer.headers.get('last-modified') },
    };
  }

  /** The bytes at `url`; null when the uplink answers 404. */
  async tarball(url: string, via?: string): Promise<Buffer | null> {
    const answer = await this.request(url, { accept: 'application/octet-stream' }, via);
    if (answer.status === 404) return null;
    if (answer.status === 304) throw new UplinkFailure('unavailable', `the uplink answered 304 for ${url}`);
    return answer.body;
  }

  /** One GET, unless the uplink failed too often lately; counts failures and successes. */
  private async request(url: string, headers: Record<string, string>, via?: string): Promise<Answer> {
    if (Date.now() < this.offlineUntil) {
      const until = new Date(this.offlineUntil).toISOString();
      throw new UplinkFailure(
        'unavailable',
        `the uplink failed ${this.failuresInARow} times in a row; it is asked again from ${until}`,
      );
    }
    try {
      const answer = await this.get(url, headers, via);
      this.failuresInARow = 0;
      return answer;
    } catch (err) {
      if (err instanceof UplinkFailure) this.failed();
      throw err;
    }
  }

  private failed(): void {
    this.failuresInARow += 1;
    if (this.failuresInARow >= FAILURES_BEFORE_OFFLINE) this.offlineUntil = Date.now() + OFFLINE_MS;
  }

  private async get(url: string, headers: Record<string, string>, via?: string): Promise<Answer> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    };
    arm();
    try {
      const res = await fetch(url, {
        headers: {
          ...headers,
          'user-agent': 'cunmen-registry (npm registry uplink)',
          via: via ? `${via}, ${this.options.via}` : this.options.via,
        },
        signal: controller.signal,
      });
      if (res.status === 304 || res.status === 404) {
        await res.body?.cancel();
        return { status: res.status, headers: res.headers, body: Buffer.alloc(0) };
      }
      if (res.status !== 200) {
        const reason = await reasonOf(res);
        throw new UplinkFailure(
          'unavailable',
          `the uplink answered ${res.status} for ${url}${reason ? `: ${reason}` : ''}`,
        );
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const reader = res.body?.getReader();
      while (reader) {
        arm();
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > MAX_BODY_BYTES) {
          await reader.cancel();
          throw new UplinkFailure(
            'unavailable',
            `the answer for ${url} is larger than ${MAX_BODY_BYTES} bytes`,
          );
        }
        chunks.push(Buffer.from(value));
      }
      return { status: res.status, headers: res.headers, body: Buffer.concat(chunks) };
    } catch (err) {
      if (err instanceof UplinkFailure) throw err;
      if (controller.signal.aborted) {
        throw new UplinkFailure(
          'timeout',
          `the uplink sent nothing for ${this.options.timeoutMs} ms on ${url}`,
        );
      }
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (err as Error).message;
      throw new UplinkFailure('unavailable', `the uplink cannot be reached for ${url}: ${why}`);
    } finally {
      clearTimeout(timer);
    }
  }
}

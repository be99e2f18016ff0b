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

export class UplinkClient {
  private readonly base: string;

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
    const answer = await this.get(url, headers, via);
    if (answer.status === 304) return { status: 'not-modified' };
    if (answer.status === 404) return { status: 'not-found' };
    if (answer.status !== 200) throw this.badStatus(answer.status, url);
    return {
      status: 'ok',
      body: answer.body,
      contentType: answer.headers.get('content-type') ?? '',
      validators: { etag: answer.headers.get('etag'), lastModified: answer.headers.get('last-modified') },
    };
  }

  /** The bytes at `url`; null when the uplink answers 404. */
  async tarball(url: string, via?: string): Promise<Buffer | null> {
    const answer = await this.get(url, { accept: 'application/octet-stream' }, via);
    if (answer.status === 404) return null;
    if (answer.status !== 200) throw this.badStatus(answer.status, url);
    return answer.body;
  }

  private badStatus(status: number, url: string): UplinkFailure {
    return new UplinkFailure('unavailable', `the uplink answered ${status} for ${url}`);
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
      if (res.status !== 200) {
        await res.body?.cancel();
        return { status: res.status, headers: res.headers, body: Buffer.alloc(0) };
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

/**
 * The shell's client of the registry's `/-/cunmen/v1/` API: signed releases, the province keys and
 * usage reports. Every request has a timeout; an unreachable registry is `SHELL_ERR_REGISTRY_UNAVAILABLE`
 * (502), never a hang.
 */
import { shellError } from '../errors.js';

export interface RegistryClientOptions {
  /** Base URL of the registry, e.g. `https://registry.example.gov.cn`. */
  url: string;
  /** A usage-reporter token (`cunmen-registry user add --role usage-reporter`) for usage reports. */
  token?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface RegistryKey {
  keyId: string;
  algorithm: string;
  publicKey: string;
  pem: string;
}

/** One approved version of a package, as the registry's catalog lists it. */
export interface CatalogVersion {
  version: string;
  yanked: boolean;
  /** False when its SDK range does not accept the SDK version asked about. */
  compatible: boolean;
}

const packagePath = (name: string) => name.split('/').map(encodeURIComponent).join('/');

export class RegistryClient {
  readonly url: string;
  readonly origin: string;
  private readonly token: string | undefined;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: RegistryClientOptions) {
    this.url = options.url.replace(/\/+$/, '');
    this.origin = new URL(this.url).origin;
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  get canReport(): boolean {
    return this.token !== undefined;
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await this.fetchImpl(`${this.url}${path}`, {
        ...init,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const reason = err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : 'is unreachable';
      throw shellError('SHELL_ERR_REGISTRY_UNAVAILABLE', `the registry at ${this.url} ${reason}; try again`, {
        zh: `组件仓库（${this.url}）${reason === 'timed out' ? '响应超时' : '无法连接'}，请稍后重试`,
      });
    }
  }

  private unavailable(what: string, status: number) {
    return shellError(
      'SHELL_ERR_REGISTRY_UNAVAILABLE',
      `the registry answered ${status} for ${what}; try again`,
      { zh: `组件仓库返回 ${status}（${what}），请稍后重试` },
    );
  }

  /** The signed release of an approved version, or null when the registry has no approved release. */
  async release(name: string, version: string): Promise<unknown | null> {
    const what = `${name}@${version}`;
    const res = await this.request(
      `/-/cunmen/v1/releases/${packagePath(name)}/${encodeURIComponent(version)}`,
      { headers: { accept: 'application/json' } },
    );
    if (res.status === 404) return null;
    if (!res.ok) throw this.unavailable(what, res.status);
    return res.json().catch(() => {
      throw this.unavailable(what, res.status);
    });
  }

  /**
   * Every approved version of a package with its yank state and its SDK badge against `sdk` (the
   * catalog's package detail), or null when the registry has no approved version of it.
   */
  async versions(name: string, sdk: string): Promise<CatalogVersion[] | null> {
    const res = await this.request(
      `/-/cunmen/v1/catalog/${packagePath(name)}?sdk=${encodeURIComponent(sdk)}`,
      { headers: { accept: 'application/json' } },
    );
    if (res.status === 404) return null;
    if (!res.ok) throw this.unavailable(`the versions of ${name}`, res.status);
    const body = (await res.json().catch(() => null)) as { versions?: unknown } | null;
    if (!Array.isArray(body?.versions)) throw this.unavailable(`the versions of ${name}`, res.status);
    return (body.versions as Record<string, unknown>[]).map((v) => ({
      version: String(v.version),
      yanked: v.yanked === true,
      compatible: (v.compatibility as { badge?: unknown } | undefined)?.badge !== 'incompatible',
    }));
  }

  async keys(): Promise<RegistryKey[]> {
    const res = await this.request('/-/cunmen/v1/keys', { headers: { accept: 'application/json' } });
    if (!res.ok) throw this.unavailable('the province keys', res.status);
    const body = (await res.json().catch(() => null)) as { keys?: unknown } | null;
    return Array.isArray(body?.keys) ? (body.keys as RegistryKey[]) : [];
  }

  /** Reports what a village portal uses; throws with the registry's answer on failure. */
  async reportUsage(village: string, widgets: { name: string; version: string }[]): Promise<void> {
    if (this.token === undefined) throw new Error('no registry token configured');
    const res = await this.request('/-/cunmen/v1/usage', {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ village, widgets }),
    });
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      throw new Error(`registry answered ${res.status}: ${text.slice(0, 300)}`);
    }
  }
}

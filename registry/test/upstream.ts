/**
 * A stand-in for the public npm registry in uplink tests: packuments and tarballs from memory, ETags
 * with 304, the abbreviated form when asked (or, like some mirrors, the full one whatever is asked),
 * and a record of every request, so a test can show the uplink was — or was never — asked. It can go
 * down (connection refused), answer 503, hang, or serve bytes other than those its packument promises.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { integrityOf, makeTarball } from '@cunmen/test-utils';

export interface UpstreamRequest {
  path: string;
  accept: string;
  ifNoneMatch: string | null;
  via: string | null;
}

interface Version {
  tarball: Buffer;
  /** Served instead of `tarball` (whose integrity the packument gives). */
  served?: Buffer;
  /** Only dist.shasum, as packages published before 2017 have. */
  shasumOnly?: boolean;
}

export type UpstreamMode = 'up' | 'error' | 'hang';

/** A small valid tarball of `name@version`. */
export function packageTarball(name: string, version: string): Buffer {
  return makeTarball([
    { path: 'package/package.json', body: JSON.stringify({ name, version }) },
    { path: 'package/index.js', body: `module.exports = ${JSON.stringify(`${name}@${version}`)};\n` },
  ]);
}

export class UpstreamFixture {
  readonly requests: UpstreamRequest[] = [];
  mode: UpstreamMode = 'up';
  /** Answer every packument request with the full document as `application/json`. */
  ignoreAccept = false;
  /** Wait this long before answering (to line concurrent clients up behind one fetch). */
  delayMs = 0;
  private readonly packages = new Map<string, Map<string, Version>>();
  private readonly hanging = new Set<IncomingMessage>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<UpstreamFixture> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fixture = new UpstreamFixture(server, `http://127.0.0.1:${port}/`);
    server.on('request', (req, res) => {
      fixture.handle(req).then(
        ({ status, headers, body }) => {
          if (status === 0) return; // hanging
          res.writeHead(status, headers).end(body);
        },
        (err: Error) => res.writeHead(500).end(err.message),
      );
    });
    return fixture;
  }

  /** Publishes `name@version` here; `served` makes the tarball a tampered one. */
  add(name: string, version: string, options: Partial<Version> = {}): Buffer {
    const tarball = options.tarball ?? packageTarball(name, version);
    const versions = this.packages.get(name) ?? new Map<string, Version>();
    versions.set(version, { ...options, tarball });
    this.packages.set(name, versions);
    return tarball;
  }

  /** Requests whose path starts with `prefix` (e.g. `/left-pad`, `/@cunmen`). */
  seen(prefix: string): UpstreamRequest[] {
    return this.requests.filter((r) => r.path.startsWith(prefix));
  }

  tarballUrl(name: string, version: string): string {
    return `${this.url}${name}/-/${name.slice(name.indexOf('/') + 1)}-${version}.tgz`;
  }

  packument(name: string, abbreviated: boolean): Record<string, unknown> | null {
    const versions = this.packages.get(name);
    if (!versions) return null;
    const docs: Record<string, unknown> = {};
    for (const [version, v] of versions) {
      const { integrity, shasum } = integrityOf(v.tarball);
      const dist = v.shasumOnly ? { shasum } : { integrity, shasum };
      const full = { description: 'only in the full packument', readme: '# readme' };
      docs[version] = {
        name,
        version,
        ...(abbreviated ? {} : full),
        dependencies: {},
        dist: { ...dist, tarball: this.tarballUrl(name, version) },
      };
    }
    const latest = [...versions.keys()].at(-1);
    const modified = '2026-01-01T00:00:00.000Z';
    return abbreviated
      ? { name, modified, 'dist-tags': { latest }, versions: docs }
      : { _id: name, name, 'dist-tags': { latest }, versions: docs, time: { modified }, readme: '# readme' };
  }

  private async handle(req: IncomingMessage) {
    const path = decodeURIComponent(new URL(req.url ?? '/', this.url).pathname);
    const header = (name: string) => {
      const v = req.headers[name];
      return typeof v === 'string' ? v : null;
    };
    this.requests.push({
      path,
      accept: header('accept') ?? '',
      ifNoneMatch: header('if-none-match'),
      via: header('via'),
    });
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.mode === 'hang') {
      this.hanging.add(req);
      return { status: 0, headers: {}, body: '' };
    }
    if (this.mode === 'error') return { status: 503, headers: {}, body: 'maintenance' };
    const tarball = /^\/(.+)\/-\/[^/]+-(\d[^/]*)\.tgz$/.exec(path);
    if (tarball) {
      const v = this.packages.get(tarball[1] as string)?.get(tarball[2] as string);
      if (!v) return { status: 404, headers: {}, body: '{}' };
      return {
        status: 200,
        headers: { 'content-type': 'application/octet-stream' },
        body: v.served ?? v.tarball,
      };
    }
    const abbreviated =
      !this.ignoreAccept && (header('accept') ?? '').includes('application/vnd.npm.install-v1+json');
    const doc = this.packument(path.slice(1), abbreviated);
    if (!doc)
      return { status: 404, headers: { 'content-type': 'application/json' }, body: '{"error":"Not found"}' };
    const body = JSON.stringify(doc);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (header('if-none-match') === etag) return { status: 304, headers: { etag }, body: '' };
    const type = abbreviated ? 'application/vnd.npm.install-v1+json' : 'application/json';
    return { status: 200, headers: { 'content-type': type, etag }, body };
  }

  async close(): Promise<void> {
    for (const req of this.hanging) req.socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * npm's publish document, as the npm 11 CLI sends it with `PUT /<@scope%2fname>`: one version (its
 * package.json fields and `dist`), the dist-tag, and the tarball base64-encoded as the one attachment.
 */
import { createHash } from 'node:crypto';

/** `dist.integrity` (sha512 SRI) and `dist.shasum` (hex sha1) of a tarball, as npm computes them. */
export function integrityOf(tarball: Buffer): { integrity: string; shasum: string } {
  return {
    integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
    shasum: createHash('sha1').update(tarball).digest('hex'),
  };
}

/** `sha384-<base64>`, the SRI form a built manifest gives each asset. */
export function sri(body: string | Buffer): string {
  return `sha384-${createHash('sha384').update(body).digest('base64')}`;
}

export interface PublishDocumentOptions {
  /** The dist-tag the version is published under; default `latest`. */
  tag?: string;
  /** Replaces the computed `dist` fields (a test sending a wrong integrity). */
  dist?: Partial<{ integrity: string; shasum: string; tarball: string }>;
  /** More fields of the version document (package.json): keywords, description, changelog … */
  packageJson?: Record<string, unknown>;
}

/**
 * The body of `npm publish` for `name@version` with `tarball` attached. `dist.tarball` points at a
 * host the registry must never trust: the registry builds tarball URLs from its own public URL.
 */
export function publishDocument(
  name: string,
  version: string,
  tarball: Buffer,
  options: PublishDocumentOptions = {},
): Record<string, unknown> {
  const base = name.split('/')[1] ?? name;
  return {
    _id: name,
    name,
    description: '',
    'dist-tags': { [options.tag ?? 'latest']: version },
    versions: {
      [version]: {
        name,
        version,
        ...options.packageJson,
        _id: `${name}@${version}`,
        dist: {
          ...integrityOf(tarball),
          tarball: `http://evil.example/${name}/-/${base}-${version}.tgz`,
          ...options.dist,
        },
      },
    },
    access: null,
    _attachments: {
      [`${name}-${version}.tgz`]: {
        content_type: 'application/octet-stream',
        data: tarball.toString('base64'),
        length: tarball.length,
      },
    },
  };
}

/** `@deqing/find-machinery` → `/@deqing%2ffind-machinery`, the path npm PUTs a publish to. */
export function publishPath(name: string): string {
  return `/${name.replace('/', '%2f')}`;
}

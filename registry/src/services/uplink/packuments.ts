/**
 * Packuments of the uplink: kept in the uplink cache with the uplink's validators, served for
 * `maxAgeMs` without asking again, then revalidated (a 304 costs the uplink no body). When the uplink
 * cannot answer, the kept document is served stale and the log says so; only a package never seen
 * before fails. Tarball URLs are rewritten to this registry's public URL, so clients fetch every byte
 * through it. The serialised, rewritten bytes are kept in memory per stored body.
 */

import { regError } from '../../errors.js';
import type { PackumentForm, UplinkCacheStore, UpstreamPackument } from '../../storage/types.js';
import type { ReadContext } from '../package-source.js';
import { abbreviate, tarballUrl } from '../packument.js';
import { type SerialisedDocument, serialise } from '../packument-cache.js';
import { ABBREVIATED_TYPE, type PackumentResponse, type UplinkClient, UplinkFailure } from './client.js';
import { SingleFlight } from './single-flight.js';

/** Where the uplink keeps a version's tarball and what it must hash to. */
export interface UpstreamDist {
  tarball: string;
  integrity?: unknown;
  shasum?: unknown;
}

/** How the answer was made: from the cache (`hit`), fetched (`miss`), confirmed or replaced after its max age, or kept because the uplink failed (`stale`). */
export type CacheState = 'hit' | 'miss' | 'revalidated' | 'updated' | 'stale';

export interface ServedPackument {
  document: SerialisedDocument;
  dists: ReadonlyMap<string, UpstreamDist>;
  state: CacheState;
}

interface Rendered {
  fetchedAt: string;
  document: SerialisedDocument;
  dists: Map<string, UpstreamDist>;
}

export interface UplinkPackumentsOptions {
  publicUrl: string;
  maxAgeMs: number;
  /** Bytes of rendered documents kept in memory (default 64 MB). */
  memoryBytes?: number;
  now?: () => number;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** The uplink's answer as a packument of `name`, or why it is not one. */
function parsePackument(name: string, body: Buffer): Record<string, unknown> {
  let doc: Record<string, unknown> | null;
  try {
    doc = asRecord(JSON.parse(body.toString('utf8')));
  } catch {
    doc = null;
  }
  if (!doc || !asRecord(doc.versions)) {
    throw new UplinkFailure('unavailable', `the uplink's answer for ${name} is not a packument`);
  }
  const said = doc.name ?? doc._id;
  if (said !== name) {
    throw new UplinkFailure(
      'unavailable',
      `the uplink answered the packument of ${String(said)} for ${name}`,
    );
  }
  return doc;
}

export class UplinkPackuments {
  private readonly flights = new SingleFlight();
  private readonly rendered = new Map<string, Rendered>();
  private renderedBytes = 0;
  private readonly now: () => number;

  constructor(
    private readonly cache: UplinkCacheStore,
    private readonly client: UplinkClient,
    private readonly options: UplinkPackumentsOptions,
  ) {
    this.now = options.now ?? (() => Date.now());
  }

  /**
   * The packument of `name` in `form`, or null when the uplink does not have the package.
   * `revalidate` asks the uplink even within the max age (a tarball of a version not yet seen).
   */
  async get(
    name: string,
    form: PackumentForm,
    ctx: ReadContext,
    revalidate = false,
  ): Promise<ServedPackument | null> {
    const kept = await this.cache.getPackument(name, form);
    if (kept && !revalidate && this.now() - Date.parse(kept.checkedAt) < this.options.maxAgeMs) {
      return { ...this.render(kept), state: 'hit' };
    }
    return this.flights.run(`${form} ${name}`, () => this.refresh(name, form, kept, ctx));
  }

  /** Where the uplink keeps `name@version`, asking it again once if a fresh packument lacks the version. */
  async dist(name: string, version: string, ctx: ReadContext): Promise<UpstreamDist | null> {
    let served = await this.get(name, 'abbreviated', ctx);
    if (served?.state === 'hit' && !served.dists.has(version)) {
      served = await this.get(name, 'abbreviated', ctx, true);
    }
    const dist = served?.dists.get(version);
    if (!dist && served?.state === 'stale') {
      // The uplink may well have it; only it can say, and it cannot now.
      throw regError(
        'REG_ERR_UPLINK_UNAVAILABLE',
        `the uplink is unavailable and has not listed ${name}@${version} before`,
      );
    }
    return dist ?? null;
  }

  private async refresh(
    name: string,
    form: PackumentForm,
    kept: UpstreamPackument | null,
    ctx: ReadContext,
  ): Promise<ServedPackument | null> {
    const started = this.now();
    let answer: PackumentResponse;
    let body = '';
    try {
      answer = await this.client.packument(name, form, kept, ctx.via);
      if (answer.status === 'ok') body = JSON.stringify(this.prepare(name, form, answer));
      if (answer.status === 'not-modified' && !kept) {
        throw new UplinkFailure('unavailable', `the uplink answered 304 for ${name} without being asked`);
      }
    } catch (err) {
      if (!(err instanceof UplinkFailure)) throw err;
      if (!kept) throw err.toRegistryError();
      ctx.log.warn(
        { uplink: 'stale', name, form, checkedAt: kept.checkedAt, reason: err.message },
        `uplink unavailable; serving the packument of ${name} kept since ${kept.checkedAt}`,
      );
      return { ...this.render(kept), state: 'stale' };
    }

    const at = new Date(this.now()).toISOString();
    if (answer.status === 'not-found') {
      if (kept) await this.forget(name);
      ctx.log.info({ uplink: 'not-found', name }, `uplink has no package ${name}`);
      return null;
    }
    if (answer.status === 'not-modified' && kept) {
      await this.cache.markChecked(name, form, at);
      return { ...this.render(kept), state: 'revalidated' };
    }
    const validators = answer.status === 'ok' ? answer.validators : { etag: null, lastModified: null };
    const stored: UpstreamPackument = {
      name,
      form,
      body,
      etag: validators.etag,
      lastModified: validators.lastModified,
      fetchedAt: at,
      checkedAt: at,
    };
    await this.cache.putPackument(stored);
    ctx.log.info(
      { uplink: kept ? 'updated' : 'miss', name, form, ms: this.now() - started, bytes: body.length },
      `uplink: fetched the ${form} packument of ${name}`,
    );
    return { ...this.render(stored), state: kept ? 'updated' : 'miss' };
  }

  /** The uplink's document as it is kept: checked to be `name`'s, abbreviated when it was asked for. */
  private prepare(
    name: string,
    form: PackumentForm,
    answer: { body: Buffer; contentType: string },
  ): Record<string, unknown> {
    const doc = parsePackument(name, answer.body);
    // An uplink that ignores Accept sends everything; keep (and serve) only what installers read.
    return form === 'abbreviated' && !answer.contentType.startsWith(ABBREVIATED_TYPE) ? abbreviate(doc) : doc;
  }

  private async forget(name: string): Promise<void> {
    await this.cache.deletePackuments(name);
    for (const form of ['full', 'abbreviated'] as const) this.evict(`${form} ${name}`);
  }

  /** The stored body with its tarball URLs pointing here, serialised once per stored body. */
  private render(kept: UpstreamPackument): Rendered {
    const key = `${kept.form} ${kept.name}`;
    const hit = this.rendered.get(key);
    if (hit && hit.fetchedAt === kept.fetchedAt) {
      this.rendered.delete(key);
      this.rendered.set(key, hit);
      return hit;
    }
    const doc = JSON.parse(kept.body) as Record<string, unknown>;
    const dists = new Map<string, UpstreamDist>();
    for (const [version, manifest] of Object.entries(asRecord(doc.versions) ?? {})) {
      const dist = asRecord(asRecord(manifest)?.dist);
      if (!dist || typeof dist.tarball !== 'string') continue;
      dists.set(version, { tarball: dist.tarball, integrity: dist.integrity, shasum: dist.shasum });
      dist.tarball = tarballUrl(this.options.publicUrl, kept.name, version);
    }
    const entry: Rendered = { fetchedAt: kept.fetchedAt, document: serialise(doc), dists };
    this.evict(key);
    this.rendered.set(key, entry);
    this.renderedBytes += entry.document.body.length;
    const budget = this.options.memoryBytes ?? 64 * 1024 * 1024;
    for (const [oldest] of this.rendered) {
      if (this.renderedBytes <= budget || oldest === key) break;
      this.evict(oldest);
    }
    return entry;
  }

  private evict(key: string): void {
    const entry = this.rendered.get(key);
    if (!entry) return;
    this.rendered.delete(key);
    this.renderedBytes -= entry.document.body.length;
  }
}

/**
 * The portal service: saves a village config as a new immutable portal version (resolved and checked
 * first, so a refusal changes nothing), rolls back by moving the current pointer, and serves the
 * resolved snapshot of the current version from a cache keyed by (village, portal version, ETag).
 */
import { createHash } from 'node:crypto';
import { type PortalSnapshot, type VillageConfig, villageCodeSchema } from '@cunmen/manifest';
import { BANNER_BLOBS, BannerStore } from '../banner/store.js';
import { ShellError, shellError } from '../errors.js';
import { checkMandatory } from '../mandatory/check.js';
import type {
  PortalVersion,
  PortalWarning,
  Storage,
  StoredSnapshot,
  VillageRecord,
} from '../storage/types.js';
import { commitEdit } from './commit.js';
import type { RegistryClient } from './registry-client.js';
import { buildSnapshot, resolveWidgets } from './resolve.js';
import { parseSaveBody } from './save-body.js';
import type { KeyProvider } from './trust.js';
import type { UsageReporter } from './usage.js';

export interface PortalServiceOptions {
  storage: Storage;
  /** Absent when the shell runs without `--registry`: portals can be read and rolled back, not saved. */
  registry: RegistryClient | null;
  keys: KeyProvider | null;
  usage: UsageReporter;
}

export interface ServedSnapshot extends StoredSnapshot {
  version: number;
  /** Origins of the widgets' assets, for the page's Content-Security-Policy. */
  assetOrigins: string[];
}

export interface SaveResult {
  village: string;
  version: number;
  etag: string;
  warnings: PortalWarning[];
}

const MAX_CACHED = 2000;

/** Wraps the registry's `release` (e.g. to fetch each release once per refresh run). */
type ReleaseMemo = (client: Pick<RegistryClient, 'release'>) => RegistryClient['release'];

export function etagOf(json: string): string {
  return `"${createHash('sha256').update(json).digest('base64url')}"`;
}

export class PortalService {
  private readonly cache = new Map<string, ServedSnapshot>();

  constructor(private readonly options: PortalServiceOptions) {}

  get storage(): Storage {
    return this.options.storage;
  }

  async village(code: string): Promise<VillageRecord> {
    if (!villageCodeSchema.safeParse(code).success) {
      throw shellError('SHELL_ERR_UNKNOWN_VILLAGE', `"${code}" is not a 12-digit village code`, {
        zh: `"${code}" 不是 12 位村级区划代码`,
        field: 'village',
      });
    }
    const village = await this.storage.divisions.getVillage(code);
    if (!village) {
      throw shellError('SHELL_ERR_UNKNOWN_VILLAGE', `no village ${code} on this platform`, {
        zh: `本平台没有村 ${code}`,
        field: 'village',
      });
    }
    return village;
  }

  resolver() {
    const { registry, keys } = this.options;
    if (!registry || !keys) {
      throw shellError(
        'SHELL_ERR_REGISTRY_NOT_CONFIGURED',
        'this shell was started without --registry, so it cannot assemble portals',
        { zh: '本平台启动时未指定组件仓库（--registry），无法组装门户' },
      );
    }
    return { registry, keys };
  }

  private async adopted(code: string): Promise<Set<string>> {
    const current = await this.storage.portals.currentVersion(code);
    const portal = current === null ? null : await this.storage.portals.getVersion(code, current);
    return new Set((portal?.config.widgets ?? []).map((w) => `${w.name}@${w.version}`));
  }

  /** Resolves and checks `config`; returns a builder for the snapshot once the version is known. */
  /**
   * Refuses a config that leaves out a module the province or county made mandatory for the village
   * (mandatory/check.ts), naming it as the current portal's snapshot does.
   */
  /** What every write checks besides the assembly: mandatory modules, and that the banner exists. */
  async checkWrite(code: string, config: VillageConfig): Promise<void> {
    await this.checkMandatory(code, config);
    await new BannerStore(this.storage.modules.blobs(BANNER_BLOBS)).checkExists(config.theme.banner);
  }

  async checkMandatory(code: string, config: VillageConfig): Promise<void> {
    const rules = await this.storage.mandatory.forVillage(code);
    if (rules.length === 0) return;
    const placed = new Set(config.widgets.map((w) => w.name));
    if (rules.every((r) => placed.has(r.package))) return;
    const titles = new Map<string, string>();
    const version = await this.storage.portals.currentVersion(code);
    const snapshot = version === null ? null : await this.storage.portals.getSnapshot(code, version);
    if (snapshot) {
      const { widgets } = JSON.parse(snapshot.json) as {
        widgets: { name: string; title: { 'zh-CN': string } }[];
      };
      for (const w of widgets) titles.set(w.name, w.title['zh-CN']);
    }
    checkMandatory(rules, config, titles);
  }

  async assemble(village: VillageRecord, config: VillageConfig) {
    const resolved = await resolveWidgets(this.resolver(), {
      config,
      adopted: await this.adopted(village.code),
    });
    return {
      warnings: resolved.warnings,
      build: (version: number) => {
        const versioned = { ...config, version };
        const snapshot = buildSnapshot({ village, config: versioned, resolved });
        const json = JSON.stringify(snapshot);
        const stored: StoredSnapshot = {
          json,
          etag: etagOf(json),
          warnings: resolved.warnings,
          resolvedAt: snapshot.generatedAt,
        };
        return { config: versioned, snapshot: stored };
      },
    };
  }

  /**
   * Saves a whole village config (`baseVersion` in the body: the version it was edited from; required
   * once the village has a portal, and refused with the changes since when it is no longer current).
   */
  async save(code: string, body: unknown, actor: string): Promise<SaveResult> {
    await this.village(code);
    const { base, config } = parseSaveBody(code, body);
    return commitEdit(this, code, actor, { base, baseRequired: true, apply: () => config });
  }

  /** Reports the widgets a saved portal uses to the registry (queued; never fails a save). */
  async recordUsage(portal: PortalVersion): Promise<void> {
    await this.options.usage.record(usageOf(portal));
  }

  /**
   * Makes an earlier version current again. Its config is resolved anew (a widget the current portal
   * does not use must not have been yanked meanwhile), and the fresh snapshot replaces the stored one.
   */
  async rollback(code: string, version: number, actor: string): Promise<SaveResult> {
    const village = await this.village(code);
    const target = await this.storage.portals.getVersion(code, version);
    if (!target) {
      throw shellError('SHELL_ERR_UNKNOWN_VERSION', `village ${code} has no portal version ${version}`, {
        zh: `村 ${code} 没有第 ${version} 版门户`,
        field: 'version',
      });
    }
    await this.checkWrite(code, target.config);
    let snapshot: StoredSnapshot | null;
    try {
      snapshot = (await this.assemble(village, target.config)).build(version).snapshot;
    } catch (err) {
      // The registry is down or not configured: the stored snapshot was verified when it was saved, and a
      // rollback must work in an emergency. Anything else (a refusal) stands.
      const code_ = err instanceof ShellError ? err.code : null;
      if (code_ !== 'SHELL_ERR_REGISTRY_UNAVAILABLE' && code_ !== 'SHELL_ERR_REGISTRY_NOT_CONFIGURED')
        throw err;
      const stored = await this.storage.portals.getSnapshot(code, version);
      if (!stored) throw err;
      snapshot = {
        ...stored,
        warnings: [
          ...stored.warnings.filter((w) => w.code !== 'SHELL_WARN_NOT_RECHECKED'),
          {
            code: 'SHELL_WARN_NOT_RECHECKED',
            widget: '',
            en: `the registry could not be reached, so version ${version} was restored as saved, without checking for yanked widgets`,
            zh: `无法连接组件仓库，第 ${version} 版按保存时的内容恢复，未重新检查组件是否被撤销`,
          },
        ],
      };
    }
    await this.storage.portals.setCurrent(code, version, actor, snapshot);
    await this.options.usage.record(usageOf(target));
    return { village: code, version, etag: snapshot.etag, warnings: snapshot.warnings };
  }

  /**
   * Resolves the current portal again (every widget counts as adopted, so a version yanked since stays,
   * with a warning) and stores the result when its content or warnings changed. The ETag changes only
   * when the snapshot's content does (e.g. a deprecation), not for a new `generatedAt`.
   */
  async refresh(code: string, releases?: ReleaseMemo): Promise<SaveResult & { changed: boolean }> {
    const village = await this.village(code);
    const version = await this.storage.portals.currentVersion(code);
    const portal = version === null ? null : await this.storage.portals.getVersion(code, version);
    if (version === null || !portal) throw noPortal(code);
    const deps = this.resolver();
    const registry = releases ? { release: releases(deps.registry) } : deps.registry;
    const resolved = await resolveWidgets(
      { ...deps, registry },
      {
        config: portal.config,
        adopted: new Set(portal.config.widgets.map((w) => `${w.name}@${w.version}`)),
      },
    );
    const snapshot = buildSnapshot({ village, config: portal.config, resolved });
    const stored = await this.storage.portals.getSnapshot(code, version);
    const warnings = resolved.warnings;
    const sameWarnings = JSON.stringify(stored?.warnings ?? null) === JSON.stringify(warnings);
    if (stored && sameWarnings && sameContent(stored.json, snapshot)) {
      return { village: code, version, etag: stored.etag, warnings, changed: false };
    }
    let next: StoredSnapshot;
    if (stored && sameContent(stored.json, snapshot)) {
      next = { ...stored, warnings };
    } else {
      const json = JSON.stringify(snapshot);
      next = { json, etag: etagOf(json), warnings, resolvedAt: snapshot.generatedAt };
    }
    await this.storage.portals.putSnapshot(code, version, next);
    return { village: code, version, etag: next.etag, warnings, changed: true };
  }

  /** Refreshes every village that has a portal, one at a time; a failure is logged and skipped. */
  async refreshAll(log: { warn(obj: object, msg: string): void }): Promise<number> {
    let changed = 0;
    // Villages share widgets: each release is fetched once per run.
    const seen = new Map<string, Promise<unknown | null>>();
    const memo: ReleaseMemo = (client) => (name, version) => {
      const key = `${name}@${version}`;
      let hit = seen.get(key);
      if (!hit) {
        hit = client.release(name, version);
        hit.catch(() => seen.delete(key));
        seen.set(key, hit);
      }
      return hit;
    };
    for (const v of await this.storage.divisions.listVillages()) {
      if ((await this.storage.portals.currentVersion(v.code)) === null) continue;
      try {
        const result = await this.refresh(v.code, memo);
        if (result.changed) {
          changed++;
          // The timer's refreshes that changed what residents are served are on record too.
          await this.storage.audit.append({
            actor: 'system',
            action: 'portal.refresh',
            subject: `village:${v.code}`,
            detail: { version: result.version, changed: true },
          });
        }
      } catch (err) {
        log.warn(
          { village: v.code, err: err instanceof Error ? err.message : String(err) },
          'portal refresh failed; the stored snapshot stays',
        );
      }
    }
    return changed;
  }

  async versions(code: string) {
    await this.village(code);
    const current = await this.storage.portals.currentVersion(code);
    const versions = await this.storage.portals.listVersions(code);
    const events = await this.storage.portals.listEvents(code);
    return {
      village: code,
      current,
      versions: versions.map((v) => ({
        version: v.version,
        current: v.version === current,
        createdAt: v.createdAt,
        createdBy: v.createdBy,
        widgets: v.config.widgets.map((w) => ({ name: w.name, version: w.version })),
      })),
      events,
    };
  }

  async current(code: string): Promise<PortalVersion & { warnings: PortalWarning[] }> {
    await this.village(code);
    const version = await this.storage.portals.currentVersion(code);
    const portal = version === null ? null : await this.storage.portals.getVersion(code, version);
    if (version === null || !portal) throw noPortal(code);
    const snapshot = await this.storage.portals.getSnapshot(code, version);
    return { ...portal, warnings: snapshot?.warnings ?? [] };
  }

  /**
   * The current snapshot of a village, from the cache when this portal version with this ETag was served
   * before. The key is read from the database on every call, so a save, rollback or refresh made by
   * another instance is served at once; the cache only saves reading and parsing the snapshot itself.
   */
  async snapshot(code: string): Promise<ServedSnapshot> {
    await this.village(code);
    const ref = await this.storage.portals.currentRef(code);
    if (ref === null) throw noPortal(code);
    const key = `${code}@${ref.version}@${ref.etag}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const stored = await this.storage.portals.getSnapshot(code, ref.version);
    if (!stored) throw noPortal(code);
    const served = { ...stored, version: ref.version, assetOrigins: assetOrigins(stored.json) };
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, served);
    return served;
  }
}

function noPortal(code: string) {
  return shellError('SHELL_ERR_NO_PORTAL', `village ${code} has not published a portal yet`, {
    zh: `村 ${code} 尚未发布门户`,
  });
}

/** True when two snapshots differ at most in `generatedAt`. */
function sameContent(json: string, snapshot: PortalSnapshot): boolean {
  const { generatedAt: _a, ...before } = JSON.parse(json) as PortalSnapshot;
  const { generatedAt: _b, ...after } = snapshot;
  return JSON.stringify(before) === JSON.stringify(after);
}

function usageOf(portal: PortalVersion) {
  return {
    village: portal.village,
    widgets: portal.config.widgets.map((w) => ({ name: w.name, version: w.version })),
  };
}

function assetOrigins(json: string): string[] {
  const snapshot = JSON.parse(json) as { widgets: { assetBase: string }[] };
  return [...new Set(snapshot.widgets.map((w) => new URL(w.assetBase).origin))].sort();
}

/**
 * What the composer needs to know of each placed service, from its signed release: the title, whether
 * it is a standard module, what it contributes (the titles of its tile, page and navigation entry),
 * and its config's JSON Schema and defaults — the very schema the shell checks a save against
 * (`resolveWidgets`), so the console's form and its browser-side check use the same one. Releases are
 * immutable: each is read once (a failure is not kept, the next view asks again).
 */
import { type Contribution, type LocalizedText, releaseDocumentSchema } from '@cunmen/manifest';
import type { RegistryClient } from '../portals/registry-client.js';

export interface ServiceInfo {
  name: string;
  version: string;
  kind: 'widget' | 'standard';
  title: LocalizedText;
  contributes: Contribution[];
  configSchema: Record<string, unknown> | null;
  configDefaults: Record<string, unknown> | null;
}

export class ServiceInfoCache {
  private readonly cache = new Map<string, Promise<ServiceInfo | null>>();

  constructor(private readonly registry: Pick<RegistryClient, 'release'> | null) {}

  /** The release's facts, or null when the registry has no approved release or cannot be reached. */
  get(name: string, version: string): Promise<ServiceInfo | null> {
    const key = `${name}@${version}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.read(name, version);
      hit.then((info) => info === null && this.cache.delete(key));
      this.cache.set(key, hit);
    }
    return hit;
  }

  private async read(name: string, version: string): Promise<ServiceInfo | null> {
    if (!this.registry) return null;
    const doc = await this.registry.release(name, version).catch(() => null);
    const parsed = releaseDocumentSchema.safeParse(doc);
    if (!parsed.success) return null;
    const r = parsed.data;
    return {
      name,
      version,
      kind: r.kind === 'standard' ? 'standard' : 'widget',
      title: r.title,
      contributes: r.manifest.contributes,
      configSchema: r.manifest.configSchema ?? null,
      configDefaults: r.manifest.configDefaults ?? null,
    };
  }

  /** The facts of every widget of a config, by name (a widget whose release cannot be read is left out). */
  async forConfig(widgets: readonly { name: string; version: string }[]) {
    const infos = await Promise.all(widgets.map((w) => this.get(w.name, w.version)));
    return Object.fromEntries(infos.filter((i) => i !== null).map((i) => [i.name, i]));
  }
}

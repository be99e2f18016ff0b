/**
 * The composer's work on a village portal, for the console's routes (composer-routes.ts): the view a
 * cadre edits (the draft, else the published portal), saving a draft only once it passes every check a
 * publication makes (resolved like a save, so a config that fails its schema is refused with each
 * problem on its field and nothing is kept), adding a service to the draft the way `portal add` would,
 * the draft's snapshot for the preview, and publishing — an ordinary whole-portal save based on the
 * version the draft started from, so a portal changed meanwhile answers 409 with its changes.
 */
import type { VillageConfig } from '@cunmen/manifest';
import { shellError } from '../errors.js';
import type { DraftConfig, DraftStore, PortalDraft } from '../portals/drafts.js';
import { parseBaseVersion, parseVillageConfig } from '../portals/save-body.js';
import type { PortalService, SaveResult } from '../portals/service.js';
import { addWidget, defaultPlacements } from '../portals/widget-edits.js';
import { pickVersion } from '../portals/widget-ops.js';
import type { ServiceInfo, ServiceInfoCache } from './service-info.js';

export interface ComposerView {
  village: { code: string; name: string };
  /** The current published version, null before the first publication. */
  published: number | null;
  /** The draft's facts, or null when the cadre edits the published portal as it is. */
  draft: { baseVersion: number; updatedAt: string; updatedBy: string } | null;
  /** The version the edited config is based on (a publication must still find it current). */
  baseVersion: number;
  config: DraftConfig;
  /** What each placed service is (title, contributions, config schema), by package name. */
  services: Record<string, ServiceInfo>;
  /** Modules the province or county made mandatory here: shown locked, never removable. */
  mandatory: { package: string; division: string; by: 'province' | 'county' }[];
}

const withoutVersion = ({ version: _v, ...rest }: VillageConfig): DraftConfig => rest;

function noDraft(code: string) {
  return shellError('SHELL_ERR_NOT_FOUND', `village ${code} has no unpublished draft`, {
    zh: '没有未发布的草稿，请先修改门户',
  });
}

export class Composer {
  constructor(
    private readonly portals: PortalService,
    private readonly drafts: DraftStore,
    private readonly info: ServiceInfoCache,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async published(code: string): Promise<VillageConfig | null> {
    const version = await this.portals.storage.portals.currentVersion(code);
    if (version === null) return null;
    return (await this.portals.storage.portals.getVersion(code, version))?.config ?? null;
  }

  async view(code: string): Promise<ComposerView> {
    const village = await this.portals.village(code);
    const [published, draft] = await Promise.all([this.published(code), this.drafts.get(code)]);
    const config = draft?.config ??
      (published ? withoutVersion(published) : null) ?? {
        village: code,
        theme: { elderlyByDefault: false },
        widgets: [],
      };
    return {
      village: { code, name: village.name },
      published: published?.version ?? null,
      draft: draft
        ? { baseVersion: draft.baseVersion, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy }
        : null,
      baseVersion: draft?.baseVersion ?? published?.version ?? 0,
      config,
      services: await this.info.forConfig(config.widgets),
      mandatory: (await this.portals.storage.mandatory.forVillage(code)).map((r) => ({
        package: r.package,
        division: r.division,
        by: r.division.endsWith('0000') ? 'province' : 'county',
      })),
    };
  }

  /** Checks `config` as a publication would and keeps it as the village's draft. */
  private async keep(code: string, base: number, config: VillageConfig, actor: string): Promise<void> {
    const village = await this.portals.village(code);
    await this.portals.checkWrite(code, config);
    await this.portals.assemble(village, config);
    const draft: PortalDraft = {
      village: code,
      baseVersion: base,
      config: withoutVersion(config),
      updatedAt: this.now().toISOString(),
      updatedBy: actor,
    };
    await this.drafts.put(draft);
  }

  /** `PUT …/draft {baseVersion, config}`: the whole draft, checked first. */
  async saveDraft(code: string, body: unknown, actor: string): Promise<ComposerView> {
    await this.portals.village(code);
    const { baseVersion, config } = (body ?? {}) as { baseVersion?: unknown; config?: unknown };
    const base = parseBaseVersion(baseVersion);
    if (base === undefined) {
      throw shellError(
        'SHELL_ERR_BASE_VERSION_REQUIRED',
        'baseVersion: send the published version the draft was started from (0 before the first)',
        { zh: 'baseVersion：请注明草稿依据的已发布版本（首次发布前为 0）', field: 'baseVersion' },
      );
    }
    if (typeof config !== 'object' || config === null || Array.isArray(config)) {
      throw shellError('SHELL_ERR_INVALID_CONFIG', 'config: expected a village config (a JSON object)', {
        zh: 'config：应为村门户配置（JSON 对象）',
        field: 'config',
      });
    }
    const { version: _ignored, ...rest } = config as Record<string, unknown>;
    await this.keep(code, base, parseVillageConfig(code, rest), actor);
    return this.view(code);
  }

  /** `POST …/draft/widgets {name}`: adds a service to the draft as `portal add` adds it to a portal. */
  async addToDraft(code: string, body: unknown, actor: string): Promise<ComposerView> {
    const name = (body as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') {
      throw shellError(
        'SHELL_ERR_BAD_REQUEST',
        'name: expected a package name such as @yiyuan/waste-pickup',
        {
          zh: 'name：应为服务的包名，例如 @yiyuan/waste-pickup',
          field: 'name',
        },
      );
    }
    const view = await this.view(code);
    const version = await pickVersion(this.portals, name, 'latest');
    const info = await this.info.get(name, version);
    if (!info) {
      throw shellError(
        'SHELL_ERR_WIDGET_NOT_APPROVED',
        `name: the registry has no readable approved release of ${name}@${version}`,
        { zh: `name：组件仓库中没有可用的 ${name}@${version}`, field: 'name', widget: name },
      );
    }
    const placements = defaultPlacements(name, info.contributes, { tile: true, nav: true });
    const current = parseVillageConfig(code, view.config as Record<string, unknown>);
    const next = addWidget(current, { name, version, config: {}, placements });
    await this.keep(code, view.baseVersion, next, actor);
    return this.view(code);
  }

  async discard(code: string): Promise<ComposerView> {
    await this.portals.village(code);
    await this.drafts.delete(code);
    return this.view(code);
  }

  /** The snapshot residents would get from the draft (or the published portal), for the preview. */
  async previewSnapshot(code: string): Promise<string> {
    const village = await this.portals.village(code);
    const view = await this.view(code);
    const config = parseVillageConfig(code, view.config as Record<string, unknown>);
    const assembly = await this.portals.assemble(village, config);
    return assembly.build(Math.max(1, view.baseVersion + (view.draft ? 1 : 0))).snapshot.json;
  }

  /** Publishes the draft: a whole-portal save based on the draft's base version. */
  async publish(code: string, actor: string): Promise<SaveResult> {
    await this.portals.village(code);
    const draft = await this.drafts.get(code);
    if (!draft) throw noDraft(code);
    const saved = await this.portals.save(code, { ...draft.config, baseVersion: draft.baseVersion }, actor);
    await this.drafts.delete(code);
    return saved;
  }

  /** One published version's config, for the history's comparison. */
  async version(code: string, version: number) {
    await this.portals.village(code);
    const found = await this.portals.storage.portals.getVersion(code, version);
    if (!found) {
      throw shellError('SHELL_ERR_UNKNOWN_VERSION', `village ${code} has no portal version ${version}`, {
        zh: `本村没有第 ${version} 版门户`,
        field: 'version',
      });
    }
    return {
      version: found.version,
      config: found.config,
      createdAt: found.createdAt,
      createdBy: found.createdBy,
      services: await this.info.forConfig(found.config.widgets),
    };
  }
}

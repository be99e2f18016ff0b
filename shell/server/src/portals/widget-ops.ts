/**
 * The one-widget operations — add, remove, move, configure — for the admin API and the command line.
 * Each is computed on the village's current portal and saved as a new portal version through the same
 * resolution and checks as a whole save (`commitEdit`); with `base` it is refused (409) when the portal
 * changed since. A version range or `latest` is resolved here to the newest approved, non-yanked
 * version whose SDK range accepts this shell.
 */
import {
  type Contribution,
  compareVersions,
  isExactVersion,
  isRange,
  releaseDocumentSchema,
  sdkSatisfies,
} from '@cunmen/manifest';
import { shellError } from '../errors.js';
import { commitEdit } from './commit.js';
import { HOST_SDK } from './host.js';
import { parseVillageConfig } from './save-body.js';
import type { PortalService, SaveResult } from './service.js';
import {
  addWidget,
  configureWidget,
  defaultPlacements,
  type MoveTarget,
  moveWidget,
  notInPortal,
  removeWidget,
} from './widget-edits.js';
import { addWidgetInput, configureWidgetInput, moveWidgetInput, parseInput } from './widget-inputs.js';

/** Who edits which village, on which base (undefined: whatever is current). */
export interface WidgetOpContext {
  village: string;
  actor: string;
  base: number | undefined;
}

/** An exact version for `spec` (`1.2.0`, a range, `latest` or nothing = latest). */
export async function pickVersion(service: PortalService, name: string, spec?: string): Promise<string> {
  const wanted = spec === undefined || spec === 'latest' ? '*' : spec;
  if (isExactVersion(wanted)) return wanted;
  if (!isRange(wanted)) {
    throw shellError('SHELL_ERR_BAD_REQUEST', `version: "${spec}" is not a version, a range or "latest"`, {
      zh: `version："${spec}" 不是版本号、版本范围或 latest`,
      field: 'version',
      widget: name,
    });
  }
  const versions = await service.resolver().registry.versions(name, HOST_SDK);
  // Pre-releases only when the range names one, as npm does.
  const pre = wanted.includes('-');
  const candidates = (versions ?? [])
    .filter((v) => !v.yanked && v.compatible && (pre || !v.version.includes('-')))
    .filter((v) => sdkSatisfies(wanted, v.version))
    .map((v) => v.version)
    .sort(compareVersions);
  const best = candidates[candidates.length - 1];
  if (best) return best;
  const what =
    versions === null
      ? 'has no approved version'
      : `has no approved, non-yanked version matching ${wanted} that accepts @cunmen/sdk ${HOST_SDK}`;
  throw shellError('SHELL_ERR_NO_MATCHING_VERSION', `version: the registry ${what} of ${name}`, {
    zh:
      versions === null
        ? `version：组件仓库中没有 ${name} 的已审核版本`
        : `version：组件仓库中没有 ${name} 符合 ${wanted}、已审核、未撤销且适用于本平台的版本`,
    field: 'version',
    widget: name,
  });
}

/** What a release contributes (for default placements); the full checks come with the save. */
async function contributions(service: PortalService, name: string, version: string): Promise<Contribution[]> {
  const doc = await service.resolver().registry.release(name, version);
  if (doc === null) {
    throw shellError(
      'SHELL_ERR_WIDGET_NOT_APPROVED',
      `version: the registry has no approved release of ${name}@${version}`,
      { zh: `version：组件仓库中没有 ${name}@${version} 的已审核发布`, field: 'version', widget: name },
    );
  }
  const parsed = releaseDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    throw shellError(
      'SHELL_ERR_BAD_SIGNATURE',
      `the registry's release document of ${name}@${version} cannot be read`,
      {
        zh: `组件仓库返回的 ${name}@${version} 发布信息无法读取`,
        field: 'version',
        widget: name,
      },
    );
  }
  return parsed.data.manifest.contributes;
}

const validated = (village: string, config: Parameters<typeof parseVillageConfig>[1]) => {
  const { version: _v, ...rest } = config;
  return parseVillageConfig(village, rest);
};

const emptyPortal = (village: string) => ({
  village,
  version: 1,
  theme: { elderlyByDefault: false },
  widgets: [],
});

export async function addToPortal(
  ctx: WidgetOpContext,
  service: PortalService,
  raw: unknown,
): Promise<SaveResult> {
  const input = parseInput(addWidgetInput, raw);
  const version = await pickVersion(service, input.name, input.version);
  const placements =
    input.placements ??
    defaultPlacements(input.name, await contributions(service, input.name, version), {
      route: input.route,
      tile: input.tile,
      nav: input.nav,
    });
  const entry = { name: input.name, version, config: input.config ?? {}, placements };
  return commitEdit(service, ctx.village, ctx.actor, {
    base: ctx.base,
    baseRequired: false,
    apply: (current) => {
      let config = addWidget(current?.config ?? emptyPortal(ctx.village), entry);
      if (input.position !== undefined) config = moveWidget(config, input.name, { to: input.position });
      return validated(ctx.village, config);
    },
  });
}

export async function removeFromPortal(
  ctx: WidgetOpContext,
  service: PortalService,
  name: string,
): Promise<SaveResult> {
  return commitEdit(service, ctx.village, ctx.actor, {
    base: ctx.base,
    baseRequired: false,
    apply: (current) => {
      if (!current) throw notInPortal(name);
      return removeWidget(current.config, name);
    },
  });
}

export async function moveInPortal(
  ctx: WidgetOpContext,
  service: PortalService,
  name: string,
  raw: unknown,
): Promise<SaveResult> {
  const input = parseInput(moveWidgetInput, raw);
  const target: MoveTarget =
    input.to !== undefined
      ? { to: input.to }
      : input.before !== undefined
        ? { before: input.before }
        : { after: input.after as string };
  return commitEdit(service, ctx.village, ctx.actor, {
    base: ctx.base,
    baseRequired: false,
    apply: (current) => {
      if (!current) throw notInPortal(name);
      return moveWidget(current.config, name, target, input.slots);
    },
  });
}

export async function configureInPortal(
  ctx: WidgetOpContext,
  service: PortalService,
  name: string,
  raw: unknown,
): Promise<SaveResult> {
  const input = parseInput(configureWidgetInput, raw);
  const version = input.version === undefined ? undefined : await pickVersion(service, name, input.version);
  return commitEdit(service, ctx.village, ctx.actor, {
    base: ctx.base,
    baseRequired: false,
    apply: (current) => {
      if (!current) throw notInPortal(name);
      return validated(ctx.village, configureWidget(current.config, name, { ...input, version }));
    },
  });
}

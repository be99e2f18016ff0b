/**
 * Resolve: a village config → the widgets of its portal snapshot. For each widget it fetches the signed
 * release from the registry and checks, in this order, that it is approved, well formed and signed by a
 * trusted province key (the remote entry among the signed assets), not yanked when newly adopted (the
 * one yank policy, `yankAction` of @cunmen/manifest: a pinned yanked version stays, warned), that
 * its SDK range accepts the host SDK, that every placement names a slot/expose/route the widget
 * contributes, and that its config fits the widget's config schema; then that every shared singleton
 * range accepts the host's copy. The first problem refuses the whole assembly, naming the widget and
 * the field; nothing is written before assembly succeeds.
 */
import {
  findSharedConflicts,
  type PortalSnapshot,
  portalSnapshotSchema,
  type ReleaseDocument,
  releaseDocumentSchema,
  type SnapshotWidget,
  sdkSatisfies,
  signedManifest,
  type VillageConfig,
  yankAction,
  yankReason,
} from '@cunmen/manifest';
import { type ShellErrorCode, shellError, withDetails } from '../errors.js';
import { collectionsOf } from '../host-api/visibility.js';
import type { PortalWarning, VillageRecord } from '../storage/types.js';
import { type ConfigProblem, checkConfig, pointerToPath } from './config-schema.js';
import { exposeAssetsOf } from './expose-assets.js';
import { HOST_SDK, HOST_SHARED } from './host.js';
import type { RegistryClient } from './registry-client.js';
import type { KeyProvider } from './trust.js';
import { releaseRefusal } from './verify-release.js';

export interface ResolveDeps {
  registry: Pick<RegistryClient, 'release'>;
  keys: KeyProvider;
  host?: { sdk: string; shared: Readonly<Record<string, string>> };
}

export interface ResolveInput {
  config: VillageConfig;
  /** `name@version` of widgets the village's current portal already uses: a yanked one stays, warned. */
  adopted: ReadonlySet<string>;
}

export interface Resolved {
  widgets: SnapshotWidget[];
  /** The raw base64 pinned province key, which verified every widget. */
  publicKey: string;
  warnings: PortalWarning[];
}

type Widget = VillageConfig['widgets'][number];

function refuse(code: ShellErrorCode, i: number, w: Widget, field: string, en: string, zh: string): never {
  const id = `${w.name}@${w.version}`;
  const path = `widgets[${i}]${field}`;
  throw shellError(code, `${path} ${id}: ${en}`, { zh: `${path} ${id}：${zh}`, widget: w.name, field: path });
}

/**
 * Refuses a config that does not fit the widget's schema, listing every problem: the body's `field` is
 * the first, `problems` has each with its field, `message` names the widget as the cadre knows it.
 */
function refuseConfig(i: number, w: Widget, title: string, problems: readonly ConfigProblem[]): never {
  const id = `${w.name}@${w.version}`;
  const fieldOf = (p: ConfigProblem) => `widgets[${i}].config${pointerToPath(p.pointer)}`;
  const listed = problems.map((p) => ({ field: fieldOf(p), error: p.en, message: p.zh }));
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  throw withDetails(
    shellError(
      'SHELL_ERR_WIDGET_CONFIG_INVALID',
      `widgets[${i}].config ${id}: ${count}: ${listed.map((p) => p.error).join('; ')}`,
      {
        zh: `组件“${title}”（${id}）的配置有 ${problems.length} 处需要修改：${listed.map((p) => p.message).join('；')}`,
        widget: w.name,
        field: fieldOf(problems[0] as ConfigProblem),
      },
    ),
    { problems: listed },
  );
}

export async function resolveWidgets(deps: ResolveDeps, input: ResolveInput): Promise<Resolved> {
  const host = deps.host ?? { sdk: HOST_SDK, shared: HOST_SHARED };
  const { widgets } = input.config;
  const answers = await Promise.allSettled(widgets.map((w) => deps.registry.release(w.name, w.version)));
  const out: SnapshotWidget[] = [];
  const warnings: PortalWarning[] = [];
  const shared: { id: string; index: number; shared: Record<string, string> }[] = [];
  const pageRoutes = new Map<string, number>();

  for (const [i, w] of widgets.entries()) {
    const answer = answers[i] as PromiseSettledResult<unknown>;
    if (answer.status === 'rejected') throw answer.reason;
    if (answer.value === null) {
      refuse(
        'SHELL_ERR_WIDGET_NOT_APPROVED',
        i,
        w,
        '.version',
        'the registry has no approved release of this version (not published, pending review, rejected or unpublished)',
        '组件仓库中没有该版本的已审核发布（未发布、待审核、已驳回或已撤回）',
      );
    }
    const parsed = releaseDocumentSchema.safeParse(answer.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || '(document)';
      refuse(
        'SHELL_ERR_BAD_SIGNATURE',
        i,
        w,
        '.version',
        `the registry's release document cannot be verified (${where}: ${issue?.message ?? 'invalid'})`,
        `组件仓库返回的发布信息无法验证（${where}：${issue?.message ?? '无效'}）`,
      );
    }
    const r: ReleaseDocument = parsed.data;
    const rawManifest = (answer.value as { manifest: Record<string, unknown> }).manifest;
    const refusal = await releaseRefusal(deps.keys, w, r, rawManifest);
    if (refusal) refuse('SHELL_ERR_BAD_SIGNATURE', i, w, '.version', refusal.en, refusal.zh);

    const id = `${w.name}@${w.version}`;
    const yank = yankAction(r.yanked, input.adopted.has(id) ? 'pinned' : 'adopt');
    if (r.yanked && yank !== 'serve') {
      const [en, zh] = [yankReason(r.yanked), yankReason(r.yanked, 'zh')];
      if (yank === 'refuse') {
        refuse(
          'SHELL_ERR_WIDGET_YANKED',
          i,
          w,
          '.version',
          `this version was yanked (${en}); choose another version`,
          `该版本已被撤销（${zh}），请选择其他版本`,
        );
      }
      warnings.push({
        code: 'SHELL_WARN_YANKED',
        widget: w.name,
        en: `${id} was yanked after this portal adopted it (${en}); choose another version soon`,
        zh: `${id} 在本门户采用后被撤销（${zh}），请尽快更换版本`,
      });
    }
    if (!sdkSatisfies(r.manifest.sdk, host.sdk)) {
      refuse(
        'SHELL_ERR_SDK_CONFLICT',
        i,
        w,
        '.version',
        `needs SDK ${r.manifest.sdk} but this shell provides @cunmen/sdk ${host.sdk}`,
        `需要 SDK ${r.manifest.sdk}，本平台提供的是 @cunmen/sdk ${host.sdk}`,
      );
    }
    shared.push({ id, index: i, shared: r.manifest.shared });

    const placements = w.placements.map((p, j) => {
      const at = `.placements[${j}]`;
      const offered = r.manifest.contributes;
      let candidates = offered.filter((c) => c.slot === p.slot);
      if (candidates.length === 0) {
        const slots = [...new Set(offered.map((c) => c.slot))].join(', ');
        refuse(
          'SHELL_ERR_UNKNOWN_SLOT',
          i,
          w,
          `${at}.slot`,
          `contributes nothing to ${p.slot} (it contributes to ${slots})`,
          `没有为插槽 ${p.slot} 提供内容（它提供的插槽：${slots}）`,
        );
      }
      if (p.expose !== undefined) {
        const exposes = candidates.map((c) => c.expose).filter((e) => e !== undefined);
        candidates = candidates.filter((c) => c.expose === p.expose);
        if (candidates.length === 0) {
          refuse(
            'SHELL_ERR_UNKNOWN_EXPOSE',
            i,
            w,
            `${at}.expose`,
            `exposes no "${p.expose}" for ${p.slot} (it has ${exposes.join(', ') || 'none'})`,
            `没有为 ${p.slot} 暴露 "${p.expose}"（已有：${exposes.join('、') || '无'}）`,
          );
        }
      }
      if (p.route !== undefined) {
        const routes = candidates.map((c) => c.route).filter((e) => e !== undefined);
        candidates = candidates.filter((c) => c.route === p.route);
        if (candidates.length === 0) {
          refuse(
            'SHELL_ERR_UNKNOWN_ROUTE',
            i,
            w,
            `${at}.route`,
            `has no route "${p.route}" in ${p.slot} (it has ${routes.join(', ') || 'none'})`,
            `在 ${p.slot} 中没有路由 "${p.route}"（已有：${routes.join('、') || '无'}）`,
          );
        }
      }
      const match = candidates[0] as (typeof candidates)[number];
      const route = p.route ?? match.route;
      if (p.slot === 'village.page/v1' && route !== undefined) {
        const other = pageRoutes.get(route);
        if (other !== undefined) {
          refuse(
            'SHELL_ERR_INVALID_CONFIG',
            i,
            w,
            `${at}.route`,
            `page route "${route}" is already used by widgets[${other}]`,
            `页面路由 "${route}" 已被 widgets[${other}] 使用`,
          );
        }
        pageRoutes.set(route, i);
      }
      return {
        slot: p.slot,
        expose: p.expose ?? match.expose,
        route,
        order: p.order,
        title: match.title ?? r.title,
        icon: match.icon,
      };
    });

    const config = { ...(r.manifest.configDefaults ?? {}), ...w.config };
    if (r.manifest.configSchema !== null) {
      const problems = checkConfig(id, r.manifest.configSchema, config);
      if (problems.length > 0) refuseConfig(i, w, r.title['zh-CN'], problems);
    } else if (Object.keys(w.config).length > 0) {
      refuse(
        'SHELL_ERR_WIDGET_CONFIG_INVALID',
        i,
        w,
        '.config',
        'this widget takes no config; leave "config" empty',
        '该组件没有配置项，"config" 应为空',
      );
    }

    out.push({
      name: w.name,
      version: w.version,
      kind: r.kind,
      title: r.title,
      remote: { name: r.remote.name, entry: r.remote.entry, entryIntegrity: r.remote.entryIntegrity },
      assets: r.assets,
      assetBase: r.assetBase,
      ...exposeAssetsOf(r.manifest, r.assets),
      capabilities: r.capabilities,
      ...collectionsOf(r.manifest),
      signature: r.signature,
      manifest: { ...signedManifest(rawManifest) },
      config,
      placements,
      deprecated: r.deprecated,
      yanked: r.yanked,
    });
    if (r.deprecated !== null) {
      warnings.push({
        code: 'SHELL_WARN_DEPRECATED',
        widget: w.name,
        en: `${id} is deprecated: ${r.deprecated}`,
        zh: `${id} 已不推荐使用：${r.deprecated}`,
      });
    }
  }

  const conflicts = findSharedConflicts(host.shared, shared);
  const conflict = conflicts[0];
  if (conflict) {
    const [asker, range] = Object.entries(conflict.requested)[0] as [string, string];
    const entry = shared.find((s) => s.id === asker) as (typeof shared)[number];
    refuse(
      'SHELL_ERR_SHARED_CONFLICT',
      entry.index,
      widgets[entry.index] as Widget,
      '.version',
      `needs shared ${conflict.dependency} ${range} but the shell provides one copy, ${conflict.provided}`,
      `需要共享依赖 ${conflict.dependency} ${range}，而本平台只提供一个版本 ${conflict.provided}`,
    );
  }
  return { widgets: out, publicKey: (await deps.keys.current()).raw, warnings };
}

export interface SnapshotInput {
  village: VillageRecord;
  config: VillageConfig;
  resolved: Resolved;
  generatedAt?: Date;
}

/** The portal snapshot of one portal version, validated against `portalSnapshotSchema`. */
export function buildSnapshot(
  input: SnapshotInput,
  host = { sdk: HOST_SDK, shared: HOST_SHARED },
): PortalSnapshot {
  const { village, config, resolved } = input;
  const snapshot: PortalSnapshot = {
    schemaVersion: 1,
    village: {
      code: village.code,
      name: village.name,
      ...(village.township ? { township: village.township.name } : {}),
      ...(village.county ? { county: village.county.name } : {}),
    },
    portalVersion: config.version,
    generatedAt: (input.generatedAt ?? new Date()).toISOString(),
    host: { sdk: host.sdk, shared: { ...host.shared } },
    publicKey: resolved.publicKey || 'none',
    theme: config.theme,
    widgets: resolved.widgets,
  };
  return portalSnapshotSchema.parse(snapshot);
}

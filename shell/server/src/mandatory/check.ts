/**
 * The rule portal writes enforce: every module a rule makes mandatory for the village stays in its
 * portal. Checked on every write that stores a config (a save, a one-widget edit, a draft, a rollback),
 * not on the background refresh, so a rule added later never breaks a portal residents are using; the
 * village's next edit must then include the module.
 */
import type { VillageConfig } from '@cunmen/manifest';
import { shellError } from '../errors.js';
import type { MandatoryRule } from './store.js';

/** Who made the rule, as a cadre says it. */
export function ruleOwner(rule: MandatoryRule): { en: string; zh: string } {
  return rule.division.endsWith('0000')
    ? { en: 'the province', zh: '省里' }
    : { en: 'the county', zh: '县里' };
}

/** What the check needs to know of the village's current portal: its services' titles by package. */
export type CurrentTitles = ReadonlyMap<string, string>;

/**
 * Throws SHELL_ERR_MANDATORY_MODULE for the first mandatory package `config` lacks: "cannot be removed"
 * when the current portal has it, "must be added" when it never had it.
 */
export function checkMandatory(
  rules: readonly MandatoryRule[],
  config: VillageConfig,
  current: CurrentTitles,
): void {
  const placed = new Set(config.widgets.map((w) => w.name));
  const missing = rules.find((rule) => !placed.has(rule.package));
  if (!missing) return;
  const owner = ruleOwner(missing);
  const title = current.get(missing.package);
  const rule = `a rule of ${owner.en}, division ${missing.division}`;
  if (title !== undefined) {
    throw shellError(
      'SHELL_ERR_MANDATORY_MODULE',
      `widgets: ${missing.package} is mandatory in this village (${rule}); a portal cannot remove it`,
      {
        zh: `“${title}”（${missing.package}）是${owner.zh}规定每个村门户都必须有的服务，不能移除`,
        field: 'widgets',
        widget: missing.package,
      },
    );
  }
  throw shellError(
    'SHELL_ERR_MANDATORY_MODULE',
    `widgets: ${missing.package} is mandatory in this village (${rule}); add it to the portal first`,
    {
      zh: `${missing.package} 是${owner.zh}规定每个村门户都必须有的服务，请先把它加入门户`,
      field: 'widgets',
      widget: missing.package,
    },
  );
}

/**
 * Reuse statistics: the shell reports which widgets each village portal uses after every assembly,
 * and anyone can read, per package, how many villages and counties use each version.
 */
import { regError } from '../errors.js';
import type { Storage, User } from '../storage/types.js';
import { recordActivity } from './actor.js';
import type { UsageReport } from './catalog-schemas.js';

/** Only a province token (the shell's) may report what portals use. */
export function requireReporter(user: User): void {
  if (user.role !== 'usage-reporter' && user.role !== 'province') {
    throw regError(
      'REG_ERR_FORBIDDEN',
      `only a usage-reporter token (the shell's) can report portal usage; "${user.name}" is a ${user.role} user`,
    );
  }
}

/** Replaces what one village portal uses; refuses (changing nothing) if any widget is not approved. */
export async function reportUsage(storage: Storage, actor: { user: User; ip?: string }, report: UsageReport) {
  requireReporter(actor.user);
  const result = await storage.catalog.reportPortal(report.village, report.widgets);
  if (!result.ok) {
    const problems = result.rejected.map((r) => {
      const index = report.widgets.findIndex((w) => w.name === r.name && w.version === r.version);
      const state =
        r.status === 'missing'
          ? 'has not been published'
          : `is ${r.status === 'pending' ? 'pending review' : r.status}`;
      return { field: `widgets.${index}`, text: `widgets.${index} ${r.name}@${r.version} ${state}` };
    });
    throw regError(
      'REG_ERR_NOT_APPROVED',
      `a portal can only use approved versions: ${problems.map((p) => p.text).join('; ')}; the previous report is unchanged`,
      { field: problems[0]?.field },
    );
  }
  // Usage is not part of a catalog entry (reuse is counted when read), so nothing is reindexed.
  await recordActivity(storage, actor, {
    action: 'portal.usage',
    subject: `village:${report.village}`,
    detail: { widgets: report.widgets.map((w) => `${w.name}@${w.version}`) },
  });
  const { reportedAt } = result;
  return {
    village: report.village,
    county: report.village.slice(0, 6),
    widgets: report.widgets.length,
    reportedAt,
  };
}

export async function packageUsage(storage: Storage, name: string) {
  if ((await storage.packages.listVersions(name, 'approved')).length === 0) {
    throw regError('REG_ERR_NOT_FOUND', `package ${name} not found in the catalog`);
  }
  return { name, reuse: await storage.catalog.reuse(name), versions: await storage.catalog.usage(name) };
}

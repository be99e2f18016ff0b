/**
 * Every portal write — a whole save or a one-widget operation — goes through `commitEdit`: read the
 * current portal, compute the new config from it, resolve and check it exactly like a save, and store it
 * only if the current version is still the one it was computed on (checked inside the write
 * transaction). With a base version from the client, a different current version is a 409 saying what
 * changed; without one (a one-widget operation), the edit is computed again on the newer portal, so two
 * cadres adding two widgets at once both land and neither is lost.
 */
import type { VillageConfig } from '@cunmen/manifest';
import { shellError } from '../errors.js';
import { StalePortalError } from '../storage/types.js';
import { droppedWarnings, type NamedWidget, staleRefusal } from './changes.js';
import type { PortalService, SaveResult } from './service.js';

/** The village's current portal, as an edit starts from it. */
export interface CurrentPortal {
  version: number;
  config: VillageConfig;
  /** Its widgets as the stored snapshot names them (titles, kind). */
  widgets: NamedWidget[];
}

export interface Edit {
  /** The version the client edited; undefined: whatever is current when the edit runs. */
  base: number | undefined;
  /** Refuse a write without a base when the village has a portal (whole-portal saves). */
  baseRequired: boolean;
  /** The new config, computed from the current portal (null: the village has none yet). */
  apply(current: CurrentPortal | null): Promise<VillageConfig> | VillageConfig;
}

/** Races lost before an edit without a base gives up (each retry recomputes on the newer portal). */
const ATTEMPTS = 5;

async function currentPortal(service: PortalService, code: string): Promise<CurrentPortal | null> {
  const portals = service.storage.portals;
  const version = await portals.currentVersion(code);
  if (version === null) return null;
  const [portal, snapshot] = await Promise.all([
    portals.getVersion(code, version),
    portals.getSnapshot(code, version),
  ]);
  if (!portal) return null;
  const widgets = snapshot ? (JSON.parse(snapshot.json) as { widgets: NamedWidget[] }).widgets : [];
  return { version, config: portal.config, widgets };
}

function checkBase(code: string, edit: Edit, current: CurrentPortal | null): void {
  if (edit.base !== undefined || !edit.baseRequired || current === null) return;
  throw shellError(
    'SHELL_ERR_BASE_VERSION_REQUIRED',
    `baseVersion: village ${code} has portal version ${current.version}; send the version your config was edited from as baseVersion (--base on the command line), so a newer save is not overwritten`,
    {
      zh: `baseVersion：本村门户当前为第 ${current.version} 版，请注明您的修改依据哪一版（命令行用 --base），以免覆盖他人较新的修改`,
      field: 'baseVersion',
    },
  );
}

export async function commitEdit(
  service: PortalService,
  code: string,
  actor: string,
  edit: Edit,
): Promise<SaveResult> {
  const village = await service.village(code);
  const portals = service.storage.portals;
  for (let attempt = 1; ; attempt++) {
    const current = await currentPortal(service, code);
    checkBase(code, edit, current);
    if (edit.base !== undefined && edit.base !== (current?.version ?? 0)) {
      throw await staleRefusal(portals, code, edit.base, current);
    }
    const config = await edit.apply(current);
    await service.checkWrite(code, config);
    const assembly = await service.assemble(village, config);
    let etag = '';
    try {
      const saved = await portals.savePortal({
        village: code,
        actor,
        expectCurrent: current?.version ?? null,
        build: (version) => {
          const built = assembly.build(version);
          etag = built.snapshot.etag;
          return built;
        },
      });
      await service.recordUsage(saved);
      const dropped = droppedWarnings(current?.widgets ?? [], config);
      return { village: code, version: saved.version, etag, warnings: [...dropped, ...assembly.warnings] };
    } catch (err) {
      if (!(err instanceof StalePortalError)) throw err;
      if (edit.base !== undefined || attempt >= ATTEMPTS) {
        const now = await currentPortal(service, code);
        throw await staleRefusal(portals, code, edit.base ?? current?.version ?? 0, now);
      }
    }
  }
}

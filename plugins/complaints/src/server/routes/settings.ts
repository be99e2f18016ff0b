/** `GET/PUT /settings`: time limits and weights per province or county. */
import { callerOf, type ModuleUser, parseInput, userOf } from '@cunmen/module-api';
import { z } from 'zod';
import {
  complaintsErrors,
  countyOf,
  DEFAULT_SETTINGS,
  levelOf,
  type SettingsAnswer,
  settingsSchema,
  within,
} from '../../common/index.js';
import { readerOf, roleError } from '../access.js';
import type { ComplaintsRoute } from '../context.js';
import { settingsFor } from '../store.js';

const settingsQuery = z.object({ division: z.string().optional() });

/** The province or county whose settings are meant: the one asked for, else the user's own. */
function settingsDivision(user: ModuleUser, requested: string | undefined): string {
  const division =
    requested ?? (levelOf(user.division) === 'province' ? user.division : countyOf(user.division));
  const level = levelOf(division);
  if (level !== 'province' && level !== 'county') {
    throw complaintsErrors.error('COMPLAINTS_ERR_DIVISION', {
      en: 'division: settings live at a province or county',
      zh: '时限和权重按省或县（区）设置',
      field: 'division',
    });
  }
  return division;
}

export const settingsRoutes: ComplaintsRoute[] = [
  {
    method: 'GET',
    url: '/settings',
    async handler(c, request): Promise<SettingsAnswer> {
      const user = readerOf(request);
      const q = parseInput(settingsQuery, request.query, 'query');
      const division = settingsDivision(user, q.division);
      if (!within(user.division, division) && !within(division, user.division)) {
        throw complaintsErrors.error('COMPLAINTS_ERR_NOT_YOUR_UNIT', {
          en: `${user.division} may not read settings of ${division}`,
          zh: '这个地区不在您的辖区内',
        });
      }
      const s = await settingsFor(c, division);
      return {
        division,
        source: s.source,
        settings: s.settings,
        defaults: DEFAULT_SETTINGS,
        updatedAt: s.source === 'division' ? (s.row?.updated_at ?? null) : null,
        updatedBy: s.source === 'division' ? (s.row?.updated_by ?? null) : null,
      };
    },
  },
  {
    method: 'PUT',
    url: '/settings',
    async handler(c, request): Promise<SettingsAnswer> {
      const caller = callerOf(request);
      const user = userOf(request);
      if (user.role !== 'province-maintainer' && user.role !== 'county-admin') {
        throw roleError(`role ${user.role} may not change the time limits`);
      }
      const q = parseInput(settingsQuery, request.query, 'query');
      const division = settingsDivision(user, q.division);
      if (!within(user.division, division)) {
        throw complaintsErrors.error('COMPLAINTS_ERR_NOT_YOUR_UNIT', {
          en: `${user.division} may not change settings of ${division}`,
          zh: '只能修改本辖区的设置',
        });
      }
      const settings = parseInput(settingsSchema, request.body);
      const now = c.nowIso();
      const values = { settings: JSON.stringify(settings), updated_at: now, updated_by: user.name };
      await c.db
        .insertInto('complaints_settings')
        .values({ division, ...values })
        .onConflict((oc) => oc.column('division').doUpdateSet(values))
        .execute();
      await c.audit.append({
        actor: user.name,
        action: 'settings.update',
        subject: `settings:${division}`,
        detail: { settings },
        ip: caller.ip,
      });
      return {
        division,
        source: 'division',
        settings,
        defaults: DEFAULT_SETTINGS,
        updatedAt: now,
        updatedBy: user.name,
      };
    },
  },
];

import { callerOf, type ModuleUser, moduleError, parseInput, userOf } from '@cunmen/module-api';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  countyOf,
  DEFAULT_SETTINGS,
  levelOf,
  type SettingsAnswer,
  settingsSchema,
  within,
} from '../common/index.js';
import { type ComplaintsOptions, readerOf, roleError, type Services } from './services.js';

/** `GET/PUT /settings`: time limits and weights per province or county. */
export async function settingsRoutes(
  app: FastifyInstance,
  s: Services,
  _options: ComplaintsOptions,
): Promise<void> {
  const { ctx, db, nowIso, settingsFor } = s;
  /* ------------------------------------------------------------ settings */

  const settingsQuery = z.object({ division: z.string().optional() });

  function settingsDivision(user: ModuleUser, requested: string | undefined): string {
    const division =
      requested ?? (levelOf(user.division) === 'province' ? user.division : countyOf(user.division));
    const level = levelOf(division);
    if (level !== 'province' && level !== 'county') {
      throw moduleError(
        400,
        'COMPLAINTS_ERR_DIVISION',
        'division: settings live at a province or county',
        '时限和权重按省或县（区）设置',
        'division',
      );
    }
    return division;
  }

  app.get('/settings', async (request) => {
    const user = readerOf(request);
    const q = parseInput(settingsQuery, request.query, 'query');
    const division = settingsDivision(user, q.division);
    if (!within(user.division, division) && !within(division, user.division)) {
      throw moduleError(
        403,
        'COMPLAINTS_ERR_NOT_YOUR_UNIT',
        `${user.division} may not read settings of ${division}`,
        '这个地区不在您的辖区内',
      );
    }
    const s = await settingsFor(division);
    const answer: SettingsAnswer = {
      division,
      source: s.source,
      settings: s.settings,
      defaults: DEFAULT_SETTINGS,
      updatedAt: s.source === 'division' ? (s.row?.updated_at ?? null) : null,
      updatedBy: s.source === 'division' ? (s.row?.updated_by ?? null) : null,
    };
    return answer;
  });

  app.put('/settings', async (request) => {
    const caller = callerOf(request);
    const user = userOf(request);
    if (user.role !== 'province-maintainer' && user.role !== 'county-admin') {
      throw roleError(`role ${user.role} may not change the time limits`);
    }
    const q = parseInput(settingsQuery, request.query, 'query');
    const division = settingsDivision(user, q.division);
    if (!within(user.division, division)) {
      throw moduleError(
        403,
        'COMPLAINTS_ERR_NOT_YOUR_UNIT',
        `${user.division} may not change settings of ${division}`,
        '只能修改本辖区的设置',
      );
    }
    const settings = parseInput(settingsSchema, request.body);
    const now = nowIso();
    const existing = await db
      .selectFrom('complaints_settings')
      .select('division')
      .where('division', '=', division)
      .executeTakeFirst();
    const values = { settings: JSON.stringify(settings), updated_at: now, updated_by: user.name };
    if (existing)
      await db.updateTable('complaints_settings').set(values).where('division', '=', division).execute();
    else
      await db
        .insertInto('complaints_settings')
        .values({ division, ...values })
        .execute();
    await ctx.audit.append({
      actor: user.name,
      action: 'settings.update',
      subject: `settings:${division}`,
      detail: { settings },
      ip: caller.ip,
    });
    const answer: SettingsAnswer = {
      division,
      source: 'division',
      settings,
      defaults: DEFAULT_SETTINGS,
      updatedAt: now,
      updatedBy: user.name,
    };
    return answer;
  });
}

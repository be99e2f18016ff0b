import { callerOf, moduleError, parseInput } from '@cunmen/module-api';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  type BoardAnswer,
  type Category,
  computeMetrics,
  isPeriodError,
  levelOf,
  type MetricCase,
  type MetricsAnswer,
  monthsOf,
  parsePeriod,
  prefixOf,
  type Rating,
  type Status,
  within,
} from '../common/index.js';
import { maskText } from './mask.js';
import type { CaseRow } from './rows.js';
import { type ComplaintsOptions, readerOf, type Services } from './services.js';

/** `GET /metrics` (staff, by division and period) and `GET /board` (public, masked, no identity). */
export async function reportRoutes(
  app: FastifyInstance,
  s: Services,
  _options: ComplaintsOptions,
): Promise<void> {
  const { ctx, db, nowIso, divisionName, settingsFor, sweep } = s;
  /* ------------------------------------------------------------ metrics */

  const metricsQuery = z.object({
    division: z
      .string()
      .regex(/^\d{6}$|^\d{9}$|^\d{12}$/, 'a 6-, 9- or 12-digit division code')
      .optional(),
    period: z.string().max(10).optional(),
    from: z.string().max(10).optional(),
    to: z.string().max(10).optional(),
  });

  function metricCase(r: CaseRow): MetricCase {
    return {
      acceptDue: r.accept_due,
      acceptedAt: r.accepted_at,
      closedAt: r.closed_at,
      resolved: r.resolved === null ? null : r.resolved === 1,
      rating: r.rating as Rating | null,
    };
  }

  app.get('/metrics', async (request) => {
    const caller = callerOf(request);
    const user = readerOf(request);
    const q = parseInput(metricsQuery, request.query, 'query');
    const division = q.division ?? (levelOf(user.division) === 'village' ? user.division : caller.village);
    const level = levelOf(division);
    if (level === null || level === 'city') {
      throw moduleError(
        400,
        'COMPLAINTS_ERR_DIVISION',
        'division: a village, township, county or province code',
        '请选择村、乡镇、县（区）或省',
        'division',
      );
    }
    if (!within(user.division, division)) {
      throw moduleError(
        403,
        'COMPLAINTS_ERR_NOT_YOUR_UNIT',
        `${user.division} does not cover ${division}`,
        '这个地区不在您的辖区内',
      );
    }
    const info = await ctx.divisions.get(division);
    if (!info)
      throw moduleError(
        404,
        'COMPLAINTS_ERR_DIVISION',
        `division: no such division ${division}`,
        '没有这个地区',
        'division',
      );
    const period = parsePeriod(q, nowIso());
    if (isPeriodError(period))
      throw moduleError(400, 'COMPLAINTS_ERR_PERIOD', period.en, period.zh, period.field);
    const prefix = prefixOf(division);
    await sweep(prefix);
    const { settings } = await settingsFor(division);
    const rows: CaseRow[] = await db
      .selectFrom('complaints_case')
      .selectAll()
      .where('village', 'like', `${prefix}%`)
      .where('submitted_at', '>=', period.from)
      .where('submitted_at', '<', period.to)
      .execute();
    const childLength = level === 'province' ? 6 : level === 'county' ? 9 : level === 'township' ? 12 : 0;
    const children: MetricsAnswer['children'] = [];
    if (childLength) {
      const villages = await ctx.divisions.villages(prefix);
      const codes = [
        ...new Set(
          [...villages.map((v) => v.code), ...rows.map((r) => r.village)].map((c) => c.slice(0, childLength)),
        ),
      ].sort();
      for (const code of codes) {
        children.push({
          division: code,
          name: await divisionName(code),
          metrics: computeMetrics(
            rows.filter((r) => r.village.startsWith(code)).map(metricCase),
            settings.weights,
          ),
        });
      }
    }
    const months = monthsOf(period).map((m) => ({
      month: m.month,
      metrics: computeMetrics(
        rows.filter((r) => r.submitted_at >= m.from && r.submitted_at < m.to).map(metricCase),
        settings.weights,
      ),
    }));
    const answer: MetricsAnswer = {
      division,
      name: info.name,
      from: period.from,
      to: period.to,
      weights: settings.weights,
      totals: computeMetrics(rows.map(metricCase), settings.weights),
      children,
      months,
    };
    return answer;
  });

  /* ------------------------------------------------------------ public board */

  const boardQuery = z.object({ village: z.string().optional() });

  app.get('/board', async (request) => {
    const q = parseInput(boardQuery, request.query, 'query');
    const village = q.village ?? request.moduleCaller?.village;
    if (!village || levelOf(village) !== 'village') {
      throw moduleError(
        400,
        'COMPLAINTS_ERR_VILLAGE',
        'village: a 12-digit village code',
        '请指定村（12 位区划代码）',
        'village',
      );
    }
    const info = await ctx.divisions.get(village);
    if (!info)
      throw moduleError(
        404,
        'COMPLAINTS_ERR_VILLAGE',
        `village: no such village ${village}`,
        '没有这个村',
        'village',
      );
    const rows: CaseRow[] = await db
      .selectFrom('complaints_case')
      .selectAll()
      .where('village', '=', village)
      .where('is_public', '=', 1)
      .where('replied_at', 'is not', null)
      .orderBy('replied_at', 'desc')
      .limit(50)
      .execute();
    const now = nowIso();
    const yearStart = parsePeriod(
      { period: String(new Date(new Date(now).getTime() + 8 * 3600_000).getUTCFullYear()) },
      now,
    );
    const { settings } = await settingsFor(village);
    const year: CaseRow[] = isPeriodError(yearStart)
      ? []
      : await db
          .selectFrom('complaints_case')
          .selectAll()
          .where('village', '=', village)
          .where('submitted_at', '>=', yearStart.from)
          .where('submitted_at', '<', yearStart.to)
          .execute();
    const answer: BoardAnswer = {
      village,
      villageName: info.name,
      items: rows.map((r) => ({
        tracking: r.tracking,
        category: r.category as Category,
        receivedAt: r.submitted_at,
        answeredAt: r.replied_at as string,
        answerUnit: r.answer_unit ?? '',
        text: maskText(r.text),
        answer: maskText(r.answer ?? ''),
        rating: r.rating as Rating | null,
        status: r.status as Status,
      })),
      metrics: computeMetrics(year.map(metricCase), settings.weights),
    };
    return answer;
  });
}

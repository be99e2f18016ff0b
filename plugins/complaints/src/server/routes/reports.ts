/** `GET /metrics` (staff, by division and period) and `GET /board` (public, masked, no identity). */
import { callerOf, parseInput } from '@cunmen/module-api';
import { z } from 'zod';
import {
  type BoardAnswer,
  type Category,
  complaintsErrors,
  computeMetrics,
  isPeriodError,
  levelOf,
  type MetricsAnswer,
  monthsOf,
  parsePeriod,
  prefixOf,
  type Rating,
  type Status,
  unknownDivision,
  within,
} from '../../common/index.js';
import { readerOf } from '../access.js';
import type { ComplaintsRoute } from '../context.js';
import { maskText } from '../mask.js';
import { type CaseRow, metricCase } from '../rows.js';
import { divisionName, settingsFor } from '../store.js';
import { sweep } from '../sweep.js';

const metricsQuery = z.object({
  division: z
    .string()
    .regex(/^\d{6}$|^\d{9}$|^\d{12}$/, 'a 6-, 9- or 12-digit division code')
    .optional(),
  period: z.string().max(10).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
});

const boardQuery = z.object({ village: z.string().optional() });

/** The code length one level below: a province's counties, a county's townships, a township's villages. */
const CHILD_LENGTH = { province: 6, county: 9, township: 12, village: 0 } as const;

export const reportRoutes: ComplaintsRoute[] = [
  {
    method: 'GET',
    url: '/metrics',
    async handler(c, request): Promise<MetricsAnswer> {
      const caller = callerOf(request);
      const user = readerOf(request);
      const q = parseInput(metricsQuery, request.query, 'query');
      const division = q.division ?? (levelOf(user.division) === 'village' ? user.division : caller.village);
      const level = levelOf(division);
      if (level === null || level === 'city') {
        throw complaintsErrors.error('COMPLAINTS_ERR_DIVISION', {
          en: 'division: a village, township, county or province code',
          zh: '请选择村、乡镇、县（区）或省',
          field: 'division',
        });
      }
      if (!within(user.division, division)) {
        throw complaintsErrors.error('COMPLAINTS_ERR_NOT_YOUR_UNIT', {
          en: `${user.division} does not cover ${division}`,
          zh: '这个地区不在您的辖区内',
        });
      }
      const info = await c.divisions.get(division);
      if (!info) {
        throw unknownDivision('COMPLAINTS_ERR_DIVISION', {
          en: `division: no such division ${division}`,
          zh: '没有这个地区',
          field: 'division',
        });
      }
      const period = parsePeriod(q, c.nowIso());
      if (isPeriodError(period)) throw complaintsErrors.error('COMPLAINTS_ERR_PERIOD', period);
      const prefix = prefixOf(division);
      await sweep(c, prefix);
      const { settings } = await settingsFor(c, division);
      const rows: CaseRow[] = await c.db
        .selectFrom('complaints_case')
        .selectAll()
        .where('village', 'like', `${prefix}%`)
        .where('submitted_at', '>=', period.from)
        .where('submitted_at', '<', period.to)
        .execute();
      const childLength = CHILD_LENGTH[level];
      const children: MetricsAnswer['children'] = [];
      if (childLength) {
        const villages = await c.divisions.villages(prefix);
        const codes = [
          ...new Set(
            [...villages.map((v) => v.code), ...rows.map((r) => r.village)].map((v) =>
              v.slice(0, childLength),
            ),
          ),
        ].sort();
        for (const code of codes) {
          children.push({
            division: code,
            name: await divisionName(c, code),
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
      return {
        division,
        name: info.name,
        from: period.from,
        to: period.to,
        weights: settings.weights,
        totals: computeMetrics(rows.map(metricCase), settings.weights),
        children,
        months,
      };
    },
  },
  {
    method: 'GET',
    url: '/board',
    async handler(c, request): Promise<BoardAnswer> {
      const q = parseInput(boardQuery, request.query, 'query');
      const village = q.village ?? request.moduleCaller?.village;
      if (!village || levelOf(village) !== 'village') {
        throw complaintsErrors.error('COMPLAINTS_ERR_VILLAGE', { field: 'village' });
      }
      const info = await c.divisions.get(village);
      if (!info) {
        throw unknownDivision('COMPLAINTS_ERR_VILLAGE', {
          en: `village: no such village ${village}`,
          zh: '没有这个村',
          field: 'village',
        });
      }
      const rows: CaseRow[] = await c.db
        .selectFrom('complaints_case')
        .selectAll()
        .where('village', '=', village)
        .where('is_public', '=', 1)
        .where('replied_at', 'is not', null)
        .orderBy('replied_at', 'desc')
        .orderBy('tracking', 'desc')
        .limit(50)
        .execute();
      const now = c.nowIso();
      const thisYear = parsePeriod(
        { period: String(new Date(new Date(now).getTime() + 8 * 3600_000).getUTCFullYear()) },
        now,
      );
      const { settings } = await settingsFor(c, village);
      const year: CaseRow[] = isPeriodError(thisYear)
        ? []
        : await c.db
            .selectFrom('complaints_case')
            .selectAll()
            .where('village', '=', village)
            .where('submitted_at', '>=', thisYear.from)
            .where('submitted_at', '<', thisYear.to)
            .execute();
      return {
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
    },
  },
];

/** The catalogue (province, county, village levels), the dashboards and the answer-limit settings. */
import { randomUUID } from 'node:crypto';
import { callerOf, type ModuleRoute, parseInput, query, requireRole, userOf } from '@cunmen/module-api';
import { z } from 'zod';
import {
  affairsErrors,
  type CatalogueAnswer,
  catalogueInputSchema,
  countRows,
  type DashboardAnswer,
  DEFAULT_CATALOGUE,
  type DisclosureFact,
  defaultDashboardPeriod,
  describeDeadline,
  dueRows,
  effectiveCatalogue,
  parsePeriod,
  provinceOf,
  type SettingsAnswer,
  settingsInputSchema,
} from '../../common/index.js';
import { canRead, DASHBOARD_ROLES } from '../access.js';
import { maskText } from '../deidentify.js';
import { T } from '../migrations.js';
import { answerDaysFor, catalogueOf, type QuestionRow, storedCatalogue } from '../store.js';
import { publicVillage, questionView } from './public.js';

const dashboardQuery = z.object({ division: z.string().optional(), period: z.string().optional() });

export const adminRoutes: ModuleRoute[] = [
  {
    method: 'GET',
    url: '/catalogue',
    async handler(ctx, request): Promise<CatalogueAnswer> {
      const village = publicVillage(request);
      const items = await catalogueOf(ctx, village);
      return {
        village,
        items: items.map((i) => ({ ...i, deadlineText: describeDeadline(i.cadence, i.deadline) })),
      };
    },
  },
  {
    method: 'POST',
    url: '/catalogue',
    async handler(ctx, request, reply) {
      const caller = callerOf(request);
      const user = userOf(request);
      requireRole(user, ['province-maintainer', 'county-admin', 'village-cadre'], user.division);
      const scope = user.role === 'village-cadre' ? caller.village : user.division;
      if (user.role === 'village-cadre' && user.division !== caller.village)
        throw affairsErrors.error('AFFAIRS_ERR_SCOPE');
      if (user.role === 'province-maintainer' && scope !== provinceOf(scope))
        throw affairsErrors.error('AFFAIRS_ERR_SCOPE');
      const parsed = parseInput(catalogueInputSchema, request.body);
      // The catalogue is public: no number typed into it (an owner's phone) is published either.
      const input = {
        ...parsed,
        title: maskText(parsed.title).text,
        basis: maskText(parsed.basis).text,
        owner: maskText(parsed.owner).text,
      };
      if (input.replaces && user.role !== 'province-maintainer')
        throw affairsErrors.error('AFFAIRS_ERR_SCOPE', { field: 'replaces' });
      if (input.replaces && !DEFAULT_CATALOGUE.some((i) => i.key === input.replaces)) {
        throw affairsErrors.error('AFFAIRS_ERR_CATALOGUE_ITEM', { field: 'replaces' });
      }
      const key = input.replaces ?? `${scope}-${randomUUID().slice(0, 8)}`;
      const existing = await ctx.db
        .selectFrom(T.catalogue)
        .select('key')
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirst();
      if (existing) throw affairsErrors.error('AFFAIRS_ERR_CATALOGUE_KEY', { field: 'replaces' });
      const now = ctx.now().toISOString();
      await ctx.db
        .insertInto(T.catalogue)
        .values({
          scope,
          key,
          category: input.category,
          title: input.title,
          basis: input.basis,
          cadence: input.cadence,
          deadline: JSON.stringify(input.deadline),
          owner: input.owner,
          mask_names: input.maskNames ? 1 : 0,
          replaces: input.replaces ?? null,
          created_by: user.name,
          created_at: now,
        })
        .execute();
      await ctx.audit.append({
        actor: user.name,
        action: 'catalogue.add',
        subject: `catalogue:${scope}/${key}`,
        detail: { title: input.title, replaces: input.replaces ?? null },
        ip: caller.ip,
      });
      reply.code(201);
      const { replaces: _r, ...item } = input;
      return { ...item, key, scope, deadlineText: describeDeadline(input.cadence, input.deadline) };
    },
  },
  {
    method: 'GET',
    url: '/dashboard',
    async handler(ctx, request): Promise<DashboardAnswer> {
      const caller = callerOf(request);
      const user = userOf(request);
      const q = parseInput(dashboardQuery, query(request), 'query');
      const code = q.division ?? caller.village;
      if (!/^(\d{6}|\d{9}|\d{12})$/.test(code))
        throw affairsErrors.error('AFFAIRS_ERR_DIVISION', { field: 'division' });
      requireRole(user, DASHBOARD_ROLES, code);
      const division = await ctx.divisions.get(code);
      if (!division) throw affairsErrors.error('AFFAIRS_ERR_DIVISION', { field: 'division' });
      const now = ctx.now();
      const period = q.period ? parsePeriod(q.period) : defaultDashboardPeriod(now);
      if (!period || period.kind === 'day')
        throw affairsErrors.error('AFFAIRS_ERR_PERIOD', { field: 'period' });
      // A province's villages share its first two digits (33…); a county, township or village its code.
      const prefix = division.level === 'province' ? code.slice(0, 2) : code;
      const villages = division.level === 'village' ? [division] : await ctx.divisions.villages(prefix);
      const stored = await storedCatalogue(ctx, prefix);
      const items = await ctx.db
        .selectFrom(T.item)
        .select(['village', 'root_id', 'catalogue_key', 'period', 'published_at'])
        .where('village', 'like', `${prefix}%`)
        .execute();
      const facts = new Map<string, Map<string, DisclosureFact>>();
      for (const r of items) {
        const byRoot = facts.get(r.village) ?? new Map<string, DisclosureFact>();
        facts.set(r.village, byRoot);
        const fact = byRoot.get(r.root_id) ?? { key: r.catalogue_key, period: r.period, publishedAt: null };
        if (r.published_at && (!fact.publishedAt || r.published_at < fact.publishedAt))
          fact.publishedAt = r.published_at;
        byRoot.set(r.root_id, fact);
      }
      const rows = villages.map((v) => {
        const due = dueRows(
          effectiveCatalogue(v.code, stored),
          [...(facts.get(v.code)?.values() ?? [])],
          period,
          now,
        );
        return { code: v.code, name: v.name, counts: countRows(due), rows: due };
      });
      const questions = await ctx.db
        .selectFrom(`${T.question} as q`)
        .innerJoin(`${T.item} as i`, 'i.id', 'q.item_id')
        .selectAll('q')
        .select('i.title as item_title')
        .where('q.village', 'like', `${prefix}%`)
        .where('q.answered_at', 'is', null)
        .where('q.due_at', '<', now.toISOString())
        .orderBy('q.due_at')
        .limit(500)
        .execute();
      return {
        division: { code: division.code, name: division.name, level: division.level },
        period: period.key,
        now: now.toISOString(),
        totals: rows.reduce(
          (t, v) => ({
            due: t.due + v.counts.due,
            overdue: t.overdue + v.counts.overdue,
            published: t.published + v.counts.published,
          }),
          { due: 0, overdue: 0, published: 0 },
        ),
        villages: rows,
        overdueQuestions: questions.map((r) =>
          questionView(r as unknown as QuestionRow, String(r.item_title), now),
        ),
      };
    },
  },
  {
    method: 'GET',
    url: '/settings',
    async handler(ctx, request): Promise<SettingsAnswer> {
      const caller = callerOf(request);
      const user = userOf(request);
      const village = caller.village;
      if (user.role !== 'province-maintainer') canRead(user, village);
      const rows = await ctx.db
        .selectFrom(T.settings)
        .selectAll()
        .where('scope', 'in', [provinceOf(village), village.slice(0, 6)])
        .execute();
      return {
        village,
        answerDays: await answerDaysFor(ctx, village),
        rows: rows.map((r) => ({
          scope: r.scope,
          answerDays: Number(r.answer_days),
          updatedBy: r.updated_by,
          updatedAt: r.updated_at,
        })),
      };
    },
  },
  {
    method: 'PUT',
    url: '/settings',
    async handler(ctx, request) {
      const caller = callerOf(request);
      const user = userOf(request);
      requireRole(user, ['province-maintainer', 'county-admin'], user.division);
      const input = parseInput(settingsInputSchema, request.body);
      // The province sets itself or any county in it; a county admin only its own county.
      const allowed =
        user.role === 'province-maintainer'
          ? input.scope === user.division ||
            (input.scope.startsWith(user.division.slice(0, 2)) && !input.scope.endsWith('0000'))
          : input.scope === user.division;
      if (!allowed) throw affairsErrors.error('AFFAIRS_ERR_SCOPE', { field: 'scope' });
      const now = ctx.now().toISOString();
      const values = { answer_days: input.answerDays, updated_by: user.name, updated_at: now };
      await ctx.db
        .insertInto(T.settings)
        .values({ scope: input.scope, ...values })
        .onConflict((oc) => oc.column('scope').doUpdateSet(values))
        .execute();
      await ctx.audit.append({
        actor: user.name,
        action: 'settings.put',
        subject: `settings:${input.scope}`,
        detail: { answerDays: input.answerDays },
        ip: caller.ip,
      });
      return { scope: input.scope, answerDays: input.answerDays };
    },
  },
];

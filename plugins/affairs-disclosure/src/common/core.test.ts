// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseBlocks } from './blocks.js';
import { DEFAULT_CATALOGUE, deadlineOf, describeDeadline, effectiveCatalogue } from './catalogue.js';
import { answerDueAt, countRows, dueRows, isAnswerOverdue } from './dashboard.js';
import { affairsErrors } from './errors.js';
import { financeTotals, formatYuan, parseYuan } from './finance.js';
import {
  chinaDate,
  defaultDashboardPeriod,
  parsePeriod,
  periodFitsCadence,
  periodsEndingIn,
} from './period.js';
import { catalogueInputSchema, draftInputSchema } from './schemas.js';
import { availableActions, transition } from './workflow.js';

describe('periods', () => {
  it('parses every kind and rejects nonsense', () => {
    expect(parsePeriod('2026-Q4')).toEqual({
      key: '2026-Q4',
      kind: 'quarter',
      start: '2026-10-01',
      end: '2026-12-31',
    });
    expect(parsePeriod('2024-02')?.end).toBe('2024-02-29');
    expect(parsePeriod('2026-H1')?.end).toBe('2026-06-30');
    expect(parsePeriod('2026')?.kind).toBe('year');
    expect(parsePeriod('2026-11-02')?.kind).toBe('day');
    for (const bad of ['2026-Q5', '2026-13', '2026-02-30', '1999', 'abc', '2026-H3', ''])
      expect(parsePeriod(bad)).toBeNull();
  });
  it('uses China dates', () => {
    expect(chinaDate(new Date('2026-10-31T16:30:00Z'))).toBe('2026-11-01');
    expect(chinaDate(new Date('2026-10-31T15:59:59Z'))).toBe('2026-10-31');
  });
  it('lists the periods that end inside another', () => {
    const q3 = parsePeriod('2026-Q3');
    if (!q3) throw new Error('no period');
    expect(periodsEndingIn('month', q3).map((p) => p.key)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(periodsEndingIn('quarter', q3).map((p) => p.key)).toEqual(['2026-Q3']);
    expect(periodsEndingIn('half', q3)).toEqual([]);
    expect(periodsEndingIn('year', parsePeriod('2026') ?? q3).map((p) => p.key)).toEqual(['2026']);
    expect(periodsEndingIn('half', parsePeriod('2026-Q2') ?? q3).map((p) => p.key)).toEqual(['2026-H1']);
  });
  it('defaults the dashboard to the previous quarter', () => {
    expect(defaultDashboardPeriod(new Date('2026-11-02T01:00:00Z')).key).toBe('2026-Q3');
    expect(defaultDashboardPeriod(new Date('2026-01-05T01:00:00Z')).key).toBe('2025-Q4');
  });
  it('checks the period against the cadence', () => {
    expect(periodFitsCadence('quarterly', '2026-Q3')).toBe(true);
    expect(periodFitsCadence('quarterly', '2026-09')).toBe(false);
    expect(periodFitsCadence('immediate', '2026-09-03')).toBe(true);
    expect(periodFitsCadence('monthly', '2026-Q3')).toBe(false);
  });
});

describe('catalogue', () => {
  it('has a sensible built-in default', () => {
    expect(DEFAULT_CATALOGUE.length).toBeGreaterThanOrEqual(10);
    expect(new Set(DEFAULT_CATALOGUE.map((i) => i.key)).size).toBe(DEFAULT_CATALOGUE.length);
    for (const c of ['party', 'village', 'finance'])
      expect(DEFAULT_CATALOGUE.some((i) => i.category === c)).toBe(true);
    expect(DEFAULT_CATALOGUE.find((i) => i.key === 'dibao-roster')?.maskNames).toBe(true);
    for (const item of DEFAULT_CATALOGUE) {
      expect(catalogueInputSchema.safeParse({ ...item, key: undefined, scope: undefined }).success).toBe(
        false,
      ); // strict: no key
      const { key: _k, scope: _s, ...input } = item;
      expect(catalogueInputSchema.safeParse(input).success).toBe(true);
    }
  });
  it('unites the province, county and village along the code', () => {
    const base = DEFAULT_CATALOGUE[0];
    if (!base) throw new Error('empty');
    const stored = [
      { ...base, key: 'dibao-roster', scope: '330000', title: '浙江低保名单' },
      { ...base, key: 'deqing-1', scope: '330521', title: '德清县事项' },
      { ...base, key: 'xt-1', scope: '330521107201', title: '仙潭村事项' },
      { ...base, key: 'ws-1', scope: '330521003201', title: '五四村事项' },
      { ...base, key: 'sd-1', scope: '370000', title: '山东事项' },
    ];
    const xt = effectiveCatalogue('330521107201', stored);
    expect(xt.find((i) => i.key === 'dibao-roster')?.title).toBe('浙江低保名单');
    expect(xt.map((i) => i.key)).toEqual(expect.arrayContaining(['deqing-1', 'xt-1']));
    expect(xt.map((i) => i.key)).not.toContain('ws-1');
    expect(xt.map((i) => i.key)).not.toContain('sd-1');
    expect(xt.length).toBe(DEFAULT_CATALOGUE.length + 2);
    const yy = effectiveCatalogue('370323108213', stored);
    expect(yy.find((i) => i.key === 'dibao-roster')?.title).toBe('低保对象名单');
  });
  it('computes deadlines in China time', () => {
    expect(deadlineOf({ kind: 'after-period', day: 20 }, '2026-Q3')).toBe('2026-10-20T15:59:59.999Z');
    expect(deadlineOf({ kind: 'after-period', day: 10 }, '2026-12')).toBe('2027-01-10T15:59:59.999Z');
    expect(deadlineOf({ kind: 'after-period', day: 20 }, '2026-H2')).toBe('2027-01-20T15:59:59.999Z');
    expect(deadlineOf({ kind: 'after-event', days: 5 }, '2026-10-30')).toBe('2026-11-04T15:59:59.999Z');
    expect(deadlineOf({ kind: 'after-event', days: 5 }, 'nope')).toBeNull();
    expect(describeDeadline('quarterly', { kind: 'after-period', day: 20 })).toBe('下季度第一个月 20 日前');
    expect(describeDeadline('immediate', { kind: 'after-event', days: 5 })).toBe('事项发生后 5 日内');
  });
  it('rejects a deadline that does not fit the cadence', () => {
    const r = catalogueInputSchema.safeParse({
      category: 'village',
      title: '某事项',
      basis: '第三十条',
      cadence: 'immediate',
      deadline: { kind: 'after-period', day: 20 },
      owner: '村委会',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['deadline']);
  });
});

describe('workflow', () => {
  it('walks the happy path', () => {
    expect(transition('draft', 'submit', 'village-cadre', true)).toEqual({ ok: true, to: 'submitted' });
    expect(transition('submitted', 'approve', 'supervisor', false)).toEqual({ ok: true, to: 'reviewed' });
    expect(transition('reviewed', 'council', 'village-cadre', true)).toEqual({ ok: true, to: 'approved' });
    expect(transition('approved', 'publish', 'village-cadre', true)).toEqual({ ok: true, to: 'published' });
    expect(transition('submitted', 'return', 'supervisor', false)).toEqual({ ok: true, to: 'returned' });
    expect(transition('returned', 'edit', 'village-cadre', true)).toEqual({ ok: true, to: 'returned' });
    expect(transition('returned', 'submit', 'village-cadre', true)).toEqual({ ok: true, to: 'submitted' });
  });
  it('refuses every forbidden step', () => {
    expect(transition('draft', 'approve', 'supervisor', false)).toEqual({
      ok: false,
      error: 'AFFAIRS_ERR_TRANSITION',
    });
    expect(transition('reviewed', 'approve', 'supervisor', false)).toEqual({
      ok: false,
      error: 'AFFAIRS_ERR_TRANSITION',
    });
    expect(transition('reviewed', 'publish', 'village-cadre', true)).toEqual({
      ok: false,
      error: 'AFFAIRS_ERR_TRANSITION',
    });
    expect(transition('submitted', 'publish', 'village-cadre', true)).toEqual({
      ok: false,
      error: 'AFFAIRS_ERR_TRANSITION',
    });
    expect(transition('submitted', 'council', 'village-cadre', true)).toEqual({
      ok: false,
      error: 'AFFAIRS_ERR_TRANSITION',
    });
    expect(transition('published', 'edit', 'village-cadre', true)).toEqual({
      ok: false,
      error: 'AFFAIRS_ERR_IMMUTABLE',
    });
    expect(transition('published', 'delete', 'village-cadre', true)).toEqual({
      ok: false,
      error: 'AFFAIRS_ERR_IMMUTABLE',
    });
    expect(transition('superseded', 'edit', 'village-cadre', true)).toEqual({
      ok: false,
      error: 'AFFAIRS_ERR_IMMUTABLE',
    });
    expect(transition('submitted', 'edit', 'village-cadre', true)).toEqual({
      ok: false,
      error: 'AFFAIRS_ERR_TRANSITION',
    });
    expect(transition('submitted', 'approve', 'village-cadre', true)).toEqual({
      ok: false,
      error: 'AFFAIRS_ERR_WRONG_ROLE',
    });
    expect(transition('submitted', 'approve', 'supervisor', true)).toEqual({
      ok: false,
      error: 'AFFAIRS_ERR_SELF_REVIEW',
    });
    expect(transition('draft', 'submit', 'supervisor', false)).toEqual({
      ok: false,
      error: 'AFFAIRS_ERR_WRONG_ROLE',
    });
    expect(transition('approved', 'publish', 'other', false)).toEqual({
      ok: false,
      error: 'AFFAIRS_ERR_WRONG_ROLE',
    });
  });
  it('lists the next actions', () => {
    expect(availableActions('draft', 'village-cadre', true)).toEqual(['edit', 'delete', 'submit']);
    expect(availableActions('submitted', 'supervisor', false)).toEqual(['approve', 'return']);
    expect(availableActions('published', 'village-cadre', true)).toEqual([]);
  });
});

describe('blocks', () => {
  it('parses headings, paragraphs and lists as plain text', () => {
    expect(parseBlocks('# 标题\n第一段\n续行\n\n- 一\n* 二\n## 小节\n<script>alert(1)</script>')).toEqual([
      { type: 'heading', level: 1, text: '标题' },
      { type: 'paragraph', text: '第一段\n续行' },
      { type: 'list', items: ['一', '二'] },
      { type: 'heading', level: 2, text: '小节' },
      { type: 'paragraph', text: '<script>alert(1)</script>' },
    ]);
    expect(parseBlocks('  \n\n')).toEqual([]);
    expect(parseBlocks('a\u0000b')).toEqual([{ type: 'paragraph', text: 'ab' }]);
  });
});

describe('finance', () => {
  it('checks the balance rule', () => {
    const t = {
      openingBalance: 10000,
      rows: [
        { subject: '租金', income: 5000, expenditure: 0 },
        { subject: '保洁', income: 0, expenditure: 3000 },
      ],
      closingBalance: 12000,
    };
    expect(financeTotals(t)).toEqual({
      income: 5000,
      expenditure: 3000,
      expectedClosing: 12000,
      balanced: true,
    });
    expect(financeTotals({ ...t, closingBalance: 12001 }).balanced).toBe(false);
  });
  it('formats and parses yuan', () => {
    expect(formatYuan(123456789)).toBe('1,234,567.89');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(parseYuan('1,234.5')).toBe(123450);
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });
});

describe('dashboard', () => {
  const now = new Date('2026-11-02T01:00:00Z');
  const q3 = parsePeriod('2026-Q3');
  if (!q3) throw new Error('no period');
  const catalogue = DEFAULT_CATALOGUE.filter((i) =>
    ['dibao-roster', 'finance-ledger', 'major-matters', 'debts'].includes(i.key),
  );
  it('marks due, overdue and published items', () => {
    const rows = dueRows(
      catalogue,
      [
        { key: 'dibao-roster', period: '2026-Q3', publishedAt: '2026-10-25T01:00:00.000Z' },
        { key: 'finance-ledger', period: '2026-09', publishedAt: '2026-10-05T01:00:00.000Z' },
        { key: 'major-matters', period: '2026-09-28', publishedAt: null },
        { key: 'major-matters', period: '2026-10-30', publishedAt: null },
      ],
      q3,
      now,
    );
    const by = (k: string, p: string) => rows.find((r) => r.key === k && r.period === p);
    expect(by('dibao-roster', '2026-Q3')).toMatchObject({ state: 'published', late: true });
    expect(by('finance-ledger', '2026-09')).toMatchObject({ state: 'published', late: false });
    expect(by('finance-ledger', '2026-07')?.state).toBe('overdue');
    expect(by('major-matters', '2026-09-28')?.state).toBe('overdue');
    expect(by('major-matters', '2026-10-30')).toBeUndefined();
    expect(rows.some((r) => r.key === 'debts')).toBe(false);
    expect(countRows(rows)).toEqual({ due: 0, overdue: 3, published: 2 });
    const q4 = parsePeriod('2026-Q4');
    if (!q4) throw new Error('no period');
    const later = dueRows(
      catalogue,
      [{ key: 'major-matters', period: '2026-10-30', publishedAt: null }],
      q4,
      now,
    );
    expect(later.find((r) => r.key === 'major-matters')?.state).toBe('due');
  });
  it('computes answer deadlines', () => {
    const due = answerDueAt('2026-11-02T01:00:00.000Z', 10);
    expect(due).toBe('2026-11-12T01:00:00.000Z');
    expect(isAnswerOverdue({ dueAt: due, answeredAt: null }, new Date('2026-11-12T01:00:01Z'))).toBe(true);
    expect(
      isAnswerOverdue({ dueAt: due, answeredAt: '2026-11-03T00:00:00Z' }, new Date('2026-12-01T00:00:00Z')),
    ).toBe(false);
  });
});

describe('schemas and errors', () => {
  it('rejects empty and oversized text', () => {
    const ok = { catalogueKey: 'dibao-roster', period: '2026-Q3', title: '三季度低保', body: '正文' };
    expect(draftInputSchema.safeParse(ok).success).toBe(true);
    expect(draftInputSchema.safeParse({ ...ok, title: '  ' }).error?.issues[0]?.path).toEqual(['title']);
    expect(draftInputSchema.safeParse({ ...ok, body: 'x'.repeat(10_001) }).error?.issues[0]?.path).toEqual([
      'body',
    ]);
  });
  it('codes are prefixed and carry zh-CN', () => {
    for (const [code, { status, en, zh }] of Object.entries(affairsErrors.codes)) {
      expect(code).toMatch(/^AFFAIRS_ERR_[A-Z_]+$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(en.length).toBeGreaterThan(3);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

/** Static answers of the module routes, already masked, for stories and widget tests without a server. */
import type { MockModuleCall } from '@cunmen/sdk/testing';
import type { PreviewAnswer, PublishedSummary, PublishedView } from './common/web.js';

const at = '2026-11-02T01:00:00.000Z';

export const published: PublishedView = {
  id: '11111111-1111-4111-8111-111111111111',
  rootId: '11111111-1111-4111-8111-111111111111',
  revision: 1,
  status: 'published',
  catalogueTitle: '低保对象名单',
  basis: '《社会救助暂行办法》第十一条；《最低生活保障审核确认办法》第二十八条',
  category: 'village',
  period: '2026-Q3',
  title: '2026年第三季度低保对象名单',
  blocks: [
    { type: 'heading', level: 1, text: '第三季度低保对象' },
    { type: 'paragraph', text: '经村民代表评议、村务监督委员会审核，本季度低保对象如下。' },
    { type: 'list', items: ['保障户数 2 户', '保障人数 3 人'] },
  ],
  finance: null,
  attachments: [
    {
      id: '22222222-2222-4222-8222-222222222222',
      filename: '低保名单.xlsx',
      kind: 'xlsx',
      size: 8192,
      masked: 8,
      unchecked: false,
      sheets: [
        {
          name: '低保名单',
          rows: [
            ['序号', '姓名', '身份证号', '联系电话', '保障人数'],
            ['1', '张**', '330521***********4', '138****2345', '2'],
            ['2', '李**', '330521***********X', '139****1234', '1'],
          ],
          more: 0,
        },
      ],
    },
  ],
  publishedAt: at,
  reviewedAt: at,
  councilDate: '2026-11-02',
  revisionReason: null,
  history: [
    {
      id: '11111111-1111-4111-8111-111111111111',
      revision: 1,
      status: 'published',
      publishedAt: at,
      reason: null,
    },
  ],
  questions: [
    {
      id: '33333333-3333-4333-8333-333333333333',
      text: '第二户为什么保障人数是 1 人？',
      askedAt: at,
      dueAt: '2026-11-12T01:00:00.000Z',
      answer: '该户另一名成员已外出务工，不在保障范围。',
      answeredAt: at,
      overdue: false,
    },
  ],
  answerDays: 10,
};

export const finance: PublishedView = {
  ...published,
  id: '44444444-4444-4444-8444-444444444444',
  rootId: '44444444-4444-4444-8444-444444444444',
  catalogueTitle: '财务收支明细',
  category: 'finance',
  period: '2026-10',
  title: '2026年10月财务收支明细',
  blocks: [{ type: 'paragraph', text: '本月收支如下。' }],
  finance: {
    openingBalance: 1_000_000,
    rows: [
      { subject: '村集体房屋租金', income: 500_000, expenditure: 0 },
      { subject: '道路保洁费', income: 0, expenditure: 120_050 },
    ],
    closingBalance: 1_379_950,
  },
  attachments: [],
  questions: [],
};

const summary = (v: PublishedView): PublishedSummary => ({
  id: v.id,
  rootId: v.rootId,
  revision: v.revision,
  catalogueTitle: v.catalogueTitle,
  category: v.category,
  period: v.period,
  title: v.title,
  publishedAt: v.publishedAt,
});

export const preview: PreviewAnswer = {
  item: {
    ...published,
    village: '330521107201',
    catalogueKey: 'dibao-roster',
    maskNames: true,
    deadline: '2026-10-20T15:59:59.999Z',
    status: 'submitted',
    masked: 10,
    createdBy: 'cadre-xt',
    createdAt: at,
    updatedAt: at,
    returnReason: null,
    steps: [
      { action: 'create', actor: 'cadre-xt', role: 'village-cadre', at, note: null },
      { action: 'submit', actor: 'cadre-xt', role: 'village-cadre', at, note: null },
    ],
    actions: ['approve', 'return'],
    warnings: [],
  },
  masked: { text: 2, finance: 0, lists: 8, total: 10 },
  warnings: [],
};

/** Answers GET routes from the fixtures (stories, widget tests); anything else is refused. */
export async function fixtureModule(call: MockModuleCall): Promise<unknown> {
  const path = call.path.split('?')[0] ?? '';
  const category = /category=(\w+)/.exec(call.path)?.[1];
  const all = [published, finance];
  if (path === '/published')
    return {
      village: '330521107201',
      items: all.filter((v) => !category || v.category === category).map(summary),
    };
  const one = all.find((v) => path === `/published/${v.id}`);
  if (one) return one;
  if (path.endsWith('/preview')) return preview;
  if (path === '/items')
    return {
      items: [
        {
          ...summary(published),
          catalogueKey: 'dibao-roster',
          status: 'submitted',
          updatedAt: at,
          actions: ['approve', 'return'],
        },
      ],
    };
  if (path === '/questions') return { questions: [] };
  throw new Error(`no fixture for ${call.method} ${call.path}`);
}

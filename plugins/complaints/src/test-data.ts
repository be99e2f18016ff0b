/** Answers the module's server would give, for the widget tests and stories. */
import type { BoardAnswer, CaseDetail, MetricsAnswer, MetricValues } from './common/model.js';

export const CASE_ID = '0b6f3d0e-5a4c-4d7e-9f1a-2b3c4d5e6f70';

export function caseDetail(over: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: CASE_ID,
    tracking: 'JS20261102-0001',
    village: '330521107201',
    category: 'roads',
    status: 'submitted',
    submittedAt: '2026-11-02T01:00:00.000Z',
    excerpt: '村口路灯坏了三天',
    handlerUnit: null,
    deadlines: {
      acceptDue: '2026-11-02T03:00:00.000Z',
      replyDue: '2026-11-09T01:00:00.000Z',
      acceptOverdue: false,
      replyOverdue: false,
      escalatedAt: null,
    },
    rating: null,
    text: '村口路灯坏了三天',
    place: null,
    location: null,
    public: true,
    photos: [],
    owner: null,
    handler: null,
    answer: null,
    answeredAt: null,
    answerUnit: null,
    resolved: null,
    ratingComment: null,
    history: [
      {
        at: '2026-11-02T01:00:00.000Z',
        action: 'submit',
        unit: '村民',
        fromStatus: null,
        toStatus: 'submitted',
      },
    ],
    actions: [],
    ...over,
  };
}

export function closedCase(over: Partial<CaseDetail> = {}): CaseDetail {
  const owner = { division: '330521107201', department: null, name: '仙潭村村民委员会' };
  return caseDetail({
    status: 'closed',
    owner,
    handler: owner,
    handlerUnit: owner.name,
    answer: '路灯已修好',
    answeredAt: '2026-11-02T05:00:00.000Z',
    answerUnit: owner.name,
    resolved: true,
    actions: ['rate'],
    history: [
      {
        at: '2026-11-02T01:00:00.000Z',
        action: 'submit',
        unit: '村民',
        fromStatus: null,
        toStatus: 'submitted',
      },
      {
        at: '2026-11-02T01:30:00.000Z',
        action: 'accept',
        unit: owner.name,
        fromStatus: 'submitted',
        toStatus: 'accepted',
      },
      {
        at: '2026-11-02T05:00:00.000Z',
        action: 'reply',
        unit: owner.name,
        fromStatus: 'accepted',
        toStatus: 'replied',
      },
      {
        at: '2026-11-02T06:00:00.000Z',
        action: 'close',
        unit: owner.name,
        fromStatus: 'replied',
        toStatus: 'closed',
      },
    ],
    ...over,
  });
}

export function metricValues(over: Partial<MetricValues> = {}): MetricValues {
  return {
    cases: 4,
    acceptedInTime: 3,
    resolved: 2,
    rated: 2,
    satisfied: 1,
    responseRate: 0.75,
    resolutionRate: 0.5,
    satisfactionRate: 0.5,
    score: 57.5,
    ...over,
  };
}

export function board(over: Partial<BoardAnswer> = {}): BoardAnswer {
  return {
    village: '330521107201',
    villageName: '仙潭村',
    items: [
      {
        tracking: 'JS20261102-0001',
        category: 'utilities',
        receivedAt: '2026-11-02T01:00:00.000Z',
        answeredAt: '2026-11-02T02:00:00.000Z',
        answerUnit: '莫干山镇人民政府',
        text: '我的电话 138****5678，门口水管漏水',
        answer: '已联系自来水公司维修',
        rating: 'satisfied',
        status: 'closed',
      },
    ],
    metrics: metricValues(),
    ...over,
  };
}

export function metrics(over: Partial<MetricsAnswer> = {}): MetricsAnswer {
  return {
    division: '330521107',
    name: '莫干山镇',
    from: '2026-09-30T16:00:00.000Z',
    to: '2026-12-31T16:00:00.000Z',
    weights: { response: 30, resolution: 35, satisfaction: 35 },
    totals: metricValues(),
    children: [
      { division: '330521107201', name: '仙潭村', metrics: metricValues() },
      {
        division: '330521107202',
        name: '劳岭村',
        metrics: metricValues({
          cases: 0,
          acceptedInTime: 0,
          resolved: 0,
          rated: 0,
          satisfied: 0,
          responseRate: null,
          resolutionRate: null,
          satisfactionRate: null,
          score: null,
        }),
      },
    ],
    months: [
      {
        month: '2026-10',
        metrics: metricValues({
          cases: 1,
          responseRate: 1,
          resolutionRate: 1,
          satisfactionRate: 1,
          score: 100,
        }),
      },
      {
        month: '2026-11',
        metrics: metricValues({
          cases: 3,
          responseRate: 0.6667,
          resolutionRate: 0.3333,
          satisfactionRate: 0,
          score: 31.7,
        }),
      },
      {
        month: '2026-12',
        metrics: metricValues({
          cases: 0,
          responseRate: null,
          resolutionRate: null,
          satisfactionRate: null,
          score: null,
        }),
      },
    ],
    ...over,
  };
}

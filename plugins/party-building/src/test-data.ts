/** Answers of the module as the widget tests and stories see them (shapes of the server's routes). */
import type { MockModuleCall } from '@cunmen/sdk/testing';
import type { BranchDetail, BranchSummary, MeAnswer, PublicAnswer } from './answers.js';
import type { Member } from './common/index.js';

export const publicView = (): PublicAnswer => ({
  branches: [
    {
      id: 'b-1',
      name: '仙潭村党支部',
      secretary: '沈建国',
      phone: '0572-8401234',
      address: '莫干山镇仙潭村村民委员会二楼',
      memberCount: 38,
    },
  ],
  news: [
    {
      id: 'n-1',
      branch: 'b-1',
      kind: 'news',
      title: '仙潭村党支部开展河道清理志愿活动',
      body: '11月2日，支部党员 26 人清理仙潭溪河道垃圾两车。',
      author: '沈建国',
      publishedAt: '2026-11-02T08:00:00.000Z',
    },
  ],
  pioneers: [
    {
      id: 'p-1',
      branch: 'b-1',
      name: '张卫东',
      honour: '优秀共产党员',
      story: '带头清理河道，帮助独居老人。',
      year: 2026,
    },
  ],
});

export const me = (): MeAnswer => ({
  member: {
    id: 'm-3',
    branch: 'b-1',
    name: '张卫东',
    role: 'member',
    status: 'full',
    gender: 'male',
    birthDate: '1975-03-08',
    phone: '13857201111',
    joinedOn: '2003-06-30',
    account: 'zhang-dangyuan',
    masked: false,
  },
  officer: false,
  notices: [
    {
      id: 'no-1',
      branch: 'b-1',
      kind: 'notice',
      title: '关于缴纳11月党费的通知',
      body: '请于11月25日前缴纳。',
      author: '沈建国',
      publishedAt: '2026-11-01T02:00:00.000Z',
    },
  ],
  study: [
    {
      id: 's-1',
      branch: 'b-1',
      kind: 'study',
      title: '学习《中国共产党农村基层组织工作条例》',
      body: '第一章 总则',
      author: '沈建国',
      publishedAt: '2026-11-01T02:00:00.000Z',
      done: false,
    },
  ],
  upcoming: [
    {
      id: 'mt-2',
      kind: 'lecture',
      title: '书记讲党课',
      place: '村党群服务中心',
      plannedOn: '2099-12-05',
      signedIn: false,
    },
  ],
  points: {
    total: 5,
    entries: [
      {
        id: 'e-1',
        member: 'm-3',
        points: 3,
        source: 'meeting',
        reason: '参加主题党日：清理河道',
        at: '2026-11-02T08:00:00.000Z',
      },
      {
        id: 'e-2',
        member: 'm-3',
        points: 2,
        source: 'activity',
        reason: '帮助独居老人',
        at: '2026-11-03T08:00:00.000Z',
      },
    ],
  },
});

export const summaries = (): BranchSummary[] => [
  {
    id: 'b-1',
    name: '仙潭村党支部',
    address: '莫干山镇仙潭村村民委员会二楼',
    phone: '0572-8401234',
    trackingFrom: '2026-10-01',
    hasGroups: true,
    secretary: '沈建国',
    memberCount: 3,
    due: 2,
    overdue: 1,
  },
];

export const members = (masked = false): Member[] =>
  [
    ['m-1', '沈建国', 'secretary', '13905721234', '1968-05-12'],
    ['m-2', '陆小燕', 'committee', '13857202222', '1980-09-01'],
    ['m-3', '张卫东', 'member', '13857201111', '1975-03-08'],
  ].map(([id, name, role, phone, birth]) => ({
    id: id as string,
    branch: 'b-1',
    name: name as string,
    role: role as Member['role'],
    status: 'full',
    gender: 'male',
    birthDate: masked ? `${(birth as string).slice(0, 4)}-**-**` : (birth as string),
    phone: masked ? `${(phone as string).slice(0, 3)}****${(phone as string).slice(-4)}` : (phone as string),
    joinedOn: '2003-06-30',
    account: null,
    masked,
  }));

export const detail = (officer = true): BranchDetail => ({
  branch: {
    id: 'b-1',
    name: '仙潭村党支部',
    address: '莫干山镇仙潭村村民委员会二楼',
    phone: '0572-8401234',
    trackingFrom: '2026-10-01',
    hasGroups: true,
  },
  viewer: { officer },
  due: [
    { kind: 'committee', period: '2026-10', deadline: '2026-10-31', status: 'overdue', planned: null },
    { kind: 'theme-day', period: '2026-11', deadline: '2026-11-30', status: 'due', planned: 'mt-1' },
  ],
  meetings: [
    {
      id: 'mt-1',
      branch: 'b-1',
      kind: 'theme-day',
      title: '11月主题党日：清理河道',
      topic: '清理仙潭溪河道垃圾',
      place: '村党群服务中心',
      plannedOn: '2026-11-02',
      status: 'planned',
      heldOn: null,
      minutes: null,
      attendees: [{ member: 'm-3', name: '张卫东', via: 'self' }],
      attachments: [],
      recordedBy: null,
    },
  ],
  posts: [],
  pioneers: [],
  points: [{ member: 'm-3', name: '张卫东', total: 5 }],
});

export function recorder(answer: (call: MockModuleCall) => unknown) {
  const calls: MockModuleCall[] = [];
  return {
    calls,
    module: async (call: MockModuleCall) => {
      calls.push(call);
      return answer(call);
    },
  };
}

/** The whole module as the stories and the browser checks see it. */
export function answer({ method, path }: { method: string; path: string }): unknown {
  if (path === '/public') return publicView();
  if (path === '/me') return me();
  if (path === '/branches') return summaries();
  if (path.startsWith('/posts/')) return publicView().news[0];
  if (/^\/branches\/[^/]+\/members$/.test(path)) return members();
  if (/^\/branches\/[^/]+$/.test(path)) return detail();
  if (method === 'POST') return { ok: true };
  return {};
}

/** Answers of the module as the widget tests and stories see them. */
import type { MockModuleCall } from '@cunmen/sdk/testing';
import type { Claim, Goods, RuleBook } from './common/model.js';
import type { MeAnswer } from './page/shared.js';

export const book = (): RuleBook => ({
  version: 1,
  adoptedOn: '2026-11-01',
  assembly: { date: '2026-10-20', attendance: 120, votesFor: 98, votesAgainst: 12, abstaining: 6 },
  items: [
    { code: 'R01', title: '垃圾分类做得好', points: 5, evidence: '照片', proposer: '第三村民小组' },
    { code: 'D01', title: '乱堆乱放', points: -10, evidence: '照片', proposer: '村两委' },
  ],
  recordedBy: 'cadre-shen',
  recordedAt: '2026-10-21T02:00:00.000Z',
});

export const claim = (over: Partial<Claim> = {}): Claim => ({
  id: '6f1c1c1e-0000-4000-8000-000000000001',
  household: 'H-0012',
  itemCode: 'R01',
  itemTitle: '垃圾分类做得好',
  points: 5,
  quantity: 1,
  ruleBookVersion: 1,
  evidence: '分好了四类',
  photo: 'p-1',
  source: 'resident',
  claimant: 'zhang',
  status: 'pending',
  firstApprover: null,
  secondApprover: null,
  reason: null,
  createdAt: '2026-11-02T01:00:00.000Z',
  decidedAt: null,
  ...over,
});

export const me = (): MeAnswer => ({
  household: 'H-0012',
  balance: { total: 75, redeemable: 15 },
  entries: [
    {
      seq: 2,
      at: '2026-11-02T02:00:00.000Z',
      kind: 'award',
      itemCode: 'R02',
      itemTitle: '参加义务劳动',
      points: 15,
      redeemable: true,
      evidence: '清理河道',
      approver: 'cadre-shen',
      secondApprover: null,
      ruleBookVersion: 1,
      note: null,
    },
    {
      seq: 1,
      at: '2026-11-01T02:00:00.000Z',
      kind: 'base',
      itemCode: null,
      itemTitle: null,
      points: 60,
      redeemable: false,
      evidence: null,
      approver: null,
      secondApprover: null,
      ruleBookVersion: null,
      note: '基础分（不可兑换）',
    },
  ],
  claims: [claim({ status: 'rejected', reason: '照片看不清' })],
});

export const goods = (): { items: Goods[] } => ({
  items: [
    { id: 'g1', name: '洗衣液', price: 30, stock: 12, active: true },
    { id: 'g2', name: '食用油', price: 80, stock: 0, active: true },
  ],
});

export const leaderboard = () => ({ year: 2026, items: [{ rank: 1, name: '张**', points: 45 }] });

export const summary = () => ({
  month: '2026-11',
  awarded: 120,
  deducted: 10,
  redeemed: 60,
  households: 9,
  top: [],
  items: [],
});

/** The committee's queue: an award, and a deduction one member approved. */
export const queue = () => ({
  items: [
    claim(),
    claim({ id: 'd-1', itemTitle: '乱堆乱放', points: -10, status: 'second', firstApprover: 'cadre-lu' }),
  ],
});

/** A module mock that answers with `answer` and records every call, for the widget tests. */
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

/**
 * What 积分制 tells a resident through the shell's inbox (`ctx.notify`): their claim was approved (with
 * the points) or not approved (with the committee's reason). Only claims a resident made themselves —
 * in the portal or through a widget — are told; a claim the committee recorded for a household is not.
 */
import type { Notice } from '@cunmen/module-api';
import type { PointsContext } from './context.js';
import type { ClaimRow } from './rows.js';

const link = (claim: ClaimRow) => `/v/${claim.village}/p/points`;

function residentOf(claim: ClaimRow): number | null {
  return claim.source === 'cadre' ? null : claim.claimant_id;
}

const short = (text: string, max: number) => {
  const chars = Array.from(text.trim());
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
};

export function approvedNotice(claim: ClaimRow, points: number): Notice | null {
  const user = residentOf(claim);
  if (user === null) return null;
  const change = points >= 0 ? `加了 ${points} 分` : `扣了 ${-points} 分`;
  return {
    to: { user },
    title: '积分申请已通过',
    body: `您申请的“${short(claim.item_title, 12)}”已通过，${change}`,
    link: link(claim),
  };
}

export function rejectedNotice(claim: ClaimRow, reason: string): Notice | null {
  const user = residentOf(claim);
  if (user === null) return null;
  return {
    to: { user },
    title: '积分申请没有通过',
    body: `您申请的“${short(claim.item_title, 12)}”没有通过，原因：${short(reason, 40)}`,
    link: link(claim),
  };
}

/** Sends the notice, if any; a failure is logged and never undoes the decision. */
export async function tell(c: PointsContext, notice: Notice | null): Promise<void> {
  if (!notice) return;
  try {
    await c.notify(notice);
  } catch (err) {
    c.log.error({ err }, 'a notice could not be sent');
  }
}

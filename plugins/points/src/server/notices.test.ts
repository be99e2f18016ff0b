// @vitest-environment node
/** What 积分制 tells residents (./notices.ts): a claim of theirs approved or not approved. */
import { describe, expect, it } from 'vitest';
import { adoptRules, freshApp, ok, uploadPhoto, users, V } from './test-helpers.js';

const t = freshApp();

describe('notices to the resident', () => {
  it('tells the resident their claim was approved, with the points', async () => {
    const u = users();
    await adoptRules(t, u);
    const photo = await uploadPhoto(t, u.resident);
    const claim = await ok(t, u.resident, 'POST /claims', { item: 'R02', photo });
    expect(t.notices).toEqual([]);
    await ok(t, u.cadre, `POST /claims/${claim.id}/approve`);
    expect(t.notices).toEqual([
      {
        module: 'points',
        to: { user: u.resident.id },
        title: '积分申请已通过',
        body: '您申请的“参加义务劳动”已通过，加了 10 分',
        link: `/v/${V}/p/points`,
      },
    ]);
  });

  it('tells the resident a claim was not approved, and why', async () => {
    const u = users();
    await adoptRules(t, u);
    const photo = await uploadPhoto(t, u.resident);
    const claim = await ok(t, u.resident, 'POST /claims', { item: 'R01', photo });
    await ok(t, u.cadre, `POST /claims/${claim.id}/reject`, { reason: '照片看不清' });
    expect(t.notices).toEqual([
      {
        module: 'points',
        to: { user: u.resident.id },
        title: '积分申请没有通过',
        body: '您申请的“垃圾分类做得好”没有通过，原因：照片看不清',
        link: `/v/${V}/p/points`,
      },
    ]);
  });

  it('tells nobody about a claim the committee recorded for a household', async () => {
    const u = users();
    await adoptRules(t, u);
    await ok(t, u.cadre, 'POST /households', { code: 'H-0099', head: '陈大叔' });
    const claim = await ok(t, u.cadre, 'POST /claims', { item: 'R01', household: 'H-0099' });
    await ok(t, u.cadre2, `POST /claims/${claim.id}/approve`);
    expect(t.notices).toEqual([]);
  });
});

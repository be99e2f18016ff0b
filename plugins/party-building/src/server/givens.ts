/** The states a refused call starts from, for the bad-input and role tables; each returns the ids it names. */
import type { ModuleTestApp } from '@cunmen/module-api/testing';
import { BRANCH, MEETING, ok, setUpBranch, type Users } from './test-helpers.js';

export type Ids = Record<string, string>;

export function givensFor(u: Users) {
  const g = {
    /** The branch (`:branch`) with its three members (`:secretary`, `:committee`, `:member`). */
    branch: async (t: ModuleTestApp): Promise<Ids> => ({ ...(await setUpBranch(t, u)) }),
    /** …and a planned 主题党日 (`:meeting`). */
    async planned(t: ModuleTestApp): Promise<Ids> {
      const ids = await g.branch(t);
      const m = await ok(t, u.secretary, `POST /branches/${ids.branch}/meetings`, MEETING);
      return { ...ids, meeting: m.id };
    },
    async recorded(t: ModuleTestApp): Promise<Ids> {
      const ids = await g.planned(t);
      await ok(t, u.secretary, `POST /branches/${ids.branch}/meetings/${ids.meeting}/record`, {
        heldOn: '2026-11-02',
        minutes: '到会党员清理河道垃圾两车。',
        attendees: [ids.secretary, ids.member],
      });
      return ids;
    },
    /**
     * Two branches of the village: the first one's meeting (`:meeting`), and a second branch
     * (`:other`, secretary 赵书记) with a meeting of its own (`:othersMeeting`).
     */
    async twoBranches(t: ModuleTestApp): Promise<Ids> {
      const ids = await g.planned(t);
      const other = await ok(t, u.cadre, 'POST /branches', {
        ...BRANCH,
        name: '仙潭村第二党支部',
        secretary: { ...BRANCH.secretary, name: '赵国庆', phone: '13905725678', account: 'zhao-shuji' },
      });
      const theirs = await ok(t, u.secretary2, `POST /branches/${other.id}/meetings`, MEETING);
      return { ...ids, other: other.id, othersMeeting: theirs.id };
    },
    /** A branch of 五四村 (`:b2`) with its meeting (`:m2`), beside 仙潭村's branch. */
    async otherVillage(t: ModuleTestApp): Promise<Ids> {
      const ids = await g.planned(t);
      const b2 = await ok(t, u.cadreB, 'POST /branches', {
        ...BRANCH,
        name: '五四村党支部',
        secretary: { ...BRANCH.secretary, name: '吴书记', phone: '13905729999', account: 'wusi-cadre' },
      });
      const m2 = await ok(t, u.cadreB, `POST /branches/${b2.id}/meetings`, MEETING);
      return { ...ids, b2: b2.id, m2: m2.id };
    },
    /** A study material of the branch (`:study`) and a notice (`:notice`). */
    async posts(t: ModuleTestApp): Promise<Ids> {
      const ids = await g.branch(t);
      const study = await ok(t, u.secretary, `POST /branches/${ids.branch}/posts`, {
        kind: 'study',
        title: '学习《中国共产党农村基层组织工作条例》',
        body: '第一章 总则……',
      });
      const notice = await ok(t, u.secretary, `POST /branches/${ids.branch}/posts`, {
        kind: 'notice',
        title: '关于缴纳11月党费的通知',
        body: '请于11月25日前缴纳。',
      });
      return { ...ids, study: study.id, notice: notice.id };
    },
  };
  return g;
}

// @vitest-environment node
/**
 * Two shell instances on one database (scale mode): each request sweeps for passed time limits, so
 * instances sweep the same cases at once and must still escalate each limit exactly once; residents
 * submitting through both at once still get different tracking numbers. On PostgreSQL the instances
 * are separate connection pools, so their transactions really overlap.
 */
import { createModuleTestApp, type ModuleTestApp } from '@cunmen/module-api/testing';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../common/index.js';
import { createComplaintsModule } from './index.js';
import { freshApp, submit, users } from './test-helpers.js';

const t = freshApp();
const u = users();
const HOUR = 3600_000;

async function secondInstance(): Promise<ModuleTestApp> {
  return createModuleTestApp(createComplaintsModule(), { sameDatabaseAs: t });
}

describe('two instances', () => {
  it('escalate each passed limit once when they sweep at the same moment', async () => {
    const b = await secondInstance();
    try {
      const residents = [u.resident, u.neighbour];
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push((await submit(t, residents[i % 2] as typeof u.resident)).id);
      t.clock.advance(3 * HOUR); // past the accept limit (2 h), within the reply limit
      const sweeps = [t, b, t, b, t, b].map((app) => app.inject({ as: u.cadre, url: '/cases?status=all' }));
      for (const res of await Promise.all(sweeps)) expect(res.statusCode, res.body).toBe(200);

      const escalations = (await t.audit.list()).filter((e) => e.action === 'complaints.case.escalate');
      expect(escalations).toHaveLength(ids.length);
      expect(new Set(escalations.map((e) => e.subject))).toEqual(new Set(ids.map((id) => `case:${id}`)));
      for (const id of ids) {
        const d = (await b.inject({ as: u.cadre, url: `/cases/${id}` })).json() as CaseDetail;
        expect(d.history.map((e) => e.action)).toEqual(['submit', 'escalate']);
      }
      const rows = await t.context.db.selectFrom('complaints_case').select(['accept_escalated_at']).execute();
      expect(rows.map((r) => r.accept_escalated_at)).toEqual(ids.map(() => t.clock.now().toISOString()));
    } finally {
      await b.close();
    }
  });

  it('give residents submitting through both at once different tracking numbers', async () => {
    const b = await secondInstance();
    try {
      const [first, second] = await Promise.all([submit(t, u.resident), submit(b, u.neighbour)]);
      expect([first.tracking, second.tracking].sort()).toEqual(['JS20261102-0001', 'JS20261102-0002']);
      const rows = await t.context.db.selectFrom('complaints_case').select('tracking').execute();
      expect(rows).toHaveLength(2);
    } finally {
      await b.close();
    }
  });
});

// @vitest-environment node
/**
 * Two shell instances on one database (scale mode; on PostgreSQL separate connection pools whose
 * transactions really overlap): cadres acting on the same disclosure at once through both.
 */
import { createModuleTestApp, type ModuleTestApp } from '@cunmen/module-api/testing';
import { describe, expect, it } from 'vitest';
import { affairsDisclosureModule } from './index.js';
import { T } from './migrations.js';
import { freshApp, given, users } from './test-helpers.js';

const t = freshApp();

describe('two instances', () => {
  it('open one correction when two cadres revise the same disclosure at once', async () => {
    const { id } = await given.published(t);
    const b: ModuleTestApp = await createModuleTestApp(affairsDisclosureModule, { sameDatabaseAs: t });
    try {
      const revise = (app: ModuleTestApp, as: typeof users.cadre) =>
        app.inject({
          as,
          method: 'POST',
          url: `/items/${id}/revisions`,
          payload: { reason: '金额填写有误' },
        });
      const answers = await Promise.all([revise(t, users.cadre), revise(b, users.cadre2)]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(answers.find((r) => r.statusCode === 409)?.json()).toMatchObject({
        code: 'AFFAIRS_ERR_REVISION_OPEN',
      });
      const revisions = await t.context.db
        .selectFrom(T.item)
        .select(['revision', 'status'])
        .orderBy('revision')
        .execute();
      expect(revisions).toEqual([
        { revision: 1, status: 'published' },
        { revision: 2, status: 'draft' },
      ]);
      const audited = (await t.audit.list()).filter((e) => e.action === 'affairs-disclosure.item.revise');
      expect(audited).toHaveLength(1);
    } finally {
      await b.close();
    }
  });
});

import { createAuditLogTable, openAuditLog } from '@cunmen/audit-log';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { recordCredentialIssued } from './audit-events.js';

describe('recordCredentialIssued', () => {
  it('records who got which widgets’ credentials in which village, and how', async () => {
    const db = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }),
    });
    await createAuditLogTable(db);
    const audit = openAuditLog(db);
    const widgets = [
      { widget: '@deqing/find-machinery', version: '1.0.0', capabilities: ['store.read', 'store.write'] },
      { widget: '@yiyuan/waste-pickup', version: '0.1.0', capabilities: [] },
    ];
    await recordCredentialIssued(audit, {
      village: '330521107201',
      how: 'exchange',
      widgets,
      user: 'xt-zhang',
      ip: '10.0.0.9',
    });
    await recordCredentialIssued(audit, {
      village: '330521107201',
      how: 'renew',
      widgets: widgets.slice(0, 1),
      user: 'xt-zhang',
      ip: '10.0.0.9',
    });
    expect((await audit.list()).map((r) => [r.actor, r.action, r.subject, r.detail, r.ip])).toEqual([
      ['xt-zhang', 'widget.credentials-issue', 'village:330521107201', { widgets }, '10.0.0.9'],
      [
        'xt-zhang',
        'widget.credential-renew',
        'village:330521107201',
        { widgets: widgets.slice(0, 1) },
        '10.0.0.9',
      ],
    ]);
    await db.destroy();
  });
});

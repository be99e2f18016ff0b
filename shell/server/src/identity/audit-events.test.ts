import { createAuditLogTable, openAuditLog } from '@cunmen/audit-log';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { recordCredentialIssued } from './audit-events.js';

describe('recordCredentialIssued', () => {
  it('records who got which widget credential in which village, signed in or not', async () => {
    const db = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }),
    });
    await createAuditLogTable(db);
    const audit = openAuditLog(db);
    const issue = {
      village: '330521107201',
      widget: '@deqing/find-machinery',
      version: '1.0.0',
      ip: '10.0.0.9',
    };
    await recordCredentialIssued(audit, {
      ...issue,
      user: 'zj',
      capabilities: ['store.read', 'store.write'],
    });
    await recordCredentialIssued(audit, { ...issue, user: null, capabilities: [] });
    expect((await audit.list()).map((r) => [r.actor, r.action, r.subject, r.detail, r.ip])).toEqual([
      [
        'zj',
        'widget.credential-issue',
        'village:330521107201',
        { widget: '@deqing/find-machinery', version: '1.0.0', capabilities: ['store.read', 'store.write'] },
        '10.0.0.9',
      ],
      [
        'anonymous',
        'widget.credential-issue',
        'village:330521107201',
        { widget: '@deqing/find-machinery', version: '1.0.0', capabilities: [] },
        '10.0.0.9',
      ],
    ]);
    await db.destroy();
  });
});

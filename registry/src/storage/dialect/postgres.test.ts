/** PostgreSQL's catalog search goes through the pg_trgm index, not a scan of every entry. */
import { makeTempDir } from '@cunmen/test-utils';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { scaleOptions } from '../../../test/backends.js';
import { openStorage } from '../index.js';
import { openPostgres } from '../postgres/database.js';
import { containsPattern, postgresDialect } from './postgres.js';

describe('the PostgreSQL dialect', () => {
  it('escapes LIKE wildcards in a searched word', () => {
    expect(containsPattern('找农机')).toBe('%找农机%');
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });

  it('answers a Chinese substring search from the trigram index', async () => {
    const { databaseUrl, s3 } = await scaleOptions();
    const storage = await openStorage((await makeTempDir('cunmen-trgm-')).path, { databaseUrl, s3 });
    await storage.close();
    const db = openPostgres(databaseUrl);
    const client = new pg.Client(databaseUrl);
    await client.connect();
    try {
      const query = db
        .selectFrom('catalog_fts')
        .select('package_name')
        .where(postgresDialect.catalogTextContainsAll(['找农机']))
        .compile();
      // A handful of rows would be scanned whatever the index; forbid the scan to see the index is usable.
      await client.query('set enable_seqscan = off');
      const plan = await client.query(`explain ${query.sql}`, [...query.parameters]);
      expect(plan.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toContain(
        'catalog_fts_trgm',
      );
    } finally {
      await client.end();
      await db.destroy();
    }
  });
});

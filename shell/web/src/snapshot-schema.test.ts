/** Keeps the browser's zod/mini snapshot schema identical to `portalSnapshotSchema` of @cunmen/manifest. */
import { portalSnapshotSchema } from '@cunmen/manifest';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { makeKeys, makeSnapshot } from '../test/snapshot-fixture.js';
import { testWidget } from '../test/widgets.js';
import { portalSnapshotMiniSchema } from './snapshot-schema.js';

const options = { unrepresentable: 'any', target: 'draft-2020-12' } as const;

describe('portal snapshot schema twin', () => {
  it('has exactly the JSON Schema of portalSnapshotSchema (input and output)', () => {
    for (const io of ['input', 'output'] as const) {
      expect(z.toJSONSchema(portalSnapshotMiniSchema, { ...options, io })).toEqual(
        z.toJSONSchema(portalSnapshotSchema, { ...options, io }),
      );
    }
  });

  it('accepts and rejects the same snapshots, with the same defaults', () => {
    const keys = makeKeys();
    const good = makeSnapshot(keys, [testWidget(keys, '@deqing/a'), testWidget(keys, '@yiyuan/b')]);
    const { deprecated: _d, ...noDeprecated } = good.widgets[0] as Record<string, unknown>;
    const cases: unknown[] = [
      good,
      { ...good, theme: {} },
      { ...good, widgets: [noDeprecated] },
      { ...good, schemaVersion: 2 },
      { ...good, extra: true },
      { ...good, village: { ...good.village, code: '330500001001' } },
      { ...good, village: { ...good.village, code: '33052100100' } },
      { ...good, widgets: [{ ...good.widgets[0], name: 'no-scope' }] },
      { ...good, widgets: [{ ...good.widgets[0], assetBase: 'not a url' }] },
      { ...good, widgets: [{ ...good.widgets[0], capabilities: ['root'] }] },
      {
        ...good,
        widgets: [{ ...good.widgets[0], placements: [{ slot: 'village.home.tile/v1', order: 1001 }] }],
      },
      { ...good, widgets: [{ ...good.widgets[0], title: { 'zh-CN': '  ' } }] },
      { ...good, portalVersion: 1.5 },
      null,
      [],
    ];
    for (const value of cases) {
      const classic = portalSnapshotSchema.safeParse(value);
      const mini = portalSnapshotMiniSchema.safeParse(value);
      expect(mini.success, JSON.stringify(value)?.slice(0, 200)).toBe(classic.success);
      if (classic.success && mini.success) expect(mini.data).toEqual(classic.data);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { makeKeys, signWidget } from '../../test/snapshot-fixture.js';
import { testWidget } from '../../test/widgets.js';
import { checkWidget, checkWidgets, decodePublicKey, verifySignature } from './verify.js';

const keys = makeKeys();
const key = decodePublicKey(keys.publicKey);

describe('signature check before registration', () => {
  it('accepts a widget the province signed (key pair and signature made with node:crypto)', () => {
    const widget = testWidget(keys, '@deqing/find-machinery');
    expect(key).not.toBeNull();
    expect(verifySignature(widget, key as Uint8Array)).toBe(true);
    expect(checkWidget(widget, key)).toEqual({ ok: true });
  });

  it('refuses a widget whose assets, capabilities, name or version changed after signing', () => {
    const widget = testWidget(keys, '@deqing/find-machinery');
    const tampered = [
      { ...widget, assets: { ...widget.assets, 'remoteEntry.js': `sha384-${'x'.repeat(64)}` } },
      { ...widget, capabilities: [...widget.capabilities, 'user.read' as const] },
      { ...widget, name: '@deqing/other' },
      { ...widget, version: '1.0.1' },
    ];
    for (const w of tampered) {
      const verdict = checkWidget(w, key);
      expect(verdict.ok).toBe(false);
      expect(!verdict.ok && verdict.code).toBe('SHELL_ERR_WIDGET_SIGNATURE');
    }
  });

  it('the capability order does not matter (the payload sorts them)', () => {
    const widget = testWidget(keys, '@deqing/a', {
      override: { capabilities: ['store.write', 'store.read'] },
    });
    expect(checkWidget({ ...widget, capabilities: ['store.read', 'store.write'] }, key).ok).toBe(true);
  });

  it('refuses a signature made with another key, and everything when the snapshot key is bad', () => {
    const other = makeKeys();
    const widget = testWidget(other, '@deqing/find-machinery');
    expect(checkWidget(widget, key)).toMatchObject({ ok: false, code: 'SHELL_ERR_WIDGET_SIGNATURE' });
    expect(decodePublicKey('not base64!')).toBeNull();
    expect(decodePublicKey(Buffer.alloc(16).toString('base64'))).toBeNull();
    expect(checkWidgets([testWidget(keys, '@deqing/a')], 'AAAA').refused[0]?.code).toBe(
      'SHELL_ERR_WIDGET_SIGNATURE',
    );
  });

  it('refuses unsigned widgets and garbage signatures', () => {
    const widget = testWidget(keys, '@deqing/find-machinery');
    expect(checkWidget({ ...widget, signature: ' ' }, key)).toMatchObject({
      code: 'SHELL_ERR_WIDGET_UNSIGNED',
    });
    expect(checkWidget({ ...widget, signature: 'abc' }, key)).toMatchObject({
      code: 'SHELL_ERR_WIDGET_SIGNATURE',
    });
  });

  it('loads a yanked version the portal pins with a warning (the one yank policy), as a deprecated one', () => {
    const at = '2026-12-02T08:00:00.000Z';
    const yanked = testWidget(keys, '@deqing/a', { override: { yanked: { at, reason: '泄露手机号' } } });
    expect(checkWidget(yanked, key)).toEqual({
      ok: true,
      warning: { code: 'SHELL_ERR_WIDGET_YANKED', detail: '泄露手机号' },
    });
    const silent = testWidget(keys, '@deqing/e', {
      override: { yanked: { at, reason: null }, deprecated: '请升级到 2.0' },
    });
    expect(checkWidget(silent, key)).toEqual({
      ok: true,
      warning: { code: 'SHELL_ERR_WIDGET_YANKED', detail: 'no reason given' },
    });
    // The yank is its own field: a deprecation text that happens to start with "yanked" is a deprecation.
    const text = testWidget(keys, '@deqing/c', { override: { deprecated: 'yanked: 泄露手机号' } });
    expect(checkWidget(text, key)).toMatchObject({
      ok: true,
      warning: { code: 'SHELL_ERR_WIDGET_DEPRECATED' },
    });
    const deprecated = testWidget(keys, '@deqing/b', { override: { deprecated: '请升级到 2.0' } });
    expect(checkWidget(deprecated, key)).toEqual({
      ok: true,
      warning: { code: 'SHELL_ERR_WIDGET_DEPRECATED', detail: '请升级到 2.0' },
    });
    // Being yanked never excuses a bad signature.
    expect(checkWidget({ ...yanked, signature: signWidget(makeKeys(), yanked) }, key)).toMatchObject({
      ok: false,
      code: 'SHELL_ERR_WIDGET_SIGNATURE',
    });
  });

  it('refuses a remote entry that is not one of the signed assets', () => {
    const widget = testWidget(keys, '@deqing/a');
    const elsewhere = {
      ...widget,
      remote: { ...widget.remote, entry: 'https://evil.example/remoteEntry.js' },
    };
    expect(checkWidget(elsewhere, key)).toMatchObject({ code: 'SHELL_ERR_WIDGET_ENTRY' });
    const otherSri = { ...widget, remote: { ...widget.remote, entryIntegrity: 'sha384-other' } };
    expect(checkWidget(otherSri, key)).toMatchObject({ code: 'SHELL_ERR_WIDGET_ENTRY' });
  });

  it('splits a snapshot into accepted and refused, refusing a second widget with the same container name', () => {
    const a = testWidget(keys, '@deqing/a');
    const b = testWidget(keys, '@deqing/b');
    const bad = { ...testWidget(keys, '@deqing/c'), signature: signWidget(makeKeys(), a) };
    const clash = testWidget(keys, '@deqing/d', { override: { remote: { ...a.remote } } });
    const yanked = testWidget(keys, '@deqing/y', {
      override: { yanked: { at: '2026-12-02T08:00:00.000Z', reason: 'x' } },
    });
    const report = checkWidgets([a, b, bad, clash, yanked], keys.publicKey);
    expect(report.accepted.map((w) => w.name)).toEqual(['@deqing/a', '@deqing/b', '@deqing/y']);
    expect(report.refused.map((r) => [r.widget.name, r.code])).toEqual([
      ['@deqing/c', 'SHELL_ERR_WIDGET_SIGNATURE'],
      ['@deqing/d', 'SHELL_ERR_WIDGET_DUPLICATE'],
    ]);
    expect(report.warnings.map((r) => [r.widget.name, r.code])).toEqual([
      ['@deqing/y', 'SHELL_ERR_WIDGET_YANKED'],
    ]);
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { injectSnapshot, makeKeys, makeSnapshot } from '../test/snapshot-fixture.js';
import { testWidget } from '../test/widgets.js';
import { parseSnapshot, readSnapshot } from './snapshot.js';

describe('reading the inlined snapshot', () => {
  it('reads the script the server put in place of the placeholder, `<` escaped', () => {
    const keys = makeKeys();
    const snapshot = makeSnapshot(keys, [testWidget(keys, '@deqing/a', { title: '</script><b>找农机' })]);
    const html = injectSnapshot('<html><head><!--cunmen:snapshot--></head><body></body></html>', snapshot);
    expect(html).not.toContain('</script><b>');
    document.documentElement.innerHTML = html.replace(/^<html>|<\/html>$/g, '');
    const read = readSnapshot(document);
    expect(read.ok && read.snapshot.widgets[0]?.title['zh-CN']).toBe('</script><b>找农机');
  });

  it('names what is wrong instead of throwing', () => {
    document.documentElement.innerHTML = '<head></head><body></body>';
    expect(readSnapshot(document)).toMatchObject({ ok: false, code: 'SHELL_ERR_SNAPSHOT_MISSING' });
    expect(parseSnapshot('{')).toMatchObject({ ok: false, code: 'SHELL_ERR_SNAPSHOT_INVALID' });
    const bad = parseSnapshot(JSON.stringify({ schemaVersion: 1 }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.detail).toContain('village');
  });

  it('reads a widget with an empty signature as unsigned (refused later), not the snapshot as invalid', () => {
    const keys = makeKeys();
    const snapshot = makeSnapshot(keys, [
      testWidget(keys, '@deqing/a'),
      { ...testWidget(keys, '@deqing/b'), signature: '' },
    ]);
    const read = parseSnapshot(JSON.stringify(snapshot));
    expect(read.ok).toBe(true);
    expect(read.ok && read.snapshot.widgets.map((w) => w.signature === '')).toEqual([false, true]);
  });
});

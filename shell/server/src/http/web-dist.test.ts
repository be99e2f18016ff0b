import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { makeTempDir } from '@cunmen/test-utils';
import { describe, expect, it } from 'vitest';
import { WebDist } from './web-dist.js';

describe('WebDist', () => {
  it('loads the build into memory, gzips text, marks hashed names immutable and reloads on a new index', async () => {
    const dir = await makeTempDir('cunmen-web-dist-');
    try {
      mkdirSync(join(dir.path, 'static', 'js'), { recursive: true });
      writeFileSync(join(dir.path, 'index.html'), '<head><!--cunmen:snapshot--></head>');
      const big = `console.log(${JSON.stringify('村门'.repeat(2000))});\n`;
      writeFileSync(join(dir.path, 'static', 'js', 'index.0123abcd.js'), big);
      writeFileSync(join(dir.path, 'static', 'logo.png'), Buffer.alloc(2048, 1));
      const web = new WebDist(dir.path);
      const build = web.load();
      expect([...(build?.files.keys() ?? [])].sort()).toEqual([
        'static/js/index.0123abcd.js',
        'static/logo.png',
      ]);
      const js = build?.files.get('static/js/index.0123abcd.js');
      expect(js?.immutable).toBe(true);
      expect(js?.type).toBe('text/javascript; charset=utf-8');
      expect(gunzipSync(js?.gzip as Buffer).toString()).toBe(big);
      expect(build?.files.get('static/logo.png')).toMatchObject({
        immutable: false,
        gzip: null,
        type: 'image/png',
      });
      expect(web.load()).toBe(build);

      writeFileSync(join(dir.path, 'index.html'), '<head><!--cunmen:snapshot--><title>2</title></head>');
      const later = new Date(Date.now() + 5000);
      utimesSync(join(dir.path, 'index.html'), later, later);
      expect(web.load()?.index).toContain('<title>2</title>');
      expect(new WebDist(join(dir.path, 'missing')).load()).toBeNull();
    } finally {
      await dir.remove();
    }
  });
});

import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { integrityOf, publishDocument } from './npm-publish.js';
import { makeTarball } from './tar.js';

/** The entries of an uncompressed ustar stream: name, type, size, link and body, checksums verified. */
function readTar(gz: Buffer) {
  const tar = gunzipSync(gz);
  const out: { path: string; type: string; size: number; linkpath: string; body: string }[] = [];
  let at = 0;
  while (at + 512 <= tar.length) {
    const h = tar.subarray(at, at + 512);
    if (h.every((b) => b === 0)) break;
    const field = (from: number, len: number) => h.toString('utf8', from, from + len).replace(/\0.*$/s, '');
    const stored = Number.parseInt(field(148, 8).trim(), 8);
    const sum = [...h].reduce((n, b, i) => n + (i >= 148 && i < 156 ? 32 : b), 0);
    expect(sum).toBe(stored);
    expect(field(257, 6)).toBe('ustar');
    const size = Number.parseInt(field(124, 12), 8);
    out.push({
      path: field(0, 100),
      type: field(156, 1),
      size,
      linkpath: field(157, 100),
      body: tar.toString('utf8', at + 512, at + 512 + size),
    });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('makeTarball', () => {
  it('writes files, directories and hostile entries as given, in order', () => {
    const tgz = makeTarball([
      { path: 'package/', type: '5' },
      { path: 'package/a.txt', body: 'x'.repeat(600) },
      { path: '../escape', body: 'x' },
      { path: 'package/link', type: '2', linkpath: '/etc/passwd', body: 'ignored' },
    ]);
    expect(readTar(tgz)).toEqual([
      { path: 'package/', type: '5', size: 0, linkpath: '', body: '' },
      { path: 'package/a.txt', type: '0', size: 600, linkpath: '', body: 'x'.repeat(600) },
      { path: '../escape', type: '0', size: 1, linkpath: '', body: 'x' },
      { path: 'package/link', type: '2', size: 0, linkpath: '/etc/passwd', body: '' },
    ]);
  });

  it('takes a path → body record and makes the same bytes every time', () => {
    const files = { 'package/package.json': '{"name":"x"}', 'package/dist/a.js': Buffer.from('a') };
    expect(readTar(makeTarball(files)).map((e) => [e.path, e.body])).toEqual([
      ['package/package.json', '{"name":"x"}'],
      ['package/dist/a.js', 'a'],
    ]);
    expect(makeTarball(files).equals(makeTarball(files))).toBe(true);
  });
});

describe('publishDocument', () => {
  it('carries one version with the tarball hashes and the tarball as the one attachment', () => {
    const tgz = makeTarball({ 'package/package.json': '{}' });
    const doc = publishDocument('@deqing/x', '1.2.0', tgz, { tag: 'beta', packageJson: { keywords: ['k'] } });
    expect(doc).toMatchObject({
      _id: '@deqing/x',
      name: '@deqing/x',
      'dist-tags': { beta: '1.2.0' },
      versions: {
        '1.2.0': { name: '@deqing/x', version: '1.2.0', keywords: ['k'], _id: '@deqing/x@1.2.0' },
      },
    });
    const version = (doc.versions as Record<string, { dist: Record<string, string> }>)['1.2.0'];
    expect(version?.dist).toEqual({
      ...integrityOf(tgz),
      tarball: 'http://evil.example/@deqing/x/-/x-1.2.0.tgz',
    });
    const attachment = (doc._attachments as Record<string, { data: string; length: number }>)[
      '@deqing/x-1.2.0.tgz'
    ];
    expect(Buffer.from(attachment?.data ?? '', 'base64').equals(tgz)).toBe(true);
    expect(attachment?.length).toBe(tgz.length);
  });

  it('lets a test send a wrong dist field', () => {
    const doc = publishDocument('@deqing/x', '1.0.0', Buffer.from('t'), { dist: { shasum: '0'.repeat(40) } });
    const dist = (doc.versions as Record<string, { dist: Record<string, string> }>)['1.0.0']?.dist;
    expect(dist?.shasum).toBe('0'.repeat(40));
    expect(dist?.integrity).toBe(integrityOf(Buffer.from('t')).integrity);
  });
});

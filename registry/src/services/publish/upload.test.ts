import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PublishBodyReader, readPublishUpload } from './upload.js';

function read(text: string | Buffer, chunkSize: number, limit = 1 << 26) {
  const bytes = Buffer.from(text);
  const reader = new PublishBodyReader(limit);
  for (let i = 0; i < bytes.length; i += chunkSize) reader.write(bytes.subarray(i, i + chunkSize));
  return reader.end();
}

function doc(tarball: Buffer, data = tarball.toString('base64')) {
  return JSON.stringify({
    name: '@deqing/x',
    description: 'has "data": "quotes" and \\ and {braces} [',
    versions: { '1.0.0': { name: '@deqing/x', data: 'not the attachment' } },
    _attachments: {
      '@deqing/x-1.0.0.tgz': { content_type: 'application/octet-stream', data, length: tarball.length },
    },
  });
}

describe('PublishBodyReader', () => {
  const tarball = randomBytes(10_000);
  const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
  const shasum = createHash('sha1').update(tarball).digest('hex');

  it.each([1, 3, 7, 64, 1000, 1 << 20])('decodes and hashes the attachment in %i-byte chunks', (size) => {
    const { document: body, tarballs } = read(doc(tarball), size);
    const streamed = tarballs.get('@deqing/x-1.0.0.tgz');
    expect(streamed?.bytes.equals(tarball)).toBe(true);
    expect(streamed?.integrity).toBe(integrity);
    expect(streamed?.shasum).toBe(shasum);
    const attachments = body._attachments as Record<string, { data: string; length: number }>;
    expect(attachments['@deqing/x-1.0.0.tgz']).toEqual({
      content_type: 'application/octet-stream',
      data: '',
      length: 10_000,
    });
    expect((body.versions as Record<string, { data: string }>)['1.0.0']?.data).toBe('not the attachment');
    expect(body.description).toBe('has "data": "quotes" and \\ and {braces} [');
  });

  it('accepts the escaped slash JSON allows in base64', () => {
    const data = tarball.toString('base64').replaceAll('/', '\\/');
    for (const size of [1, 2, 5, 4096]) {
      const { tarballs } = read(doc(tarball, '').replace('"data":""', `"data":"${data}"`), size);
      expect(tarballs.get('@deqing/x-1.0.0.tgz')?.integrity).toBe(integrity);
    }
  });

  it('reads a whole body at once as it reads a stream', () => {
    const whole = readPublishUpload(doc(tarball));
    expect(whole.tarballs.get('@deqing/x-1.0.0.tgz')?.bytes.equals(tarball)).toBe(true);
    expect(whole.document).toEqual(read(doc(tarball), 7).document);
    expect(() => readPublishUpload(doc(tarball), 100)).toThrow(
      'request body is larger than the registry accepts',
    );
  });

  it('refuses data that is not base64, a body over the limit and broken JSON', () => {
    expect(() => read(doc(tarball, 'abc!def='), 3)).toThrow('the attachment data is not base64');
    expect(() => read(doc(tarball, 'ab=c'), 100)).toThrow('the attachment data is not base64');
    expect(() => read(doc(tarball), 1000, 5000)).toThrow('request body is larger than the registry accepts');
    expect(() => read('{"name": "x", ', 4)).toThrow('the request body ends in the middle of its JSON');
    expect(() => read('{"name": x}', 4)).toThrow(/^the request body is not valid JSON/);
    expect(() => read('[1, 2]', 4)).toThrow('the request body must be a JSON object');
  });
});

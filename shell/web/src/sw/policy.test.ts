import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isGoodPage, isPageAsset, matchesIntegrity, pageKey, referencedBy, strategyFor } from './policy.js';

const ORIGIN = 'https://cunmen.example';
const req = (url: string, mode = 'no-cors', extra: { method?: string; integrity?: string } = {}) => ({
  url,
  mode,
  method: extra.method ?? 'GET',
  integrity: extra.integrity ?? '',
});

describe('service worker policy', () => {
  it('keys every page of a village by its portal root', () => {
    expect(pageKey(`${ORIGIN}/v/330521001001/`)).toBe(`${ORIGIN}/v/330521001001/`);
    expect(pageKey(`${ORIGIN}/v/330521001001/p/find-machinery/x?lang=en`)).toBe(`${ORIGIN}/v/330521001001/`);
    expect(pageKey(`${ORIGIN}/v/330521001001`)).toBe(`${ORIGIN}/v/330521001001/`);
    expect(pageKey(`${ORIGIN}/v/12/`)).toBeNull();
    expect(pageKey(`${ORIGIN}/`)).toBeNull();
  });

  it('picks network-first pages, cache-first shell files and signed widget assets, nothing else', () => {
    expect(strategyFor(req(`${ORIGIN}/v/330521001001/p/a`, 'navigate'), ORIGIN)).toBe('page');
    expect(strategyFor(req(`${ORIGIN}/shell/static/js/index.1234567890.js`), ORIGIN)).toBe('shell');
    const asset = 'https://assets.example/-/assets/@deqing/a/1.0.0/remoteEntry.js';
    expect(strategyFor(req(asset, 'cors', { integrity: 'sha384-x' }), ORIGIN)).toBe('widget');
    // Not signed (no SRI) or not CORS (opaque): never cached.
    expect(strategyFor(req(asset, 'cors'), ORIGIN)).toBeNull();
    expect(strategyFor(req(asset, 'no-cors', { integrity: 'sha384-x' }), ORIGIN)).toBeNull();
    // The host API, writes, other pages: untouched.
    expect(strategyFor(req(`${ORIGIN}/api/host/v1/store/x`, 'cors'), ORIGIN)).toBeNull();
    expect(strategyFor(req(`${ORIGIN}/api/host/v1/store/x`, 'navigate'), ORIGIN)).toBeNull();
    expect(strategyFor(req(`${ORIGIN}/shell/static/js/a.js`, 'cors', { method: 'POST' }), ORIGIN)).toBeNull();
    expect(strategyFor(req(`${ORIGIN}/`, 'navigate'), ORIGIN)).toBeNull();
    expect(strategyFor(req(`${ORIGIN}/favicon.svg`), ORIGIN)).toBeNull();
  });

  it('keeps only good portal pages', () => {
    const html = '<head><script type="application/json" id="cunmen-snapshot">{}</script></head>';
    expect(isGoodPage(200, 'text/html; charset=utf-8', html)).toBe(true);
    expect(isGoodPage(404, 'text/html; charset=utf-8', html)).toBe(false);
    expect(isGoodPage(200, 'text/html', '<h1>本村门户尚未发布</h1>')).toBe(false);
    expect(isGoodPage(200, 'application/json', html)).toBe(false);
  });

  it('finds what cached pages still reference', () => {
    const page = `<script defer src="/shell/static/js/index.abcdef1234.js"></script>
      <script type="application/json" id="cunmen-snapshot">{"widgets":[{"assetBase":"https://a.example/x/1.0.0/"}]}</script>`;
    const refs = referencedBy([page]);
    expect([...refs.shell]).toEqual(['/shell/static/js/index.abcdef1234.js']);
    expect(refs.assetBases).toEqual(['https://a.example/x/1.0.0/']);
    expect(isPageAsset('/shell/static/js/index.abcdef1234.js')).toBe(true);
    expect(isPageAsset('/shell/static/js/async/chunk.abcdef1234.js')).toBe(false);
  });

  it('checks bytes against an SRI string', async () => {
    const bytes = new TextEncoder().encode('console.log(1)');
    const good = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await expect(matchesIntegrity(buffer, good)).resolves.toBe(true);
    await expect(matchesIntegrity(buffer, `sha256-AAAA ${good}`)).resolves.toBe(true);
    await expect(matchesIntegrity(buffer, 'sha384-AAAA')).resolves.toBe(false);
    await expect(matchesIntegrity(buffer, '')).resolves.toBe(false);
  });
});

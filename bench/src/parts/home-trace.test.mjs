import { describe, expect, it } from 'vitest';
import { foldRequests, summarizeVisit } from './home-trace.mjs';

const HTML = 'http://localhost:8080/v/330521107201/';
const SHELL = 'http://localhost:8080/assets/index.js';
const ENTRY = 'http://localhost:4873/-/assets/abc/remoteEntry.js';
const CHUNK = 'http://localhost:4873/-/assets/abc/tile.js';

let seq = 0;
function request(url, type, initiator, { bytes = 1000, status = 200, cached = false, at = [0, 0] } = {}) {
  const requestId = String(++seq);
  return [
    {
      method: 'Network.requestWillBeSent',
      params: { requestId, type, initiator, timestamp: at[0], request: { url } },
    },
    {
      method: 'Network.responseReceived',
      params: { requestId, type, response: { status, fromDiskCache: cached, fromMemoryCache: false } },
    },
    { method: 'Network.loadingFinished', params: { requestId, encodedDataLength: bytes, timestamp: at[1] } },
  ];
}
const fromScript = (url) => ({
  type: 'script',
  stack: { callFrames: [], parent: { callFrames: [{ url }] } },
});

describe('foldRequests', () => {
  it('counts serial depth from the document through parser, script and async-stack initiators', () => {
    const requests = foldRequests([
      ...request(HTML, 'Document', { type: 'other' }),
      ...request(SHELL, 'Script', { type: 'parser', url: HTML }),
      ...request(ENTRY, 'Script', fromScript(SHELL)),
      ...request(CHUNK, 'Script', fromScript(ENTRY)),
    ]);
    expect(requests.map((r) => [r.url, r.depth])).toEqual([
      [HTML, 0],
      [SHELL, 1],
      [ENTRY, 2],
      [CHUNK, 3],
    ]);
  });

  it('puts a widget asset the HTML preloads at depth 1, by initiator and by time', () => {
    const requests = foldRequests([
      ...request(HTML, 'Document', { type: 'other' }, { at: [0, 0.5] }),
      ...request(SHELL, 'Script', { type: 'parser', url: HTML }, { at: [0.1, 0.4] }),
      ...request(ENTRY, 'Script', { type: 'preload', url: HTML }, { at: [0.1, 0.3] }),
      ...request(CHUNK, 'Script', { type: 'preload', url: HTML }, { at: [0.2, 0.6] }),
    ]);
    expect(summarizeVisit(requests)).toMatchObject({ widgetAssetDepth: 1, widgetAssetInitiatorDepth: 1 });
  });

  it('counts by time the chunk a loader in the shell started only after its remoteEntry arrived', () => {
    // Every widget script names the shell as its initiator (the loader lives there), yet each waited.
    const requests = foldRequests([
      ...request(HTML, 'Document', { type: 'other' }, { at: [0, 0.2] }),
      ...request(SHELL, 'Script', { type: 'parser', url: HTML }, { at: [0.1, 0.5] }),
      ...request(ENTRY, 'Script', fromScript(SHELL), { at: [0.6, 0.8] }),
      ...request(CHUNK, 'Script', fromScript(SHELL), { at: [0.9, 1.2] }),
    ]);
    expect(requests.map((r) => r.waitedDepth)).toEqual([0, 1, 2, 3]);
    expect(summarizeVisit(requests)).toMatchObject({ widgetAssetDepth: 3, widgetAssetInitiatorDepth: 2 });
  });

  it('keeps the last hop of a redirect and marks cache hits and failures', () => {
    const requests = foldRequests([
      {
        method: 'Network.requestWillBeSent',
        params: { requestId: 'r', type: 'Document', request: { url: 'http://x/' } },
      },
      {
        method: 'Network.requestWillBeSent',
        params: { requestId: 'r', type: 'Document', request: { url: HTML } },
      },
      ...request(SHELL, 'Script', { type: 'parser', url: HTML }, { cached: true, bytes: 0 }),
      {
        method: 'Network.requestWillBeSent',
        params: { requestId: 'f', type: 'Fetch', request: { url: `${HTML}me` } },
      },
      { method: 'Network.loadingFailed', params: { requestId: 'f' } },
    ]);
    expect(requests.map((r) => [r.url, r.fromCache, r.failed])).toEqual([
      [HTML, false, false],
      [SHELL, true, false],
      [`${HTML}me`, false, true],
    ]);
  });
});

describe('summarizeVisit', () => {
  it('sums only JS and CSS bytes, counts every request and the listed API paths', () => {
    const requests = foldRequests([
      ...request(HTML, 'Document', { type: 'other' }, { bytes: 9000 }),
      ...request(SHELL, 'Script', { type: 'parser', url: HTML }, { bytes: 50_000 }),
      ...request(
        'http://localhost:8080/assets/index.css',
        'Stylesheet',
        { type: 'parser', url: HTML },
        { bytes: 4000 },
      ),
      ...request('http://localhost:8080/api/me', 'Fetch', fromScript(SHELL), { bytes: 300 }),
      ...request('http://localhost:8080/api/me', 'Fetch', fromScript(SHELL), { bytes: 300 }),
      ...request(
        'http://localhost:8080/logo.png',
        'Image',
        { type: 'parser', url: HTML },
        { bytes: 20_000, status: 404 },
      ),
    ]);
    const visit = summarizeVisit(requests, { countedPaths: ['/me', '/widget-token'] });
    expect(visit).toMatchObject({
      requests: 6,
      codeBytes: 54_000,
      jsBytes: 50_000,
      widgetAssetDepth: 0,
      counts: { '/me': 2, '/widget-token': 0 },
      failed: ['404 http://localhost:8080/logo.png'],
    });
    expect(visit.largest.map((r) => r.bytes)).toEqual([50_000, 4000]);
  });
});

// What one page visit downloaded, from the DevTools protocol's Network events (pure, so it is tested
// without a browser). Bytes are Chromium's `encodedDataLength` at `loadingFinished`: what crossed the
// wire, compressed, headers included — DevTools' "transferred" column.

const CODE_TYPES = new Set(['Script', 'Stylesheet']);

/** The request a request was started from: the URL of the first frame with one, on the stack or its async parents. */
function initiatorUrl(initiator) {
  if (!initiator) return null;
  if (initiator.url) return initiator.url;
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    const frame = stack.callFrames?.find((f) => f.url);
    if (frame) return frame.url;
  }
  return null;
}

/**
 * Folds a visit's events (`{ method, params }` of Network.requestWillBeSent / responseReceived /
 * loadingFinished / loadingFailed) into one entry per request:
 * `{ url, type, status, bytes, fromCache, depth, waitedDepth, initiator }`. `depth` follows initiators
 * from the document (0): a script the HTML names is 1, a chunk that script fetches is 2; `waitedDepth`
 * is the same count by time (below).
 */
export function foldRequests(events) {
  const byId = new Map();
  for (const { method, params } of events) {
    if (method === 'Network.requestWillBeSent') {
      // A redirect reuses the id: the new hop replaces the old one.
      byId.set(params.requestId, {
        url: params.request.url,
        type: params.type,
        initiator: initiatorUrl(params.initiator),
        status: 0,
        bytes: 0,
        fromCache: false,
        failed: false,
        sentAt: params.timestamp,
        finishedAt: null,
      });
      continue;
    }
    const r = byId.get(params.requestId);
    if (!r) continue;
    if (method === 'Network.responseReceived') {
      r.status = params.response.status;
      r.type = params.type ?? r.type;
      r.fromCache = Boolean(params.response.fromDiskCache || params.response.fromMemoryCache);
    } else if (method === 'Network.requestServedFromCache') {
      r.fromCache = true;
    } else if (method === 'Network.loadingFinished') {
      r.bytes = params.encodedDataLength;
      r.finishedAt = params.timestamp;
    } else if (method === 'Network.loadingFailed') {
      r.failed = true;
    }
  }
  const requests = [...byId.values()];
  const depthOf = new Map();
  for (const r of requests) {
    const parent = r.initiator === null ? undefined : depthOf.get(r.initiator);
    r.depth = r.type === 'Document' ? 0 : (parent ?? 0) + 1;
    if (!depthOf.has(r.url)) depthOf.set(r.url, r.depth);
  }
  timedDepths(requests);
  return requests;
}

/**
 * `waitedDepth`: requests in series by time — 1 + the deepest request that had finished before this one
 * was sent (the document counts as 0 however long it streams). It catches what initiators hide: the
 * shell's loader starts every widget script, so a chunk that waited for its remoteEntry still names the
 * shell as its initiator.
 */
function timedDepths(requests) {
  const ordered = [...requests].sort((a, b) => a.sentAt - b.sentAt);
  for (const r of ordered) {
    if (r.type === 'Document') {
      r.waitedDepth = 0;
      continue;
    }
    let before = 0;
    for (const q of ordered) {
      if (q === r || q.type === 'Document' || q.finishedAt === null || q.waitedDepth === undefined) continue;
      if (q.finishedAt <= r.sentAt) before = Math.max(before, q.waitedDepth);
    }
    r.waitedDepth = before + 1;
  }
}

/**
 * The figures of one visit: JS and CSS bytes, requests, the deepest widget asset (a URL containing
 * `assetMarker`) and how often each of `countedPaths` was requested.
 */
export function summarizeVisit(requests, { assetMarker = '/-/assets/', countedPaths = [] } = {}) {
  const code = requests.filter((r) => CODE_TYPES.has(r.type));
  const js = code.filter((r) => r.type === 'Script');
  const widgetAssets = requests.filter((r) => r.url.includes(assetMarker));
  const counts = Object.fromEntries(
    countedPaths.map((p) => [p, requests.filter((r) => new URL(r.url).pathname.endsWith(p)).length]),
  );
  return {
    requests: requests.length,
    codeBytes: code.reduce((sum, r) => sum + r.bytes, 0),
    jsBytes: js.reduce((sum, r) => sum + r.bytes, 0),
    widgetAssetDepth: widgetAssets.reduce((max, r) => Math.max(max, r.waitedDepth), 0),
    widgetAssetInitiatorDepth: widgetAssets.reduce((max, r) => Math.max(max, r.depth), 0),
    failed: requests.filter((r) => r.failed || r.status >= 400).map((r) => `${r.status} ${r.url}`),
    counts,
    largest: [...code]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 8)
      .map((r) => ({ url: r.url, bytes: r.bytes, depth: r.waitedDepth })),
  };
}

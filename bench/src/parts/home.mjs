// (a) Home bytes: 仙潭村's home on the demo platform in Chromium over the DevTools protocol. Each cold
// visit is a fresh browser context (empty cache); the visit ends once the page loaded and the network
// was quiet for 500 ms (every home tile rendered), and what loaded by then is "before interactive".
// The repeat visit reloads the page in the same context (warm HTTP cache), as a resident coming back.
import { chromium as playwright } from 'playwright-core';
import { figure } from '../goals.mjs';
import { chromium } from '../paths.mjs';
import { summarize } from '../stats.mjs';
import { foldRequests, summarizeVisit } from './home-trace.mjs';
import { startDemoPlatform, XIANTAN } from './platform.mjs';

const KB = 1000;
const COUNTED = ['/widget-token', '/widget-tokens', '/me'];

async function visit(context, page, url) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  for (const method of [
    'Network.requestWillBeSent',
    'Network.responseReceived',
    'Network.requestServedFromCache',
    'Network.loadingFinished',
    'Network.loadingFailed',
  ]) {
    cdp.on(method, (params) => events.push({ method, params }));
  }
  await cdp.send('Network.enable');
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  await cdp.detach();
  return summarizeVisit(foldRequests(events), { countedPaths: COUNTED });
}

export async function homePart({ runs, say }) {
  const platform = await startDemoPlatform({ say });
  const browser = await playwright.launch({ executablePath: chromium, args: ['--no-sandbox'] });
  const cold = [];
  const repeat = [];
  try {
    const url = `${platform.shellUrl}/v/${XIANTAN}/`;
    for (let run = 1; run <= runs; run++) {
      say(`home round ${run}/${runs}: cold visit, then a repeat visit`);
      const context = await browser.newContext();
      const page = await context.newPage();
      cold.push(await visit(context, page, url));
      repeat.push(await visit(context, page, url));
      await context.close();
    }
  } finally {
    await browser.close();
    await platform.stop();
  }
  const last = cold[cold.length - 1];
  const cause = `largest: ${last.largest
    .slice(0, 4)
    .map(
      (r) => `${new URL(r.url).pathname.split('/').pop()} ${(r.bytes / KB).toFixed(1)} KB (depth ${r.depth})`,
    )
    .join(', ')}`;
  const of = (list, key) => summarize(list.map((v) => v[key]));
  const figures = [
    figure({
      id: 'home.code-bytes',
      measure: '仙潭村 home: JS + CSS transferred before interactive (cold)',
      unit: 'B',
      better: 'lower',
      value: of(cold, 'codeBytes'),
      limit: 120 * KB,
      note: cause,
    }),
    figure({
      id: 'home.widget-serial-depth',
      measure: '仙潭村 home: requests in series up to the deepest widget asset, after the HTML (by time)',
      unit: 'requests',
      better: 'lower',
      value: of(cold, 'widgetAssetDepth'),
      limit: 1,
      note: `${last.widgetAssetInitiatorDepth} by initiator: widget scripts are started by the shell's loader one after another, not preloaded from the HTML`,
    }),
    figure({
      id: 'home.repeat-js-bytes',
      measure: '仙潭村 home: JS transferred on a repeat visit',
      unit: 'B',
      better: 'lower',
      value: of(repeat, 'jsBytes'),
      limit: 10 * KB,
    }),
    figure({
      id: 'home.requests',
      measure: '仙潭村 home: requests (cold, every type)',
      unit: 'requests',
      better: 'lower',
      value: of(cold, 'requests'),
    }),
  ];
  for (const path of COUNTED) {
    const value = summarize(cold.map((v) => v.counts[path]));
    if (value.max > 0)
      figures.push(
        figure({
          id: `home.calls${path.replace('/', '.')}`,
          measure: `仙潭村 home: \`${path}\` requests (cold)`,
          unit: 'requests',
          better: 'lower',
          value,
          limit: 1,
        }),
      );
  }
  const problems = [...new Set(cold.flatMap((v) => v.failed))].map((f) => `home: failed request ${f}`);
  return { figures, problems, detail: { largest: last.largest } };
}

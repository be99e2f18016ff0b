// The resident load of (e): `residents` simulated residents, each with its own keep-alive connection
// and address (X-Forwarded-For, believed from the loopback proxy as from nginx), spread over the
// county's villages. One visit is what a resident's phone asks the shell for: the portal page (which
// sets the page-load ticket), the ticket's exchange for the widgets' credentials, and one module read
// (三务公开's published list); then the resident reads for `thinkMs` (uniform ± half) and visits again.
// Residents start evenly over `rampSeconds`; only requests started after the ramp are counted.
import { Agent, request } from 'node:http';

export const ENDPOINTS = ['home', 'widget-tokens', 'module read'];
const TIMEOUT_MS = 10_000;

function send(agent, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(url, { agent, method, headers, timeout: TIMEOUT_MS }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - started,
        }),
      );
      res.on('error', (err) =>
        resolve({ error: err.code ?? 'response error', ms: performance.now() - started }),
      );
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
    req.on('error', (err) => resolve({ error: err.code ?? err.message, ms: performance.now() - started }));
    if (body) req.end(body);
    else req.end();
  });
}

/** Runs the load against `shellUrl` (`origin`: the shell's public one); resolves `{ latencies: {endpoint: ms[]}, errors: {kind: n}, visits, seconds }`. */
export async function residentLoad({
  shellUrl,
  origin,
  villages,
  residents,
  seconds,
  rampSeconds,
  thinkMs,
  module,
}) {
  const latencies = Object.fromEntries(ENDPOINTS.map((e) => [e, []]));
  const errors = {};
  let visits = 0;
  const rampEnd = performance.now() + rampSeconds * 1000;
  const end = rampEnd + seconds * 1000;
  const counted = (started) => started >= rampEnd && started < end;
  const fail = (endpoint, kind) => {
    const key = `${endpoint}: ${kind}`;
    errors[key] = (errors[key] ?? 0) + 1;
  };
  const record = (endpoint, started, r, ok) => {
    if (!counted(started)) return ok;
    latencies[endpoint].push(r.ms);
    if (r.error) fail(endpoint, r.error);
    else if (!ok) fail(endpoint, `HTTP ${r.status} ${/"code":"([A-Z_]+)"/.exec(r.body)?.[1] ?? ''}`.trim());
    return ok;
  };

  async function resident(i) {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const village = villages[i % villages.length];
    const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const base = { 'x-forwarded-for': address, 'accept-language': 'zh-CN' };
    await new Promise((r) => setTimeout(r, (i / residents) * rampSeconds * 1000));
    while (performance.now() < end) {
      let started = performance.now();
      const page = await send(agent, `${shellUrl}/v/${village}/`, {
        headers: { ...base, 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', accept: 'text/html' },
      });
      const ticket = page.headers?.['set-cookie']?.find((c) => c.startsWith('cunmen_ticket_'));
      if (record('home', started, page, page.status === 200 && ticket !== undefined)) {
        started = performance.now();
        const exchange = await send(agent, `${shellUrl}/api/host/v1/widget-tokens`, {
          method: 'POST',
          headers: {
            ...base,
            'content-type': 'application/json',
            origin,
            'sec-fetch-site': 'same-origin',
            cookie: ticket.split(';')[0],
          },
          body: JSON.stringify({ village }),
        });
        let token;
        try {
          token = JSON.parse(exchange.body).credentials[module.widget].token;
        } catch {}
        if (record('widget-tokens', started, exchange, exchange.status === 200 && Boolean(token))) {
          started = performance.now();
          const read = await send(agent, `${shellUrl}/api/modules/${module.id}${module.path}`, {
            headers: { ...base, authorization: `Bearer ${token}`, 'sec-fetch-site': 'same-origin' },
          });
          record('module read', started, read, read.status === 200);
          if (counted(started)) visits++;
        }
      }
      await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
    }
    agent.destroy();
  }

  await Promise.all(Array.from({ length: residents }, (_, i) => resident(i)));
  return { latencies, errors, visits, seconds };
}

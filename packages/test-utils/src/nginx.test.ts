import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedNginx, startNginx } from './nginx.js';

let backend: Server;
let backendPort: number;
let nginx: StartedNginx;

beforeAll(async () => {
  backend = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ url: req.url, forwardedFor: req.headers['x-forwarded-for'] }));
  });
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  backendPort = (backend.address() as { port: number }).port;
  nginx = await startNginx({
    ports: 2,
    config: ({ prefix, ports }) => `
pid ${prefix}/nginx.pid;
events {}
http {
  access_log ${prefix}/logs/access.log;
  client_body_temp_path ${prefix}/temp/body;
  proxy_temp_path ${prefix}/temp/proxy;
  fastcgi_temp_path ${prefix}/temp/fastcgi;
  uwsgi_temp_path ${prefix}/temp/uwsgi;
  scgi_temp_path ${prefix}/temp/scgi;
  server {
    listen 127.0.0.1:${ports[0]};
    location / {
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_pass http://127.0.0.1:${backendPort};
    }
  }
  server { listen 127.0.0.1:${ports[1]}; return 204; }
}`,
  });
});

afterAll(async () => {
  await nginx?.stop();
  await new Promise((r) => backend?.close(r));
});

describe('startNginx', () => {
  it('runs nginx in its own temporary prefix on free ports, proxying to a server of the test', async () => {
    const res = await fetch(`${nginx.url()}/hello?x=1`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ url: '/hello?x=1', forwardedFor: '127.0.0.1' });
    expect((await fetch(nginx.url(1))).status).toBe(204);
    expect(nginx.ports).toHaveLength(2);
  });

  it("refuses a broken configuration with nginx's own message", async () => {
    await expect(startNginx({ config: () => 'events {}\nhttp { no_such_directive on; }' })).rejects.toThrow(
      /unknown directive "no_such_directive"/,
    );
  });
});

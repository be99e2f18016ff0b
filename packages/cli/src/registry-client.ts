/** The few npm-registry calls the CLI makes itself (login, whoami, publish with upload progress). */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface RegistryResponse {
  status: number;
  body: unknown;
}

export interface SendOptions {
  method: string;
  url: string;
  token?: string | null;
  body?: Buffer;
  onProgress?: (sent: number, total: number) => void;
}

export function send(options: SendOptions): Promise<RegistryResponse> {
  const url = new URL(options.url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Record<string, string | number> = {
    accept: 'application/json',
    'npm-command': 'publish',
    'user-agent': 'cunmen-cli',
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = options.body.length;
  }
  return new Promise((resolve, reject) => {
    // A fresh connection each time: a kept-alive socket the registry (or a proxy) closes while the CLI
    // packs the next upload would fail that upload with ECONNRESET.
    const req = request(url, { method: options.method, headers, timeout: 120_000, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          // a proxy's HTML error page: keep the text
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url.host} within 120 s`)));
    req.on('error', (err) => reject(new Error(`cannot reach the registry at ${url.origin}: ${err.message}`)));
    if (!options.body) {
      req.end();
      return;
    }
    const body = options.body;
    const step = 64 * 1024;
    let sent = 0;
    const pump = () => {
      while (sent < body.length) {
        const chunk = body.subarray(sent, sent + step);
        sent += chunk.length;
        options.onProgress?.(sent, body.length);
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

/** `@deqing/find-machinery` → `@deqing%2ffind-machinery`, the path form npm uses (lower-case %2f). */
export function escapeName(name: string): string {
  return name.startsWith('@')
    ? `@${encodeURIComponent(name.slice(1)).replace(/%2F/g, '%2f')}`
    : encodeURIComponent(name);
}

/**
 * The baseline: a bare `node:http` server answering each bench request with the exact status, headers
 * and bytes the registry sent for it, from memory. Started by `registry.bench.ts` with the path of a
 * JSON file of responses and a port; prints `raw server listening` once ready.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

interface Canned {
  key: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error('usage: raw-server.js <responses.json> <port>');
const responses = new Map(
  (JSON.parse(readFileSync(file, 'utf8')) as Canned[]).map((c) => [
    c.key,
    { status: c.status, headers: c.headers, body: Buffer.from(c.body, 'base64') },
  ]),
);

/** The same key `registry.bench.ts` computes: path, Accept and Accept-Encoding. */
function requestKey(path: string, accept: string, encoding: string): string {
  return `${path}\n${accept}\n${encoding}`;
}

const server = createServer((req, res) => {
  const found = responses.get(
    requestKey(req.url ?? '', String(req.headers.accept ?? ''), String(req.headers['accept-encoding'] ?? '')),
  );
  if (!found) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(found.status, found.headers);
  res.end(found.body);
});
server.listen(Number(port), '127.0.0.1', () => process.stdout.write('raw server listening\n'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));

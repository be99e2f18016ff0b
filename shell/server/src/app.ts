/**
 * The shell's Fastify application. Until the portal issue lands it serves the platform's landing page
 * and a health check; routes are added as encapsulated plugins.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { FAVICON, landingPage } from './landing-page.js';

export interface ShellOptions {
  dataDir: string;
  logger?: boolean;
}

export async function buildApp(options: ShellOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/favicon.svg', async (_req, reply) => {
    reply.header('content-type', 'image/svg+xml').header('cache-control', 'public, max-age=86400');
    return FAVICON;
  });
  app.get('/', async (_req, reply) => {
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header(
        'content-security-policy',
        "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
      )
      .header('x-content-type-options', 'nosniff');
    return landingPage();
  });
  return app;
}

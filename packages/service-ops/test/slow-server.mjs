// A service for the graceful-shutdown tests, run as its own process: the built @cunmen/service-ops, a
// route that takes SLOW_MS, and a store whose close is logged, so the test sees the order of events.
import Fastify from 'fastify';
import { handleShutdownSignals, requestIdOptions, serviceOps } from '../dist/index.js';

const say = (line) => process.stdout.write(`${line}\n`);
const app = Fastify(requestIdOptions());
await app.register(serviceOps, { service: 'slow' });
app.get('/slow', async () => {
  say('slow request started');
  await new Promise((r) => setTimeout(r, Number(process.env.SLOW_MS)));
  say('slow request finished');
  return { done: true };
});
app.addHook('onClose', async () => say('stores closed'));
handleShutdownSignals(app, {
  timeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS),
  drainDelayMs: Number(process.env.DRAIN_DELAY_MS),
  exit: (code) => {
    say(`exit ${code}`);
    process.exit(code);
  },
});
const address = await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
say(`listening on ${address}`);

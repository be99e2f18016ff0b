/** The MockHost against the host API contract; shell/server runs the same suite against the real server. */
import { describeHostApiContract } from './contract/index.js';
import { createMockHost } from './mock-host.js';

describeHostApiContract('MockHost', async () => ({
  resident: createMockHost().api,
  readOnly: createMockHost({ capabilities: ['store.read'] }).api,
  anonymous: createMockHost({ user: null }).api,
}));

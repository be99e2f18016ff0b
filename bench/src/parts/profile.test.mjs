import { describe, expect, it } from 'vitest';
import { describeShares, originOf, selfTimeByOrigin } from './profile.mjs';

describe('originOf', () => {
  it.each([
    ['file:///r/node_modules/.pnpm/pino@9/node_modules/pino/lib/tools.js', '', 'pino'],
    ['file:///r/node_modules/.pnpm/x/node_modules/@fastify/rate-limit/index.js', '', '@fastify/rate-limit'],
    ['node:internal/http', 'write', 'node:internal/http'],
    ['file:///w/registry/dist/services/packument.js', 'render', 'registry services/packument.js'],
    ['', '(garbage collector)', '(garbage collector)'],
    ['', 'writev', 'native writev'],
    ['', '', 'native (anonymous)'],
  ])('%s %s → %s', (url, functionName, origin) => {
    expect(originOf({ url, functionName })).toBe(origin);
  });
});

describe('selfTimeByOrigin', () => {
  it('charges each sample to its node, leaves idle time out and sorts the largest first', () => {
    const frame = (url, functionName = 'f') => ({ url, functionName });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('', '(idle)') },
        { id: 2, callFrame: frame('file:///n/node_modules/fastify/lib/reply.js') },
        { id: 3, callFrame: frame('file:///n/node_modules/pino/pino.js') },
        { id: 4, callFrame: frame('file:///n/node_modules/fastify/lib/route.js') },
      ],
      samples: [1, 1, 1, 2, 3, 4, 2],
    };
    const shares = selfTimeByOrigin(profile);
    expect(shares).toEqual([
      { origin: 'fastify', share: 0.75 },
      { origin: 'pino', share: 0.25 },
    ]);
    expect(describeShares(shares, 1)).toBe('fastify 75 %');
  });
});

/** A mock village for the stories: the module's answers from test-data, elderly mode on request. */
import { createMockHost, MockHostProvider } from '@cunmen/sdk/mock';
import { ThemeProvider } from '@cunmen/ui';
import { type ReactNode, useState } from 'react';
import { book, goods, leaderboard, me, queue, summary } from './test-data.js';

export function StoryVillage({
  children,
  elderly = false,
  account = 'resident',
}: {
  children: ReactNode;
  elderly?: boolean;
  account?: 'resident' | 'cadre' | 'merchant' | null;
}) {
  const [host] = useState(() =>
    createMockHost({
      capabilities: ['module.api', 'user.read'],
      elderly,
      user: account
        ? { id: 'u1', displayName: account === 'merchant' ? '仙潭小超市' : '张*华', role: account }
        : null,
      latencyMs: 200,
      module: ({ method, path }) => {
        if (path === '/me') return me();
        if (path === '/rulebook') return { inForce: book(), versions: [book()] };
        if (path === '/goods') return goods();
        if (path.startsWith('/leaderboard')) return leaderboard();
        if (path.startsWith('/summary')) return summary();
        if (path === '/claims') return queue();
        if (path.startsWith('/counter/'))
          return { code: 'H-0012', name: '张**', balance: { total: 75, redeemable: 45 } };
        if (path === '/photos') return { id: 'p-1', mime: 'image/jpeg', size: 1 };
        if (method === 'POST' && path === '/redeem')
          return { seq: 3, points: -30, redeemable: 15, stock: 11 };
        return {};
      },
    }),
  );
  return (
    <MockHostProvider host={host}>
      <ThemeProvider elderly={elderly}>{children}</ThemeProvider>
    </MockHostProvider>
  );
}

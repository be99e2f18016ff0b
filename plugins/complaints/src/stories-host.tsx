/** A mock village for the stories: the module's answers from test-data, elderly mode on request. */
import { createMockHost, MockHostProvider } from '@cunmen/sdk/mock';
import { ThemeProvider } from '@cunmen/ui';
import { type ReactNode, useState } from 'react';
import type { CaseDetail } from './common/model.js';
import { board, CASE_ID, caseDetail, closedCase, metrics } from './test-data.js';

export function StoryVillage({
  children,
  elderly = false,
  anonymous = false,
  account = 'resident',
}: {
  children: ReactNode;
  elderly?: boolean;
  anonymous?: boolean;
  account?: 'resident' | 'cadre';
}) {
  const [host] = useState(() => {
    let mine: CaseDetail = closedCase();
    return createMockHost({
      capabilities: ['module.api', 'user.read'],
      elderly,
      user: anonymous
        ? null
        : { id: 'u1', displayName: account === 'cadre' ? '王*明' : '张*华', role: account },
      latencyMs: 200,
      module: ({ method, path, body }) => {
        if (path === '/photos') return { id: crypto.randomUUID(), type: 'image/jpeg', size: 1 };
        if (method === 'POST' && path === '/cases') return caseDetail();
        if (path === '/cases/mine')
          return {
            items: [mine, caseDetail({ id: crypto.randomUUID(), tracking: 'JS20261102-0002' })],
            open: 1,
          };
        if (path.startsWith('/cases?'))
          return { items: [{ ...caseDetail(), actions: ['accept'] }], total: 1 };
        if (method === 'POST' && path === `/cases/${CASE_ID}/rate`) {
          mine = closedCase({ rating: (body as { rating: 'satisfied' }).rating, actions: [] });
          return mine;
        }
        if (path.startsWith('/cases/'))
          return account === 'cadre'
            ? {
                ...caseDetail(),
                actions: ['accept'],
                resident: { name: '张阿婆', household: 'H1' },
                targets: [],
              }
            : mine;
        if (path.startsWith('/board')) return board();
        if (path.startsWith('/metrics')) return metrics();
        return undefined;
      },
    });
  });
  return (
    <MockHostProvider host={host}>
      <ThemeProvider elderly={elderly}>{children}</ThemeProvider>
    </MockHostProvider>
  );
}

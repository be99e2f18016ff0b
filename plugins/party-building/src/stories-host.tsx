/** A mock village for the stories: the module's answers from test-data, elderly mode on request. */
import { createMockHost, MockHostProvider } from '@cunmen/sdk/mock';
import { ThemeProvider } from '@cunmen/ui';
import { type ReactNode, useState } from 'react';
import { answer } from './test-data.js';

export function StoryVillage({
  children,
  elderly = false,
  account = 'resident',
}: {
  children: ReactNode;
  elderly?: boolean;
  account?: 'resident' | 'cadre' | null;
}) {
  const [host] = useState(() =>
    createMockHost({
      capabilities: ['module.api', 'user.read'],
      elderly,
      user: account ? { id: 'u1', displayName: account === 'cadre' ? '沈**' : '张**', role: account } : null,
      latencyMs: 200,
      module: (call) => answer(call),
    }),
  );
  return (
    <MockHostProvider host={host}>
      <ThemeProvider elderly={elderly}>{children}</ThemeProvider>
    </MockHostProvider>
  );
}

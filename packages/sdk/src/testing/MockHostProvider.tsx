/** `<MockHostProvider>`: a `HostProvider` around a MockHost, for stories, demos and the dev shell. */
import { type ReactNode, useState } from 'react';
import { HostProvider } from '../react/HostProvider.js';
import { createMockHost, type MockHost, type MockHostOptions } from './mock-host.js';

export interface MockHostProviderProps extends MockHostOptions {
  /** Use this MockHost; otherwise one is created from the options on first render (later option changes are ignored). */
  host?: MockHost;
  children?: ReactNode;
}

/**
 * @example
 * <MockHostProvider capabilities={['store.read']} config={{ title: '测试' }}><WasteTile /></MockHostProvider>
 */
export function MockHostProvider({ host, children, ...options }: MockHostProviderProps) {
  const [created] = useState(() => host ?? createMockHost(options));
  return <HostProvider host={host ?? created}>{children}</HostProvider>;
}

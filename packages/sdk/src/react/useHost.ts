/** The `Host` the widget runs in. */
import { useContext } from 'react';
import { HostError } from '../core/errors.js';
import type { Host } from '../core/host.js';
import { HostContext } from './host-context.js';

/**
 * Returns the current `Host`; throws `SDK_ERR_NO_HOST` outside `<HostProvider>`.
 *
 * @example
 * const { village } = useHost();
 */
export function useHost(): Host {
  const host = useContext(HostContext);
  if (host === null) {
    throw new HostError({
      code: 'SDK_ERR_NO_HOST',
      message:
        '组件未在村门宿主中运行：请在 <HostProvider> 内渲染（测试中使用 renderWithHost 或 <MockHostProvider>）',
      detail:
        'A @cunmen/sdk hook was called outside <HostProvider>. The shell wraps every widget in one; in tests and stories use renderWithHost() or <MockHostProvider> from @cunmen/sdk/testing.',
    });
  }
  return host;
}

/** `renderWithHost`: @testing-library/react's `render`, inside a MockHost. */
import { type RenderOptions, type RenderResult, render } from '@testing-library/react';
import type { ComponentType, ReactElement, ReactNode } from 'react';
import { HostProvider } from '../react/HostProvider.js';
import { createMockHost, type MockHost, type MockHostOptions } from './mock-host.js';

export interface RenderWithHostOptions extends MockHostOptions {
  /** Use this MockHost instead of creating one from the options. */
  host?: MockHost;
  /** Rendered inside the HostProvider around `ui`, e.g. the UI kit's `ThemeProvider` (for `useToast`). */
  wrapper?: ComponentType<{ children: ReactNode }>;
  /** Passed on to `render` (its own `wrapper` is taken: use `wrapper` above). */
  renderOptions?: Omit<RenderOptions, 'wrapper'>;
}

export type RenderWithHostResult = RenderResult & { host: MockHost };

/**
 * Renders `ui` inside `<HostProvider>` with a MockHost; `rerender` keeps the provider. Without vitest
 * `globals`, @testing-library/react does not clean up by itself: add `afterEach(cleanup)`.
 *
 * @example
 * const { host, findByText } = renderWithHost(<BookingForm />, { capabilities: ['form.submit'] });
 * await userEvent.click(await findByText('提交'));
 * expect(host.submissions).toHaveLength(1);
 */
export function renderWithHost(ui: ReactElement, options: RenderWithHostOptions = {}): RenderWithHostResult {
  const { host: given, renderOptions, wrapper: Inner, ...hostOptions } = options;
  const host = given ?? createMockHost(hostOptions);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <HostProvider host={host}>{Inner ? <Inner>{children}</Inner> : children}</HostProvider>
  );
  return { ...render(ui, { ...renderOptions, wrapper }), host };
}

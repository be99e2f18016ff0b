/**
 * `@cunmen/sdk/testing`: a MockHost for unit tests, stories and the CLI's dev shell.
 * `renderWithHost` needs `@testing-library/react` (an optional peer dependency).
 */

export { MockHostProvider, type MockHostProviderProps } from './MockHostProvider.js';
export {
  createMockHost,
  MOCK_RESIDENT,
  MOCK_VILLAGE,
  type MockCall,
  type MockHost,
  type MockHostOptions,
  type MockPointsRequest,
  type MockStorage,
  type MockSubmission,
  type MockUpload,
} from './mock-host.js';
export { type RenderWithHostOptions, type RenderWithHostResult, renderWithHost } from './render-with-host.js';

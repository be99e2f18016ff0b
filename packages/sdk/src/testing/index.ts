/**
 * `@cunmen/sdk/testing`: a MockHost for unit tests, stories and the CLI's dev shell, plus
 * `renderWithHost`, which needs `@testing-library/react` (an optional peer dependency). Code that must
 * not depend on Testing Library imports `@cunmen/sdk/mock` instead.
 */

export {
  createMockHost,
  MOCK_RESIDENT,
  MOCK_VILLAGE,
  type MockCall,
  type MockHost,
  type MockHostOptions,
  MockHostProvider,
  type MockHostProviderProps,
  type MockModuleCall,
  type MockModuleHandler,
  type MockPointsRequest,
  type MockStorage,
  type MockSubmission,
  type MockUpload,
} from './mock.js';
export { type RenderWithHostOptions, type RenderWithHostResult, renderWithHost } from './render-with-host.js';

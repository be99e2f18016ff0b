/**
 * `@cunmen/sdk/mock`: the MockHost without any test-library dependency, for Storybook and the CLI's
 * emulated shell. `@cunmen/sdk/testing` adds `renderWithHost` on top.
 */
export { MockHostProvider, type MockHostProviderProps } from './MockHostProvider.js';
export {
  createMockHost,
  MOCK_RESIDENT,
  MOCK_VILLAGE,
  type MockCall,
  type MockHost,
  type MockHostOptions,
  type MockModuleCall,
  type MockModuleHandler,
  type MockPointsRequest,
  type MockStorage,
  type MockSubmission,
  type MockUpload,
} from './mock-host.js';

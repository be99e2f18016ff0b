/** The public API is chosen on purpose: adding or removing a name must be a visible change here. */
import { describe, expect, it } from 'vitest';
import * as sdk from './index.js';
import * as contract from './testing/contract/index.js';
import * as testing from './testing/index.js';

describe('public API', () => {
  it('@cunmen/sdk exports exactly these runtime names', () => {
    expect(Object.keys(sdk).sort()).toEqual(
      [
        'COLLECTION_PATTERN',
        'CapabilityDeniedError',
        'DOC_ID_PATTERN',
        'HOST_API_PATH',
        'HOST_EVENTS',
        'HostError',
        'HostProvider',
        'MAX_PAGE_LIMIT',
        'METHOD_CAPABILITIES',
        'MODULE_API_PATH',
        'SDK_ERROR_CODES',
        'SDK_VERSION',
        'SUPPORTED_SLOTS',
        'createDeviceLocation',
        'createElderlyMode',
        'createEventHub',
        'createHttpHostApi',
        'createTranslate',
        'defineCadrePage',
        'definePage',
        'defineTile',
        'hasCapability',
        'isCapabilityDenied',
        'isHostError',
        'isSlotContribution',
        'useCapability',
        'useConfig',
        'useDeviceLocation',
        'useElderlyMode',
        'useEvent',
        'useHost',
        'useLocale',
        'useModuleMutation',
        'useModuleQuery',
        'useNavigate',
        'usePublish',
        'useRequestPoints',
        'useStoreList',
        'useStoreMutation',
        'useSubmitForm',
        'useT',
        'useUpload',
        'useUser',
        'useVillage',
      ].sort(),
    );
  });

  it('@cunmen/sdk/testing exports exactly these runtime names', () => {
    expect(Object.keys(testing).sort()).toEqual(
      ['MOCK_RESIDENT', 'MOCK_VILLAGE', 'MockHostProvider', 'createMockHost', 'renderWithHost'].sort(),
    );
  });

  it('@cunmen/sdk/contract exports exactly the contract suite', () => {
    expect(Object.keys(contract)).toEqual(['describeHostApiContract']);
  });
});

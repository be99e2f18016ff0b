/**
 * `@cunmen/sdk`: what a Cunmen widget imports to talk to the host. The public API, chosen on purpose —
 * add names here deliberately, never with `export *`. Test helpers live in `@cunmen/sdk/testing`.
 */

export { COLLECTION_PATTERN, DOC_ID_PATTERN, MAX_PAGE_LIMIT } from '@cunmen/host-api';
// Core (no React)
export {
  CapabilityDeniedError,
  HostError,
  type HostErrorInit,
  isCapabilityDenied,
  isHostError,
  SDK_ERROR_CODES,
  type SdkErrorCode,
} from './core/errors.js';
export {
  type CunmenEvents,
  createEventHub,
  type EventBus,
  type EventHandler,
  type EventHub,
  type EventHubOptions,
  type EventMeta,
  type EventName,
  HOST_EVENTS,
} from './core/events.js';
export { createElderlyMode, type ElderlyMode, type Host, hasCapability } from './core/host.js';
export {
  type FormReceipt,
  type HostApi,
  type HostApiMethod,
  type HostStore,
  type ListOptions,
  METHOD_CAPABILITIES,
  type ModuleClient,
  type ModuleMethod,
  type PointsRequest,
  type PointsRequestReceipt,
  type PutOptions,
  type UploadedMedia,
} from './core/host-api.js';
export {
  createHttpHostApi,
  HOST_API_PATH,
  type HttpHostApiOptions,
  MODULE_API_PATH,
} from './core/http-host-api.js';
export { createDeviceLocation, type DeviceLocation, type GeoPoint } from './core/location.js';
export type {
  Division,
  HostUser,
  HostUserRole,
  Locale,
  Page,
  StoredDoc,
  Village,
  WidgetInfo,
} from './core/types.js';

// React
export { HostProvider, type HostProviderProps } from './react/HostProvider.js';
export { useCapability } from './react/useCapability.js';
export { useConfig } from './react/useConfig.js';
export { type DeviceLocationRequest, useDeviceLocation } from './react/useDeviceLocation.js';
export { useElderlyMode } from './react/useElderlyMode.js';
export { useEvent } from './react/useEvent.js';
export { useHost } from './react/useHost.js';
export { useLocale } from './react/useLocale.js';
export { type ModuleMutation, useModuleMutation } from './react/useModuleMutation.js';
export { type ModuleQuery, useModuleQuery } from './react/useModuleQuery.js';
export { useNavigate } from './react/useNavigate.js';
export { usePublish } from './react/usePublish.js';
export { type RequestPoints, useRequestPoints } from './react/useRequestPoints.js';
export { type StoreList, type StoreListOptions, useStoreList } from './react/useStoreList.js';
export { type StoreMutation, useStoreMutation } from './react/useStoreMutation.js';
export { type SubmitForm, useSubmitForm } from './react/useSubmitForm.js';
export {
  createTranslate,
  type MessageKey,
  type Messages,
  type Translate,
  type TranslateVars,
  type TranslationResources,
  useT,
} from './react/useT.js';
export { type Upload, useUpload } from './react/useUpload.js';
export { useUser } from './react/useUser.js';
export { useVillage } from './react/useVillage.js';

// Slots
export {
  type CadrePageContribution,
  type CadrePageProps,
  defineCadrePage,
  definePage,
  defineTile,
  isSlotContribution,
  type PageContribution,
  type PageProps,
  type SlotContribution,
  SUPPORTED_SLOTS,
  type TileContribution,
  type TileProps,
} from './slots/slots.js';

export { SDK_VERSION } from './version.js';

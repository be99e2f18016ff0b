/**
 * What the staff console (`shell/console`, on its own origin) takes from this app to run widgets the
 * way the resident portal does: the trust gate over a snapshot (signature checks, then one Module
 * Federation instance with only the accepted widgets), the per-widget host, the slot with its loading,
 * fallback and error states, and the `cadre.page/v1` placements. Hand-picked: nothing of the resident
 * screens. The dependency points from the console to here, never back, so the resident bundle carries
 * none of the console.
 */
export { trustGate } from './boot.js';
export type { LoadResult, PortalFederation } from './federation/instance.js';
export { createWidgetHost, villageOf } from './portal/host.js';
export { loaderFor } from './portal/loaders.js';
export { cadrePagesOf, type PageEntry } from './portal/slots.js';
export { WidgetSlot } from './portal/WidgetSlot.js';

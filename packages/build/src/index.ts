export { contentTypeOf, describeAssets, sri } from './assets.js';
export { BROWSER_TARGETS } from './browsers.js';
export {
  BUILT_MANIFEST,
  type BuildOutcome,
  type BuildWidgetOptions,
  buildWidget,
  describeBuild,
  type WatchWidgetOptions,
  watchWidget,
} from './build-widget.js';
export { type ConfigSchemaResult, loadConfigSchema } from './config-schema.js';
export { buildErrors, WidgetBuildError } from './errors.js';
export { exposeAssetsOf, exposeGzip, homeRouteGzip } from './expose-assets.js';
export { HOME_ROUTE_WIRE_BUDGET, type HomeRouteOnTheWire, homeRouteOnTheWire } from './home-route.js';
export {
  MF_MANIFEST,
  moduleFederationOptions,
  REMOTE_ENTRY,
  type WidgetRsbuildOptions,
  widgetRsbuildConfig,
} from './rsbuild-plugin.js';
export { sharedRanges } from './shared.js';
export {
  type LoadResult,
  loadWidgetPackage,
  remoteName,
  type WidgetPackage,
  type WidgetPackageJson,
} from './widget-package.js';

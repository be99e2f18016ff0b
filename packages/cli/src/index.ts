// The widget build's home-route measure, for widgets' own size tests (they depend on the CLI only).
export { HOME_ROUTE_WIRE_BUDGET, type HomeRouteOnTheWire, homeRouteOnTheWire } from '@cunmen/build';
export {
  checkCreateOptions,
  scaffoldWidget,
  TEMPLATE_DIR,
  TEMPLATE_MANAGED_FILES,
  widgetManifest,
} from './commands/create.js';
export { widgetPackageJson } from './commands/create-package.js';
export { publishDocument } from './commands/publish.js';
export { validateWidget } from './commands/validate.js';
export { CliError } from './output.js';
export { createProgram, run } from './program.js';

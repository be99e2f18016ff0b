import { defineCunmenConfig } from '../../vitest.shared.ts';

const config = defineCunmenConfig();
// The AWS SDK's `module` entries import without file extensions, which Node's loader refuses: on the
// server side resolve it by `node` (its CommonJS build) instead.
const ssr = config.ssr?.resolve;
if (ssr?.conditions) ssr.conditions = ssr.conditions.filter((c) => c !== 'module');
export default config;

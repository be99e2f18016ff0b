import { defineCunmenConfig, withoutModuleCondition } from '../../vitest.shared.ts';

// The tests load the AWS SDK (S3): see withoutModuleCondition.
export default withoutModuleCondition(defineCunmenConfig());

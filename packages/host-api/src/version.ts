/**
 * The `@cunmen/sdk` version this contract is part of: the SDK compiles it into every widget bundle, the
 * shell server advertises it to the widgets a portal may place (their `sdk` range must accept it).
 * packages/sdk/src/version.test.ts keeps it equal to the SDK's package.json; bump both together.
 */
export const SDK_VERSION = '0.1.0';

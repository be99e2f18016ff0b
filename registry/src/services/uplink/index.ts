/** The uplink proxy as the registry uses it: a package source and its options. */

export {
  DEFAULT_UPLINK_MAX_AGE_SECONDS,
  DEFAULT_UPLINK_TIMEOUT_MS,
  type UplinkOptions,
  UplinkPackages,
} from './source.js';

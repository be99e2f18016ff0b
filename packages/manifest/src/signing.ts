/**
 * What the province signs at approval: `{name, version, asset hashes, granted capabilities}` as
 * canonical JSON. The registry signs these bytes with Ed25519; the shell verifies the same bytes.
 */

import { canonicalJson } from './canonical-json.js';
import type { Capability } from './capabilities.js';

export interface SignedRelease {
  name: string;
  version: string;
  /** asset path → SRI integrity (`sha384-…`) */
  assets: Record<string, string>;
  capabilities: Capability[];
}

export function signaturePayload(release: SignedRelease): string {
  return canonicalJson({
    name: release.name,
    version: release.version,
    assets: release.assets,
    capabilities: [...release.capabilities].sort(),
  });
}

/**
 * The shared singletons: the packages a page holds exactly one copy of. The host provides them (the
 * resident shell, and `cunmen dev`'s emulated shell) and a widget never bundles them. One table, with
 * the versions the platform ships: the build preset marks them shared and derives the ranges a widget
 * accepts, both hosts provide them under these keys, and the shell server writes them into every
 * snapshot and refuses at assembly a widget whose ranges they do not satisfy. Tests keep the versions
 * equal to the workspace's packages (here) and to the libraries each host loads (in each host).
 * i18next is not here: only the SDK imports it, so it travels inside the SDK's one copy.
 */

export interface SharedSingleton {
  /** The version every host provides. */
  readonly version: string;
  /** The package whose declared range applies (`react/jsx-runtime` takes `react`'s). */
  readonly package: string;
}

export const SHARED_SINGLETONS = {
  react: { version: '19.3.1', package: 'react' },
  'react-dom': { version: '19.3.1', package: 'react-dom' },
  'react/jsx-runtime': { version: '19.3.1', package: 'react' },
  '@cunmen/sdk': { version: '0.1.0', package: '@cunmen/sdk' },
  '@cunmen/ui': { version: '0.1.0', package: '@cunmen/ui' },
} as const satisfies Record<string, SharedSingleton>;

export type SharedSingletonName = keyof typeof SHARED_SINGLETONS;

export const SHARED_SINGLETON_NAMES = Object.keys(SHARED_SINGLETONS) as SharedSingletonName[];

/** `name → version`, as `snapshot.host.shared` carries it. */
export function sharedVersions(): Record<SharedSingletonName, string> {
  const out = {} as Record<SharedSingletonName, string>;
  for (const name of SHARED_SINGLETON_NAMES) out[name] = SHARED_SINGLETONS[name].version;
  return out;
}

/**
 * The range of versions compatible with `version` by semver's caret rule: the same major (`19.3.1` →
 * `^19.0.0`), or below 1.0 the same minor (`0.1.2` → `^0.1.0`). What a widget that declares no range
 * is built against.
 */
export function compatibleRange(version: string): string {
  const [major = '0', minor = '0'] = version.split('.');
  return major === '0' ? `^0.${minor}.0` : `^${major}.0.0`;
}

/** One entry of a Module Federation host's `shared` option. */
export interface FederationSingleton {
  version: string;
  scope: 'default';
  lib: () => unknown;
  shareConfig: { singleton: true; requiredVersion: string };
}

/**
 * A Module Federation host's `shared` option: every singleton of the table, with its version and the
 * one copy the host loaded. `libs` must name every singleton, so a new row fails to compile in a host
 * that does not provide it.
 */
export function federationShared(
  libs: Readonly<Record<SharedSingletonName, unknown>>,
): Record<SharedSingletonName, FederationSingleton> {
  const out = {} as Record<SharedSingletonName, FederationSingleton>;
  for (const name of SHARED_SINGLETON_NAMES) {
    const { version } = SHARED_SINGLETONS[name];
    out[name] = {
      version,
      scope: 'default',
      lib: () => libs[name],
      shareConfig: { singleton: true, requiredVersion: `^${version}` },
    };
  }
  return out;
}

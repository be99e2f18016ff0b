/**
 * The install and publish configuration `cunmen create` writes: package.json, .npmrc and pnpm's
 * workspace file. Together they make a plain `npm install` / `pnpm install` quiet (no peer conflicts,
 * every dependency build script decided) and a plain `npm publish` / `pnpm publish` go to the
 * provincial registry only.
 */
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { PROVINCE_SCOPE } from '@cunmen/manifest';
import { normalizeRegistry } from '../npmrc.js';

const require = createRequire(import.meta.url);

/**
 * Third-party versions the template installs: the ones the province tested with. `@storybook/react`
 * is pinned beside `storybook`: storybook-react-rsbuild asks for it with `^10.6.0`, so a fresh install
 * would take the newest one, whose peer range wants a newer `storybook` than the pinned one (npm's
 * `ERESOLVE overriding peer dependency`, pnpm's unmet peer warning). Keep the two equal.
 */
export const THIRD_PARTY = {
  react: '19.3.1',
  'react-dom': '19.3.1',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  '@testing-library/react': '16.3.3',
  '@testing-library/dom': '10.4.2',
  '@rsbuild/core': '2.3.2',
  'happy-dom': '21.0.4',
  storybook: '10.6.7',
  '@storybook/react': '10.6.7',
  'storybook-react-rsbuild': '3.6.0',
  typescript: '6.0.3',
  vitest: '4.1.12',
  zod: '4.6.7',
};

/**
 * Dependencies with install scripts, and whether they may run them (npm's `allowScripts`, pnpm's
 * `allowBuilds`). esbuild's postinstall only checks its platform binary, which its optional
 * dependency already brings.
 */
export const INSTALL_SCRIPTS: Readonly<Record<string, boolean>> = { esbuild: false };

export type DependencyMode =
  | { kind: 'registry' }
  | { kind: 'workspace' }
  | { kind: 'local'; checkout: string };

export interface PackageOptions {
  name: string;
  scope: string;
  title: string;
  /** The provincial registry: @cunmen and the county scope come from it, and publishing goes to it. */
  registry: string;
  deps: DependencyMode;
}

/** Every @cunmen package a widget installs, directly or through another (the SDK needs the last two). */
const CUNMEN_PACKAGES = [
  '@cunmen/manifest',
  '@cunmen/sdk',
  '@cunmen/errors',
  '@cunmen/host-api',
  '@cunmen/ui',
  '@cunmen/build',
  '@cunmen/cli',
] as const;

type DirectCunmenPackage = '@cunmen/sdk' | '@cunmen/ui' | '@cunmen/cli' | '@cunmen/manifest';

export function ownVersion(pkg: string): string {
  return (require(`${pkg}/package.json`) as { version: string }).version;
}

/**
 * `file:` (not `link:`): pnpm injects a copy whose peers (React) resolve from the widget, so tests and
 * the dev shell see one React, as they do with packages installed from the registry.
 */
function localSpec(pkg: string, checkout: string, widgetDir: string): string {
  return `file:${relative(widgetDir, join(checkout, 'packages', pkg.slice('@cunmen/'.length)))}`;
}

function cunmenDep(pkg: DirectCunmenPackage, deps: DependencyMode, widgetDir: string): string {
  switch (deps.kind) {
    case 'workspace':
      return 'workspace:^';
    case 'local':
      return localSpec(pkg, deps.checkout, widgetDir);
    default:
      return `^${ownVersion(pkg)}`;
  }
}

export function widgetPackageJson(options: PackageOptions, widgetDir: string): Record<string, unknown> {
  const devDependencies: Record<string, string> = {};
  for (const pkg of ['@cunmen/cli', '@cunmen/manifest', '@cunmen/sdk', '@cunmen/ui'] as const)
    devDependencies[pkg] = cunmenDep(pkg, options.deps, widgetDir);
  return {
    name: `${options.scope}/${options.name}`,
    version: '0.1.0',
    description: `${options.title} — a Cunmen widget`,
    type: 'module',
    license: 'Apache-2.0',
    files: ['dist', 'widget.json', 'src/config.ts', 'README.md'],
    scripts: {
      build: 'cunmen build',
      dev: 'cunmen dev',
      test: 'vitest run',
      typecheck: 'tsc -p tsconfig.json --noEmit',
      validate: 'cunmen validate',
      storybook: 'storybook dev -p 6007 --disable-telemetry',
    },
    peerDependencies: {
      '@cunmen/sdk': `^${ownVersion('@cunmen/sdk')}`,
      '@cunmen/ui': `^${ownVersion('@cunmen/ui')}`,
      react: '^19.0.0',
    },
    devDependencies: { ...devDependencies, ...THIRD_PARTY },
    // npm 11 runs no dependency install script that is not decided here, and says so after every install.
    allowScripts: INSTALL_SCRIPTS,
    // Wins over every .npmrc for `npm publish` and `pnpm publish`: a widget can only go to the province.
    publishConfig: { registry: normalizeRegistry(options.registry) },
  };
}

export function pnpmWorkspaceYaml(scope: string, deps: DependencyMode, widgetDir: string): string {
  const lines = ['# pnpm 12 refuses dependency build scripts that are not listed here.', 'allowBuilds:'];
  for (const [pkg, allowed] of Object.entries(INSTALL_SCRIPTS)) lines.push(`  ${pkg}: ${allowed}`);
  // pnpm 12 holds back versions younger than a day and then rewrites this file to let each one through;
  // the province reviews its own and the county's packages, so they install as soon as it publishes them.
  lines.push('minimumReleaseAgeExclude:', `  - '${PROVINCE_SCOPE}/*'`, `  - '${scope}/*'`);
  if (deps.kind === 'local') {
    // The checkout's packages depend on each other with workspace:^, which means nothing here.
    lines.push('overrides:');
    for (const pkg of CUNMEN_PACKAGES)
      lines.push(`  '${pkg}': '${localSpec(pkg, deps.checkout, widgetDir)}'`);
  }
  return `${lines.join('\n')}\n`;
}

/** The province's scope and the county's come from the provincial registry; nothing else is changed. */
export function projectNpmrc(scope: string, registry: string): string {
  const url = normalizeRegistry(registry);
  return `${PROVINCE_SCOPE}:registry=${url}\n${scope}:registry=${url}\n`;
}

/**
 * `cunmen create <name>`: scaffolds a widget from the template (a tile, a page, a config schema, a unit
 * test, a story). The manifest is validated before anything is written; an existing folder is never
 * overwritten.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  KNOWN_COUNTY_SCOPES,
  type ManifestIssue,
  PROVINCE_SCOPE,
  validateWidgetManifest,
  type WidgetManifestInput,
} from '@cunmen/manifest';
import { normalizeRegistry } from '../npmrc.js';
import { CliError, dim, green } from '../output.js';
import {
  type DependencyMode,
  ownVersion,
  type PackageOptions,
  pnpmWorkspaceYaml,
  projectNpmrc,
  widgetPackageJson,
} from './create-package.js';
import { widgetReadme } from './create-readme.js';

export type { DependencyMode };

export const TEMPLATE_DIR = fileURLToPath(new URL('../../template/', import.meta.url));

/** Files copied verbatim from the template into every widget (and kept in step in the repo's own widgets). */
export const TEMPLATE_MANAGED_FILES = [
  'tsconfig.json',
  'vitest.config.ts',
  '.gitignore',
  '.storybook/main.ts',
  '.storybook/preview.tsx',
];

/** The template's placeholders; a test checks that none survives in a created widget. */
export const PLACEHOLDER = /__[A-Z][A-Z_]*__|TemplateWidget/;

export interface CreateOptions extends PackageOptions {
  county: string;
  dir: string;
}

function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
}

export function widgetManifest(options: CreateOptions): WidgetManifestInput {
  return {
    $schema: './node_modules/@cunmen/manifest/schema/widget.schema.json',
    kind: 'widget',
    county: options.county,
    title: { 'zh-CN': options.title },
    description: { 'zh-CN': `${options.title}：由 cunmen create 生成，请改写这段介绍。` },
    category: 'other',
    sdk: `^${ownVersion('@cunmen/sdk')}`,
    exposes: { './Tile': './src/tile/index.tsx', './Page': './src/page/index.tsx' },
    contributes: [
      { slot: 'village.home.tile/v1', expose: './Tile' },
      { slot: 'village.page/v1', expose: './Page', route: options.name, title: { 'zh-CN': options.title } },
      { slot: 'village.nav/v1', route: options.name, title: { 'zh-CN': options.title.slice(0, 4) } },
    ],
    capabilities: ['store.read', 'store.write'],
    config: './src/config.ts',
  };
}

/** Checks every input first; returns the problems instead of writing anything. */
export function checkCreateOptions(options: CreateOptions): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  if (!/^[a-z][a-z0-9-]{1,50}$/.test(options.name)) {
    issues.push({
      path: 'name',
      en: `name: "${options.name}" must be lower-case letters, digits and dashes, starting with a letter (e.g. find-machinery)`,
      zh: `name："${options.name}" 只能包含小写字母、数字和连字符，且以字母开头`,
    });
  }
  if (!/^@[a-z0-9][a-z0-9-]{0,38}$/.test(options.scope)) {
    issues.push({
      path: 'scope',
      en: `--scope: "${options.scope}" is not an npm scope such as @deqing`,
      zh: `--scope："${options.scope}" 不是 npm 作用域（如 @deqing）`,
    });
  } else if (options.scope === PROVINCE_SCOPE) {
    issues.push({
      path: 'scope',
      en: `--scope: ${PROVINCE_SCOPE} is the province's scope; use your county's scope`,
      zh: `--scope：${PROVINCE_SCOPE} 是省级作用域，请使用本县作用域`,
    });
  }
  if (options.title.trim() === '')
    issues.push({ path: 'title', en: '--title: a zh-CN title is required', zh: '--title：需要中文标题' });
  if (issues.length > 0) return issues;
  const result = validateWidgetManifest(widgetManifest(options), {
    name: `${options.scope}/${options.name}`,
    version: '0.1.0',
  });
  return result.ok ? [] : result.issues;
}

function copyTemplate(target: string, replacements: Record<string, string>): void {
  cpSync(TEMPLATE_DIR, target, { recursive: true });
  renameSync(join(target, 'gitignore'), join(target, '.gitignore'));
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  for (const file of walk(target)) {
    let text = readFileSync(file, 'utf8');
    for (const [token, value] of Object.entries(replacements)) text = text.split(token).join(value);
    writeFileSync(file, text);
  }
}

export function scaffoldWidget(options: CreateOptions): string {
  const issues = checkCreateOptions(options);
  if (issues.length > 0)
    throw new CliError(`cannot create ${options.scope}/${options.name}; nothing was written`, 1, issues);
  const target = resolve(options.dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new CliError(`${target} already exists and is not empty; choose another --dir`, 1);
  }
  const staging = `${target}.creating-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  try {
    copyTemplate(staging, {
      __WIDGET_NAME__: `${options.scope}/${options.name}`,
      __TITLE__: options.title,
      __ROUTE__: options.name,
      TemplateWidget: pascalCase(options.name),
      __COUNTY__: options.county,
    });
    writeFileSync(
      join(staging, 'package.json'),
      `${JSON.stringify(widgetPackageJson(options, target), null, 2)}\n`,
    );
    writeFileSync(join(staging, 'widget.json'), `${JSON.stringify(widgetManifest(options), null, 2)}\n`);
    writeFileSync(join(staging, 'README.md'), widgetReadme(options));
    if (options.deps.kind !== 'workspace') {
      // A widget of its own (not inside the Cunmen monorepo): pnpm 12 needs each dependency build
      // script decided; none of the toolchain's is needed.
      writeFileSync(
        join(staging, 'pnpm-workspace.yaml'),
        pnpmWorkspaceYaml(options.scope, options.deps, target),
      );
    }
    if (options.deps.kind === 'registry')
      writeFileSync(join(staging, '.npmrc'), projectNpmrc(options.scope, options.registry));
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

export function knownCountyForScope(scope: string): string | undefined {
  return KNOWN_COUNTY_SCOPES.find((s) => s.scope === scope)?.county;
}

export function printCreated(target: string, options: CreateOptions): void {
  const rel = relative(process.cwd(), target) || '.';
  process.stdout.write(`${green('✓')} created ${options.scope}/${options.name} in ${rel}\n`);
  const where = options.deps.kind === 'registry' ? 'publishConfig and .npmrc' : 'publishConfig';
  process.stdout.write(dim(`  registry: ${normalizeRegistry(options.registry)} (${where})\n`));
  process.stdout.write(dim(`  next: cd ${rel} && npm install && npm run dev\n`));
}

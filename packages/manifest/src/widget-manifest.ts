/**
 * The widget manifest: `widget.json` as a county developer writes it (source form), and the final form
 * the build emits into `dist/cunmen.json` with the sha384 and gzip size of every asset.
 */
import semver from 'semver';
import { z } from 'zod';
import { type Capability, capabilitySchema } from './capabilities.js';
import { type Collections, checkCollections, collectionsSchema } from './collections.js';
import { divisionLevel } from './division.js';
import { ICON_NAMES, type IconName } from './icons.js';
import { addIssue } from './issues.js';
import { EXPOSE_KEY, PACKAGE_NAME, ROUTE } from './patterns.js';
import { type CountyScope, checkScopeForCounty, PROVINCE_SCOPE, scopeOf } from './scopes.js';
import { slotIdSchema } from './slots.js';
import { localizedLongTextSchema, localizedTextSchema } from './text.js';

export const WIDGET_KINDS = ['widget', 'standard'] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

export const CATEGORIES = [
  'agriculture',
  'environment',
  'health',
  'elderly-care',
  'education',
  'culture',
  'safety',
  'services',
  'affairs',
  'party',
  'points',
  'complaints',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Default and ceiling of a widget's own JavaScript, gzip bytes (shared React/SDK/UI not counted). */
export const DEFAULT_BUDGET_GZIP = 50 * 1024;
export const MAX_BUDGET_GZIP = 300 * 1024;

export const packageNameSchema = z.string().regex(PACKAGE_NAME.regex, PACKAGE_NAME.en);

export const exposeKeySchema = z.string().regex(EXPOSE_KEY.regex, EXPOSE_KEY.en);

export const routeSchema = z.string().regex(ROUTE.regex, ROUTE.en);

/** A path inside the package: relative, no `..`, no absolute or backslash paths. */
export const relativePathSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !p.split('/').includes('..'), {
    message: 'a relative path inside the package (no "..", no leading "/")',
    params: { zh: '应为包内的相对路径（不能含 ".."，不能以 "/" 开头）' },
  });

export const semverRangeSchema = z.string().refine((r) => semver.validRange(r) !== null, {
  message: 'a semver range such as ^0.1.0',
  params: { zh: '应为 semver 版本范围，例如 ^0.1.0' },
});

export const contributionSchema = z
  .object({
    slot: slotIdSchema,
    expose: exposeKeySchema.optional(),
    route: routeSchema.optional(),
    title: localizedTextSchema.optional(),
    /** A UI kit icon by name (`icons.ts`), for the navigation entry or tile. */
    icon: z.enum(ICON_NAMES as [IconName, ...IconName[]]).optional(),
    order: z.number().int().min(0).max(1000).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const needs = (field: 'expose' | 'route' | 'title', en: string, zh: string) => {
      if (c[field] === undefined) addIssue(ctx, [field], en, zh);
    };
    switch (c.slot) {
      case 'village.home.tile/v1':
        needs(
          'expose',
          'a home tile needs "expose" (the module that renders it)',
          '首页磁贴需要 "expose"（渲染它的模块）',
        );
        break;
      case 'village.page/v1':
      case 'cadre.page/v1':
        needs(
          'expose',
          'a page needs "expose" (the module that renders it)',
          '页面需要 "expose"（渲染它的模块）',
        );
        needs('route', 'a page needs "route" (its URL segment)', '页面需要 "route"（网址路径）');
        needs('title', 'a page needs "title"', '页面需要 "title" 标题');
        break;
      case 'village.nav/v1':
        needs(
          'route',
          'a navigation entry needs "route" (the page it opens)',
          '导航项需要 "route"（打开的页面）',
        );
        needs('title', 'a navigation entry needs "title"', '导航项需要 "title" 标题');
        if (c.expose !== undefined)
          addIssue(
            ctx,
            ['expose'],
            'a navigation entry renders no module; remove "expose"',
            '导航项不渲染模块，请删除 "expose"',
          );
        break;
    }
  });

export type Contribution = z.infer<typeof contributionSchema>;

export const budgetSchema = z
  .object({
    gzip: z.number().int().min(1024).max(MAX_BUDGET_GZIP),
  })
  .strict();

const manifestFields = {
  $schema: z.string().optional(),
  kind: z.enum(WIDGET_KINDS),
  county: z
    .string()
    .regex(/^\d{6}$/, 'a 6-digit division code: the county (widget) or province (standard) that publishes'),
  title: localizedTextSchema,
  description: localizedLongTextSchema,
  category: z.enum(CATEGORIES),
  icon: relativePathSchema.optional(),
  screenshots: z.array(relativePathSchema).max(6).optional(),
  sdk: semverRangeSchema,
  exposes: z.record(exposeKeySchema, relativePathSchema),
  contributes: z.array(contributionSchema).min(1).max(20),
  capabilities: z.array(capabilitySchema).max(20).default([]),
  /** Who may read each store collection (collections.ts); undeclared ones are `owner`. */
  collections: collectionsSchema.optional(),
  config: relativePathSchema.optional(),
  budget: budgetSchema.optional(),
};

function crossCheck(
  m: {
    kind: WidgetKind;
    county: string;
    exposes: Record<string, string>;
    contributes: Contribution[];
    capabilities: Capability[];
    collections?: Collections | undefined;
  },
  ctx: z.core.$RefinementCtx,
): void {
  checkCollections(m, ctx);
  const level = divisionLevel(m.county);
  if (m.kind === 'widget' && level !== 'county') {
    addIssue(
      ctx,
      ['county'],
      `"${m.county}" is not a county code (6 digits, not ending in 00)`,
      `"${m.county}" 不是县级区划代码（6 位，且不以 00 结尾）`,
    );
  }
  if (m.kind === 'standard' && level !== 'province') {
    addIssue(
      ctx,
      ['county'],
      `a standard module is published by the province: expected a province code such as 330000, got "${m.county}"`,
      `标准模块由省级发布，应为省级区划代码（如 330000），实际是 "${m.county}"`,
    );
  }
  const exposes = new Set(Object.keys(m.exposes));
  const used = new Set<string>();
  const routes = new Map<string, number>();
  const pageRoutes = new Set(m.contributes.filter((c) => c.slot === 'village.page/v1').map((c) => c.route));
  m.contributes.forEach((c, i) => {
    if (c.expose !== undefined) {
      used.add(c.expose);
      if (!exposes.has(c.expose)) {
        addIssue(
          ctx,
          ['contributes', i, 'expose'],
          `"${c.expose}" is not declared in "exposes" (declared: ${[...exposes].join(', ') || 'none'})`,
          `"${c.expose}" 未在 "exposes" 中声明（已声明：${[...exposes].join('、') || '无'}）`,
        );
      }
    }
    if (c.route !== undefined && c.slot !== 'village.nav/v1') {
      const key = `${c.slot}:${c.route}`;
      if (routes.has(key))
        addIssue(
          ctx,
          ['contributes', i, 'route'],
          `route "${c.route}" is used twice in ${c.slot}`,
          `路由 "${c.route}" 在 ${c.slot} 中重复`,
        );
      routes.set(key, i);
    }
    if (c.slot === 'village.nav/v1' && c.route !== undefined && !pageRoutes.has(c.route)) {
      addIssue(
        ctx,
        ['contributes', i, 'route'],
        `navigation route "${c.route}" matches no village.page/v1 route of this widget`,
        `导航路由 "${c.route}" 没有对应的 village.page/v1 页面`,
      );
    }
  });
  for (const key of exposes) {
    if (!used.has(key))
      addIssue(
        ctx,
        ['exposes', key],
        `"${key}" is exposed but no contribution uses it`,
        `"${key}" 已暴露但没有任何插槽使用它`,
      );
  }
  const seen = new Set<string>();
  m.capabilities.forEach((cap, i) => {
    // Only a province module has server routes of its own in the shell (/api/modules/<id>).
    if (cap === 'module.api' && m.kind !== 'standard')
      addIssue(
        ctx,
        ['capabilities', i],
        '"module.api" is for standard modules, which have server routes in the shell; a county widget uses the store, forms and points',
        '"module.api" 仅限标准模块使用；县级组件请使用数据存储、表单和积分接口',
      );
    if (seen.has(cap))
      addIssue(ctx, ['capabilities', i], `capability "${cap}" is listed twice`, `权限 "${cap}" 重复`);
    seen.add(cap);
  });
}

/** `widget.json` as written by the developer. */
export const widgetManifestSchema = z.object(manifestFields).strict().superRefine(crossCheck);

export type WidgetManifest = z.infer<typeof widgetManifestSchema>;
export type WidgetManifestInput = z.input<typeof widgetManifestSchema>;

export const assetSchema = z
  .object({
    path: relativePathSchema,
    size: z.number().int().min(0),
    gzip: z.number().int().min(0),
    integrity: z.string().regex(/^sha384-[A-Za-z0-9+/]{64}$/, 'an SRI hash sha384-<base64>'),
    contentType: z.string().min(1).max(100),
  })
  .strict();

export type Asset = z.infer<typeof assetSchema>;

/** `dist/cunmen.json`: what the build emits, the registry verifies, and the snapshot is made from. */
export const builtManifestSchema = z
  .object({
    ...manifestFields,
    manifestVersion: z.literal(1),
    name: packageNameSchema,
    version: z.string().refine((v) => semver.valid(v) !== null, {
      message: 'a semver version such as 1.0.0',
      params: { zh: '应为 semver 版本号，例如 1.0.0' },
    }),
    budget: budgetSchema,
    remote: z
      .object({
        name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
        entry: relativePathSchema,
        manifest: relativePathSchema,
      })
      .strict(),
    shared: z.record(z.string(), semverRangeSchema),
    configSchema: z.record(z.string(), z.unknown()).nullable(),
    configDefaults: z.record(z.string(), z.unknown()).nullable(),
    assets: z.array(assetSchema).min(1).max(500),
    /**
     * expose key → the assets it needs before it runs (its chunk, the chunks it imports statically,
     * their CSS; never lazily loaded ones): what the shell preloads for a home tile. Absent in
     * manifests built before it existed.
     */
    exposeAssets: z.record(exposeKeySchema, z.array(relativePathSchema).max(100)).optional(),
    size: z
      .object({
        jsGzip: z.number().int().min(0),
        totalGzip: z.number().int().min(0),
        total: z.number().int().min(0),
        /**
         * The home route's cost: gzip bytes of the remote entry plus the JS and CSS its home tile
         * needs (`exposeAssets`); absent for a widget without a home tile or built before it existed.
         */
        home: z.number().int().min(0).optional(),
      })
      .strict(),
    builtWith: z.record(z.string(), z.string()),
  })
  .strict()
  .superRefine(crossCheck)
  .superRefine((m, ctx) => {
    const paths = new Set(m.assets.map((a) => a.path));
    if (!paths.has(m.remote.entry))
      addIssue(
        ctx,
        ['remote', 'entry'],
        `"${m.remote.entry}" is not among the assets`,
        `"${m.remote.entry}" 不在资源列表中`,
      );
    if (!paths.has(m.remote.manifest))
      addIssue(
        ctx,
        ['remote', 'manifest'],
        `"${m.remote.manifest}" is not among the assets`,
        `"${m.remote.manifest}" 不在资源列表中`,
      );
    for (const [key, list] of Object.entries(m.exposeAssets ?? {})) {
      if (!(key in m.exposes))
        addIssue(
          ctx,
          ['exposeAssets', key],
          `"${key}" is not declared in "exposes"`,
          `"${key}" 未在 "exposes" 中声明`,
        );
      list.forEach((path, i) => {
        if (!paths.has(path))
          addIssue(
            ctx,
            ['exposeAssets', key, i],
            `"${path}" is not among the assets`,
            `"${path}" 不在资源列表中`,
          );
      });
    }
    if (m.size.jsGzip > m.budget.gzip) {
      addIssue(
        ctx,
        ['size', 'jsGzip'],
        `${m.size.jsGzip} bytes gzip exceeds the budget of ${m.budget.gzip} bytes`,
        `压缩后 ${m.size.jsGzip} 字节，超出预算 ${m.budget.gzip} 字节`,
      );
    }
  });

export type BuiltManifest = z.infer<typeof builtManifestSchema>;

/** Checks that only need the package name: scope ↔ county, province scope for standard modules. */
export function checkPackageName(
  name: string,
  manifest: Pick<WidgetManifest, 'kind' | 'county'>,
  scopes?: readonly CountyScope[],
): { path: string; en: string; zh: string } | null {
  if (!packageNameSchema.safeParse(name).success) {
    return {
      path: 'name',
      en: `name: "${name}" is not a scoped npm name such as @deqing/find-machinery`,
      zh: `name："${name}" 不是带作用域的包名（如 @deqing/find-machinery）`,
    };
  }
  const scope = scopeOf(name);
  if (manifest.kind === 'standard') {
    return scope === PROVINCE_SCOPE
      ? null
      : {
          path: 'name',
          en: `name: a standard module must be published under ${PROVINCE_SCOPE}, not ${scope}`,
          zh: `name：标准模块必须以 ${PROVINCE_SCOPE} 发布，不能用 ${scope}`,
        };
  }
  if (scope === PROVINCE_SCOPE) {
    return {
      path: 'name',
      en: `name: ${PROVINCE_SCOPE} is the province's scope; a county widget uses its county scope`,
      zh: `name：${PROVINCE_SCOPE} 是省级作用域，县级组件应使用本县作用域`,
    };
  }
  const check = checkScopeForCounty(name, manifest.county, scopes);
  return check.ok ? null : { path: 'name', en: `name: ${check.en}`, zh: `name：${check.zh}` };
}

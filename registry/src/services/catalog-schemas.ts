/**
 * The catalog API's contract in zod: query strings and bodies (validated before a handler runs, each
 * message saying what was expected) and responses (serialized through them, and turned into the
 * OpenAPI document at `/-/cunmen/v1/openapi.json`).
 */
import { CATEGORIES, isExactVersion, packageNameSchema, villageCodeSchema } from '@cunmen/manifest';
import { z } from 'zod';

export const PACKAGE_KINDS = ['widget', 'standard', 'library'] as const;
export const CATALOG_SORTS = ['reuse', 'recent', 'name'] as const;
export const MAX_PAGE = 10_000;
export const MAX_PAGE_SIZE = 100;
export const MAX_SEARCH_SIZE = 250;
export const MAX_QUERY_LENGTH = 200;
export const MAX_REPORTED_WIDGETS = 500;

/** An integer query parameter (query strings are text; "20" becomes 20). */
function intParam(min: number, max: number, fallback: number, description: string) {
  const expected = `expected an integer from ${min} to ${max}`;
  return z.coerce
    .number({ error: expected })
    .int({ error: expected })
    .min(min, { error: expected })
    .max(max, { error: expected })
    .default(fallback)
    .describe(description);
}

const textQuery = z
  .string({ error: 'expected one string (give the parameter once)' })
  .max(MAX_QUERY_LENGTH, { error: `expected at most ${MAX_QUERY_LENGTH} characters` });

const hostSdk = z
  .string({ error: 'expected one semver version such as 0.1.3' })
  .refine(isExactVersion, { error: 'expected a semver version such as 0.1.3 (the host SDK version)' })
  .describe(
    'The SDK version of the host shell, e.g. 0.1.3. Each result says whether its manifest `sdk` range accepts it.',
  );

export const catalogQuerySchema = z.object({
  q: textQuery
    .optional()
    .describe(
      'Words to find, separated by spaces; each must occur (case-insensitively) in the name, zh-CN or en title or description, keywords or category. Any length: 农机 finds 找农机.',
    ),
  category: z
    .enum(CATEGORIES, { error: `expected one of ${CATEGORIES.join(', ')}` })
    .optional()
    .describe('Only this manifest category.'),
  county: z
    .string({ error: 'expected one 6-digit division code such as 330521' })
    .regex(/^\d{6}$/, { error: 'expected a 6-digit division code such as 330521' })
    .optional()
    .describe(
      'Only widgets published by this county (6-digit code; 330000-style codes for standard modules).',
    ),
  kind: z
    .enum(PACKAGE_KINDS, { error: 'expected widget, standard or library' })
    .optional()
    .describe('Only this kind. Without it the catalog lists widgets and standard modules, not libraries.'),
  sdk: hostSdk.optional(),
  includeIncompatible: z
    .enum(['true', 'false'], { error: 'expected true or false' })
    .optional()
    .describe('With `sdk`: also list results whose SDK range does not accept it (marked compatible: false).'),
  sort: z
    .enum(CATALOG_SORTS, { error: 'expected reuse, recent or name' })
    .default('reuse')
    .describe('reuse: most villages first (default); recent: newest approval first; name: A–Z.'),
  page: intParam(1, MAX_PAGE, 1, 'Page number, from 1; past the last page is an error.'),
  pageSize: intParam(1, MAX_PAGE_SIZE, 20, 'Results per page.'),
});

export type CatalogQuery = z.output<typeof catalogQuerySchema>;

export const detailQuerySchema = z.object({ sdk: hostSdk.optional() });

export const npmSearchQuerySchema = z.object({
  text: textQuery
    .default('')
    .describe(
      'Words to find (as in the catalog); `scope:<scope>` narrows to one scope. Other npm qualifiers are ignored. Empty lists everything.',
    ),
  size: intParam(1, MAX_SEARCH_SIZE, 20, 'Results per page.'),
  from: intParam(0, 1_000_000, 0, 'Offset of the first result.'),
});

export type NpmSearchQuery = z.output<typeof npmSearchQuerySchema>;

export const usageReportSchema = z
  .object(
    {
      village: z
        .string({ error: 'expected a 12-digit village code such as 330521001001' })
        .refine((v) => villageCodeSchema.safeParse(v).success, {
          error: 'expected a 12-digit village code such as 330521001001',
        })
        .describe('The village whose portal was assembled (12-digit 统计用区划代码).'),
      widgets: z
        .array(
          z.object(
            {
              name: packageNameSchema.describe('Package name, e.g. @deqing/find-machinery'),
              version: z
                .string({ error: 'expected an exact version such as 1.0.0' })
                .refine(isExactVersion, { error: 'expected an exact version such as 1.0.0' }),
            },
            { error: 'expected an object { name, version }' },
          ),
          { error: 'expected an array of { name, version }' },
        )
        .max(MAX_REPORTED_WIDGETS, { error: `expected at most ${MAX_REPORTED_WIDGETS} widgets` })
        .superRefine((widgets, ctx) => {
          const seen = new Set<string>();
          widgets.forEach((w, i) => {
            if (seen.has(w.name)) {
              ctx.addIssue({
                code: 'custom',
                path: [i, 'name'],
                message: `${w.name} is listed twice; a portal uses one version of each package`,
              });
            }
            seen.add(w.name);
          });
        })
        .describe('Every module and widget the portal now uses, with the exact version; [] for none.'),
    },
    { error: 'expected a JSON object { village, widgets }' },
  )
  .describe('The complete set of widgets a village portal uses now; it replaces the previous report.');

export type UsageReport = z.output<typeof usageReportSchema>;

// ---------------------------------------------------------------------------------------------------
// Responses

export const errorSchema = z
  .object({
    error: z.string().describe('What went wrong, in English (the npm CLI prints it)'),
    code: z.string().describe('A stable REG_ERR_… code, for programs to branch on'),
    message: z.string().describe('What went wrong, in zh-CN, for people'),
    requestId: z.string().describe("The request's id in the registry's log"),
    field: z.string().optional().describe('The input that was refused, e.g. `widgets.0.version`'),
  })
  .describe('An error (the one body of every Cunmen API)');

const textSchema = z.object({ 'zh-CN': z.string(), en: z.string().optional() });

export const reuseSchema = z
  .object({
    villages: z.number().int().describe('Village portals that use it'),
    counties: z.number().int().describe('Distinct counties those villages are in'),
  })
  .describe('Reuse, as reported by portal assemblies');

const sizeSchema = z
  .object({ jsGzip: z.number().int(), totalGzip: z.number().int(), total: z.number().int() })
  .describe('Bytes: own JavaScript gzip, all assets gzip, all assets raw');

export const compatibilitySchema = z
  .object({
    sdk: z.string().nullable().describe('The SDK range the version needs (null for a library)'),
    against: z
      .string()
      .describe('What it was checked against: the `sdk` host version, else the supported range'),
    badge: z.enum(['compatible', 'incompatible', 'unknown']),
  })
  .describe('SDK compatibility badge');

export const catalogItemSchema = z.object({
  name: z.string(),
  version: z.string().describe('The current version: latest approved, not yanked'),
  kind: z.enum(PACKAGE_KINDS),
  standard: z.boolean().describe('A province standard module'),
  title: textSchema,
  description: textSchema,
  keywords: z.array(z.string()),
  category: z.string().nullable(),
  county: z.string().nullable(),
  sdk: z.string().nullable().describe('The SDK range the current version needs'),
  capabilities: z.array(z.string()).describe('Requested by the current version'),
  grantedCapabilities: z.array(z.string()).nullable(),
  size: sizeSchema.nullable(),
  compatible: z
    .boolean()
    .nullable()
    .optional()
    .describe('Only with `sdk`: whether the range accepts that host version (null: no range)'),
  reuse: reuseSchema,
  deprecated: z.string().nullable(),
  publishedAt: z.string(),
  reviewedAt: z.string().nullable(),
  publisher: z.string().nullable(),
});

export const catalogPageSchema = z.object({
  total: z.number().int().describe('Matches on every page'),
  page: z.number().int(),
  pageSize: z.number().int(),
  pages: z.number().int(),
  items: z.array(catalogItemSchema),
});

export const versionDetailSchema = z.object({
  version: z.string(),
  latest: z.boolean().describe('The version the catalog offers'),
  publishedAt: z.string(),
  reviewedAt: z.string().nullable(),
  description: textSchema,
  changelog: z
    .string()
    .nullable()
    .describe('package.json `changelog` of the version if it has one (manifests carry none), else null'),
  screenshots: z.array(
    z.object({
      path: z.string().describe('As the manifest declares it'),
      url: z.string().nullable().describe('Where it is served, when it is among the built assets'),
    }),
  ),
  capabilities: z.object({
    requested: z.array(z.string()),
    granted: z.array(z.string()).nullable(),
  }),
  size: z.object({
    jsGzip: z.number().int().nullable(),
    totalGzip: z.number().int().nullable(),
    total: z.number().int().nullable(),
    home: z
      .number()
      .int()
      .nullable()
      .describe("The home route, gzip bytes: the remote entry plus what the widget's home tile needs"),
    tarball: z.number().int(),
    unpacked: z.number().int(),
  }),
  compatibility: compatibilitySchema,
  deprecated: z.string().nullable(),
  yanked: z.boolean(),
  yankedAt: z.string().nullable(),
  yankReason: z.string().nullable(),
  reuse: reuseSchema,
});

export const catalogDetailSchema = z.object({
  name: z.string(),
  kind: z.enum(PACKAGE_KINDS),
  standard: z.boolean(),
  title: textSchema,
  description: textSchema,
  category: z.string().nullable(),
  county: z.string().nullable(),
  keywords: z.array(z.string()),
  latest: z.string().nullable().describe('The installable version; null when every approved one is yanked'),
  distTags: z.record(z.string(), z.string()),
  compatibility: compatibilitySchema.describe('Of the latest version (or the newest, when all are yanked)'),
  reuse: reuseSchema,
  versions: z.array(versionDetailSchema).describe('Approved versions, yanked ones included, newest first'),
});

export const usageReportResultSchema = z.object({
  village: z.string(),
  county: z.string(),
  widgets: z.number().int().describe('How many widgets the portal now uses'),
  reportedAt: z.string(),
});

export const packageUsageSchema = z.object({
  name: z.string(),
  reuse: reuseSchema,
  versions: z.array(
    z.object({ version: z.string(), villages: z.number().int(), counties: z.number().int() }),
  ),
});

const person = z.object({ username: z.string(), email: z.string().optional() });

export const npmSearchResultSchema = z.object({
  objects: z.array(
    z.object({
      package: z.object({
        name: z.string(),
        scope: z.string(),
        version: z.string(),
        description: z.string(),
        keywords: z.array(z.string()),
        date: z.string(),
        links: z.record(z.string(), z.string()),
        publisher: person,
        maintainers: z.array(person),
      }),
      score: z.object({
        final: z.number(),
        detail: z.object({ quality: z.number(), popularity: z.number(), maintenance: z.number() }),
      }),
      searchScore: z.number(),
    }),
  ),
  total: z.number().int().describe('Matches on every page'),
  time: z.string(),
});

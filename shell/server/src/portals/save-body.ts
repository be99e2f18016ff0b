/**
 * What a whole-portal save sends: a village config without `version` (the server assigns it) and
 * `baseVersion`, the version the config was edited from (0 or left out for a village's first portal).
 * Every problem of the config is listed (`problems` of the error body), the first is its `field`.
 */
import { localizeError, type VillageConfig, villageConfigSchema } from '@cunmen/manifest';
import type { z } from 'zod';
import { type ShellErrorCode, shellError, withDetails } from '../errors.js';

export interface SaveBody {
  /** The version the config was edited from; undefined when the body has none. */
  base: number | undefined;
  config: VillageConfig;
}

/**
 * A `baseVersion` as sent (`where` names it in messages: `baseVersion` in a body, `--base` on the
 * command line); undefined when absent.
 */
export function parseBaseVersion(value: unknown, where = 'baseVersion'): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw shellError(
      'SHELL_ERR_BAD_REQUEST',
      `${where}: expected the portal version your edit is based on, such as 3 (0 for a village's first portal)`,
      { zh: `${where}：应为本次修改所依据的门户版本号，例如 3（本村第一次发布门户时为 0）`, field: where },
    );
  }
  return n;
}

/** Parses a save body for village `code`. */
export function parseSaveBody(code: string, body: unknown): SaveBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw shellError('SHELL_ERR_INVALID_CONFIG', 'the body must be a village config (a JSON object)', {
      zh: '请求内容应为村门户配置（JSON 对象）',
    });
  }
  const { baseVersion, ...input } = body as Record<string, unknown>;
  const base = parseBaseVersion(baseVersion);
  if ('version' in input) {
    throw shellError(
      'SHELL_ERR_INVALID_CONFIG',
      'version: the server assigns the version; leave it out (send the version you edited as baseVersion)',
      { zh: 'version：版本号由服务器分配，请不要填写（所依据的版本请填在 baseVersion）', field: 'version' },
    );
  }
  if (input.village !== undefined && input.village !== code) {
    throw shellError(
      'SHELL_ERR_INVALID_CONFIG',
      `village: the body is for ${String(input.village)} but the URL names ${code}`,
      { zh: `village：请求内容属于 ${String(input.village)}，而网址是 ${code}`, field: 'village' },
    );
  }
  return { base, config: parseVillageConfig(code, input) };
}

/** A village config for `code` (its `version` a placeholder until the save assigns one). */
export function parseVillageConfig(code: string, input: Record<string, unknown>): VillageConfig {
  const parsed = villageConfigSchema.safeParse({ ...input, village: code, version: 1 });
  if (parsed.success) return parsed.data;
  throw refusalOfIssues('SHELL_ERR_INVALID_CONFIG', parsed.error);
}

/** A zod failure as one refusal: every issue in `problems`, the first as `field`, both languages. */
export function refusalOfIssues(code: ShellErrorCode, error: z.ZodError) {
  // A problem of the whole body reads without the localizer's "(root)" place.
  const issues = localizeError(error).map((i) =>
    i.path === '' ? { ...i, zh: i.zh.replace(/^\(root\)：/, ''), en: i.en.replace(/^\(root\): /, '') } : i,
  );
  return withDetails(
    shellError(code, issues.map((i) => i.en).join('; '), {
      zh: issues.map((i) => i.zh).join('；'),
      field: issues[0]?.path || '(body)',
    }),
    { problems: issues.map((i) => ({ field: i.path || '(body)', error: i.en, message: i.zh })) },
  );
}

/**
 * The resident shell's browser error family (`SHELL_ERR_…`, `@cunmen/errors`): each code has the status
 * it stands for (200 for a warning: the widget still loads) and terse texts — they ship in the resident's
 * first load, and the console line links to the county error-codes page, which explains each code.
 * Residents see the page's own zh-CN texts from `i18n/`. Logged with {@link reportShellError}. These are
 * console codes of the browser, apart from the shell server's HTTP codes of the same prefix.
 */
import { defineErrors } from '@cunmen/errors';

export const shellWebErrors = defineErrors('SHELL', '/docs/county/error-codes', {
  SHELL_ERR_SNAPSHOT_MISSING: {
    status: 500,
    en: 'no inlined #cunmen-snapshot',
    zh: '缺少门户数据',
  },
  SHELL_ERR_SNAPSHOT_INVALID: {
    status: 500,
    en: 'inlined snapshot: bad JSON or schema',
    zh: '门户数据无效',
  },
  SHELL_ERR_WIDGET_UNSIGNED: { status: 403, en: 'unsigned widget; not loaded', zh: '组件未签名' },
  SHELL_ERR_WIDGET_SIGNATURE: {
    status: 403,
    en: 'bad signature; not loaded',
    zh: '组件签名无效',
  },
  SHELL_ERR_WIDGET_YANKED: {
    status: 200,
    en: 'version yanked after adoption; loads (warning)',
    zh: '组件版本已撤销',
  },
  SHELL_ERR_WIDGET_DEPRECATED: {
    status: 200,
    en: 'version deprecated; loads (warning)',
    zh: '组件版本已弃用',
  },
  SHELL_ERR_WIDGET_ENTRY: {
    status: 403,
    en: 'remote entry is not a signed asset; not loaded',
    zh: '组件入口未签名',
  },
  SHELL_ERR_WIDGET_DUPLICATE: {
    status: 409,
    en: 'name used twice; later one not loaded',
    zh: '组件重名',
  },
  SHELL_ERR_SCRIPT_REFUSED: {
    status: 403,
    en: 'script outside the signed assets refused',
    zh: '脚本未签名',
  },
  SHELL_ERR_SHARED_MISMATCH: {
    status: 200,
    en: 'shell provides other shared versions (warning)',
    zh: '共享版本不符',
  },
  SHELL_ERR_WIDGET_LOAD: {
    status: 502,
    en: 'widget failed to load; fallback shown',
    zh: '组件加载失败',
  },
  SHELL_ERR_WIDGET_RENDER: {
    status: 500,
    en: 'widget threw while rendering; fallback shown',
    zh: '组件运行出错',
  },
  SHELL_ERR_WIDGET_TIMEOUT: {
    status: 504,
    en: 'widget did not load in time',
    zh: '组件加载超时',
  },
  SHELL_ERR_CREDENTIAL: {
    status: 401,
    en: 'no widget credential',
    zh: '组件凭证失败',
  },
});

export type ShellErrorCode = keyof typeof shellWebErrors.codes;

/** One console.warn line: code, what happened, the subject (widget or URL), the docs link. */
export function reportShellError(code: ShellErrorCode, subject: string, detail?: string): void {
  console.warn(
    `[cunmen] ${code}: ${shellWebErrors.codes[code].en} (${subject})${detail ? ` — ${detail}` : ''} See ${shellWebErrors.docsLink(code)}`,
  );
}

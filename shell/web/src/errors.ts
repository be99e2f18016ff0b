/**
 * The shell's browser error codes (`SHELL_ERR_…`): each has an English description for developers and a
 * docs link; residents only ever see the zh-CN texts from `i18n/`. Logged with {@link reportShellError}.
 */

/** The docs page listing these codes (section to be added to the county error-codes page; README has them). */
export const SHELL_DOCS = '/docs/county/error-codes';

export const SHELL_ERRORS = {
  SHELL_ERR_SNAPSHOT_MISSING: 'The page has no <script id="cunmen-snapshot"> (the server did not inline it).',
  SHELL_ERR_SNAPSHOT_INVALID: 'The inlined snapshot is not JSON or fails portalSnapshotSchema.',
  SHELL_ERR_WIDGET_UNSIGNED: 'A widget in the snapshot carries no province signature; it is not loaded.',
  SHELL_ERR_WIDGET_SIGNATURE:
    'A widget signature does not verify against snapshot.publicKey; it is not loaded.',
  SHELL_ERR_WIDGET_YANKED: 'A widget version was yanked by the province; it is not loaded.',
  SHELL_ERR_WIDGET_DEPRECATED: 'A widget version is deprecated; it still loads (warning only).',
  SHELL_ERR_WIDGET_ENTRY: "A widget's remote entry is not inside its signed asset set; it is not loaded.",
  SHELL_ERR_WIDGET_DUPLICATE:
    'Two widgets of the snapshot use the same package or MF container name; the later one is not loaded.',
  SHELL_ERR_SCRIPT_REFUSED: 'A script URL outside every signed asset set was refused before it loaded.',
  SHELL_ERR_SHARED_MISMATCH:
    'snapshot.host.shared expects a singleton version this shell build does not provide (warning only).',
  SHELL_ERR_WIDGET_LOAD:
    'A widget failed to load (network, 404, timeout or bad module); a fallback is shown.',
  SHELL_ERR_WIDGET_RENDER: 'A widget threw while rendering; its error boundary shows a fallback.',
  SHELL_ERR_WIDGET_TIMEOUT: 'A widget did not load within its deadline; a timeout state is shown.',
  SHELL_ERR_CREDENTIAL: 'The widget credential could not be obtained from /api/host/v1/widget-token.',
} as const;

export type ShellErrorCode = keyof typeof SHELL_ERRORS;

export function docsLink(code: ShellErrorCode): string {
  return `${SHELL_DOCS}#${code.toLowerCase()}`;
}

/** One console.warn line: code, what happened, the subject (widget or URL), the docs link. */
export function reportShellError(code: ShellErrorCode, subject: string, detail?: string): void {
  console.warn(
    `[cunmen] ${code}: ${SHELL_ERRORS[code]} (${subject})${detail ? ` — ${detail}` : ''} See ${docsLink(code)}`,
  );
}

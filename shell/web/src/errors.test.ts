/** Every browser error code is documented in the README table, and nothing else is (the Fastify idea). */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { docsLink, reportShellError, SHELL_ERRORS } from './errors.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const documented = new Set([...readme.matchAll(/^\| `(SHELL_ERR_[A-Z_]+)` *\|/gm)].map((m) => m[1]));

describe('SHELL_ERR codes', () => {
  it('are exactly the ones the README documents', () => {
    expect([...documented].sort()).toEqual(Object.keys(SHELL_ERRORS).sort());
  });

  it('are logged with the code, the subject and a docs link', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    reportShellError('SHELL_ERR_WIDGET_SIGNATURE', '@deqing/a@1.0.0', 'detail');
    expect(warn).toHaveBeenCalledWith(
      `[cunmen] SHELL_ERR_WIDGET_SIGNATURE: ${SHELL_ERRORS.SHELL_ERR_WIDGET_SIGNATURE} (@deqing/a@1.0.0) — detail See ${docsLink('SHELL_ERR_WIDGET_SIGNATURE')}`,
    );
    expect(docsLink('SHELL_ERR_WIDGET_SIGNATURE')).toBe(
      '/docs/county/error-codes#shell_err_widget_signature',
    );
    warn.mockRestore();
  });
});

/** Every browser error code is documented on the page its links point to, and nothing else is there. */
import { readFileSync } from 'node:fs';
import { docsDrift } from '@cunmen/errors/docs';
import { describe, expect, it, vi } from 'vitest';
import { reportShellError, shellWebErrors } from './errors.js';

const page = readFileSync(new URL('../../../docs/docs/county/error-codes.md', import.meta.url), 'utf8');
// The page also lists the shell server's host-API codes (same prefix, another family): only the browser's
// own section is this family's.
const HEADING = '## Resident shell (browser)';
const section = page.slice(page.indexOf(HEADING)).replace(/\n## [\s\S]*$/, '\n');

describe('SHELL_ERR browser codes', () => {
  it('are exactly the ones the error-codes page documents in its browser section', () => {
    expect(page).toContain(HEADING);
    expect(shellWebErrors.docsPage).toBe('/docs/county/error-codes');
    expect(docsDrift(shellWebErrors, section)).toEqual({ undocumented: [], unknown: [], wrongStatus: [] });
  });

  it('are logged with the code, the subject and a docs link', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    reportShellError('SHELL_ERR_WIDGET_SIGNATURE', '@deqing/a@1.0.0', 'detail');
    expect(warn).toHaveBeenCalledWith(
      `[cunmen] SHELL_ERR_WIDGET_SIGNATURE: ${shellWebErrors.codes.SHELL_ERR_WIDGET_SIGNATURE.en} (@deqing/a@1.0.0) — detail See ${shellWebErrors.docsLink('SHELL_ERR_WIDGET_SIGNATURE')}`,
    );
    expect(shellWebErrors.docsLink('SHELL_ERR_WIDGET_SIGNATURE')).toBe(
      '/docs/county/error-codes#shell_err_widget_signature',
    );
    warn.mockRestore();
  });
});

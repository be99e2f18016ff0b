import { readFileSync } from 'node:fs';
import { docsDrift } from '@cunmen/errors/docs';
import { describe, expect, it } from 'vitest';
import { shellErrors } from '../errors.js';
import { channelErrors } from './channel-errors.js';

const docs = readFileSync(
  new URL('../../../../docs/docs/province/connect-sms-and-wechat.md', import.meta.url),
  'utf8',
);

describe('the sign-in channel errors', () => {
  it('are documented, with each status, on the page their links point to, and nothing else', () => {
    expect(channelErrors.docsLink('SHELL_ERR_WECHAT_STATE')).toBe(
      '/docs/province/connect-sms-and-wechat#shell_err_wechat_state',
    );
    expect(docsDrift(channelErrors, docs)).toEqual({ undocumented: [], unknown: [], wrongStatus: [] });
  });

  it("share no code with the shell's own table", () => {
    const shared = Object.keys(channelErrors.codes).filter((c) => c in shellErrors.codes);
    expect(shared).toEqual([]);
  });
});

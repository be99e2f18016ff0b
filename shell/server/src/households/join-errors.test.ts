import { readFileSync } from 'node:fs';
import { docsDrift } from '@cunmen/errors/docs';
import { describe, expect, it } from 'vitest';
import { shellErrors } from '../errors.js';
import { channelErrors } from '../identity/channel-errors.js';
import { joinErrors } from './join-errors.js';

const docs = readFileSync(new URL('../../../../docs/docs/village/join-requests.md', import.meta.url), 'utf8');

describe('the join-request errors', () => {
  it('are documented, with each status, on the cadre’s page their links point to, and nothing else', () => {
    expect(joinErrors.docsLink('SHELL_ERR_JOIN_DECIDED')).toBe(
      '/docs/village/join-requests#shell_err_join_decided',
    );
    expect(docsDrift(joinErrors, docs)).toEqual({ undocumented: [], unknown: [], wrongStatus: [] });
  });

  it("share no code with the shell's own table or the sign-in channels'", () => {
    const shared = Object.keys(joinErrors.codes).filter(
      (c) => c in shellErrors.codes || c in channelErrors.codes,
    );
    expect(shared).toEqual([]);
  });
});

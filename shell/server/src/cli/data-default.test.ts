import { describe, expect, it } from 'vitest';
import { defaultDataDir, withDataDefault } from './data-default.js';
import { COMMANDS } from './index.js';

describe('the default data directory', () => {
  it.each([
    ['CUNMEN_SHELL_DATA first', { CUNMEN_SHELL_DATA: '/srv/shell', CUNMEN_DATA: '/srv/all' }, '/srv/shell'],
    ["else CUNMEN_DATA's shell/", { CUNMEN_DATA: '/repo/.data' }, '/repo/.data/shell'],
    ['empty values count as unset', { CUNMEN_SHELL_DATA: ' ', CUNMEN_DATA: '' }, undefined],
    ['none', {}, undefined],
  ])('%s', (_name, env, dir) => {
    expect(defaultDataDir(env)).toBe(dir);
  });

  it('fills --data into a command line that has none', () => {
    const env = { CUNMEN_DATA: '/repo/.data' };
    expect(withDataDefault(['portal', 'show', '330521107201'], env, COMMANDS)).toEqual({
      argv: ['portal', 'show', '330521107201', '--data', '/repo/.data/shell'],
    });
    for (const argv of [
      ['portal', 'show', 'x', '--data', '/d'],
      ['portal', 'show', 'x', '--data=/d'],
      ['portal', 'add', '--help'],
      [],
      ['frobnicate'],
    ]) {
      expect(withDataDefault(argv, env, COMMANDS)).toEqual({ argv });
    }
  });

  it('names the flag and both variables when there is no default', () => {
    const r = withDataDefault(['seed-demo'], {}, COMMANDS);
    expect('usage' in r && r.usage).toMatch(
      /^--data is required: pass --data <dir>, or set \$CUNMEN_SHELL_DATA \(or \$CUNMEN_DATA, whose shell\/ directory is used, as npm start lays it out\)\n\nUsage: cunmen-shell seed-demo/,
    );
  });
});

import { dataDirFromEnv } from '@cunmen/command-line';
import { describe, expect, it } from 'vitest';
import { SHELL_DATA_ENV } from './data-default.js';

describe('the default data directory', () => {
  const program = { dataFromEnv: SHELL_DATA_ENV };
  it.each([
    ['CUNMEN_SHELL_DATA first', { CUNMEN_SHELL_DATA: '/srv/shell', CUNMEN_DATA: '/srv/all' }, '/srv/shell'],
    ["else CUNMEN_DATA's shell/", { CUNMEN_DATA: '/repo/.data' }, '/repo/.data/shell'],
    ['empty values count as unset', { CUNMEN_SHELL_DATA: '', CUNMEN_DATA: '' }, undefined],
    ['none', {}, undefined],
  ])('%s', (_name, env, dir) => {
    expect(dataDirFromEnv(program, env)).toBe(dir);
  });
});

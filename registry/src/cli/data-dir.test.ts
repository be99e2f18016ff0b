import { dataDirFromEnv } from '@cunmen/command-line';
import { describe, expect, it } from 'vitest';
import { REGISTRY_DATA_ENV } from './data-dir.js';
import { COMMANDS } from './index.js';

describe('the data directory from the environment', () => {
  it('prefers $CUNMEN_REGISTRY_DATA, then $CUNMEN_DATA/registry', () => {
    const program = { dataFromEnv: REGISTRY_DATA_ENV };
    expect(dataDirFromEnv(program, { CUNMEN_REGISTRY_DATA: '/srv/r', CUNMEN_DATA: '/srv/all' })).toBe(
      '/srv/r',
    );
    expect(dataDirFromEnv(program, { CUNMEN_DATA: '/srv/all' })).toBe('/srv/all/registry');
    expect(dataDirFromEnv(program, { CUNMEN_DATA: '' })).toBeUndefined();
  });

  it('every command that takes --data says where it defaults to', () => {
    for (const command of COMMANDS) {
      expect(command.help, command.name).toContain('[--data <dir>]');
      expect(command.help, command.name).toContain(
        '(default $CUNMEN_REGISTRY_DATA, else $CUNMEN_DATA/registry)',
      );
    }
  });
});

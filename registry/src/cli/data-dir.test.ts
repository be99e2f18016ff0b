import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_REQUIRED, dataDirFromEnv, withDefaultData } from './data-dir.js';
import { COMMANDS } from './index.js';

describe('dataDirFromEnv', () => {
  it('prefers $CUNMEN_REGISTRY_DATA, then $CUNMEN_DATA/registry, made absolute', () => {
    expect(dataDirFromEnv({ CUNMEN_REGISTRY_DATA: '/srv/r', CUNMEN_DATA: '/srv/all' })).toBe('/srv/r');
    expect(dataDirFromEnv({ CUNMEN_DATA: '.data' })).toBe(resolve('.data', 'registry'));
    expect(dataDirFromEnv({ CUNMEN_DATA: '' })).toBeUndefined();
    expect(dataDirFromEnv({})).toBeUndefined();
  });
});

describe('withDefaultData', () => {
  const env = { CUNMEN_DATA: '/work/.data' };

  it('adds --data from the environment after the command words', () => {
    expect(withDefaultData(['review', 'approve', '@deqing/x@1.0.0'], COMMANDS, env)).toEqual({
      argv: ['review', 'approve', '--data', '/work/.data/registry', '@deqing/x@1.0.0'],
    });
    expect(withDefaultData(['serve', '--port', '4873'], COMMANDS, env)).toEqual({
      argv: ['serve', '--data', '/work/.data/registry', '--port', '4873'],
    });
  });

  it.each([
    [['review', 'list', '--data', './mine']],
    [['review', 'list', '--data=./mine']],
    [['review', 'list', '--help']],
    [['review', 'list', '-h']],
    [['no-such', 'command']],
    [[]],
  ])('leaves %j as it is', (argv) => {
    expect(withDefaultData(argv, COMMANDS, env)).toEqual({ argv });
  });

  it('reads options only up to --', () => {
    expect(withDefaultData(['review', 'show', '--', '--data'], COMMANDS, env)).toEqual({
      argv: ['review', 'show', '--data', '/work/.data/registry', '--', '--data'],
    });
  });

  it("is a usage error, with the command's help, when nothing names a directory", () => {
    const resolved = withDefaultData(['audit', 'verify'], COMMANDS, {});
    expect(resolved).toEqual({
      error: DATA_REQUIRED,
      help: expect.stringContaining('Usage: cunmen-registry audit verify'),
    });
    expect(DATA_REQUIRED).toBe('--data <dir> is required (or set CUNMEN_DATA)');
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

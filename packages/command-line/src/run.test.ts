import { describe, expect, it } from 'vitest';
import { mainHelp } from './run.js';

describe('mainHelp', () => {
  it('lists every command with its summary, aligned', () => {
    const noop = async () => {};
    const help = mainHelp({
      name: 'cunmen-x',
      isRefusal: () => false,
      commands: [
        { name: 'serve', summary: 'run it', help: '', run: noop },
        { name: 'user add', summary: 'add a user', help: '', run: noop },
      ],
    });
    expect(help).toBe(
      'Usage: cunmen-x <command> [options]\n\nCommands:\n  serve      run it\n  user add   add a user\n\nRun "cunmen-x <command> --help" for a command\'s options.\n',
    );
  });
});

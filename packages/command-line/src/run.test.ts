import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandRefusal } from './command.js';
import { dataDirFromEnv, mainHelp, type Program, runProgram } from './run.js';

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

describe('runProgram', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Runs one command that throws `thrown`; returns what reached stderr and the exit code. */
  async function failWith(thrown: Error, program: Partial<Program> = {}) {
    vi.restoreAllMocks();
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
      stderr += String(c);
      return true;
    });
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as () => never);
    const run = async () => {
      throw thrown;
    };
    runProgram({ name: 'cunmen-x', commands: [{ name: 'go', summary: '', help: '', run }], ...program }, [
      'go',
      '--data',
      '/tmp/x',
    ]);
    await vi.waitFor(() => expect(exit).toHaveBeenCalled());
    return { stderr, code: exit.mock.calls[0]?.[0] };
  }

  it('prints a refusal as one line and exits 1, whatever describes other refusals', async () => {
    const program = { isRefusal: () => false, describeRefusal: () => 'described' };
    expect(await failWith(new CommandRefusal('a user named "a" already exists'), program)).toEqual({
      stderr: 'cunmen-x: a user named "a" already exists\n',
      code: 1,
    });
  });

  it("describes the program's own refusals its way, and anything else as unexpected", async () => {
    const coded = Object.assign(new Error('no such version'), { code: 'X_ERR_NOT_FOUND' });
    const program = {
      isRefusal: (err: unknown) => (err as { code?: string }).code !== undefined,
      describeRefusal: (err: unknown) => `${(err as Error).message} (${(err as { code: string }).code})`,
    };
    expect(await failWith(coded, program)).toEqual({
      stderr: 'cunmen-x: no such version (X_ERR_NOT_FOUND)\n',
      code: 1,
    });
    expect(await failWith(new Error('disk full'), program)).toEqual({
      stderr: 'cunmen-x: unexpected error: disk full\n',
      code: 1,
    });
  });
});

describe('dataDirFromEnv', () => {
  const program = { dataFromEnv: { env: 'CUNMEN_REGISTRY_DATA', subdir: 'registry' } };

  it.each([
    ['its own variable first', { CUNMEN_REGISTRY_DATA: '/srv/reg', CUNMEN_DATA: '/srv/all' }, '/srv/reg'],
    ["npm start's layout under CUNMEN_DATA", { CUNMEN_DATA: '/srv/all/' }, '/srv/all/registry'],
    ['nothing when neither is set', {}, undefined],
  ])('takes %s', (_what, env, expected) => {
    expect(dataDirFromEnv(program, env)).toBe(expected);
  });

  it('is nothing for a program that does not read the environment', () => {
    expect(dataDirFromEnv({}, { CUNMEN_DATA: '/srv/all' })).toBeUndefined();
  });

  it('says which flag and variables are missing, exit 2, when --data is absent', async () => {
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
      stderr += String(c);
      return true;
    });
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as () => never);
    const saved = process.env.CUNMEN_DATA;
    delete process.env.CUNMEN_DATA;
    const run = vi.fn(async () => {});
    runProgram(
      { name: 'cunmen-x', commands: [{ name: 'go', summary: '', help: 'help\n', run }], ...program },
      ['go'],
    );
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(2));
    if (saved !== undefined) process.env.CUNMEN_DATA = saved;
    expect(stderr.split('\n\n')[0]).toBe(
      'cunmen-x: --data <dir> is required (or set CUNMEN_REGISTRY_DATA or CUNMEN_DATA)',
    );
    expect(run).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});

/** A command's context for tests: output collected, a usage error thrown (not exit 2). */
import type { CliContext } from './command.js';

export interface TestContext extends CliContext {
  stdout: string[];
}

export function testContext(
  dataDir: string,
  values: CliContext['values'] = {},
  positionals: string[] = [],
): TestContext {
  const stdout: string[] = [];
  return {
    dataDir,
    values,
    positionals,
    stdout,
    out: (text) => void stdout.push(text),
    err: () => undefined,
    fail: (message) => {
      throw new Error(`usage: ${message}`);
    },
  };
}

import { describe, expect, it } from 'vitest';
import { DocsMarkupError, runnableBlocks } from './parse.ts';

const page = [
  '# A page',
  '```sh',
  'echo prose only',
  '```',
  '```sh runnable',
  'echo hello',
  '```',
  'Some words.',
  '```text output',
  'hello',
  '```',
  '```bash runnable exit=1',
  'false',
  '```',
].join('\n');

describe('runnableBlocks', () => {
  it('returns only blocks marked runnable, with their line, exit code and shown output', () => {
    expect(runnableBlocks('p.md', page)).toEqual([
      { page: 'p.md', line: 5, code: 'echo hello', exit: 0, expected: 'hello' },
      { page: 'p.md', line: 12, code: 'false', exit: 1 },
    ]);
  });

  it.each([
    [
      'an output block after a block that does not run',
      '```sh\nx\n```\n```text output\ny\n```',
      'p.md:4: a "text output" block must follow a runnable block',
    ],
    [
      'a runnable block in a language other than sh',
      '```js runnable\nx\n```',
      'p.md:1: only sh/bash blocks can be runnable, not "js"',
    ],
    [
      'an exit code that is not a number',
      '```sh runnable exit=one\nx\n```',
      'p.md:1: "exit=one" is not an exit code',
    ],
  ])('refuses %s', (_what, markdown, message) => {
    expect(() => runnableBlocks('p.md', markdown)).toThrow(new DocsMarkupError(message));
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBlock, substitute } from './run-block.ts';

const platform = {
  registryPort: 41001,
  shellPort: 41002,
  consolePort: 41003,
  dataDir: '/tmp/d',
  accounts: [{ name: 'deqing-dev', token: 'tok-1', password: 'pw-1' }],
};

describe('substitute', () => {
  it('rewrites npm start’s ports, data directory and demo placeholders', () => {
    expect(
      substitute(
        'curl http://localhost:4873/ http://localhost:8080/v/1 http://127.0.0.1:8081/ -H "x: $(cat .data/shell/admin-token)" --token <token of deqing-dev> ./.data/registry',
        platform,
      ),
    ).toBe(
      'curl http://localhost:41001/ http://localhost:41002/v/1 http://127.0.0.1:41003/ -H "x: $(cat /tmp/d/shell/admin-token)" --token tok-1 /tmp/d/registry',
    );
  });

  it('refuses a placeholder for an account the demo does not have', () => {
    expect(() => substitute('<password of nobody>', platform)).toThrow(
      '<password of nobody>: npm start seeded no account named nobody',
    );
  });
});

describe('runBlock', () => {
  it('runs with bash, fails on the first failing command and carries the working directory', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'doctest-'));
    const ok = await runBlock('mkdir -p a && cd a\necho here', {
      cwd: scratch,
      env: process.env,
      timeoutMs: 10_000,
      scratch,
    });
    expect(ok).toEqual({ code: 0, output: 'here\n', cwd: join(scratch, 'a') });
    const bad = await runBlock('false | cat\necho never', {
      cwd: scratch,
      env: process.env,
      timeoutMs: 10_000,
      scratch,
    });
    expect(bad.code).toBe(1);
    expect(bad.output).toBe('');
  });
});

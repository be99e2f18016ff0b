/**
 * The docs test: every shell block a page marks `runnable` is executed, page by page in the order of
 * RUNNABLE_PAGES, against a platform freshly started with `npm start`, and its output is checked against the
 * `text output` block the page shows. A page that drifts from the code fails `npm test`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readerEnv } from './doctest/env.ts';
import { matchOutput } from './doctest/match.ts';
import { RUNNABLE_PAGES } from './doctest/pages.ts';
import { runnableBlocks } from './doctest/parse.ts';
import { type Platform, startPlatform } from './doctest/platform.ts';
import { runBlock, substitute } from './doctest/run-block.ts';

const docsDir = resolve(import.meta.dirname, '..', 'docs');
const root = resolve(import.meta.dirname, '..', '..');
const BLOCK_TIMEOUT = 15 * 60_000;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return /\.mdx?$/.test(name) ? [relative(docsDir, path)] : [];
  });
}

const read = (page: string) => readFileSync(join(docsDir, page), 'utf8');

describe('runnable docs', () => {
  it('every page with runnable blocks is in RUNNABLE_PAGES, and every listed page has some', () => {
    const withBlocks = markdownFiles(docsDir).filter((page) => runnableBlocks(page, read(page)).length > 0);
    expect(withBlocks.sort()).toEqual(RUNNABLE_PAGES.map((p) => p.page).sort());
  });

  let platform: Platform;
  let scratch: string;
  let env: NodeJS.ProcessEnv;
  let cwd: string;
  let failed: string | null = null;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'cunmen-docs-'));
    mkdirSync(join(scratch, 'home'));
    mkdirSync(join(scratch, 'work'));
    platform = await startPlatform({
      root,
      dataDir: join(scratch, 'data'),
      env: process.env,
      timeoutMs: 10 * 60_000,
    });
    env = readerEnv(platform, join(scratch, 'home'));
    cwd = join(scratch, 'work');
  }, 11 * 60_000);

  afterAll(async () => {
    await platform?.stop();
    if (platform) {
      mkdirSync(join(root, 'docs', 'test-results'), { recursive: true });
      writeFileSync(join(root, 'docs', 'test-results', 'npm-start.log'), platform.output());
    }
    if (!failed) rmSync(scratch, { recursive: true, force: true });
  }, 60_000);

  it('npm start seeded the living demo (a village with disclosures, cases, machines and bookings)', () => {
    // A failed content seed only prints a line and the platform runs on: catch it here.
    expect(platform.output()).not.toMatch(/demo content: /);
    expect(platform.output()).toMatch(
      /content: \d+ disclosures \(\d+ published, \d+ in review\), \d+ complaints, \d+ machines, \d+ bookings, \d+ points claims, \d+ goods, \d+ households in 3 villages/,
    );
  });

  for (const { page, cwd: where } of RUNNABLE_PAGES) {
    describe(page, () => {
      for (const block of runnableBlocks(page, read(page))) {
        it(`${page}:${block.line}`, { timeout: BLOCK_TIMEOUT }, async (ctx) => {
          // The pages are one session: after a failed block (which fails this test run) the later blocks
          // would only fail for its sake, so they are reported as skipped, naming the block to fix.
          if (failed) ctx.skip(`an earlier block failed (${failed})`);
          const here = where === 'repo' ? root : cwd;
          const result = await runBlock(substitute(block.code, platform), {
            cwd: here,
            env,
            timeoutMs: BLOCK_TIMEOUT - 30_000,
            scratch,
          });
          if (where === 'scratch') cwd = result.cwd;
          const mismatch =
            block.expected === undefined
              ? null
              : matchOutput(substitute(block.expected, platform), result.output);
          if (result.code !== block.exit || mismatch) {
            failed = `${page}:${block.line}`;
            const why =
              result.code !== block.exit
                ? `exited with ${result.code}, the page expects ${block.exit}`
                : `the page shows "${mismatch?.missing}" (after ${mismatch?.matched} matching lines), the command did not print it`;
            expect.fail(
              `${page}:${block.line}: ${why}\n--- command\n${block.code}\n--- output\n${result.output.slice(-6000)}`,
            );
          }
        });
      }
    });
  }
});

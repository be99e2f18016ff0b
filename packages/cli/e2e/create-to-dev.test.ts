/**
 * The county developer's path end to end, with the real tools: `cunmen create` in a temporary folder,
 * `pnpm install` and `npm install` (neither with a warning), `cunmen build`, the widget's own tests,
 * `cunmen validate`, and `cunmen dev` rendering every declared slot in Chromium, then reloading after a
 * source change.
 */
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  freePort,
  launchChromium,
  makeTempDir,
  openPage,
  type StartedProcess,
  startProcess,
} from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const cliBin = join(repo, 'packages/cli/dist/bin.js');

async function sh(cmd: string, args: string[], cwd: string) {
  try {
    return await exec(cmd, args, {
      cwd,
      env: { ...process.env, CI: '1', NO_COLOR: '1' },
      maxBuffer: 32 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${cmd} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}`,
    );
  }
}

describe('cunmen create → build → test → validate → dev', () => {
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;
  let widget = '';
  let dev: StartedProcess | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;

  beforeAll(async () => {
    tmp = await makeTempDir('cunmen-create-');
    const created = await sh(
      process.execPath,
      [cliBin, 'create', 'village-notes', '--scope', '@deqing', '--title', '村务便签', '--local', repo, '-y'],
      tmp.path,
    );
    expect(created.stdout).toContain('✓ created @deqing/village-notes in village-notes');
    widget = join(tmp.path, 'village-notes');
    // A pristine copy for npm, before pnpm writes node_modules and its lockfile.
    cpSync(widget, join(tmp.path, 'with-npm'), { recursive: true });
    const installed = await sh(
      'pnpm',
      ['install', '--prefer-offline', '--config.confirmModulesPurge=false'],
      widget,
    );
    // Every warning a fresh scaffold could give is one the template can avoid (peers, build scripts).
    expect(`${installed.stdout}${installed.stderr}`).not.toMatch(/\bWARN\b|Ignored build scripts/);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await dev?.stop();
    await tmp?.remove();
  });

  it('builds, passes its own tests and validates', async () => {
    const build = await sh('pnpm', ['exec', 'cunmen', 'build'], widget);
    expect(build.stdout).toMatch(/✓ built @deqing\/village-notes@0\.1\.0 in \d+ ms/);
    expect(build.stdout).toMatch(/remoteEntry\.js/);
    const manifest = JSON.parse(readFileSync(join(widget, 'dist/cunmen.json'), 'utf8'));
    expect(manifest.contributes.map((c: { slot: string }) => c.slot)).toEqual([
      'village.home.tile/v1',
      'village.page/v1',
      'village.nav/v1',
    ]);
    expect(manifest.configDefaults).toEqual({ heading: '村务便签', pageSize: 20 });

    const test = await sh('pnpm', ['test'], widget);
    expect(test.stdout).toMatch(/Tests\s+2 passed \(2\)/);

    const validate = await sh('pnpm', ['exec', 'cunmen', 'validate'], widget);
    expect(validate.stdout).toMatch(/✓ @deqing\/village-notes@0\.1\.0 is valid — build ok/);

    const typecheck = await sh('pnpm', ['run', 'typecheck'], widget);
    expect(`${typecheck.stdout}${typecheck.stderr}`).not.toMatch(/error TS/);
  }, 180_000);

  it('installs with npm too, without a warning', async () => {
    const installed = await sh('npm', ['install', '--prefer-offline'], join(tmp.path, 'with-npm'));
    expect(`${installed.stdout}${installed.stderr}`).not.toMatch(/npm warn/i);
  }, 300_000);

  it('renders every declared slot inside the cunmen dev shell and reloads after a change', async () => {
    const port = await freePort();
    dev = await startProcess({
      command: process.execPath,
      args: [cliBin, 'dev', '--port', String(port)],
      cwd: widget,
      readyPattern: /emulated shell at/,
      timeoutMs: 90_000,
    });
    browser = await launchChromium();
    const { page, consoleErrors } = await openPage(browser.browser, 'cunmen dev slots');
    await page.goto(`http://127.0.0.1:${port}/`);

    // Home tile
    await page.getByRole('tab', { name: '首页磁贴' }).click();
    const tile = page.locator('[data-slot="village.home.tile/v1"][data-state="ready"]');
    await tile.getByRole('button', { name: /村务便签/ }).waitFor();

    // Page: add an entry through the mock host's store
    await page.getByRole('tab', { name: '页面：村务便签' }).click();
    const pageSlot = page.locator('[data-slot="village.page/v1"][data-state="ready"]');
    await pageSlot.getByLabel('内容').fill('周五下午打扫村道');
    await pageSlot.getByRole('button', { name: '添加' }).click();
    await pageSlot.getByText('周五下午打扫村道').waitFor();

    // Nav entry opens the page
    await page.getByRole('tab', { name: /导航/ }).click();
    await page.locator('[data-slot="village.nav/v1"]').getByRole('button', { name: '村务便签' }).click();
    await page
      .locator('[data-slot="village.page/v1"][data-state="ready"]')
      .getByText('周五下午打扫村道')
      .waitFor();

    // Hot reload: change the page's source, the shell reloads with the new build
    const file = join(widget, 'src/page/Page.tsx');
    writeFileSync(file, readFileSync(file, 'utf8').replace("{t('add')}", "{t('add')}（新）"));
    await page.waitForEvent('load', { timeout: 60_000 });
    await page.getByRole('tab', { name: '页面：村务便签' }).click();
    await page
      .locator('[data-slot="village.page/v1"][data-state="ready"]')
      .getByRole('button', { name: '添加（新）' })
      .waitFor();
    expect(consoleErrors.filter((e) => !e.includes('EventSource'))).toEqual([]);
  }, 180_000);
});

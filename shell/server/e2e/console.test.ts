/**
 * The staff console on its own origin, end to end (e2e/platform.ts starts the platform as `npm start`
 * would, the console on `localhost`, residents on `127.0.0.1`), in Chromium:
 * - a cadre of 仙潭村 signs in on the console, opens the catalog, searches 垃圾 (and ljfl) and finds
 *   沂源's `@yiyuan/waste-pickup`, opens its detail page; axe finds no serious or critical issue;
 * - the console's cookie is HttpOnly, SameSite=Strict and host-only, and no request to the resident
 *   origin ever carries it; the resident origin treats the cadre as nobody;
 * - the old cadre URL of the resident portal leads to the same page on the console;
 * - a county widget's cadre page (沂源's waste pickup) runs in the sandboxed cadre frame on its own
 *   origin: it renders, its store list goes through the console's bridge with the widget's credential,
 *   and from inside the frame the console's DOM, cookies, storage and APIs are out of reach;
 * - on a phone the console has a bottom bar and a menu drawer, and the cadre pages still work.
 */
import { formatViolations, openPage, runAxe } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, PASSWORD, PLATFORM_START_MS, type Platform, startPlatform, XIANTAN } from './platform.js';

type Page = Awaited<ReturnType<typeof openPage>>['page'];

let p: Platform;

beforeAll(async () => {
  p = await startPlatform();
}, PLATFORM_START_MS);

afterAll(async () => {
  await p?.stop();
});

async function signIn(page: Page, name: string) {
  await page.getByLabel(/账号/).fill(name);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Serious and critical axe violations only (the Done-when of issue 13). */
async function seriousViolations(page: Page): Promise<string> {
  const found = await runAxe(page);
  return formatViolations(found.filter((v) => v.impact === 'serious' || v.impact === 'critical'));
}

describe('the staff console', () => {
  it('a cadre of 仙潭村 finds 沂源’s waste pickup in the catalog by 垃圾 and by pinyin, and opens it', async () => {
    const { page, consoleErrors } = await openPage(p.browser.browser, 'console catalog');
    await page.goto(`${p.consoleUrl}/`);
    await signIn(page, ACCOUNTS.cadre.name);
    await page.getByText(`已登录：${ACCOUNTS.cadre.display}`).first().waitFor({ timeout: 30_000 });
    await page
      .getByRole('link', { name: /仙潭村/ })
      .first()
      .waitFor();

    await page.getByRole('link', { name: '服务目录' }).first().click();
    await page.getByRole('heading', { level: 1, name: '服务目录' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('搜索服务').fill('垃圾');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.waitForURL(/[?&]q=/);
    const card = page.locator('[data-package="@yiyuan/waste-pickup"]');
    await card.waitFor({ timeout: 30_000 });
    // The unfiltered list stays on screen until the search answers: wait for it to narrow.
    await expect.poll(() => page.locator('[data-package]').count(), { timeout: 30_000 }).toBe(1);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('垃圾分类预约');
    expect(text).toContain('沂源县做的');
    expect(text).toContain('能在本平台使用');
    expect(text).toMatch(/1 个县、1 个村在用/);
    expect(text).toMatch(/村民手机下载约 [\d.]+ KB/);
    expect(await seriousViolations(page), 'catalog').toBe('');

    // By the initials of its pinyin: the shell matches what the registry cannot.
    await page.getByLabel('搜索服务').fill('ljfl');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.getByText('按拼音找到 1 个服务').waitFor({ timeout: 30_000 });
    await card.waitFor();

    await card.getByRole('link', { name: '垃圾分类预约' }).click();
    await page.waitForURL(/\/catalog\/(@|%40)yiyuan\/waste-pickup$/);
    const detail = page.locator('[data-package="@yiyuan/waste-pickup"].console-detail');
    await detail.getByRole('heading', { level: 1, name: '垃圾分类预约' }).waitFor({ timeout: 30_000 });
    const shown = (await detail.textContent()) ?? '';
    for (const expected of [
      '沂源县',
      '环境',
      '当前版本 0.1.0',
      '能在本平台使用',
      '它会用到的资料',
      '村民上传的照片',
      '版本历史',
    ]) {
      expect(shown).toContain(expected);
    }
    await detail.getByRole('cell', { name: '0.1.0', exact: true }).first().waitFor();
    expect(await seriousViolations(page), 'catalog detail').toBe('');
    // Only the signed-out check before sign-in (`/api/auth/me` 401) may be logged.
    expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  }, 180_000);

  it('keeps the console’s cookie to the console: never sent to the resident origin, nobody there', async () => {
    const { page, context } = await openPage(p.browser.browser, 'console cookie');
    await page.goto(`${p.consoleUrl}/v/${XIANTAN}/cadre`);
    await signIn(page, ACCOUNTS.cadre.name);
    await page.getByRole('link', { name: '上门收运预约' }).waitFor({ timeout: 30_000 });
    const cookies = await context.cookies();
    const staff = cookies.filter((c) => c.name.includes('cunmen_console'));
    expect(staff).toHaveLength(1);
    expect(staff[0]).toMatchObject({ domain: 'localhost', httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('cunmen_console');

    // The same browser opens the resident portal: no request there carries the staff cookie.
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(p.shellUrl)) sent.push(request.headers().cookie ?? '');
    });
    await page.goto(`${p.shellUrl}/v/${XIANTAN}/`);
    await page.locator('.shell-slot[data-state="ready"]').first().waitFor({ timeout: 30_000 });
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    expect(sent.length).toBeGreaterThan(0);
    for (const header of sent) expect(header).not.toContain('cunmen_console');

    // The resident portal's sign-in does not take a staff account either.
    await page.goto(`${p.shellUrl}/v/${XIANTAN}/signin`);
    await signIn(page, ACCOUNTS.cadre.name);
    await page
      .getByRole('alert')
      .filter({ hasText: '工作人员账号请到村门工作台登录' })
      .waitFor({ timeout: 30_000 });
  }, 120_000);

  it('sends the old cadre URL to the console, and works on a phone with a bottom bar and a drawer', async () => {
    const { page } = await openPage(p.browser.browser, 'console phone', {
      viewport: { width: 390, height: 844 },
    });
    await page.goto(`${p.shellUrl}/v/${XIANTAN}/cadre/waste-pickup`);
    await page.waitForURL(`${p.consoleUrl}/v/${XIANTAN}/cadre/waste-pickup`);
    await signIn(page, ACCOUNTS.cadre.name);
    await page.getByText('上门收运预约').first().waitFor({ timeout: 30_000 });
    // A county widget's page: inside the sandboxed cadre frame.
    await page
      .frameLocator('iframe[data-widget="@yiyuan/waste-pickup"]')
      .locator('.shell-slot[data-widget="@yiyuan/waste-pickup"][data-state="ready"]')
      .waitFor({ timeout: 30_000 });
    const bar = page.getByRole('navigation', { name: '村门工作台' }).last();
    for (const name of ['首页', '服务目录', '村务管理']) await bar.getByRole('link', { name }).waitFor();
    await expect(bar.getByRole('link', { name: '村务管理' }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    await page.getByRole('button', { name: '打开菜单' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(`已登录：${ACCOUNTS.cadre.display}`).waitFor();
    await drawer.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('密码').waitFor({ timeout: 30_000 });
  }, 120_000);

  it('runs a county widget’s cadre page in the sandboxed frame, bridged, apart from the console', async () => {
    const { page } = await openPage(p.browser.browser, 'cadre frame');
    const hostCalls: { url: string; authorization: string | undefined; fromFrame: boolean }[] = [];
    const frameRequests: string[] = [];
    page.on('request', (request) => {
      const fromFrame = request.frame() !== page.mainFrame();
      if (fromFrame) frameRequests.push(request.url());
      if (request.url().includes('/api/host/v1/store/')) {
        hostCalls.push({ url: request.url(), authorization: request.headers().authorization, fromFrame });
      }
    });
    await page.goto(`${p.consoleUrl}/v/${XIANTAN}/cadre/waste-pickup`);
    await signIn(page, ACCOUNTS.cadre.name);
    const iframe = page.locator('iframe[data-widget="@yiyuan/waste-pickup"]');
    await iframe.waitFor({ timeout: 30_000 });
    expect(await iframe.getAttribute('sandbox')).toBe('allow-scripts');
    const src = new URL((await iframe.getAttribute('src')) ?? '');
    expect(src.pathname).toBe('/cadre-frame');
    expect(src.origin).not.toBe(new URL(p.consoleUrl).origin);
    expect(src.origin).not.toBe(new URL(p.shellUrl).origin);

    // The page renders in the frame, and its store list answered through the bridge.
    const inside = page.frameLocator('iframe[data-widget="@yiyuan/waste-pickup"]');
    await inside.getByText('上门收运预约').first().waitFor({ timeout: 30_000 });
    await inside.getByText('没有待处理的预约').waitFor({ timeout: 30_000 });
    expect(hostCalls.length).toBeGreaterThan(0);
    for (const call of hostCalls) {
      expect(call.fromFrame, call.url).toBe(false);
      expect(new URL(call.url).origin).toBe(new URL(p.consoleUrl).origin);
      expect(call.authorization).toMatch(/^Bearer \S+$/);
    }
    // The frame itself asked only its own origin and the registry's assets, never the console.
    for (const url of frameRequests) {
      expect([src.origin, new URL(p.registryUrl).origin], url).toContain(new URL(url).origin);
    }

    const frame = await (await iframe.elementHandle())?.contentFrame();
    if (!frame) throw new Error('no cadre frame');
    const reach = await frame.evaluate(async (consoleUrl) => {
      const attempt = async (what: () => unknown) => {
        try {
          const value = await what();
          return `reached: ${String(value).slice(0, 80)}`;
        } catch (error) {
          return `refused: ${(error as Error).name}`;
        }
      };
      return {
        origin: self.origin,
        parentDocument: await attempt(() => window.parent.document.title),
        topDocument: await attempt(() => window.top?.document.cookie),
        cookie: await attempt(() => document.cookie),
        storage: await attempt(() => localStorage.length),
        me: await attempt(() =>
          fetch(`${consoleUrl}/api/auth/me`, { credentials: 'include' }).then((r) => r.status),
        ),
        villages: await attempt(() =>
          fetch(`${consoleUrl}/api/console/v1/villages`, { credentials: 'include' }).then((r) => r.status),
        ),
        token: await attempt(() =>
          fetch(`${consoleUrl}/api/host/v1/widget-token`, {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          }).then((r) => r.status),
        ),
      };
    }, p.consoleUrl);
    expect(reach).toEqual({
      origin: 'null',
      parentDocument: 'refused: SecurityError',
      topDocument: 'refused: SecurityError',
      cookie: 'refused: SecurityError',
      storage: 'refused: SecurityError',
      me: 'refused: TypeError',
      villages: 'refused: TypeError',
      token: 'refused: TypeError',
    });
    // The console's page is untouched and still signed in.
    await page.getByText(`已登录：${ACCOUNTS.cadre.display}`).first().waitFor();
  }, 120_000);
});

/**
 * The composer end to end (real registry, real shell, Chromium; e2e/platform.ts): a cadre of 仙潭村
 * finds 沂源's waste pickup by 垃圾, adds it, fills its settings, sees it in the phone preview and
 * publishes — and the resident portal shows its tile — in at most 15 interactions; a rollback restores
 * the earlier portal exactly; each bad input is refused with its Chinese message and the portal
 * unchanged; axe finds no serious or critical issue. The screenshots are the cadre docs' figures.
 */
import { join } from 'node:path';
import { formatViolations, openPage, runAxe } from '@cunmen/test-utils';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtManifest,
  Interactions,
  publishLike,
  residentSnapshot,
  type StaffApi,
  staffApi,
} from './composer-helpers.js';
import {
  ACCOUNTS,
  PASSWORD,
  PLATFORM_START_MS,
  type Platform,
  repo,
  startPlatform,
  XIANTAN,
} from './platform.js';

type Page = Awaited<ReturnType<typeof openPage>>['page'];
type Frame = NonNullable<ReturnType<Page['frame']>>;

const WASTE = '@yiyuan/waste-pickup';
const DISCLOSURE = '@cunmen/affairs-disclosure';
const WUSI = '330521003201';
const SHOTS = join(repo, 'docs/docs/public/screenshots');
const DESKTOP = { viewport: { width: 1280, height: 900 } };

let p: Platform;
let cadre: StaffApi;

const portal = async () => (await cadre.call('GET', `/api/portals/${XIANTAN}`)).body as { version: number };
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

beforeAll(async () => {
  p = await startPlatform();
  cadre = await staffApi(p.consoleUrl, ACCOUNTS.cadre.name);
  // The demo portal places the waste pickup already: the cadre starts without it.
  const removed = await cadre.call('DELETE', `/api/portals/${XIANTAN}/widgets/${encodeURIComponent(WASTE)}`);
  expect(removed.status).toBe(200);
}, PLATFORM_START_MS);

afterAll(async () => {
  await p?.stop();
});

async function seriousViolations(page: Page | Frame): Promise<string> {
  // A frame answers the same calls axe needs (evaluate, waitForFunction) as a page.
  const found = await runAxe(page as Page);
  return formatViolations(found.filter((v) => v.impact === 'serious' || v.impact === 'critical'));
}

async function signIn(page: Page, steps: Interactions) {
  await steps.fill(page.getByLabel(/账号/), ACCOUNTS.cadre.name, 'account');
  await steps.fill(page.getByLabel('密码'), PASSWORD, 'password');
  await steps.click(page.getByRole('button', { name: '登录' }), '登录');
}

describe('the composer', () => {
  it('adds 沂源’s waste pickup found by 垃圾, configures, previews and publishes it in ≤ 15 interactions', async () => {
    const { page, consoleErrors } = await openPage(p.browser.browser, 'composer add', DESKTOP);
    const steps = new Interactions();
    await page.goto(`${p.consoleUrl}/`);
    steps.note('open the console');
    await signIn(page, steps);
    await steps.click(page.getByRole('link', { name: '组装门户' }).first(), '组装门户');
    await page.getByRole('heading', { level: 1, name: '组装门户 · 仙潭村' }).waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page), 'composer').toBe('');

    await steps.click(page.getByRole('link', { name: '添加服务' }), '添加服务');
    await steps.fill(page.getByLabel('搜索服务'), '垃圾', 'search');
    await steps.press(page.getByLabel('搜索服务'), 'Enter', 'search');
    const card = page.locator(`[data-package="${WASTE}"]`);
    await page.getByRole('status').filter({ hasText: '找到 1 个服务' }).waitFor({ timeout: 30_000 });
    await card.getByText('沂源县做的').waitFor();
    expect(await page.locator('[data-package]').count()).toBe(1);
    expect(await seriousViolations(page), 'add a service').toBe('');
    await shot(page, 'composer-add');
    await steps.click(card.getByRole('button', { name: '添加“垃圾分类预约”' }), '添加');

    await page.getByRole('heading', { level: 1, name: '“垃圾分类预约”的设置' }).waitFor({ timeout: 30_000 });
    const heading = page.getByLabel('页面标题');
    await expect(heading.inputValue()).resolves.toBe('垃圾分类预约');
    expect(await seriousViolations(page), 'settings').toBe('');
    await steps.fill(heading, '仙潭垃圾预约', 'page title');
    await shot(page, 'composer-settings');
    await steps.click(page.getByRole('button', { name: '保存设置' }), '保存设置');

    // Back on the overview: the tile is listed last, and the preview shows the draft.
    await page.getByRole('status').filter({ hasText: '有未发布的修改' }).waitFor({ timeout: 30_000 });
    const tiles = page.getByRole('list', { name: '首页服务' });
    await expect(tiles.locator('[data-entry]').last().getAttribute('data-entry')).resolves.toBe(WASTE);
    const preview = page.frameLocator('iframe[title="仙潭村门户预览"]');
    await preview
      .locator(`.shell-slot[data-widget="${WASTE}"][data-state="ready"]`)
      .getByText('仙潭垃圾预约')
      .waitFor({ timeout: 60_000 });
    await shot(page, 'composer-overview');
    // Residents see none of it before 发布.
    expect(JSON.stringify(await residentSnapshot(p.shellUrl, XIANTAN))).not.toContain(WASTE);

    const before = (await portal()).version;
    await steps.click(page.getByRole('button', { name: '发布', exact: true }), '发布');
    await page.getByText(`已发布第 ${before + 1} 版，村民现在就能看到`).waitFor({ timeout: 30_000 });

    await page.goto(`${p.shellUrl}/v/${XIANTAN}/`);
    steps.note('open the resident portal');
    await page
      .locator(`.shell-slot[data-widget="${WASTE}"][data-state="ready"]`)
      .getByText('仙潭垃圾预约')
      .waitFor({ timeout: 60_000 });
    console.log(`composer: ${steps.count} interactions\n${steps.log.join('\n')}`);
    expect(steps.count).toBeLessThanOrEqual(15);
    // Refused requests are answers, not errors of the page: the sign-in check (401), find-machinery's
    // store reads (403: it was granted no capability), a standard module's catalog entry (404).
    expect(consoleErrors.filter((e) => !/^Failed to load resource: .*status of 40[134]/.test(e))).toEqual([]);
  }, 240_000);

  it('the preview page itself has no serious or critical axe issue, in 长辈版 too', async () => {
    const { page } = await openPage(p.browser.browser, 'composer preview', {
      viewport: { width: 390, height: 844 },
    });
    await page.goto(`${p.consoleUrl}/`);
    await signIn(page, new Interactions());
    await page
      .getByRole('heading', { level: 1, name: `您好，${ACCOUNTS.cadre.display}` })
      .waitFor({ timeout: 30_000 });
    // The preview is a page of the frame origin, framed by the composer's preview screen (a phone's).
    await page.goto(`${p.consoleUrl}/v/${XIANTAN}/portal/preview`);
    const iframe = page.locator('iframe[title="仙潭村门户预览"]');
    await iframe.waitFor({ timeout: 30_000 });
    expect(await iframe.getAttribute('sandbox')).toBe('allow-scripts');
    const preview = await (await iframe.elementHandle())?.contentFrame();
    if (!preview) throw new Error('no preview frame');
    await preview.locator('.shell-slot[data-state="ready"]').first().waitFor({ timeout: 60_000 });
    expect(await preview.evaluate(() => self.origin)).toBe('null');
    expect(await seriousViolations(preview), 'preview').toBe('');
    await preview.getByRole('switch', { name: /长辈版/ }).click();
    await preview.locator('[data-cm-elderly="true"]').first().waitFor();
    expect(await seriousViolations(preview), 'preview, 长辈版').toBe('');
  }, 120_000);

  it('shows what changed between two versions and restores the earlier portal exactly in one click', async () => {
    const earlier = await residentSnapshot(p.shellUrl, XIANTAN);
    const earlierVersion = (await portal()).version;
    // A change published through the composer: residents start in 长辈版, in the village's colour.
    const view = (await cadre.call('GET', `/api/console/v1/portals/${XIANTAN}/composer`)).body as {
      baseVersion: number;
      config: { theme: Record<string, unknown> };
    };
    const theme = { ...view.config.theme, elderlyByDefault: true, primary: '#8a1c1c' };
    const draft = { baseVersion: view.baseVersion, config: { ...view.config, theme } };
    expect((await cadre.call('PUT', `/api/console/v1/portals/${XIANTAN}/draft`, draft)).status).toBe(200);
    expect((await cadre.call('POST', `/api/console/v1/portals/${XIANTAN}/draft/publish`, {})).status).toBe(
      200,
    );
    const resident = (await openPage(p.browser.browser, 'resident accent')).page;
    await resident.goto(`${p.shellUrl}/v/${XIANTAN}/`);
    const root = resident.locator('.cm-root[data-cm-elderly="true"]').first();
    await root.waitFor({ timeout: 30_000 });
    const accent = await root.evaluate((el) =>
      getComputedStyle(el).getPropertyValue('--cm-color-primary').trim(),
    );
    expect(accent).toBe('#8a1c1c');
    expect(await residentSnapshot(p.shellUrl, XIANTAN)).not.toEqual(earlier);

    const { page } = await openPage(p.browser.browser, 'composer history', DESKTOP);
    await page.goto(`${p.consoleUrl}/v/${XIANTAN}/portal/history`);
    await signIn(page, new Interactions());
    const row = page.locator(`[data-version="${earlierVersion}"]`);
    await row.getByRole('button', { name: '和现在比较' }).click({ timeout: 30_000 });
    await row.getByText('默认长辈版：否 → 是').waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page), 'history').toBe('');
    await shot(page, 'composer-history');
    await row.getByRole('button', { name: '恢复这一版' }).click();
    await page.getByText(`已恢复第 ${earlierVersion} 版`).waitFor({ timeout: 30_000 });
    expect((await portal()).version).toBe(earlierVersion);
    expect(await residentSnapshot(p.shellUrl, XIANTAN)).toEqual(earlier);
  }, 180_000);

  it('refuses each bad input with its Chinese message and leaves the portal as it was', async () => {
    const { page } = await openPage(p.browser.browser, 'composer refusals', DESKTOP);
    const unchanged = await residentSnapshot(p.shellUrl, XIANTAN);
    const version = (await portal()).version;
    await page.goto(`${p.consoleUrl}/v/${XIANTAN}/portal/service/${WASTE}`);
    await signIn(page, new Interactions());

    // A setting that fails its schema: the server's sentence under the field, in the browser already.
    const heading = page.getByLabel('页面标题');
    await heading.fill('一二三四五六七八九十一二三四五六七八九十一', { timeout: 30_000 });
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('最多 20 个字（现在是 21 个）').first().waitFor({ timeout: 10_000 });
    await shot(page, 'composer-settings-refused');
    // And the server refuses the same config, with the same words on the same field.
    const view = (await cadre.call('GET', `/api/console/v1/portals/${XIANTAN}/composer`)).body as {
      baseVersion: number;
      config: { widgets: { name: string; config: Record<string, unknown> }[] };
    };
    expect(view.config.widgets.find((w) => w.name === WASTE)?.config.heading).toBe('仙潭垃圾预约');
    const bad = structuredClone(view.config);
    const index = bad.widgets.findIndex((w) => w.name === WASTE);
    (bad.widgets[index] as { config: Record<string, unknown> }).config = { heading: '一'.repeat(21) };
    const refused = await cadre.call('PUT', `/api/console/v1/portals/${XIANTAN}/draft`, {
      baseVersion: view.baseVersion,
      config: bad,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.problems).toEqual([
      {
        field: `widgets[${index}].config.heading`,
        message: '“页面标题”（heading）：最多 20 个字（现在是 21 个）',
        error: 'heading: must have at most 20 characters (has 21)',
      },
    ]);

    // A colour below contrast.
    await page.goto(`${p.consoleUrl}/v/${XIANTAN}/portal/theme`);
    await page.getByLabel('主题颜色').fill('#ffd400', { timeout: 30_000 });
    await page.getByRole('button', { name: '保存名称和颜色' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /这个颜色太浅.*对比度 \d\.\d:1，至少要 4\.5:1/ })
      .waitFor();
    expect(await seriousViolations(page), 'theme').toBe('');
    await shot(page, 'composer-theme-refused');

    // Another village: the server says no.
    await page.goto(`${p.consoleUrl}/v/${WUSI}/portal`);
    await page
      .getByRole('alert')
      .filter({ hasText: `无权操作辖区外的区划 ${WUSI}` })
      .waitFor({ timeout: 30_000 });
    const foreign = await cadre.call('POST', `/api/console/v1/portals/${WUSI}/draft/widgets`, {
      name: WASTE,
    });
    expect(foreign).toMatchObject({ status: 403, body: { code: 'SHELL_ERR_FORBIDDEN' } });
    expect((await cadre.call('GET', `/api/portals/${WUSI}`)).status).toBe(403);

    expect((await portal()).version).toBe(version);
    expect(await residentSnapshot(p.shellUrl, XIANTAN)).toEqual(unchanged);

    // A stale draft: the cadre moves a tile (kept as a draft), someone else publishes meanwhile.
    await page.goto(`${p.consoleUrl}/v/${XIANTAN}/portal`);
    const tiles = page.getByRole('list', { name: '首页服务' });
    await tiles.getByRole('button', { name: '把“垃圾分类预约”上移一位' }).click({ timeout: 30_000 });
    await page.getByRole('status').filter({ hasText: '有未发布的修改' }).waitFor({ timeout: 30_000 });
    const other = await staffApi(p.consoleUrl, ACCOUNTS.cadre.name);
    const configured = await other.call(
      'PATCH',
      `/api/portals/${XIANTAN}/widgets/${encodeURIComponent(WASTE)}`,
      {
        set: { notice: '周六上门' },
      },
    );
    expect(configured.status).toBe(200);
    const newest = (await portal()).version;
    const published = await residentSnapshot(p.shellUrl, XIANTAN);
    await page.getByRole('button', { name: '发布', exact: true }).click();
    const stale = page.getByRole('alert').filter({ hasText: '没有发布：您修改期间，别人发布了新版本。' });
    await stale
      .getByText(`您开始修改时是第 ${version} 版，现在已发布第 ${newest} 版`)
      .waitFor({ timeout: 30_000 });
    await stale.getByText('别人修改了“垃圾分类预约”的设置').waitFor();
    await shot(page, 'composer-stale');
    expect((await portal()).version).toBe(newest);
    expect(await residentSnapshot(p.shellUrl, XIANTAN)).toEqual(published);
    await stale.getByRole('button', { name: '重新加载最新版（放弃我的修改）' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `与已发布的第 ${newest} 版相同` })
      .waitFor({ timeout: 30_000 });
  }, 240_000);

  it('shows a module the county made mandatory locked and refuses its removal; offers no version the province has not approved or this shell cannot run', async () => {
    const county = await staffApi(p.consoleUrl, ACCOUNTS.county.name);
    const rule = await county.call('PUT', '/api/console/v1/mandatory', {
      division: '330521',
      package: DISCLOSURE,
    });
    expect(rule.status).toBe(200);
    const version = (await portal()).version;
    const unchanged = await residentSnapshot(p.shellUrl, XIANTAN);

    const { page } = await openPage(p.browser.browser, 'composer rules', DESKTOP);
    await page.goto(`${p.consoleUrl}/v/${XIANTAN}/portal`);
    await signIn(page, new Interactions());
    const pages = page.locator('.composer-pages li').filter({ hasText: '三务公开' });
    await pages.getByText('必备').waitFor({ timeout: 30_000 });
    await pages.getByRole('link', { name: '设置“三务公开”' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: '“三务公开”是县里规定每个村门户都必须有的服务，不能移除' })
      .waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: '从门户中移除' }).count()).toBe(0);
    expect(await seriousViolations(page), 'mandatory module').toBe('');
    await shot(page, 'composer-mandatory');
    // The server refuses it whatever the client: one-widget removal and a draft without it.
    const removal = await cadre.call(
      'DELETE',
      `/api/portals/${XIANTAN}/widgets/${encodeURIComponent(DISCLOSURE)}`,
    );
    expect(removal).toMatchObject({
      status: 409,
      body: {
        code: 'SHELL_ERR_MANDATORY_MODULE',
        field: 'widgets',
        message: '“三务公开”（@cunmen/affairs-disclosure）是县里规定每个村门户都必须有的服务，不能移除',
      },
    });

    // 沂源 publishes 0.2.0 (still pending review) and the province approves 0.3.0, built for React 18.
    const built = builtManifest('plugins/waste-pickup');
    const publish = (v: string, overrides: Record<string, unknown> = {}) =>
      publishLike(p, built, v, p.tokens.yiyuan, overrides);
    await publish('0.2.0');
    await publish('0.3.0', { shared: { ...(built.shared as object), react: '^18.2.0' } });
    const approved = await fetch(`${p.registryUrl}/-/cunmen/v1/review/${WASTE}/0.3.0/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${p.tokens.province}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(approved.status, await approved.text()).toBe(200);

    await page.goto(`${p.consoleUrl}/v/${XIANTAN}/portal/service/${WASTE}`);
    await page.getByRole('heading', { level: 1, name: /的设置$/ }).waitFor({ timeout: 30_000 });
    await page.getByText('版本 0.1.0').waitFor();
    expect(await page.getByText(/有新版本/).count(), 'no upgrade to 0.2.0 or 0.3.0 is offered').toBe(0);

    const view = (await cadre.call('GET', `/api/console/v1/portals/${XIANTAN}/composer`)).body as {
      baseVersion: number;
      config: { widgets: { name: string; version: string }[] };
    };
    const index = view.config.widgets.findIndex((w) => w.name === WASTE);
    for (const [v, status, code, message] of [
      [
        '0.2.0',
        400,
        'SHELL_ERR_WIDGET_NOT_APPROVED',
        '组件仓库中没有该版本的已审核发布（未发布、待审核、已驳回或已撤回）',
      ],
      ['0.3.0', 409, 'SHELL_ERR_SHARED_CONFLICT', '^18.2.0'],
    ] as const) {
      const config = structuredClone(view.config);
      (config.widgets[index] as { version: string }).version = v;
      const refused = await cadre.call('PUT', `/api/console/v1/portals/${XIANTAN}/draft`, {
        baseVersion: view.baseVersion,
        config,
      });
      expect(refused.status, v).toBe(status);
      expect(refused.body.code, v).toBe(code);
      expect(String(refused.body.message), v).toContain(message);
      expect(String(refused.body.message), v).toContain(`${WASTE}@${v}`);
    }
    const after = (await cadre.call('GET', `/api/console/v1/portals/${XIANTAN}/composer`)).body;
    expect(after.config).toEqual(view.config);
    expect((await portal()).version).toBe(version);
    expect(await residentSnapshot(p.shellUrl, XIANTAN)).toEqual(unchanged);
  }, 240_000);

  it('puts a banner photo from the cadre’s phone on the resident home: re-encoded small, no location left', async () => {
    const { page } = await openPage(p.browser.browser, 'composer banner', DESKTOP);
    await page.goto(`${p.consoleUrl}/v/${XIANTAN}/portal/theme`);
    await signIn(page, new Interactions());
    const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#4d7c3a' } })
      .jpeg({ quality: 90 })
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 32/1 0/1' } })
      .toBuffer();
    await page
      .getByLabel('横幅照片')
      .setInputFiles({ name: '村口.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('img', { name: '当前的横幅照片' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '保存名称和颜色' }).click();
    await page.getByText('名称和颜色已保存，发布后生效').waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page), 'theme with a banner').toBe('');
    await shot(page, 'composer-banner');
    await page.goto(`${p.consoleUrl}/v/${XIANTAN}/portal`);
    await page.getByRole('button', { name: '发布', exact: true }).click({ timeout: 30_000 });
    await page.getByText(/已发布第 \d+ 版，村民现在就能看到/).waitFor({ timeout: 30_000 });

    const resident = (await openPage(p.browser.browser, 'resident banner')).page;
    await resident.goto(`${p.shellUrl}/v/${XIANTAN}/`);
    const banner = resident.locator('img.shell-banner');
    await banner.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => banner.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
        timeout: 30_000,
      })
      .toBe(960);
    const src = String(await banner.getAttribute('src'));
    const served = await fetch(`${p.shellUrl}${src}`);
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(bytes.length).toBeLessThan(60 * 1024);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
  }, 180_000);
});

/**
 * 积分制 end to end (e2e/platform.ts starts the platform as `npm start` would: the module published as
 * `standard`, approved, placed in 仙潭村's portal), in Chromium, on either back end (e2e/backends.ts):
 * the committee records the rule book the villagers' assembly adopted and stocks the shop (on the staff
 * console); a resident claims points with a photo (on a phone); the committee approves; the village's
 * merchant looks the household up at the counter and redeems; the public leaderboard shows the household
 * (its name masked) once the award is in. Then the resident pages are axe-clean, in 长辈版 too.
 */
import { formatViolations, openPage, runAxe, smallTargets, smallText } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, PASSWORD, PLATFORM_START_MS, type Platform, startPlatform, XIANTAN } from './platform.js';

type Page = Awaited<ReturnType<typeof openPage>>['page'];

let p: Platform;

// Generous: on PostgreSQL + S3 on a busy machine, publishing and approving five packages takes minutes.
beforeAll(async () => {
  p = await startPlatform();
}, PLATFORM_START_MS + 120_000);

afterAll(async () => {
  await p?.stop();
});

const phone = { viewport: { width: 390, height: 844 } };

/** A 16 × 16 green PNG, as a phone's camera would hand over a photo. */
const PHOTO = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000010000000100802000000909168360000001649444154789c63d09be7' +
    '4f126218d530aa61f86a0000536f1b100d8e8ab40000000049454e44ae426082',
  'hex',
);

/** Today in China (the module's days are China-time days). */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

async function signIn(page: Page, name: string) {
  await page.getByLabel(/账号/).fill(name);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Opens 积分制's cadre page on the console, signed in as `account`. */
async function desk(name: string, account: (typeof ACCOUNTS)[keyof typeof ACCOUNTS]) {
  const opened = await openPage(p.browser.browser, name);
  await opened.page.goto(`${p.consoleUrl}/v/${XIANTAN}/cadre/points`);
  await signIn(opened.page, account.name);
  await opened.page.getByText(`已登录：${account.display}`).first().waitFor({ timeout: 30_000 });
  return opened;
}

describe('积分制 end to end', () => {
  it('the assembly’s rule book, a resident’s claim with a photo, approval, redemption at the counter, the leaderboard', async () => {
    const base = `${p.shellUrl}/v/${XIANTAN}`;
    // Before anything: the public leaderboard is empty.
    const visitor = await openPage(p.browser.browser, 'points board', phone);
    await visitor.page.goto(`${base}/p/points/board`);
    await visitor.page.getByText('还没有人得分').waitFor({ timeout: 30_000 });

    // The committee records the assembly's vote on the rule book, then stocks the shop.
    const cadre = await desk('points committee', ACCOUNTS.cadre);
    await cadre.page.getByRole('button', { name: '积分规则' }).click({ timeout: 30_000 });
    await cadre.page.getByText('还没有通过的积分规则').waitFor({ timeout: 30_000 });
    await cadre.page
      .getByLabel(/积分事项/)
      .fill(
        ['R01，垃圾分类准确投放，10，照片，第三村民小组', 'D01，焚烧秸秆或垃圾，-20，照片，村两委'].join(
          '\n',
        ),
      );
    await cadre.page.getByLabel('会议日期').fill(today);
    await cadre.page.getByLabel('施行日期').fill(today);
    await cadre.page.getByLabel('到会人数').fill('48');
    await cadre.page.getByLabel('赞成', { exact: true }).fill('45');
    await cadre.page.getByLabel('反对', { exact: true }).fill('1');
    await cadre.page.getByLabel('弃权', { exact: true }).fill('2');
    await cadre.page.getByRole('button', { name: '记录表决结果并施行' }).click();
    await cadre.page.getByText(`已记录，第 1 版从 ${today} 起施行`).waitFor({ timeout: 30_000 });

    await cadre.page.getByRole('button', { name: '积分超市' }).click();
    await cadre.page.getByLabel('商品名称').fill('毛巾');
    await cadre.page.getByLabel('所需积分').fill('4');
    await cadre.page.getByLabel('库存').fill('3');
    await cadre.page.getByRole('button', { name: '上架', exact: true }).click();
    await cadre.page.getByText('毛巾 · 4 分 · 库存 3').waitFor({ timeout: 30_000 });

    // A resident claims points for sorting waste, with a photo, on a phone.
    const resident = await openPage(p.browser.browser, 'points resident', phone);
    await resident.page.goto(`${base}/signin`);
    await signIn(resident.page, ACCOUNTS.resident.name);
    await resident.page.waitForURL(`${base}/`);
    await resident.page.goto(`${base}/p/points`);
    await resident.page.getByRole('button', { name: '申请积分' }).click({ timeout: 30_000 });
    await resident.page.getByLabel(/做了哪件事/).selectOption('R01');
    await resident.page
      .getByTestId('camera')
      .setInputFiles({ name: '分类.png', mimeType: 'image/png', buffer: PHOTO });
    await resident.page.getByText('分类.png').waitFor();
    await resident.page.getByLabel(/说明/).fill('厨余和可回收物分开投放');
    await resident.page.getByRole('button', { name: '提交申请' }).click();
    await resident.page.getByText('已提交，村委会审核后记入积分').waitFor({ timeout: 30_000 });

    // The committee sees it in the queue, with the photo, and approves.
    await cadre.page.reload();
    await cadre.page.getByRole('button', { name: '待审申请' }).click({ timeout: 30_000 });
    const claim = cadre.page.getByText('H-0012 户 · 垃圾分类准确投放 · 10 分');
    await claim.waitFor({ timeout: 30_000 });
    await cadre.page.getByText(/村民申请 · xt-zhang · 厨余和可回收物分开投放/).waitFor();
    await cadre.page.getByRole('button', { name: '查看照片' }).waitFor();
    await cadre.page.getByRole('button', { name: '通过', exact: true }).click();
    await cadre.page.getByText('没有待审的申请').waitFor({ timeout: 30_000 });

    // The resident's household now has 10 points to spend.
    await resident.page.goto(`${base}/p/points`);
    await expect
      .poll(async () => resident.page.getByTestId('redeemable').textContent(), { timeout: 30_000 })
      .toBe('可兑换积分 10');

    // The leaderboard shows the household, the name masked.
    await visitor.page.reload();
    const board = visitor.page.getByRole('list', { name: /年/ });
    await board.getByText('1. 张**').waitFor({ timeout: 30_000 });
    await board.getByText('10 分').waitFor();
    expect(await visitor.page.locator('main').textContent()).not.toContain('张建华');

    // The merchant redeems two towels at the counter by the household number.
    const merchant = await desk('points merchant', ACCOUNTS.merchant);
    await merchant.page.getByLabel(/户号/).fill('H-0012', { timeout: 30_000 });
    await merchant.page.getByRole('button', { name: '查询' }).click();
    await expect
      .poll(async () => merchant.page.getByTestId('counter-balance').textContent(), { timeout: 30_000 })
      .toBe('张** 可兑换 10 分');
    await merchant.page.getByLabel(/兑换商品/).selectOption({ label: '毛巾（4 分，库存 3）' });
    await merchant.page.getByLabel('数量', { exact: true }).fill('2');
    await merchant.page.getByRole('button', { name: '兑换', exact: true }).click();
    await merchant.page.getByText('已兑换，扣 8 分，剩余 2 分').waitFor({ timeout: 30_000 });
    // Beyond the balance: refused with the reason, nothing spent.
    await merchant.page.getByRole('button', { name: '兑换', exact: true }).click();
    await merchant.page.getByRole('alert').filter({ hasText: '可兑换积分不足' }).waitFor({ timeout: 30_000 });

    // The committee's shop shows the stock fell by two; the resident's ledger shows the redemption.
    await cadre.page.reload();
    await cadre.page.getByRole('button', { name: '积分超市' }).click({ timeout: 30_000 });
    await cadre.page.getByText('毛巾 · 4 分 · 库存 1').waitFor({ timeout: 30_000 });
    await resident.page.reload();
    await expect
      .poll(async () => resident.page.getByTestId('redeemable').textContent(), { timeout: 30_000 })
      .toBe('可兑换积分 2');
    // Spending does not lower the rank: the board still shows the 10 points earned.
    await visitor.page.reload();
    await board.getByText('10 分').waitFor({ timeout: 30_000 });
    // It took 280 s on PostgreSQL on a busy machine (110 s on SQLite): room to spare.
  }, 600_000);

  for (const elderly of [false, true]) {
    it(`积分制's resident pages are axe-clean${elderly ? ' and meet the 18 px / 60 px rules in 长辈版' : ''}`, async () => {
      const opened = await openPage(p.browser.browser, `points axe ${elderly}`, phone);
      const { page } = opened;
      await page.addInitScript((value) => localStorage.setItem('cunmen:elderly', value), String(elderly));
      const base = `${p.shellUrl}/v/${XIANTAN}`;
      const pages = [
        ['/p/points', '登录后才能查看和申请积分'],
        ['/p/points/board', '1. 张**'],
        ['/p/points/shop', '毛巾'],
        ['/signin', '密码'],
        ['/p/points', '我家的积分'],
        ['/p/points/claim', '做了哪件事'],
      ] as const;
      for (const [path, ready] of pages) {
        await page.goto(`${base}${path}`);
        if (path === '/signin') {
          await signIn(page, ACCOUNTS.resident.name);
          await page.waitForURL(`${base}/`);
          continue;
        }
        await page.getByText(ready).first().waitFor({ timeout: 30_000 });
        await page
          .locator('.shell-slot[data-state="loading"]')
          .first()
          .waitFor({ state: 'detached', timeout: 30_000 });
        await expect(page.locator('.cm-root').first().getAttribute('data-cm-elderly')).resolves.toBe(
          String(elderly),
        );
        expect(formatViolations(await runAxe(page)), path).toBe('');
        if (elderly) {
          expect(await smallText(page, 18), path).toEqual([]);
          expect(await smallTargets(page, 60), path).toEqual([]);
        }
      }
    }, 180_000);
  }
});

/**
 * The whole platform end to end (e2e/platform.ts starts it as `npm start` would), in Chromium:
 * - a resident's home shows the standard modules' tiles and the county widgets, loaded at run time;
 *   find-machinery, approved with NO capability, gets 403 from the host API and shows its error state;
 * - 接诉即办: a resident submits a complaint with a photo and the phone's location, township staff accept, reply and close it in the
 *   staff console (its own origin), the resident rates it, the metrics move and the public board shows the answer without
 *   the resident's identity;
 * - 三务公开: a cadre drafts a finance disclosure with an XLSX roster of 低保 recipients, the supervision
 *   member approves it, the cadre records the 两委 approval and publishes, and a resident reads it: only
 *   masked numbers, in the page and in every answer the browser received.
 */
import { formatViolations, openPage, runAxe, smallTargets, smallText } from '@cunmen/test-utils';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/identity/totp.js';
import { ACCOUNTS, PASSWORD, PLATFORM_START_MS, type Platform, startPlatform, XIANTAN } from './platform.js';

type Page = Awaited<ReturnType<typeof openPage>>['page'];

let p: Platform;

beforeAll(async () => {
  p = await startPlatform();
}, PLATFORM_START_MS);

afterAll(async () => {
  await p?.stop();
});

const phone = { viewport: { width: 390, height: 844 } };

/** The smallest PNG: signature + IHDR + IDAT + IEND. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/** GB 11643 check character of the first 17 digits of an ID-card number. */
function idCard(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((n, d, i) => n + Number(d) * (weights[i] as number), 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A bank card number passing Luhn, from its first 18 digits. */
function luhn(first: string): string {
  let sum = 0;
  [...first].reverse().forEach((d, i) => {
    let v = Number(d);
    if (i % 2 === 0) v *= 2;
    sum += v > 9 ? v - 9 : v;
  });
  return first + String((10 - (sum % 10)) % 10);
}

const ROSTER = [
  {
    name: '王秀英',
    id: idCard('33052119450312402'),
    phone: '13905721234',
    card: luhn('622848012345678901'),
    amount: 780,
  },
  {
    name: '李德明',
    id: idCard('33052119520708611'),
    phone: '15867231188',
    card: luhn('621700123456789012'),
    amount: 650,
  },
  {
    name: '沈阿婆',
    id: idCard('33052119380101002'),
    phone: '13757299876',
    card: luhn('622202123412341234'),
    amount: 820,
  },
];

async function rosterXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '仙潭村村委会';
  const sheet = book.addWorksheet('低保名单');
  sheet.addRow(['姓名', '身份证号', '联系电话', '银行卡号', '保障金（元）']);
  for (const r of ROSTER) sheet.addRow([r.name, r.id, Number(r.phone), r.card, r.amount]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function signIn(page: Page, name: string) {
  await page.getByLabel(/账号/).fill(name);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('the platform end to end', () => {
  it('shows the standard modules and the county widgets on the home, and an error state where a capability was not granted', async () => {
    const { page, consoleErrors } = await openPage(p.browser.browser, 'full stack home', phone);
    const assetRequests: string[] = [];
    const denied: number[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/-/assets/')) assetRequests.push(r.url());
    });
    page.on('response', (r) => {
      if (r.url().includes('/api/host/v1/store/')) denied.push(r.status());
    });
    await page.goto(`${p.shellUrl}/v/${XIANTAN}/`);
    const tiles = page.locator('.shell-slot[data-slot="village.home.tile/v1"]');
    for (const widget of [
      '@cunmen/affairs-disclosure',
      '@cunmen/complaints',
      '@deqing/find-machinery',
      '@yiyuan/waste-pickup',
    ]) {
      await tiles
        .and(page.locator(`[data-widget="${widget}"][data-state="ready"]`))
        .waitFor({ timeout: 30_000 });
    }
    await page.getByText('垃圾分类预约').first().waitFor();
    await page.getByText('我要反映').first().waitFor();
    await page.getByText('三务公开').first().waitFor();
    expect(
      assetRequests.some((u) => u.includes('/@cunmen/complaints/') || u.endsWith('/remoteEntry.js')),
    ).toBe(true);

    await page.goto(`${p.shellUrl}/v/${XIANTAN}/p/find-machinery`);
    const alert = page.getByRole('alert').filter({ hasText: '权限' });
    await alert.first().waitFor({ timeout: 30_000 });
    expect(denied).toContain(403);
    await expect(page.getByRole('link', { name: /垃圾预约/ }).count()).resolves.toBeGreaterThan(0);
    const unexpected = consoleErrors.filter(
      (e) => !/403|Forbidden|service worker|ServiceWorker|scope/i.test(e),
    );
    expect(unexpected).toEqual([]);
  }, 120_000);

  it('接诉即办: submit with a photo, township staff handle it, the resident rates it, metrics move, the board shows it without identity', async () => {
    const base = `${p.shellUrl}/v/${XIANTAN}`;
    const cadre = `${p.consoleUrl}/v/${XIANTAN}/cadre`;
    // Township staff look at the metrics before anything happened (in the console, on its own origin).
    const staff = await openPage(p.browser.browser, 'complaints staff');
    await staff.page.goto(`${cadre}/complaints`);
    await signIn(staff.page, ACCOUNTS.township.name);
    await staff.page.getByText('已登录：莫干山镇人民政府').waitFor({ timeout: 30_000 });
    await staff.page.getByRole('button', { name: '统计分析' }).click();
    const summary = staff.page.getByTestId('metrics-summary');
    await summary.waitFor({ timeout: 30_000 });
    const before = await summary.textContent();
    expect(before).toMatch(/诉求 0 件/);

    // The resident signs in and reports a broken street lamp with a photo.
    const resident = await openPage(p.browser.browser, 'complaints resident', {
      ...phone,
      geolocation: { latitude: 30.5447123, longitude: 119.9775987, accuracy: 15 },
      permissions: ['geolocation'],
    });
    const moduleAnswers: string[] = [];
    resident.page.on('response', async (r) => {
      if (r.url().includes('/api/modules/')) moduleAnswers.push(await r.text().catch(() => ''));
    });
    await resident.page.goto(`${base}/signin`);
    await signIn(resident.page, ACCOUNTS.resident.name);
    await resident.page.waitForURL(`${base}/`);
    await resident.page.goto(`${base}/p/complaints`);
    await resident.page.getByRole('button', { name: '我要反映' }).first().click({ timeout: 30_000 });
    await resident.page.getByRole('button', { name: '道路交通' }).click();
    await resident.page
      .getByLabel(/事情经过/)
      .fill('村口石桥旁的路灯坏了一个星期，晚上看不见路。我的电话 13812345678。');
    await resident.page.getByRole('button', { name: '添加我现在的位置' }).click();
    await resident.page.getByText('已添加位置（精度约 15 米）').waitFor({ timeout: 30_000 });
    await resident.page
      .getByTestId('photo-album')
      .setInputFiles({ name: '路灯.png', mimeType: 'image/png', buffer: PNG });
    await resident.page.getByText(/已选 1 张/).waitFor();
    await resident.page.getByRole('button', { name: '提交', exact: true }).click();
    const tracking =
      (await resident.page.getByTestId('tracking').textContent({ timeout: 30_000 }))?.trim() ?? '';
    expect(tracking).toMatch(/\S{6,}/);

    // Township staff accept it (first receiver), answer it and close it.
    await staff.page.getByRole('button', { name: '待办诉求' }).click();
    await staff.page.getByRole('button', { name: '刷新' }).click();
    await staff.page.getByText(tracking).first().click({ timeout: 30_000 });
    await staff.page.getByText('13812345678').first().waitFor(); // staff see the original
    await staff.page.getByText('位置：30.544712, 119.977599').waitFor();
    // Each step's form goes once the step is done; the next step's form (or the history) shows it took.
    const form = (action: string) =>
      staff.page
        .locator('form')
        .filter({ has: staff.page.getByRole('button', { name: action, exact: true }) });
    const act = async (action: string, then: string, text?: string) => {
      if (text) await form(action).getByRole('textbox').last().fill(text);
      await form(action).getByRole('button', { name: action, exact: true }).click();
      await form(action).waitFor({ state: 'detached', timeout: 30_000 });
      await staff.page.getByText(then).first().waitFor({ timeout: 30_000 });
    };
    await act('受理', '首接负责单位：莫干山镇人民政府');
    await act(
      '答复',
      '已安排电工更换路灯',
      '已安排电工更换路灯，今晚恢复照明。如有问题请拨 13800001111 联系镇城建办。',
    );
    await act('办结', '已办结');

    // The resident sees the answer and rates it, once.
    await resident.page.goto(`${base}/p/complaints/mine`);
    await resident.page.getByText(tracking).first().click({ timeout: 30_000 });
    await resident.page.getByText('已安排电工更换路灯').first().waitFor({ timeout: 30_000 });
    await resident.page.getByRole('radio', { name: '满意', exact: true }).check();
    await resident.page.getByRole('button', { name: '提交评价' }).click();
    await resident.page
      .getByRole('status')
      .filter({ hasText: '您的评价：满意' })
      .waitFor({ timeout: 30_000 });
    await expect(resident.page.getByRole('button', { name: '提交评价' }).count()).resolves.toBe(0);

    // The metrics moved, and the chart is drawn.
    await staff.page.getByRole('button', { name: '统计分析' }).click();
    await staff.page
      .getByTestId('metrics-summary')
      .filter({ hasText: /诉求 1 件/ })
      .waitFor({ timeout: 30_000 });
    const after = await staff.page.getByTestId('metrics-summary').textContent();
    expect(after).toMatch(/满意率 100/);
    expect(after).not.toBe(before);
    await staff.page.locator('canvas').first().waitFor({ timeout: 30_000 });

    // The public board, opened by someone not signed in: the answer, never who complained.
    const visitor = await openPage(p.browser.browser, 'complaints board', phone);
    const boardAnswers: string[] = [];
    visitor.page.on('response', async (r) => {
      if (r.url().includes('/api/modules/')) boardAnswers.push(await r.text().catch(() => ''));
    });
    await visitor.page.goto(`${base}/p/complaints/board`);
    const board = visitor.page.getByRole('list', { name: '公示栏' });
    await board.getByText('已安排电工更换路灯').waitFor({ timeout: 30_000 });
    const shown = (await board.textContent()) ?? '';
    expect(shown).toContain('莫干山镇');
    expect(shown).toContain('满意');
    for (const secret of ['张建华', 'H-0012', '13812345678', '13800001111', ACCOUNTS.resident.name]) {
      expect(shown).not.toContain(secret);
      for (const body of boardAnswers) expect(body).not.toContain(secret);
    }
    // Nothing the resident's own pages received carries another resident's data or unmasked staff numbers.
    expect(moduleAnswers.length).toBeGreaterThan(0);
  }, 240_000);

  it('三务公开: a finance disclosure with an XLSX roster goes through review and reaches residents masked', async () => {
    const base = `${p.shellUrl}/v/${XIANTAN}`;
    const desk = `${p.consoleUrl}/v/${XIANTAN}/cadre`;
    const title = '2026年11月财务收支及低保金发放明细';
    const cadre = await openPage(p.browser.browser, 'disclosure cadre');
    await cadre.page.goto(`${desk}/affairs-disclosure`);
    await signIn(cadre.page, ACCOUNTS.cadre.name);
    await cadre.page.getByRole('button', { name: '起草公开' }).click({ timeout: 30_000 });
    await cadre.page.getByLabel('公开事项').selectOption('finance-ledger');
    await cadre.page.getByLabel('标题').fill(title);
    await cadre.page.getByLabel('正文').fill('本月村集体收支和低保金发放情况公布如下，请村民监督。');
    await cadre.page.getByLabel('期初余额（元）').fill('10000');
    await cadre.page.getByLabel('科目 1').fill('上级转移支付（低保金）');
    await cadre.page.getByLabel('收入（元） 1').fill('2250');
    await cadre.page.getByLabel('支出（元） 1').fill('2250');
    await cadre.page.getByLabel('期末余额（元）').fill('10000');
    await cadre.page.getByRole('button', { name: '保存草稿' }).click();
    await cadre.page.getByText('状态：草稿').first().waitFor({ timeout: 30_000 });
    await cadre.page.getByLabel(/选择附件/).setInputFiles({
      name: '低保名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await rosterXlsx(),
    });
    await cadre.page.getByRole('button', { name: '上传附件' }).click();
    await cadre.page.getByText(/已上传 低保名单\.xlsx，脱敏 \d+ 处/).waitFor({ timeout: 30_000 });
    // The cadre sees the masked preview before anything goes further.
    const preview = cadre.page
      .locator('section, div')
      .filter({ hasText: '脱敏预览（村民看到的内容）' })
      .last();
    await preview.waitFor();
    const previewText = (await preview.textContent()) ?? '';
    for (const r of ROSTER) {
      expect(previewText).not.toContain(r.id);
      expect(previewText).not.toContain(r.phone);
      expect(previewText).not.toContain(r.card);
    }
    expect(previewText).toContain(`${ROSTER[0]?.id.slice(0, 6)}***`);
    await cadre.page.getByRole('button', { name: '提交审核' }).click();
    await cadre.page.getByText('已提交村务监督委员会审核').first().waitFor({ timeout: 30_000 });

    // The supervision committee member reviews and approves.
    const supervisor = await openPage(p.browser.browser, 'disclosure supervisor');
    await supervisor.page.goto(`${desk}/affairs-disclosure`);
    await signIn(supervisor.page, ACCOUNTS.supervisor.name);
    await supervisor.page.getByRole('button', { name: '审核与发布' }).click({ timeout: 30_000 });
    await supervisor.page.getByRole('button', { name: `打开 ${title}` }).click({ timeout: 30_000 });
    await supervisor.page.getByRole('button', { name: '审核通过' }).click();
    await supervisor.page.getByText('已审核通过').first().waitFor({ timeout: 30_000 });

    // The cadre records the joint meeting of the two committees and publishes.
    await cadre.page.getByRole('button', { name: '审核与发布' }).click();
    await cadre.page.getByRole('button', { name: `打开 ${title}` }).click({ timeout: 30_000 });
    await cadre.page.getByRole('button', { name: '记录两委审议通过' }).click({ timeout: 30_000 });
    await cadre.page.getByText('已记录两委审议').first().waitFor({ timeout: 30_000 });
    await cadre.page.getByRole('button', { name: '发布', exact: true }).click();
    await cadre.page.getByText('已发布，村民现在可以看到').first().waitFor({ timeout: 30_000 });

    // A resident reads it: the roster is there, every number masked, in the page and on the wire.
    const resident = await openPage(p.browser.browser, 'disclosure resident', phone);
    const received: string[] = [];
    resident.page.on('response', async (r) => {
      if (r.url().includes('/api/modules/')) received.push(await r.text().catch(() => ''));
    });
    await resident.page.goto(`${base}/p/affairs-disclosure`);
    await resident.page.getByRole('button', { name: '财务' }).click({ timeout: 30_000 });
    await resident.page.getByText(title).first().click({ timeout: 30_000 });
    await resident.page
      .getByText('名单中的身份证号、手机号、银行卡号已隐去部分数字')
      .waitFor({ timeout: 30_000 });
    await resident.page.getByText('上级转移支付（低保金）').first().waitFor();
    const shown = (await resident.page.locator('main').textContent()) ?? '';
    expect(shown).toContain(`${ROSTER[0]?.id.slice(0, 6)}***`);
    expect(shown).toMatch(/139\*{4}1234/);
    expect(received.length).toBeGreaterThan(0);
    // Names stay: this catalogue item's policy publishes recipients' names (maskNames is off for it).
    expect(shown).toContain(ROSTER[0]?.name);
    for (const r of ROSTER) {
      for (const secret of [r.id, r.phone, r.card]) {
        expect(shown).not.toContain(secret);
        for (const body of received) expect(body).not.toContain(secret);
      }
    }
  }, 240_000);

  for (const elderly of [false, true]) {
    it(`the standard modules' resident pages are axe-clean${elderly ? ' and meet the 18 px / 60 px rules in 长辈版' : ''}, after the flows above filled them`, async () => {
      const { page } = await openPage(p.browser.browser, `modules axe ${elderly}`, phone);
      await page.addInitScript((value) => localStorage.setItem('cunmen:elderly', value), String(elderly));
      const base = `${p.shellUrl}/v/${XIANTAN}`;
      for (const [path, ready] of [
        ['/', '我要反映'],
        ['/p/complaints', '公示栏'],
        ['/p/complaints/board', '已安排电工更换路灯'],
        ['/p/affairs-disclosure', '三务公开'],
      ] as const) {
        await page.goto(`${base}${path}`);
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
    }, 120_000);
  }

  it('a county admin enrols the second factor at the first sign-in and sees the county’s complaint metrics', async () => {
    const { page } = await openPage(p.browser.browser, 'county admin totp');
    await page.goto(`${p.consoleUrl}/v/${XIANTAN}/cadre/complaints`);
    await signIn(page, ACCOUNTS.county.name);
    const secret = (await page.getByTestId('totp-secret').textContent({ timeout: 30_000 }))?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByLabel(/动态口令/).fill(totpCode(secret));
    await page.getByRole('button', { name: '验证' }).click();
    await page.getByText('已登录：德清县管理员').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '统计分析' }).click({ timeout: 30_000 });
    // The 接诉即办 test above left one closed, satisfied case in 仙潭村.
    await page
      .getByTestId('metrics-summary')
      .filter({ hasText: /诉求 1 件/ })
      .waitFor({ timeout: 30_000 });
  }, 120_000);
});

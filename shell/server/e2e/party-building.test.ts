/**
 * 党建 end to end (issue #17), on the real registry, shell and Chromium as e2e/platform.ts starts them
 * (and again on PostgreSQL + S3 in the `postgres` project): the village cadre sets up the branch with
 * itself as secretary and a resident as a member, and plans this month's 主题党日 for today (through the
 * module's routes, as the widget calls them); the member signs in on the portal's member side; the
 * secretary records the meeting in the console with the sign-in sheet, and the due list clears. The
 * resident pages — public and member side — pass axe (WCAG 2.1 AA) and the phone layout checks at
 * 100, 150 and 200 % font scale in normal and elderly (长辈版) mode.
 */
import { formatViolations, openPage, runAxe } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneProblems, setFontScale } from './layout-checks.js';
import { moduleCall, signedIn } from './module-data.js';
import { ACCOUNTS, PLATFORM_START_MS, type Platform, startPlatform, XIANTAN } from './platform.js';

type BrowserContext = Awaited<ReturnType<typeof openPage>>['context'];

const PHONE = { width: 360, height: 640 };
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const month = today.slice(0, 7);

let p: Platform;
let cadre: BrowserContext;
let resident: BrowserContext;
let branch = '';
let meeting = '';

const asCadre = <T>(method: string, path: string, body?: unknown) =>
  moduleCall<T>(cadre, p.consoleUrl, 'party-building', method, path, body);

interface Due {
  kind: string;
  period: string;
}

// The platform starts in about 4 minutes on an idle 2-core machine (embedded) and takes longer in scale
// mode on a busy one: the set-up may take its time, the checks below keep theirs.
beforeAll(async () => {
  p = await startPlatform();
  cadre = await signedIn(p.browser.browser, p, 'cadre');
  resident = await signedIn(p.browser.browser, p, 'resident');
  const created = await asCadre<{ id: string }>('POST', '/branches', {
    name: '中共仙潭村支部委员会',
    address: '莫干山镇仙潭村党群服务中心二楼',
    phone: '0572-8400101',
    trackingFrom: `${month}-01`,
    hasGroups: true,
    secretary: {
      name: '沈国平',
      gender: 'male',
      birthDate: '1969-04-12',
      phone: '13800000101',
      joinedOn: '1994-06-28',
      status: 'full',
      account: ACCOUNTS.cadre.name,
    },
  });
  branch = created.id;
  await asCadre('POST', `/branches/${branch}/members`, {
    name: '张建华',
    gender: 'male',
    birthDate: '1965-11-08',
    phone: '13800000012',
    joinedOn: '1988-10-12',
    account: ACCOUNTS.resident.name,
  });
  await asCadre('POST', `/branches/${branch}/posts`, {
    kind: 'news',
    title: '仙潭村党支部组织党员清理仙潭溪',
    body: '支部党员和村民志愿者一起清理仙潭溪沿岸垃圾，共清出垃圾两车。',
  });
  meeting = (
    await asCadre<{ id: string }>('POST', `/branches/${branch}/meetings`, {
      kind: 'theme-day',
      title: '主题党日：清理河道',
      topic: '组织党员清理村内河道和沟渠垃圾',
      place: '村党群服务中心',
      plannedOn: today,
    })
  ).id;
}, PLATFORM_START_MS + 120_000);

afterAll(async () => {
  await cadre?.close();
  await resident?.close();
  await p?.stop();
});

describe('党建 in the portal and the console', () => {
  it('a member signs in on the day, the secretary records the 主题党日 with the sheet, and the due list clears', async () => {
    const before = await asCadre<Due[]>('GET', `/branches/${branch}/due`);
    expect(before).toContainEqual(expect.objectContaining({ kind: 'theme-day', period: month }));

    const member = await resident.newPage();
    await member.goto(`${p.shellUrl}/v/${XIANTAN}/p/party/member`);
    await member.getByRole('button', { name: '签到' }).click({ timeout: 30_000 });
    await member.getByText('已签到').first().waitFor({ timeout: 30_000 });
    await member.close();

    const desk = await cadre.newPage();
    await desk.goto(`${p.consoleUrl}/v/${XIANTAN}/cadre/party`);
    const due = desk.getByText(`主题党日 · ${month}`);
    await due.first().waitFor({ timeout: 30_000 });
    await desk.getByRole('button', { name: '记录' }).click();
    await desk.getByLabel('会议记录').fill('到会党员清理仙潭溪河道垃圾两车，重温入党誓词。');
    // 张建华 signed in himself (ticked already); the secretary ticks himself on the sheet.
    await expect(desk.getByLabel(/张建华/).isChecked()).resolves.toBe(true);
    await desk.getByLabel(/沈国平/).check();
    await desk.getByRole('button', { name: '提交记录（提交后不能修改）' }).click();
    await due.first().waitFor({ state: 'detached', timeout: 30_000 });
    await desk
      .getByText(/已召开，到会 2 人/)
      .first()
      .waitFor({ timeout: 30_000 });
    await desk.close();

    const after = await asCadre<Due[]>('GET', `/branches/${branch}/due`);
    expect(after.some((d) => d.kind === 'theme-day' && d.period === month)).toBe(false);
    const detail = await asCadre<{ meetings: { id: string; attendees: { name: string; via: string }[] }[] }>(
      'GET',
      `/branches/${branch}`,
    );
    const held = detail.meetings.find((m) => m.id === meeting);
    expect(held?.attendees.map((a) => `${a.name} ${a.via}`).sort()).toEqual(['张建华 self', '沈国平 sheet']);
  }, 240_000);

  const PAGES = [
    { name: 'public side', path: '/p/party', signedIn: false, ready: '中共仙潭村支部委员会' },
    { name: 'member side', path: '/p/party/member', signedIn: true, ready: '我的党员积分' },
  ];
  const MODES = [
    { name: 'normal', elderly: false, minTarget: 44 },
    { name: 'elderly', elderly: true, minTarget: 60 },
  ];
  for (const page of PAGES) {
    for (const mode of MODES) {
      it(`the ${page.name} passes axe and the phone layout checks (${mode.name})`, async () => {
        const { page: tab, context } = await openPage(p.browser.browser, `party ${page.name} ${mode.name}`, {
          viewport: PHONE,
          ...(page.signedIn ? { storageState: await resident.storageState() } : {}),
        });
        try {
          await tab.addInitScript(
            (value) => localStorage.setItem('cunmen:elderly', value),
            String(mode.elderly),
          );
          await tab.goto(`${p.shellUrl}/v/${XIANTAN}${page.path}`);
          await tab.getByText(page.ready).first().waitFor({ timeout: 30_000 });
          await tab.locator('.cm-state--loading').first().waitFor({ state: 'detached', timeout: 30_000 });
          await expect(tab.locator('.cm-root').first().getAttribute('data-cm-elderly')).resolves.toBe(
            String(mode.elderly),
          );
          expect(formatViolations(await runAxe(tab))).toBe('');
          // At the font scales WeChat's 关怀模式 sets, as e2e/layout.test.ts walks the other modules.
          const problems: string[] = [];
          for (const scale of [100, 150, 200]) {
            await setFontScale(tab, scale);
            problems.push(...(await phoneProblems(tab, `${scale} %`, mode.minTarget)));
          }
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      }, 120_000);
    }
  }
});

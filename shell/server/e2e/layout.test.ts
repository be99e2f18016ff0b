/**
 * Every resident route of the demo portal (仙潭村, as e2e/platform.ts starts it: the standard modules and
 * the county widgets) and every cadre page (on the staff console's origin), on a 360 × 640 phone with the fonts residents' phones have,
 * at 100 %, 150 % and 200 % font scale, in normal and elderly (长辈版) mode: the page never scrolls
 * sideways, no text is cut off or overlaps other text, and every touch target is at least 44 px
 * (60 px in elderly mode). A failing scale leaves a full-page screenshot in
 * `test-results/e2e/layout/`, and the test's own artifacts (screenshot, trace) as openPage writes them.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneProblems, setFontScale } from './layout-checks.js';
import { type Account, DISCLOSURE_TITLE, seedModules, signedIn } from './module-data.js';
import { PLATFORM_START_MS, type Platform, startPlatform, XIANTAN } from './platform.js';

type Page = Awaited<ReturnType<typeof openPage>>['page'];
type BrowserContext = Awaited<ReturnType<typeof openPage>>['context'];

const PHONE = { width: 360, height: 640 };
const SCALES = [100, 150, 200];
const MODES = [
  { name: 'normal', elderly: false, minTarget: 44 },
  { name: 'elderly', elderly: true, minTarget: 60 },
] as const;

interface Route {
  name: string;
  /** Below the portal, `/v/<village>` (on the console's origin for `/cadre…`). */
  path: string;
  /** Signed in as (default: nobody). */
  as?: Account;
  /** Text that shows the page is there. */
  ready: string | RegExp;
  /** Opens the state to check (a step, a tab, an item) after the page is ready. */
  open?: (page: Page) => Promise<void>;
}

let caseId = '';
const click =
  (name: string | RegExp, role: 'button' | 'link' = 'button') =>
  async (page: Page) => {
    await page.getByRole(role, { name }).first().click({ timeout: 30_000 });
  };

const RESIDENT_ROUTES: Route[] = [
  { name: 'home', path: '/', ready: '我要反映' },
  { name: 'home, signed in', path: '/', as: 'resident', ready: '我要反映' },
  { name: 'sign-in', path: '/signin', ready: '密码' },
  { name: 'not found', path: '/p/no-such-page', ready: '没有找到这个页面' },
  { name: 'complaints', path: '/p/complaints', ready: '公示栏' },
  { name: 'complaints, signed in', path: '/p/complaints', as: 'resident', ready: '我的反映' },
  { name: 'complaints: category', path: '/p/complaints/new', as: 'resident', ready: '您要反映哪一类事？' },
  {
    name: 'complaints: the form',
    path: '/p/complaints/new',
    as: 'resident',
    ready: '您要反映哪一类事？',
    open: async (page) => {
      await click('道路交通')(page);
      await page.getByLabel(/事情经过/).waitFor({ timeout: 30_000 });
    },
  },
  { name: 'complaints: mine', path: '/p/complaints/mine', as: 'resident', ready: /路灯/ },
  { name: 'complaints: one case', path: '/p/complaints/case/:case', as: 'resident', ready: '已安排电工' },
  { name: 'complaints: board', path: '/p/complaints/board', ready: '已安排电工' },
  { name: 'affairs disclosure', path: '/p/affairs-disclosure', ready: '三务公开' },
  {
    name: 'affairs disclosure: one item',
    path: '/p/affairs-disclosure',
    ready: '三务公开',
    open: async (page) => {
      await click('财务')(page);
      await page.getByText(DISCLOSURE_TITLE).first().click({ timeout: 30_000 });
      await page.getByText('村道路灯维修').first().waitFor({ timeout: 30_000 });
    },
  },
  { name: 'points', path: '/p/points', ready: '积分榜' },
  { name: 'points, signed in', path: '/p/points', as: 'resident', ready: '我家的积分' },
  { name: 'points: claim', path: '/p/points/claim', as: 'resident', ready: '做了哪件事' },
  { name: 'points: shop', path: '/p/points/shop', ready: '洗衣液' },
  { name: 'points: board', path: '/p/points/board', ready: '积分榜' },
  { name: 'find machinery (no capability: error state)', path: '/p/find-machinery', ready: /权限/ },
  { name: 'waste pickup', path: '/p/waste-pickup', ready: '请先登录后再预约' },
  { name: 'waste pickup, signed in', path: '/p/waste-pickup', as: 'resident', ready: '提交预约' },
];

const CADRE_ROUTES: Route[] = [
  { name: 'cadre: sign-in', path: '/cadre', ready: '密码' },
  { name: 'cadre: console', path: '/cadre', as: 'cadre', ready: '三务公开管理' },
  { name: 'cadre: complaints queue', path: '/cadre/complaints', as: 'township', ready: '待办诉求' },
  {
    name: 'cadre: one complaint',
    path: '/cadre/complaints',
    as: 'township',
    ready: '待办诉求',
    open: async (page) => {
      await page
        .getByText(/自来水管/)
        .first()
        .click({ timeout: 30_000 });
      await page.getByRole('button', { name: '受理', exact: true }).waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'cadre: complaint metrics',
    path: '/cadre/complaints',
    as: 'township',
    ready: '统计分析',
    open: async (page) => {
      await click('统计分析')(page);
      await page.getByTestId('metrics-summary').waitFor({ timeout: 30_000 });
    },
  },
  { name: 'cadre: disclosure progress', path: '/cadre/affairs-disclosure', as: 'cadre', ready: '公开进度' },
  {
    name: 'cadre: disclosure draft',
    path: '/cadre/affairs-disclosure',
    as: 'cadre',
    ready: '起草公开',
    open: click('起草公开'),
  },
  {
    name: 'cadre: disclosure review',
    path: '/cadre/affairs-disclosure',
    as: 'cadre',
    ready: '审核与发布',
    open: async (page) => {
      await click('审核与发布')(page);
      await click(`打开 ${DISCLOSURE_TITLE}`)(page);
      await page.getByText('村道路灯维修').first().waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'cadre: disclosure catalogue',
    path: '/cadre/affairs-disclosure',
    as: 'cadre',
    ready: '公开目录',
    open: click('公开目录'),
  },
  {
    name: 'cadre: farm machinery (no capability: error state)',
    path: '/cadre/find-machinery',
    as: 'cadre',
    ready: '农机信息管理',
  },
  { name: 'cadre: points queue', path: '/cadre/points', as: 'cadre', ready: '参加竹林溪清淤' },
  {
    name: 'cadre: points rule book',
    path: '/cadre/points',
    as: 'cadre',
    ready: '待审申请',
    open: async (page) => {
      await click('积分规则')(page);
      await page.getByText('垃圾分类准确投放').first().waitFor({ timeout: 30_000 });
    },
  },
  { name: 'cadre: pickup bookings', path: '/cadre/waste-pickup', as: 'cadre', ready: '上门收运预约' },
];

let p: Platform;
const sessions = new Map<Account, Awaited<ReturnType<BrowserContext['storageState']>>>();
const base = () => `${p.shellUrl}/v/${XIANTAN}`;
/** The cadre pages moved to the console's origin, at the same path. */
const urlOf = (path: string) =>
  path.startsWith('/cadre') ? `${p.consoleUrl}/v/${XIANTAN}${path}` : `${base()}${path}`;

beforeAll(async () => {
  p = await startPlatform();
  const contexts = {
    resident: await signedIn(p.browser.browser, p, 'resident'),
    township: await signedIn(p.browser.browser, p, 'township'),
    cadre: await signedIn(p.browser.browser, p, 'cadre'),
    supervisor: await signedIn(p.browser.browser, p, 'supervisor'),
  };
  ({ caseId } = await seedModules(contexts, p));
  for (const [account, context] of Object.entries(contexts)) {
    sessions.set(account as Account, await context.storageState());
    await context.close();
  }
}, PLATFORM_START_MS + 240_000);

afterAll(async () => {
  await p?.stop();
});

/** Opens `route` in the page's current mode and waits until every widget has settled. */
async function open(page: Page, route: Route, mode: (typeof MODES)[number]) {
  // The first load has no origin to hold storage yet: the init script's default is normal mode.
  if (page.url() === 'about:blank') expect(mode.elderly).toBe(false);
  else await page.evaluate((value) => sessionStorage.setItem('layout:elderly', value), String(mode.elderly));
  await page.goto(urlOf(route.path.replace(':case', caseId)));
  await page.getByText(route.ready).first().waitFor({ timeout: 30_000 });
  await route.open?.(page);
  // Every widget settled (ready or its fallback), no loading spinner left.
  await page
    .locator('.shell-slot[data-state="loading"]')
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('.cm-state--loading').first().waitFor({ state: 'detached', timeout: 30_000 });
  await expect(page.locator('.cm-root').first().getAttribute('data-cm-elderly')).resolves.toBe(
    String(mode.elderly),
  );
}

/**
 * One page per route, in normal and then in elderly mode (a second load with the HTTP cache warm, as a
 * resident who switches to 长辈版 has it): every scale of each mode, every problem reported.
 */
async function walk(route: Route) {
  const testName = `layout ${route.name}`;
  const { page } = await openPage(p.browser.browser, testName, {
    viewport: PHONE,
    ...(route.as ? { storageState: sessions.get(route.as) } : {}),
  });
  // The mode for each load, as the resident's remembered choice; sessionStorage outlives the navigation.
  await page.addInitScript(() => {
    localStorage.setItem('cunmen:elderly', sessionStorage.getItem('layout:elderly') ?? 'false');
  });
  const problems: string[] = [];
  for (const mode of MODES) {
    await open(page, route, mode);
    for (const scale of SCALES) {
      await setFontScale(page, scale);
      const found = await phoneProblems(page, `${mode.name} ${scale} %`, mode.minTarget);
      if (found.length > 0) {
        const dir = join(process.cwd(), 'test-results', 'e2e', 'layout');
        await mkdir(dir, { recursive: true });
        const file = `${route.name}-${mode.name}-${scale}`.replace(/[^\p{L}\p{N}._-]+/gu, '-');
        await page.screenshot({ path: join(dir, `${file}.png`), fullPage: true });
        problems.push(...found);
        console.error(`${testName} (${mode.name}):\n  ${found.join('\n  ')}`);
      }
    }
  }
  return problems;
}

for (const [group, routes] of [
  ['resident routes', RESIDENT_ROUTES],
  ['cadre pages on a phone', CADRE_ROUTES],
] as const) {
  describe(`${group} at 360 × 640, normal and elderly mode, 100 / 150 / 200 % font scale`, () => {
    it.each(routes.map((r) => [r.name, r] as const))(
      '%s',
      async (_name, route) => {
        expect(await walk(route)).toEqual([]);
      },
      180_000,
    );
  });
}

/**
 * Content for the layout walk, made through the same routes the widgets call (a signed-in browser
 * context asks the shell for a widget credential, then calls `/api/modules/<module>/…`), so every page
 * has something to lay out: a resident's answered complaint and a published finance disclosure with a
 * long title and a table. Residents act on the resident origin, staff on the console's. The UI flows
 * themselves are tested in full-stack.test.ts.
 */

import type { LaunchedBrowser, openPage } from '@cunmen/test-utils';
import { widgetCredentialOverHttp } from '../test/page-credentials.js';
import { ACCOUNTS, PASSWORD, type Platform, XIANTAN } from './platform.js';

type Browser = LaunchedBrowser['browser'];
type BrowserContext = Awaited<ReturnType<typeof openPage>>['context'];

export type Account = keyof typeof ACCOUNTS;

/** Where an account works: residents on their portal's origin, staff on the console's. */
export function originOf(p: Pick<Platform, 'shellUrl' | 'consoleUrl'>, account: Account): string {
  return ACCOUNTS[account].role === 'resident' ? p.shellUrl : p.consoleUrl;
}

/** Signs in through the sign-in page of the account's origin; the context keeps the session cookie. */
export async function signedIn(
  browser: Browser,
  p: Pick<Platform, 'shellUrl' | 'consoleUrl'>,
  account: Account,
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const resident = ACCOUNTS[account].role === 'resident';
  const base = `${p.shellUrl}/v/${XIANTAN}`;
  await page.goto(resident ? `${base}/signin` : `${p.consoleUrl}/`);
  await page.getByLabel(/账号/).fill(ACCOUNTS[account].name);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  if (resident) await page.waitForURL(`${base}/`, { timeout: 30_000 });
  else await page.getByText(`已登录：${ACCOUNTS[account].display}`).first().waitFor({ timeout: 30_000 });
  await page.close();
  return context;
}

/**
 * One call of a standard module's route, as its widget makes it, with the session `context` holds on
 * `origin`: the credential from a page load (the resident portal) or by name (the console), then the call.
 */
export async function moduleCall<T = unknown>(
  context: BrowserContext,
  origin: string,
  module: 'complaints' | 'affairs-disclosure' | 'points' | 'party-building',
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const cookie = (await context.cookies(origin)).map((c) => `${c.name}=${c.value}`).join('; ');
  const snapshot = (await (await fetch(`${origin}/api/portals/${XIANTAN}/snapshot`)).json()) as {
    widgets: { name: string; version: string }[];
  };
  const widget = snapshot.widgets.find((w) => w.name === `@cunmen/${module}`);
  const token = await widgetCredentialOverHttp(
    origin,
    XIANTAN,
    `@cunmen/${module}`,
    widget?.version,
    cookie || undefined,
  );
  const response = await fetch(`${origin}/api/modules/${module}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer as T;
}

/** Today in China, `YYYY-MM-DD`. */
function chinaDay(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

export const DISCLOSURE_TITLE = '村集体经济组织财务收支明细及上级转移支付低保金发放情况公开（第十一期）';

/**
 * A resident's complaint that township staff accepted, answered and closed, and one still waiting; a
 * finance disclosure the cadre drafted, the supervision member approved and the cadre published; 积分制's
 * rule book, a shop item and a claim waiting. Returns the case's id.
 */
export async function seedModules(
  contexts: Record<'resident' | 'township' | 'cadre' | 'supervisor', BrowserContext>,
  p: Pick<Platform, 'shellUrl' | 'consoleUrl'>,
): Promise<{ caseId: string }> {
  const call = <T = unknown>(
    who: Account,
    module: 'complaints' | 'affairs-disclosure' | 'points' | 'party-building',
    method: string,
    path: string,
    body?: unknown,
  ) => moduleCall<T>(contexts[who as keyof typeof contexts], originOf(p, who), module, method, path, body);
  const complaint = await call<{ id: string }>('resident', 'complaints', 'POST', '/cases', {
    category: 'roads',
    text: '村口石桥旁的路灯坏了一个星期，晚上看不见路，老人走夜路很不方便，请尽快修理。',
    place: '仙潭村村口石桥（往莫干山镇方向的路口）',
  });
  const caseId = complaint.id;
  const act = (action: string, body: unknown) =>
    call('township', 'complaints', 'POST', `/cases/${caseId}/${action}`, body);
  await act('accept', {});
  await act('reply', { answer: '已安排电工更换路灯，今晚恢复照明。如仍有问题请拨打镇城建办电话反映。' });
  await act('close', { resolved: true });
  // And one still waiting, so the staff queue and its case page have something open.
  await call('resident', 'complaints', 'POST', '/cases', {
    category: 'utilities',
    text: '三组自来水管在路边爆裂，水一直在流，请派人来关阀门维修。',
  });

  const day = chinaDay();
  const item = await call<{ id: string }>('cadre', 'affairs-disclosure', 'POST', '/items', {
    catalogueKey: 'finance-ledger',
    period: day.slice(0, 7),
    title: DISCLOSURE_TITLE.slice(0, 60),
    body: '本月村集体收支和低保金发放情况公布如下，请村民监督。对公开内容有疑问的，可以在下方留言，村委会在 7 天内答复。',
    finance: {
      openingBalance: 1_234_567_00,
      rows: [
        {
          subject: '上级转移支付（低保金、残疾人两项补贴、高龄津贴）',
          income: 2_250_00,
          expenditure: 2_250_00,
        },
        { subject: '村道路灯维修', income: 0, expenditure: 1_380_50 },
      ],
      closingBalance: 1_233_186_50,
    },
  });
  const step = (who: Account, action: string, body: unknown) =>
    call(who, 'affairs-disclosure', 'POST', `/items/${item.id}/${action}`, body);
  await step('cadre', 'submit', {});
  await step('supervisor', 'approve', {});
  await step('cadre', 'council', { meetingDate: day });
  await step('cadre', 'publish', {});

  // 积分制: the rule book the assembly adopted, goods in the shop, and a claim waiting in the queue.
  await call('cadre', 'points', 'POST', '/rulebooks', {
    adoptedOn: day,
    assembly: { date: day, attendance: 48, votesFor: 45, votesAgainst: 1, abstaining: 2 },
    items: [
      { code: 'R01', title: '垃圾分类准确投放', points: 5, evidence: '照片', proposer: '第三村民小组' },
      {
        code: 'R02',
        title: '参加河道清理等义务劳动',
        points: 10,
        evidence: '照片或组长证明',
        proposer: '村妇联',
      },
      { code: 'D01', title: '焚烧秸秆或垃圾', points: -20, evidence: '照片', proposer: '村两委' },
    ],
  });
  await call('cadre', 'points', 'POST', '/households', { code: 'H-0021', head: '王国强' });
  await call('cadre', 'points', 'POST', '/goods', { name: '洗衣液（2 千克）', price: 30, stock: 40 });
  await call('cadre', 'points', 'POST', '/claims', {
    household: 'H-0021',
    item: 'R02',
    evidence: '参加竹林溪清淤，组长王国强证明',
  });
  return { caseId };
}

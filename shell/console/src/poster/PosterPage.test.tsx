// @vitest-environment happy-dom
/**
 * The poster page in the console: the preview and downloads point at the server's files, the link is
 * shown and copied with a visible confirmation (the old way when the Clipboard API refuses, and words
 * on how to copy by hand when that fails too), the server's refusal is shown as it is, and the sidebar
 * leads here.
 */
import { createElderlyMode } from '@cunmen/sdk';
import { createMemoryHistory } from '@tanstack/react-router';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsoleApp } from '../App.js';
import { createApi } from '../api/client.js';
import { CopyLinkButton } from './CopyLinkButton.js';
import { copyText } from './copy.js';

const XIANTAN = '330521107201';
const URL_OF_PORTAL = `http://127.0.0.1:8080/v/${XIANTAN}/`;
const POSTER = `/api/console/v1/villages/${XIANTAN}/poster`;

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const info = {
  village: { code: XIANTAN, name: '仙潭村', place: '浙江省 德清县 莫干山镇' },
  url: URL_OF_PORTAL,
  title: '仙潭村 村门',
  lines: ['用微信“扫一扫”扫上面的二维码', '打开“仙潭村 村门”', '点右上角“长辈版”，字更大'],
  png: { href: `${POSTER}.png`, width: 2480, height: 3508, dpi: 300 },
  pdf: { href: `${POSTER}.pdf` },
};

function serve(division: string, poster: Response) {
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url === '/api/auth/me') {
      return answer(200, {
        user: { name: 'xt', displayName: '仙潭村书记', role: 'village-cadre', division, household: null },
        csrfToken: 'c1',
        mfa: 'passed',
      });
    }
    if (url === '/api/console/v1/villages') return answer(200, { villages: [] });
    if (url === POSTER) return poster.clone();
    return answer(404, { code: 'SHELL_ERR_NOT_FOUND', error: 'no', message: '没有找到', requestId: 'r' });
  }) as typeof fetch;
  render(
    <ConsoleApp
      locale="zh-CN"
      elderly={createElderlyMode(false)}
      api={createApi(fetchImpl)}
      history={createMemoryHistory({ initialEntries: [`/v/${XIANTAN}/poster`] })}
    />,
  );
}

function setClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the poster page', () => {
  it('previews the poster, offers its PDF and PNG, and copies the link with a confirmation', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    setClipboard(writeText);
    serve(XIANTAN, answer(200, info));
    // The page is a chunk of its own, loaded on the first visit.
    const heading = await screen.findByRole('heading', { level: 1 }, { timeout: 10_000 });
    expect(heading.textContent).toBe('仙潭村 二维码海报');
    const preview = screen.getByRole('img', { name: /仙潭村的二维码海报/ });
    expect(preview.getAttribute('src')).toBe(`${POSTER}.png`);
    expect(screen.getByRole('link', { name: '下载 PDF（推荐打印）' }).getAttribute('href')).toBe(
      `${POSTER}.pdf`,
    );
    expect(screen.getByRole('link', { name: '下载图片（PNG）' }).getAttribute('href')).toBe(`${POSTER}.png`);
    expect((screen.getByLabelText('本村村门的链接') as HTMLInputElement).value).toBe(URL_OF_PORTAL);
    expect(screen.getByText('打开“仙潭村 村门”').tagName).toBe('LI');

    const copy = screen.getByRole('button', { name: '复制链接' });
    const status = copy.parentElement?.querySelector('[role="status"]') as HTMLElement;
    expect(status.textContent).toBe('');
    await act(async () => fireEvent.click(copy));
    expect(writeText).toHaveBeenCalledWith(URL_OF_PORTAL);
    expect(status.textContent).toBe('已复制，可以粘贴到微信群了');

    // The sidebar's entry leads here and is the current one.
    const entry = screen.getByRole('link', { name: '二维码海报' });
    expect(entry.getAttribute('href')).toBe(`/v/${XIANTAN}/poster`);
    expect(entry.closest('li')?.className).toMatch(/ant-menu-item-selected/);
  });

  it('shows the server’s refusal for a village the account does not manage', async () => {
    serve(
      '330521003201',
      answer(403, {
        code: 'SHELL_ERR_FORBIDDEN',
        error: 'wsc (330521003201) cannot act on 330521107201',
        message: '无权操作辖区外的区划 330521107201',
        requestId: 'r',
      }),
    );
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toBe('打不开海报：无权操作辖区外的区划 330521107201');
    expect(screen.queryByRole('button', { name: '复制链接' })).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
  });
});

describe('copying the link', () => {
  it('falls back to copying from a selected text area when the Clipboard API refuses', async () => {
    const execCommand = vi.fn((_command: string) => true);
    const doc = Object.assign(document, { execCommand });
    const refused = { writeText: vi.fn(async () => Promise.reject(new Error('NotAllowedError'))) };
    // What a text area in the page held when the browser was told to copy.
    let copied: string | undefined;
    execCommand.mockImplementation((command) => {
      if (command === 'copy') copied = doc.querySelector('textarea')?.value;
      return true;
    });
    expect(await copyText(URL_OF_PORTAL, { clipboard: refused, document: doc })).toBe(true);
    expect(refused.writeText).toHaveBeenCalled();
    expect(copied).toBe(URL_OF_PORTAL);
    // The text area is gone again.
    expect(doc.querySelector('textarea')).toBeNull();
  });

  it('says how to copy by hand when nothing can copy', async () => {
    const doc = Object.assign(document, { execCommand: vi.fn(() => false) });
    const t = (key: string) => (key === 'copy' ? '复制链接' : key === 'copyFailed' ? '请手动复制' : key);
    render(<CopyLinkButton text={URL_OF_PORTAL} t={t} env={{ document: doc }} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '复制链接' })));
    expect(screen.getByRole('status').textContent).toBe('请手动复制');
    expect(screen.getByRole('status').getAttribute('data-state')).toBe('failed');
  });
});

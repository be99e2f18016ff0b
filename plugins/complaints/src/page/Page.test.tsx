import { HostError } from '@cunmen/sdk';
import { type MockModuleCall, renderWithHost } from '@cunmen/sdk/testing';
import { ThemeProvider } from '@cunmen/ui';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../common/model.js';
import { board, CASE_ID, caseDetail, closedCase } from '../test-data.js';
import { ComplaintsPage } from './Page.js';

const capabilities = ['module.api', 'user.read'] as const;

function recorder(answer: (call: MockModuleCall) => unknown) {
  const calls: MockModuleCall[] = [];
  return {
    calls,
    module: async (call: MockModuleCall) => {
      calls.push(call);
      return answer(call);
    },
  };
}

async function chooseRoads() {
  fireEvent.click(await screen.findByRole('button', { name: /道路交通/ }));
}

describe('submitting (residents)', () => {
  it('takes a category, a few words and gives the tracking number', async () => {
    const r = recorder(({ method, path }) => {
      if (method === 'POST' && path === '/cases') return caseDetail();
      throw new Error(`unexpected ${method} ${path}`);
    });
    renderWithHost(<ComplaintsPage path="/new" />, { capabilities, module: r.module });
    expect(screen.getByText('第 1 步，共 2 步')).toBeDefined();
    await chooseRoads();
    // Not granted location.read: no way to ask for the position at all.
    expect(screen.queryByRole('button', { name: '添加我现在的位置' })).toBeNull();
    fireEvent.change(screen.getByLabelText(/事情经过/), { target: { value: '村口路灯坏了三天' } });
    fireEvent.change(screen.getByLabelText(/地点/), { target: { value: '石桥旁' } });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect((await screen.findByTestId('tracking')).textContent).toBe('JS20261102-0001');
    expect(screen.getByText(/2 小时内受理/)).toBeDefined();
    expect(r.calls).toEqual([
      {
        kind: 'request',
        method: 'POST',
        path: '/cases',
        body: { category: 'roads', text: '村口路灯坏了三天', photos: [], place: '石桥旁', public: true },
      },
    ]);
  });

  it('adds the device location only when the resident asks, and sends it with the case', async () => {
    const r = recorder(({ method, path }) => {
      if (method === 'POST' && path === '/cases') return caseDetail();
      throw new Error(`unexpected ${method} ${path}`);
    });
    renderWithHost(<ComplaintsPage path="/new" />, {
      capabilities: [...capabilities, 'location.read'],
      location: { lat: 30.544712, lng: 119.977599, accuracy: 20 },
      module: r.module,
    });
    await chooseRoads();
    fireEvent.change(screen.getByLabelText(/事情经过/), { target: { value: '村口路灯坏了三天' } });
    fireEvent.click(screen.getByRole('button', { name: '添加我现在的位置' }));
    expect((await screen.findByRole('status')).textContent).toBe('已添加位置（精度约 20 米）');
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await screen.findByTestId('tracking');
    expect(r.calls.at(-1)?.body).toMatchObject({ location: { lat: 30.544712, lng: 119.977599 } });
  });

  it('shows a refused location and sends the case without one', async () => {
    const r = recorder(() => caseDetail());
    renderWithHost(<ComplaintsPage path="/new" />, {
      capabilities: [...capabilities, 'location.read'],
      location: new HostError({ code: 'SDK_ERR_LOCATION_DENIED' }),
      module: r.module,
    });
    await chooseRoads();
    fireEvent.click(screen.getByRole('button', { name: '添加我现在的位置' }));
    expect((await screen.findByRole('alert')).textContent).toBe('没有获得定位授权，可以手动填写地点');
    fireEvent.change(screen.getByLabelText(/事情经过/), { target: { value: '村口路灯坏了三天' } });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await screen.findByTestId('tracking');
    expect(r.calls.at(-1)?.body).not.toHaveProperty('location');
  });

  it('refuses an empty text before sending anything', async () => {
    const r = recorder(() => caseDetail());
    renderWithHost(<ComplaintsPage path="/new" />, { capabilities, module: r.module });
    await chooseRoads();
    fireEvent.change(screen.getByLabelText(/事情经过/), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText('请写下您要反映的事情')).toBeDefined();
    expect(r.calls).toEqual([]);
  });

  it('uploads photos first, then sends their ids; refuses a non-image on the phone', async () => {
    const r = recorder(({ kind, path }) => {
      if (kind === 'upload' && path === '/photos') return { id: 'p-1', type: 'image/jpeg', size: 4 };
      if (path === '/cases') return caseDetail({ photos: ['p-1'] });
      throw new Error(`unexpected ${path}`);
    });
    renderWithHost(<ComplaintsPage path="/new" />, { capabilities, module: r.module });
    await chooseRoads();
    const album = screen.getByTestId('photo-album');
    fireEvent.change(album, { target: { files: [new File(['hello'], 'note.txt', { type: 'text/plain' })] } });
    expect(await screen.findByText('只能上传照片（JPG、PNG、WebP）')).toBeDefined();
    expect(screen.getByText('已选 0 张，最多 6 张')).toBeDefined();
    fireEvent.change(album, {
      target: {
        files: [new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'a.jpg', { type: 'image/jpeg' })],
      },
    });
    expect(await screen.findByText('已选 1 张，最多 6 张')).toBeDefined();
    expect(screen.getByTestId('photo-camera').getAttribute('capture')).toBe('environment');
    expect(screen.getByTestId('photo-camera').getAttribute('accept')).toBe('image/*');
    fireEvent.change(screen.getByLabelText(/事情经过/), { target: { value: '垃圾堆在路边' } });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await screen.findByTestId('tracking');
    expect(r.calls.map((c) => [c.kind, c.path])).toEqual([
      ['upload', '/photos'],
      ['request', '/cases'],
    ]);
    expect(r.calls[1]?.body).toMatchObject({ photos: ['p-1'] });
  });

  it('shows the server’s refusal on the field it names and keeps what was typed', async () => {
    const r = recorder(() => {
      throw new HostError({
        code: 'COMPLAINTS_ERR_TEXT_TOO_LONG',
        message: '内容最多 2000 个字',
        status: 400,
      });
    });
    renderWithHost(<ComplaintsPage path="/new" />, { capabilities, module: r.module });
    await chooseRoads();
    fireEvent.change(screen.getByLabelText(/事情经过/), { target: { value: '很长的内容' } });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText('内容最多 2000 个字')).toBeDefined();
    expect((screen.getByLabelText(/事情经过/) as HTMLTextAreaElement).value).toBe('很长的内容');
    expect(screen.queryByTestId('tracking')).toBeNull();
  });

  it('asks an anonymous visitor to sign in instead of showing the form', async () => {
    const r = recorder(() => board());
    renderWithHost(<ComplaintsPage path="/new" />, { capabilities, user: null, module: r.module });
    expect(await screen.findByText('登录后才能反映问题、查看进度。')).toBeDefined();
    expect(screen.queryByRole('button', { name: /道路交通/ })).toBeNull();
  });

  it('keeps the category buttons the UI kit’s buttons (60 px targets in elderly mode)', async () => {
    renderWithHost(
      <ThemeProvider elderly>
        <ComplaintsPage path="/new" />
      </ThemeProvider>,
      { capabilities, module: async () => caseDetail() },
    );
    const button = await screen.findByRole('button', { name: /道路交通/ });
    expect(button.className).toContain('cm-button');
    expect(button.closest('[data-cm-elderly]')?.getAttribute('data-cm-elderly')).toBe('true');
  });
});

describe('my case and rating', () => {
  it('shows every status change and lets the resident rate once, after close', async () => {
    let current: CaseDetail = closedCase();
    const r = recorder(({ method, path, body }) => {
      if (method === 'GET' && path === `/cases/${CASE_ID}`) return current;
      if (method === 'POST' && path === `/cases/${CASE_ID}/rate`) {
        current = closedCase({ rating: (body as { rating: 'satisfied' }).rating, actions: [] });
        return current;
      }
      throw new Error(`unexpected ${method} ${path}`);
    });
    renderWithHost(<ComplaintsPage path={`/case/${CASE_ID}`} />, { capabilities, module: r.module });
    expect((await screen.findByTestId('status')).textContent).toBe('已办结');
    for (const step of [
      '您提交了反映',
      '仙潭村村民委员会 受理',
      '仙潭村村民委员会 答复',
      '仙潭村村民委员会 办结',
    ]) {
      expect(screen.getByText(step)).toBeDefined();
    }
    expect(screen.getByText('路灯已修好')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect(await screen.findAllByText('您对办理结果满意吗？')).toBeDefined();
    expect(r.calls.filter((c) => c.method === 'POST')).toEqual([]);
    fireEvent.click(screen.getByLabelText('满意'));
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect(await screen.findByText('您的评价：满意')).toBeDefined();
    await waitFor(() => expect(screen.queryByRole('button', { name: '提交评价' })).toBeNull());
    expect(r.calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ rating: 'satisfied' }]);
  });

  it('offers no rating before the case is closed', async () => {
    renderWithHost(<ComplaintsPage path={`/case/${CASE_ID}`} />, {
      capabilities,
      module: async () => caseDetail({ status: 'dispatched', actions: [] }),
    });
    expect((await screen.findByTestId('status')).textContent).toBe('办理中');
    expect(screen.queryByRole('button', { name: '提交评价' })).toBeNull();
  });

  it('lists my cases with their status', async () => {
    const r = recorder(() => ({ items: [caseDetail({ status: 'replied' })], open: 0 }));
    const { host } = renderWithHost(<ComplaintsPage path="/mine" />, { capabilities, module: r.module });
    const item = await screen.findByRole('button', { name: /道路交通 · 已答复/ });
    fireEvent.click(item);
    expect(host.navigations).toEqual([`/complaints/case/${CASE_ID}`]);
  });
});

describe('the public board', () => {
  it('shows dates, the answering unit and the answer, never who complained', async () => {
    const answer = board();
    // Even if a server sent more, the board renders only its own fields.
    (answer.items[0] as unknown as Record<string, unknown>).residentName = '张阿婆';
    (answer.items[0] as unknown as Record<string, unknown>).phone = '13812345678';
    renderWithHost(<ComplaintsPage path="/board" />, {
      capabilities,
      user: null,
      module: async () => answer,
    });
    expect(await screen.findByText('答复单位：莫干山镇人民政府')).toBeDefined();
    expect(screen.getByText(/收到：2026-11-02 09:00/)).toBeDefined();
    expect(screen.getByText(/答复：2026-11-02 10:00/)).toBeDefined();
    expect(screen.getByText('已联系自来水公司维修')).toBeDefined();
    expect(screen.getByTestId('board-summary').textContent).toBe(
      '今年收到 4 件，响应率 75.0%，解决率 50.0%，满意率 50.0%',
    );
    const text = document.body.textContent ?? '';
    expect(text).not.toContain('张阿婆');
    expect(text).not.toContain('13812345678');
  });
});

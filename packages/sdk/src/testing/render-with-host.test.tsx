// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useConfig } from '../react/useConfig.js';
import { useElderlyMode } from '../react/useElderlyMode.js';
import { useSubmitForm } from '../react/useSubmitForm.js';
import { useVillage } from '../react/useVillage.js';
import { MockHostProvider } from './MockHostProvider.js';
import { createMockHost } from './mock-host.js';
import { renderWithHost } from './render-with-host.js';

afterEach(cleanup);

function Booking() {
  const { submit, result, error } = useSubmitForm('waste-pickup');
  const { title } = useConfig<{ title: string }>();
  return (
    <>
      <h1>{title}</h1>
      <button type="button" onClick={() => void submit({ day: '周二' })}>
        提交
      </button>
      {result ? <p>已提交</p> : null}
      {error ? <p role="alert">{error.message}</p> : null}
    </>
  );
}

function Frame({ children }: { children: ReactNode }) {
  return <section aria-label="主题">{children}</section>;
}

describe('renderWithHost', () => {
  it('renders inside a MockHost built from the options and returns it', async () => {
    const { host, findByText, getByRole } = renderWithHost(<Booking />, {
      config: { title: '预约上门回收' },
    });
    expect(getByRole('heading').textContent).toBe('预约上门回收');
    fireEvent.click(getByRole('button'));
    await findByText('已提交');
    expect(host.submissions).toEqual([
      expect.objectContaining({ formId: 'waste-pickup', data: { day: '周二' } }),
    ]);
  });

  it('renders a wrapper inside the host, around the component', () => {
    const { getByRole } = renderWithHost(<Booking />, { config: { title: '包裹' }, wrapper: Frame });
    expect(getByRole('region', { name: '主题' }).querySelector('h1')?.textContent).toBe('包裹');
  });

  it('shows what a widget without the capability would show', async () => {
    const { findByRole, getByRole } = renderWithHost(<Booking />, {
      capabilities: [],
      config: { title: 't' },
    });
    fireEvent.click(getByRole('button'));
    expect((await findByRole('alert')).textContent).toContain('form.submit');
  });

  it('keeps the provider across rerender and accepts a given host', () => {
    const host = createMockHost({ config: { title: '一' } });
    const { rerender, getByRole, host: used } = renderWithHost(<Booking />, { host });
    expect(used).toBe(host);
    rerender(<Booking />);
    expect(getByRole('heading').textContent).toBe('一');
  });
});

function Village() {
  const { name } = useVillage();
  const [elderly] = useElderlyMode();
  return <p>{`${name}${elderly ? '（长辈版）' : ''}`}</p>;
}

describe('MockHostProvider', () => {
  it('creates a MockHost from its props once', () => {
    const { rerender } = render(
      <MockHostProvider village={{ code: '330521002001', name: '测试村' }}>
        <Village />
      </MockHostProvider>,
    );
    expect(screen.getByText('测试村')).toBeTruthy();
    rerender(
      <MockHostProvider village={{ code: '330521002002', name: '另一个村' }}>
        <Village />
      </MockHostProvider>,
    );
    expect(screen.getByText('测试村')).toBeTruthy();
  });

  it('uses a given host', () => {
    const host = createMockHost();
    render(
      <MockHostProvider host={host}>
        <Village />
      </MockHostProvider>,
    );
    act(() => host.elderly.set(true));
    expect(screen.getByText('德清县某村（长辈版）')).toBeTruthy();
  });
});

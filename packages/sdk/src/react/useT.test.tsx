// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createMockHost } from '../testing/mock-host.js';
import { HostProvider } from './HostProvider.js';
import { createTranslate, useT } from './useT.js';

afterEach(cleanup);

const messages = {
  'zh-CN': { title: '预约上门回收', booked: '已预约 {{count}} 次', form: { submit: '提交' } },
  en: { title: 'Book a pickup', booked: 'Booked {{count}} times' },
};

function Title() {
  const t = useT(messages);
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('booked', { count: 3 })}</p>
      <button type="button">{t('form.submit')}</button>
    </>
  );
}

describe('useT', () => {
  it('translates in zh-CN with interpolation and nested keys', () => {
    render(
      <HostProvider host={createMockHost()}>
        <Title />
      </HostProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('预约上门回收');
    expect(screen.getByText('已预约 3 次')).toBeTruthy();
    expect(screen.getByRole('button').textContent).toBe('提交');
  });

  it('switches with the locale and falls back to zh-CN for missing English', () => {
    const host = createMockHost();
    const { rerender } = render(
      <HostProvider host={host}>
        <Title />
      </HostProvider>,
    );
    rerender(
      <HostProvider host={{ ...host, locale: 'en' }}>
        <Title />
      </HostProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Book a pickup');
    expect(screen.getByText('Booked 3 times')).toBeTruthy();
    expect(screen.getByRole('button').textContent).toBe('提交');
    rerender(
      <HostProvider host={host}>
        <Title />
      </HostProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('预约上门回收');
  });

  it('keeps widgets apart: the same key in two resource sets', () => {
    const a = createTranslate({ 'zh-CN': { title: '甲' } }, 'zh-CN');
    const b = createTranslate({ 'zh-CN': { title: '乙' } }, 'zh-CN');
    expect([a('title'), b('title')]).toEqual(['甲', '乙']);
  });

  it('does not escape (React does) and does not log', () => {
    const log = vi.spyOn(console, 'log');
    const info = vi.spyOn(console, 'info');
    const warn = vi.spyOn(console, 'warn');
    const t = createTranslate({ 'zh-CN': { hi: '你好，{{name}}' } }, 'en');
    expect(t('hi', { name: '<张*华>' })).toBe('你好，<张*华>');
    expect(log).not.toHaveBeenCalled();
    expect(info).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('types the keys', () => {
    const t = createTranslate(messages, 'zh-CN');
    expectTypeOf(t).parameter(0).toEqualTypeOf<'title' | 'booked' | 'form.submit'>();
  });
});
